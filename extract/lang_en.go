package extract

import (
	"math"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// english is the English module: sentence ends, number syntax and dates.
type english struct{}

func init() { RegisterLanguage(english{}) }

func (english) Code() string { return "en" }

func isQuote(t *Token) bool {
	return t.Kind == Punct && (t.Low == "\"" || t.Low == "'" || t.Low == ")" || t.Low == "]")
}

// Sentences ends a sentence at . ! ? (and the quotes and brackets that close
// it) when the next token starts a new one, except after abbreviations and
// initials; the end of the paragraph always ends one.
func (english) Sentences(lx *Lexicon, toks []Token, dst []Span) []Span {
	start := 0
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		// An initialism keeps its final period ("U.S.") and can end a
		// sentence: "sent by the U.S. The next day" splits, "U.S.
		// officials" and "U.S. President" do not.
		if t.Kind == Word && k+1 < len(toks) && isInitialism(t.Text) {
			if n := &toks[k+1]; n.Kind == Word && !n.Glued && isCap(n) && sentenceOpener[n.Low] {
				dst = append(dst, Span{start, k + 1})
				start = k + 1
			}
			continue
		}
		if t.Kind != Punct || !(t.Low == "." || t.Low == "!" || t.Low == "?" || t.Low == "…") {
			continue
		}
		end := k + 1
		for end < len(toks) && isQuote(&toks[end]) && toks[end].Glued {
			end++
		}
		// Footnote marks after the period belong to the sentence: ".[1]",
		// ".[3][4]" as encyclopedias cite.
		for end+2 < len(toks) && footnoteMark(toks, end) {
			end += 3
		}
		if end >= len(toks) {
			break
		}
		next := &toks[end]
		if next.Glued && !(t.Low == "." && end == k+1 && k > 0 && gluedParagraph(lx, &toks[k-1], next)) {
			continue // "1.5", "e.g.x", "...)"
		}
		if t.Low == "." && k > 0 {
			p := &toks[k-1]
			if p.Glued || k-1 >= 0 {
				if p.Kind == Word && (p.in(wcAbbrev, lx.abbrev) || (len(p.Text) == 1 && isCap(p))) {
					continue
				}
				if next.Kind == Number && lx.boundEndsAt(toks, k) {
					continue // "c. 9,000", "approx. 400": a bound's own period
				}
			}
		}
		// The next sentence starts with a capital, a digit or a quote.
		n := next
		if n.Kind == Punct && (n.Low == "\"" || n.Low == "'" || n.Low == "(" || n.Low == "[") && end+1 < len(toks) {
			n = &toks[end+1]
		}
		if n.Kind == Word && !isCap(n) && isLatin(n.Text) {
			continue
		}
		dst = append(dst, Span{start, end})
		start = end
	}
	if start < len(toks) {
		dst = append(dst, Span{start, len(toks)})
	}
	return dst
}

// footnoteMark reports whether toks[k] opens a footnote mark glued to
// the word or mark before it: "[12]" in "in 2023.[12]" or "killed,[7]".
func footnoteMark(toks []Token, k int) bool {
	return k > 0 && k+2 < len(toks) && toks[k].Low == "[" && toks[k].Glued && toks[k+1].Kind == Number && toks[k+1].Glued && !toks[k+1].Sep && toks[k+2].Low == "]" && toks[k+2].Glued
}

// boundEndsAt reports whether a bound before a number ("c.", "approx.")
// ends with the period at toks[k].
func (lx *Lexicon) boundEndsAt(toks []Token, k int) bool {
	for s := k - 1; s >= 0 && s >= k-3; s-- {
		if p := lx.bounds.at(toks, s); p != nil && s+len(p.low) == k+1 {
			return true
		}
	}
	return false
}

// gluedParagraph reports whether a period between prev and next, glued
// to both, joins two sentences whose space the page lost ("last
// year.According to", "in Ukraine.Zelenskyy said"): a word of three
// letters or more ending in a small letter before it, a capitalised word
// after. Domain names ("nknews.org") go on in small letters, and a
// capitalised top-level domain ("Caliber.Az", "Gazeta.Ru") is a site's
// name, not a new sentence.
func gluedParagraph(lx *Lexicon, prev, next *Token) bool {
	if prev.Kind != Word || next.Kind != Word || len(prev.Text) < 3 || len(next.Text) < 2 || prev.in(wcAbbrev, lx.abbrev) || siteSuffix[next.Low] {
		return false
	}
	last := prev.Text[len(prev.Text)-1]
	return last >= 'a' && last <= 'z' && isCap(next) && next.Text[1] >= 'a' && next.Text[1] <= 'z'
}

// sentenceOpener are closed-class words that start a sentence but never
// continue a name, so after an initialism ("the U.S. The ...") they mark a
// new sentence.
var sentenceOpener = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "its": true, "their": true, "his": true, "her": true,
	"there": true, "but": true, "and": true, "yet": true, "so": true, "however": true, "meanwhile": true, "still": true,
	"on": true, "in": true, "at": true, "after": true, "before": true, "since": true, "while": true, "when": true, "if": true,
	"some": true, "many": true, "most": true, "about": true, "according": true,
}

// isInitialism reports whether a word token is capitals each followed by
// a period: "U.S.", "U.N.".
func isInitialism(s string) bool {
	if len(s) < 4 || !strings.HasSuffix(s, ".") {
		return false
	}
	for _, r := range s {
		if r != '.' && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func isLatin(s string) bool { return s != "" && s[0] < 0x80 }

// number reads a number at toks[i]: digits (with a glued scale, "2K"),
// number words ("five thousand", "a thousand", "twenty-five") and scale
// words after digits ("1.5 million"). scaled says whether a scale word
// was read, so a range can share it ("4.5 to 5 thousand").
func (lx *Lexicon) number(toks []Token, i int) (v float64, next int, scaled bool, ok bool) {
	if i >= len(toks) {
		return 0, i, false, false
	}
	t := &toks[i]
	j := i + 1
	if t.Kind == Number {
		v = t.Num
		// "15-thousand", "78-hundred": a scale joined by a hyphen.
		if j+1 < len(toks) && toks[j].Glued && isHyphen(toks[j].Low) && toks[j+1].Glued && toks[j+1].Kind == Word {
			if s, isScale := lx.scale(&toks[j+1]); isScale && s >= 100 && len(toks[j+1].Low) > 1 && !t.Dec {
				v *= s
				j += 2
				scaled = true
				return v, j, scaled, true
			}
		}
		if j < len(toks) && toks[j].Glued && toks[j].Kind == Word {
			w := toks[j].Low
			if s, isScale := lx.scales[w]; isScale && s >= 1000 {
				v *= s
				j++
				scaled = true
			} else {
				return 0, i, false, false // 7th, 1990s, 5G
			}
		}
	} else if t.Kind == Word && i > 0 && scaleAfter[toks[i-1].Low] && lx.loneScale(t) {
		// "another thousand": the scale counts one of it.
		v, _ = lx.scale(t)
		return v, j, true, true
	} else if t.Kind == Word {
		// A number word is a phrase of numw: a marked token without its
		// bit is none, and most words are not.
		if t.mask&maskDone != 0 && t.mask&lx.numw.bit == 0 {
			return 0, i, false, false
		}
		if _, isNum := lx.numWord(t); !isNum {
			return 0, i, false, false
		}
		var total, cur float64
		any := false
		j = i
		for j < len(toks) {
			w := &toks[j]
			if w.Kind == Punct && w.Low == "-" && w.Glued && any && j+1 < len(toks) && toks[j+1].Glued {
				// "four-thousand-100": digits finish a number in words.
				if nt := &toks[j+1]; nt.Kind == Number && scaled && !nt.Sep && !nt.Dec && cur == 0 && total > nt.Num {
					cur = nt.Num
					j += 2
					break
				}
				// "twenty-five", "four-thousand": the number goes on; in
				// "three-month visas" it has ended, and the hyphen is left
				// for the caller to see a compound.
				_, num := lx.numWord(&toks[j+1])
				_, scale := lx.scale(&toks[j+1])
				if !num && !scale {
					break
				}
				j++
				continue
			}
			if w.Kind != Word {
				break
			}
			if n, isNum := lx.numWord(w); isNum {
				if (w.Low == "a" || w.Low == "an") && (any || j+1 >= len(toks) || !lx.isScaleWord(toks[j+1].Low)) {
					break
				}
				if any && cur != 0 && n >= 1 && cur < 20 && n < 10 && w.Low != "a" {
					break // "three two": two numbers
				}
				cur += n
				any = true
				j++
				continue
			}
			if s, isScale := lx.scale(w); isScale && any && len(w.Low) > 1 {
				if s == 100 {
					if cur == 0 {
						cur = 1
					}
					cur *= 100
				} else {
					if cur == 0 {
						cur = 1
					}
					total += cur * s
					cur = 0
				}
				scaled = true
				j++
				continue
			}
			if w.Low == "and" && any && j+1 < len(toks) {
				if _, isNum := lx.numWord(&toks[j+1]); isNum && scaled && toks[j+1].Low != "a" {
					j++
					continue
				}
			}
			break
		}
		if !any {
			return 0, i, false, false
		}
		return total + cur, j, scaled, true
	} else {
		return 0, i, false, false
	}
	last := 0.0
	for j < len(toks) && toks[j].Kind == Word && len(toks[j].Low) > 1 {
		s, isScale := lx.scale(&toks[j])
		if !isScale {
			break
		}
		v *= s
		last = s
		scaled = true
		j++
	}
	// "13 thousand 221 citizens": translation from Russian writes the
	// hundreds after the thousands.
	if last == 1000 && v == float64(int64(v)) && j < len(toks) {
		if t := &toks[j]; t.Kind == Number && !t.Sep && !t.Dec && !t.Glued && t.Num < 1000 && t.Num >= 1 {
			v += t.Num
			j++
		}
	}
	return v, j, scaled, true
}

// loneScale reports whether t is a scale word that can stand alone for
// one of it: "thousand", "hundred", not "k" or "millions".
func (lx *Lexicon) loneScale(t *Token) bool {
	s, ok := lx.scale(t)
	return ok && s >= 100 && len(t.Low) > 1 && !strings.HasSuffix(t.Low, "s")
}

func isHyphen(s string) bool { return s == "-" || s == "‑" || s == "‐" }

// rangeDash are the separators of a numeric range: hyphens and dashes,
// the non-breaking hyphen and the minus sign included.
func rangeDash(s string) bool {
	return s == "-" || s == "–" || s == "—" || s == "‑" || s == "‐" || s == "−"
}

func (lx *Lexicon) isScaleWord(w string) bool {
	_, ok := lx.scales[w]
	return ok && len(w) > 1
}

// phrasalVerb are verbs whose particle looks like a bound: "hand over
// 1,200 dollars" is not "over 1,200".
var phrasalVerb = map[string]bool{"hand": true, "hands": true, "handed": true, "handing": true, "turn": true, "turned": true, "turns": true, "turning": true, "take": true, "took": true, "taken": true, "taking": true, "pass": true, "passed": true, "passing": true, "sign": true, "signed": true, "give": true, "gave": true, "given": true}

func yearLike(t *Token) bool {
	return t.Kind == Number && !t.Sep && !t.Dec && t.Num >= 1900 && t.Num <= 2100 && len(t.Text) == 4
}

// Figures appends the figures of one sentence to out.
func (english) Figures(lx *Lexicon, toks []Token, out []Figure) []Figure {
	n := len(toks)
	// Only numbers, number words, vague words and currency signs can
	// start a figure: the mask says which tokens are, without a look-up.
	startBits := lx.numw.bit | lx.vague.bit | lx.few.bit | lx.currency.bit
	for i := 0; i < n; {
		if t := &toks[i]; t.Kind != Number && t.mask&maskDone != 0 && t.mask&startBits == 0 && !(t.maybe(wcScale) && i > 0 && scaleAfter[toks[i-1].Low]) {
			i++
			continue
		}
		f, next, ok := lx.figureAt(toks, i)
		if ok {
			out = append(out, f)
		}
		if next > i {
			i = next // a rejected expression is skipped whole: "aged 20 to 30"
			continue
		}
		i++
	}
	return out
}

func (lx *Lexicon) figureAt(toks []Token, i int) (f Figure, next int, ok bool) {
	n := len(toks)
	t := &toks[i]
	// Vague quantities: "several hundred", "a few thousand", "tens of thousands".
	if p := lx.few.at(toks, i); p != nil {
		k := i + len(p.low)
		if k < n {
			if s, isScale := lx.scale(&toks[k]); isScale && len(toks[k].Low) > 1 {
				v := s * 3
				f = Figure{Start: i, End: k + 1, Kind: flowwatch.KindPeople, Low: flowwatch.F(v), Qualifier: flowwatch.QualVague, Unit: "people", Vague: true}
				lx.moneyOrShare(toks, &f, "")
				return f, k + 1, true
			}
		}
	}
	if p := lx.vague.at(toks, i); p != nil && (i == 0 || toks[i-1].Kind != Number) {
		k := i + len(p.low)
		// "hundreds if not thousands", "dozens or hundreds": the
		// first, lower word is the floor; the phrase runs on to the noun.
		if m := lx.vagueAlternative(toks, k); m > k {
			f = Figure{Start: i, End: m, Kind: flowwatch.KindPeople, Low: flowwatch.F(p.num), Qualifier: flowwatch.QualVague, Unit: "people", Vague: true}
			lx.moneyOrShare(toks, &f, "")
			return f, m, true
		}
		f = Figure{Start: i, End: k, Kind: flowwatch.KindPeople, Low: flowwatch.F(p.num), Qualifier: flowwatch.QualVague, Unit: "people", Vague: true}
		// "thousands of dollars", "hundreds of millions of dollars": a
		// vague amount of money.
		if k+1 < n && toks[k].Low == "of" {
			if c := lx.currency.at(toks, k+1); c != nil && toks[k+1].Kind == Word {
				f.End = k + 1 + len(c.low)
				lx.moneyOrShare(toks, &f, c.val)
				return f, f.End, true
			}
		}
		if p.num >= 1e6 {
			return f, k, false // "worth billions": millions count money, not people
		}
		return f, k, true
	}
	// Currency before the number: "$800", "US$ 2 million".
	cur := ""
	j := i
	if p := lx.currency.at(toks, i); p != nil && toks[i].Kind == Punct || (p != nil && isAcronym(toks[i].Text) && i+len(p.low) < n && toks[i+len(p.low)].Kind == Number) {
		cur = p.val
		j = i + len(p.low)
	}
	if t.Kind != Number && t.Kind != Word && cur == "" {
		return f, i, false
	}
	v, k, scaled, isNum := lx.number(toks, j)
	if !isNum {
		return f, i, false
	}
	numTok := &toks[j]
	low, high := v, v
	qual := flowwatch.QualExact
	if numTok.Low == "couple" {
		// "a couple thousand" is about 2,000; "a couple of soldiers" is
		// no figure.
		if !scaled {
			return f, k, false
		}
		qual = flowwatch.QualApprox
	}
	start := i
	// Bounds and "between" before the figure.
	between := false
	if start > 0 && toks[start-1].Low == "between" {
		between = true
	}
	// "from 15,000 to 30,000" states a change of a count, two figures;
	// "anywhere from $200 million to $500 million" is a range of money.
	fb := start - 1
	for fb > 0 && start-fb <= 2 && toks[fb].in(wcLevelWord, levelWords) {
		fb-- // "from the existing 15,000 to 30,000"
	}
	fromRange := fb >= 0 && toks[fb].Low == "from" && !(cur != "" && !(fb > 0 && toks[fb-1].in(wcChange, lx.change))) && !(fb > 0 && rangeFrom[toks[fb-1].Low])
	if b := lx.bounds.endingAt(toks, start, 4); b != nil && !(b.low[0] == "over" && len(b.low) == 1 && start-2 >= 0 && toks[start-2].in(wcPhrasalVerb, phrasalVerb)) {
		qual = b.val
		start -= len(b.low)
		if start > 0 && toks[start-1].Low == "between" {
			between = true
		}
	}
	if between {
		start--
	}
	// A range: "1,000–2,000", "10,000 to 12,000", "between X and Y".
	// After "from" only "to" states a change; a dash still joins the two
	// ends of one estimate ("has from 3,000-10,000 IT workers").
	if k < n && !(fromRange && toks[k].Low == "to") {
		sep := toks[k].Low
		if rangeDash(sep) || sep == "to" || (sep == "and" && between) {
			m := k + 1
			cur2 := ""
			if m < n {
				// "$150-$300 million", "USD 7,200 to USD 10,000"
				if p := lx.currency.at(toks, m); p != nil && (toks[m].Kind == Punct || isAcronym(toks[m].Text)) && m+len(p.low) < n && toks[m+len(p.low)].Kind == Number {
					cur2 = p.val
					m += len(p.low)
				}
			}
			if m < n && (toks[m].Kind == Number || !rangeDash(sep)) {
				v2, k2, scaled2, ok2 := lx.number(toks, m)
				if ok2 && v2 > 0 {
					if yearLike(numTok) && !scaled {
						if v2 >= 1000 && !yearLike(&toks[m]) {
							return f, k, false // "in 2017 to 11,490": the year alone
						}
						return f, k2, false // 1950-53, 2022-2024
					}
					if !scaled && scaled2 {
						// "4.5 to 5 thousand": the scale is shared.
						raw2, _, _, _ := lx.number(toks[:m+1], m)
						if raw2 > 0 && v < raw2*1.0001 {
							low = v * (v2 / raw2)
							scaled = true
						}
					} else if !scaled && !scaled2 && rangeDash(sep) && v >= 1 && v < 1000 && v == math.Trunc(v) && math.Mod(v2, 1000) == 0 && v*1000 <= v2 && v*10000 > v2 {
						// "10-12,000 troops", "2-3,000 USD": the second
						// number's thousands are the first's too.
						low = v * 1000
					} else {
						low = v
					}
					if low < v2 {
						high = v2
						qual = flowwatch.QualRange
						k = k2
						if cur == "" {
							cur = cur2
						}
					} else {
						low = v
					}
				}
			}
		}
	}
	f = Figure{Start: start, End: k, Kind: flowwatch.KindPeople, Qualifier: qual, Unit: "people"}
	// Non-claims: names with numbers, ordinals, dates, years, ratios, times.
	if cur == "" {
		if j > 0 {
			p := &toks[j-1]
			if numTok.Glued && (p.Kind == Word || p.Kind == Number) {
				return f, k, false // "time2", "Herald09"
			}
			if numTok.Glued && p.Low == "-" && j > 1 && p.Glued && toks[j-2].Kind == Word {
				return f, k, false // MiG-29, Covid-19
			}
			if numTok.Glued && (p.Low == "-" || p.Low == "/" || p.Low == ".") && j > 1 && p.Glued && toks[j-2].Kind == Number {
				return f, k, false // 2024-12-14, 12/14/2024, 2025.9.9
			}
			if footnoteMark(toks, j-1) {
				return f, k, false // "in 2023.[12]": a footnote, not a figure
			}
			if p.in(wcNotAfter, lx.notAfter) && (isCap(p) || p.Low == "no" || p.Low == "no.") {
				return f, k, false // Resolution 2375
			}
			if lx.listedAfterName(toks, j) {
				return f, k, false // Resolutions 2375 and 2397
			}
			if p.Low == "aged" || p.Low == "age" || p.Low == "ages" || (p.Low == "of" && j > 1 && toks[j-2].Low == "ages") {
				return f, k, false // aged 20 to 30
			}
			if start > 0 && start < j && (toks[start-1].Low == "aged" || toks[start-1].Low == "ages") {
				return f, k, false // aged between 20 and 40
			}
			if p.Low == "." && j > 1 && toks[j-2].in(wcNotAfter, lx.notAfter) && (isCap(&toks[j-2]) || toks[j-2].Low == "no") {
				return f, k, false // No. 5 (a small "c. 9,000" is circa)
			}
		}
		if numTok.Kind == Number && !numTok.Sep {
			// "1-800-555-0199", "+7 423 ...": three or more digit groups
			// glued by hyphens are a phone number or a code.
			groups, e := 1, j+1
			for e+1 < n && toks[e].Glued && toks[e].Low == "-" && toks[e+1].Glued && toks[e+1].Kind == Number {
				groups++
				e += 2
			}
			if j > 1 && toks[j-1].Low == "-" && numTok.Glued && toks[j-1].Glued && toks[j-2].Kind == Number {
				groups++
			}
			if groups >= 3 {
				return f, e, false
			}
		}
		if numTok.Kind == Number && !scaled && qual != flowwatch.QualRange {
			if yearLike(numTok) {
				if g, _ := lx.Group(toks, k); g == "" {
					return f, k, false
				}
			}
			if numTok.Num <= 31 && !numTok.Sep && lx.nearMonth(toks, j) {
				return f, k, false
			}
		}
		if numTok.Kind == Number && !scaled && qual == flowwatch.QualRange && high <= 31 && !numTok.Sep && lx.nearMonth(toks, j) {
			return f, k, false // "on Dec. 14-15": days of a month
		}
		if r := lx.ratioAfter(toks, k, high); r > k {
			return f, r, false // "one in four", "three out of five": a ratio, not a count
		}
		if lx.ratioBefore(toks, start, low) {
			return f, k, false
		}
		if k < n {
			a := &toks[k]
			switch a.Low {
			case "times":
				if !(low >= 100 && lx.entriesBefore(toks, start)) {
					return f, k, false // "12 times more": a ratio
				}
			case "fold", "x", "×", "th", "st", "nd", "rd", "am", "pm", "a.m.", "p.m.":
				return f, k, false
			case ":", "/":
				// "10:30", "3/4"; a colon that ends the sentence
				// ("approximately 10,000:") leaves the figure be.
				if a.Glued && k+1 < n && toks[k+1].Glued {
					// Past the number after it too: the minutes of
					// "09:40" count no one.
					return f, k + 2, false
				}
			case "-":
				if a.Glued && k+1 < n && toks[k+1].Glued && toks[k+1].Kind == Word {
					if toks[k+1].in(wcStrengthWord, strengthWord) {
						// "a 12,000-strong contingent", "a 3,000-man
						// unit": the people follow.
						k += 2
						break
					}
					if b := lx.boundsAfter.at(toks, k+1); b != nil {
						k++ // "11,000-plus troops": read as "11,000 plus"
						break
					}
					if _, isScale := lx.scale(&toks[k+1]); !isScale {
						return f, k, false // 20-year-old, 10-day
					}
				}
			}
		}
	}
	f.End = k
	// One allocation for both ends (a figure's ends live as long as its
	// claim, and nothing writes through them).
	ends := &[2]float64{low, high}
	f.Low, f.High = &ends[0], &ends[1]
	switch qual {
	case flowwatch.QualAtLeast:
		f.High = nil
	case flowwatch.QualAtMost:
		f.Low = nil
	}
	// After the number: "or more", "+"; also after a hedge before it
	// ("some 4,000-plus": at least 4,000, of which "some" is unsure).
	if k < n {
		if b := lx.boundsAfter.at(toks, k); b != nil && (b.low[0] != "+" || toks[k].Glued) && (qual == flowwatch.QualExact || qual == flowwatch.QualApprox) {
			f.Qualifier = b.val
			if b.val == flowwatch.QualAtLeast {
				f.High = nil
			}
			k += len(b.low)
			f.End = k
		}
	}
	lx.moneyOrShare(toks, &f, cur)
	if f.Kind == flowwatch.KindPeople && numTok.Dec && !scaled {
		return f, k, false // 53.3 F: people come in whole numbers
	}
	return f, f.End, true
}

// entriesBefore reports whether a verb or noun of entry stands within
// six words before a figure followed by "times": "entered Russia 7,000
// times" counts entries (border statistics), not a ratio. The figure
// must be a statistic's (100 or more): "visited Moscow three times" is
// one person's trips.
func (lx *Lexicon) entriesBefore(toks []Token, start int) bool {
	for b := start - 1; b >= 0 && b >= start-6; b-- {
		if toks[b].Kind == Punct {
			return false
		}
		if p := lx.events.at(toks, b); p != nil && p.val == flowwatch.EventEntered {
			return true
		}
	}
	return false
}

// vagueAlternative reads "if not thousands" or "or thousands" after a vague word ending at k and returns where it ends,
// or k.
func (lx *Lexicon) vagueAlternative(toks []Token, k int) int {
	m := k
	switch {
	case m+2 < len(toks) && toks[m].Low == "if" && toks[m+1].Low == "not":
		m += 2
	case m+1 < len(toks) && toks[m].Low == "or":
		m++
	default:
		return k
	}
	if p := lx.vague.at(toks, m); p != nil {
		return m + len(p.low)
	}
	return k
}

// listedAfterName reports whether the number at toks[j] continues a list
// of numbers that a name word opens: "Resolutions 2375 and 2397",
// "Resolutions 2270, 2321 and 2397".
func (lx *Lexicon) listedAfterName(toks []Token, j int) bool {
	b := j - 1
	for b >= 1 && (toks[b].Low == "and" || toks[b].Low == "," || toks[b].Low == "&" || toks[b].Low == "or") && toks[b-1].Kind == Number && !toks[b-1].Sep {
		b -= 2
		if b >= 0 && toks[b].in(wcNotAfter, lx.notAfter) && isCap(&toks[b]) {
			return true
		}
	}
	return false
}

// nearMonth reports whether a small number at toks[j] is a day of a date:
// "February 4", "4 June", "December 12 and 13".
func (lx *Lexicon) nearMonth(toks []Token, j int) bool {
	if j+1 < len(toks) && lx.month(&toks[j+1]) > 0 && isCap(&toks[j+1]) {
		return true
	}
	for b := j - 1; b >= 0 && b >= j-4; b-- {
		t := &toks[b]
		if lx.month(t) > 0 && isCap(t) {
			return true
		}
		if !(t.Kind == Number || t.Low == "and" || t.Low == "," || t.Low == "-" || t.Low == "–" || t.Low == "." || t.Low == "to") {
			return false
		}
	}
	return false
}

// moneyOrShare turns f into money or a share when a currency or a percent
// sign goes with it, and reads money's period.
func (lx *Lexicon) moneyOrShare(toks []Token, f *Figure, cur string) {
	k := f.End
	n := len(toks)
	if cur == "" && k < n {
		if p := lx.currency.at(toks, k); p != nil && toks[k].Kind == Word {
			cur = p.val
			f.End = k + len(p.low)
		} else if p := lx.percent.at(toks, k); p != nil {
			f.Kind = flowwatch.KindShare
			f.Unit = "percent"
			f.End = k + len(p.low)
			return
		}
	}
	if cur == "" {
		return
	}
	f.Kind = flowwatch.KindMoney
	f.Unit = cur
	f.Vague = false
	// Period: after the amount ("a month", "annually"), else just before
	// ("a monthly stipend of $800").
	for m := f.End; m < n && m < f.End+6; m++ {
		if toks[m].Low == "." || toks[m].Low == ";" {
			break
		}
		if p := lx.per.at(toks, m); p != nil && (m > f.End || p.low[0] != "month" && p.low[0] != "year") {
			if len(p.low) == 1 && (p.low[0] == "month" || p.low[0] == "year") {
				if m == 0 || (toks[m-1].Low != "a" && toks[m-1].Low != "per" && toks[m-1].Low != "each" && toks[m-1].Low != "every") {
					continue
				}
			}
			f.Per = p.val
			return
		}
	}
	for m := f.Start - 1; m >= 0 && m >= f.Start-5; m-- {
		if p := lx.per.at(toks, m); p != nil && len(p.low) == 1 && p.low[0] != "month" && p.low[0] != "year" {
			f.Per = p.val
			return
		}
	}
}

// ratioAfter reads the rest of a ratio whose first number ends at k
// ("one in four", "one in every three", "two out of five") and returns
// where it ends, or k when none follows. A ratio's first number is the
// smaller: "3,000 in 2025" and "2,000 in 12 cities" are counts.
func (lx *Lexicon) ratioAfter(toks []Token, k int, first float64) int {
	m := k
	switch {
	case m+1 < len(toks) && toks[m].Low == "in":
		m++
	case m+2 < len(toks) && toks[m].Low == "out" && toks[m+1].Low == "of":
		m += 2
	case m+2 < len(toks) && toks[m].Low == "of" && toks[m+1].Low == "every":
		m++ // "one of every five"
	default:
		return k
	}
	if m < len(toks) && toks[m].Low == "every" {
		m++
	}
	if m >= len(toks) || yearLike(&toks[m]) || toks[m].Low == "a" || toks[m].Low == "an" {
		return k
	}
	if v, next, _, ok := lx.number(toks, m); ok && first < v {
		return next
	}
	return k
}

// ratioBefore reports whether the figure starting at i is the second
// number of a ratio: "one in four", "two out of five".
func (lx *Lexicon) ratioBefore(toks []Token, i int, second float64) bool {
	m := i - 1
	if m >= 0 && toks[m].Low == "every" {
		m--
		if m >= 1 && toks[m].Low == "of" {
			m-- // "one of every five"
			return lx.smallerNumber(&toks[m], second)
		}
	}
	switch {
	case m >= 1 && toks[m].Low == "in":
		m--
	case m >= 2 && toks[m].Low == "of" && toks[m-1].Low == "out":
		m -= 2
	default:
		return false
	}
	return lx.smallerNumber(&toks[m], second)
}

// smallerNumber reports whether t is a number (not a year) below second.
func (lx *Lexicon) smallerNumber(t *Token, second float64) bool {
	if t.Kind == Number {
		return !yearLike(t) && t.Num < second
	}
	v, isNum := lx.numWord(t)
	return isNum && t.Low != "a" && t.Low != "an" && v < second
}
