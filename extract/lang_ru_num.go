package extract

// Russian figures: digits with spaces as thousands separators ("13 221",
// "10 000"), decimal commas ("1,5 тысячи"), number words in every case
// ("пять", "пяти", "пятью"; "двести", "двухсот"), magnitude words
// ("тысяча", "тыс.", "млн"), vague counts ("тысячи", "несколько сотен",
// "десятки тысяч") and the bounds around them ("около", "более", "до",
// "не менее", "от … до").

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/flowwatch/flowwatch"
)

// ruWords maps every case form of a Russian cardinal to its value.
var ruWords = func() map[string]float64 {
	m := map[string]float64{}
	add := func(v float64, forms ...string) {
		for _, f := range forms {
			m[f] = v
		}
	}
	add(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну")
	add(2, "два", "две", "двух", "двум", "двумя")
	add(3, "три", "трех", "трем", "тремя")
	add(4, "четыре", "четырех", "четырем", "четырьмя")
	add(1.5, "полтора", "полторы", "полутора")
	// Collective numerals count people: "двое военных попали в плен".
	add(2, "двое", "двоих", "двоим")
	add(3, "трое", "троих", "троим")
	add(4, "четверо", "четверых")
	add(5, "пятеро", "пятерых")
	add(6, "шестеро", "шестерых")
	add(7, "семеро", "семерых")
	// 5–20 and 30 decline like пять: пяти, пятью.
	for v, nom := range map[float64]string{5: "пять", 6: "шесть", 7: "семь", 9: "девять", 10: "десять",
		11: "одиннадцать", 12: "двенадцать", 13: "тринадцать", 14: "четырнадцать", 15: "пятнадцать",
		16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать", 19: "девятнадцать", 20: "двадцать", 30: "тридцать"} {
		stem := strings.TrimSuffix(nom, "ь")
		add(v, nom, stem+"и", nom+"ю")
	}
	add(8, "восемь", "восьми", "восемью", "восьмью")
	add(40, "сорок", "сорока")
	add(50, "пятьдесят", "пятидесяти", "пятьюдесятью")
	add(60, "шестьдесят", "шестидесяти", "шестьюдесятью")
	add(70, "семьдесят", "семидесяти", "семьюдесятью")
	add(80, "восемьдесят", "восьмидесяти", "восемьюдесятью")
	add(90, "девяносто", "девяноста")
	add(100, "сто", "ста")
	add(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
	add(300, "триста", "трехсот", "тремстам", "тремястами", "трехстах")
	add(400, "четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах")
	for v, p := range map[float64][2]string{500: {"пять", "пяти"}, 600: {"шесть", "шести"}, 700: {"семь", "семи"}, 800: {"восемь", "восьми"}, 900: {"девять", "девяти"}} {
		add(v, p[0]+"сот", p[1]+"сот", p[1]+"стам", p[0]+"юстами", p[1]+"стах")
	}
	return m
}()

// ruNumStart are the words a numeral may start with (readRUNum), digits
// aside.
var ruNumStart = func() map[string]bool {
	m := map[string]bool{}
	for w := range ruWords {
		m[w] = true
	}
	for w := range ruCouple {
		m[w] = true
	}
	for w := range ruSeveral {
		m[w] = true
	}
	for w := range ruMagnitudes {
		m[w] = true
	}
	for w := range ruVagueUnits {
		m[w] = true
	}
	return m
}()

// ruMagnitudes: тысяча and its kin. sing marks the singular forms: alone,
// "тысяча" is exactly a thousand, while plural "тысячи" is "thousands".
var ruMagnitudes = map[string]struct {
	v    float64
	sing bool
}{
	"тысяча": {1e3, true}, "тысячу": {1e3, true}, "тысячей": {1e3, true}, "тысячью": {1e3, true}, "тысяче": {1e3, true},
	"тысячи": {1e3, false}, "тысяч": {1e3, false}, "тысячам": {1e3, false}, "тысячами": {1e3, false}, "тысячах": {1e3, false}, "тыс": {1e3, false},
	"миллион": {1e6, true}, "миллиона": {1e6, false}, "миллионов": {1e6, false}, "миллиону": {1e6, true}, "миллионом": {1e6, true},
	"миллионе": {1e6, true}, "миллионам": {1e6, false}, "миллионами": {1e6, false}, "миллионах": {1e6, false}, "млн": {1e6, false},
	"миллиард": {1e9, true}, "миллиарда": {1e9, false}, "миллиардов": {1e9, false}, "млрд": {1e9, false},
}

// ruVagueUnits are counted nouns that make a vague figure: "сотни" is
// "hundreds" (100), "десятки" "dozens" (12).
var ruVagueUnits = map[string]float64{
	"сотни": 100, "сотен": 100, "сотнями": 100, "сотням": 100, "сотнях": 100,
	"десятки": 12, "десятков": 12, "десятками": 12, "десяткам": 12, "десятках": 12,
}

// ruTens are the forms of "десяток" after a cardinal ("два десятка",
// "двух десятков", "тремя десятками"): the cardinal counts tens.
var ruTens = map[string]bool{"десятка": true, "десятков": true, "десятками": true, "десяткам": true, "десятках": true}

var ruSeveral = map[string]bool{"несколько": true, "нескольких": true, "нескольким": true, "несколькими": true, "многие": true, "многих": true, "многими": true}

// ruNum is a numeral read from Russian tokens [i, j).
type ruNum struct {
	i, j     int
	val      float64
	mag      float64 // the magnitude word's value, 0 without one
	vague    bool
	singular bool // "тысяча" alone, or "тысячи" governed by a preposition
	approx   bool // "пара тысяч": a couple of thousand
}

// ruCaseEnding are the case endings written after digits of a cardinal
// ("5-ти", "3-х", "2-ух"); any other ending makes an ordinal or an
// adjective ("528-го полка", "80-е годы", "20-минутный").
var ruCaseEnding = map[string]bool{"ти": true, "ми": true, "х": true, "и": true, "ух": true, "ех": true, "ью": true}

// ruCouple are the forms of "пара": "пара тысяч" is about two thousand.
var ruCouple = map[string]bool{"пара": true, "пару": true, "пары": true, "парой": true}

// gapIs reports whether the text between two tokens is only spaces.
func mlGapSpaces(s string, a, b int) bool {
	if a >= b {
		return false
	}
	for i := a; i < b; {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:b], "\u00a0"):
			i += len("\u00a0")
		case strings.HasPrefix(s[i:b], "\u202f"), strings.HasPrefix(s[i:b], "\u2009"):
			i += 3
		default:
			return false
		}
	}
	return true
}

// mlDigitsOf is the leading digits of a token ("5-ти" → "5").
func mlDigitsOf(t string) string {
	k := 0
	for k < len(t) && t[k] >= '0' && t[k] <= '9' {
		k++
	}
	return t[:k]
}

func readRUNum(s string, toks []mlTok, i int) (ruNum, bool) {
	n := ruNum{i: i}
	if i < len(toks) && !ruNumStart[toks[i].low] && mlDigitsOf(toks[i].low) == "" {
		// Most tokens are no numeral: one look-up instead of one per
		// kind of number word.
		return n, false
	}
	j := i
	var total, cur float64
	any, mult := false, 0.0
	for j < len(toks) {
		if j > i && !mlGapSpaces(s, toks[j-1].end, toks[j].start) {
			// "тыс." ends with a dot; anything else ends the numeral.
			if !(toks[j-1].low == "тыс" && strings.TrimSpace(s[toks[j-1].end:toks[j].start]) == ".") {
				break
			}
		}
		w := toks[j].low
		if d := mlDigitsOf(w); d != "" {
			if any && cur != 0 {
				break
			}
			if len(d) != len(w) && !(strings.HasPrefix(w[len(d):], "-") && ruCaseEnding[w[len(d)+1:]]) {
				break // 3D, 5G, 528-го, 80-е
			}
			v, _ := strconv.ParseFloat(d, 64)
			k := j
			// "13 221", "10 000": groups of three after a short head.
			if len(d) <= 3 && len(d) == len(w) {
				for k+1 < len(toks) && len(toks[k+1].low) == 3 && mlAllDigits(toks[k+1].low) && mlGapSpaces(s, toks[k].end, toks[k+1].start) && len(s[toks[k].end:toks[k+1].start]) <= 3 {
					v = v*1000 + mlAtof(toks[k+1].low)
					k++
				}
			}
			// "10,000", "1.500": a comma or a period before exactly three
			// digits and no magnitude word is a thousands separator.
			if len(d) <= 3 && len(d) == len(w) {
				for k+1 < len(toks) && len(toks[k+1].low) == 3 && mlAllDigits(toks[k+1].low) {
					g := s[toks[k].end:toks[k+1].start]
					if g != "," && g != "." || (k+2 < len(toks) && ruIsMagnitude(toks[k+2].low)) {
						break
					}
					v = v*1000 + mlAtof(toks[k+1].low)
					k++
				}
			}
			// "1,5 тысячи", "2.7 млн": a decimal before a magnitude word,
			// or before a range whose end has one ("4,5-5 тысяч").
			if k == j && k+2 < len(toks) {
				g := s[toks[k].end:toks[k+1].start]
				if (g == "," || g == ".") && mlAllDigits(toks[k+1].low) {
					_, ok := ruMagnitudes[toks[k+2].low]
					if !ok && k+3 < len(toks) && mlAllDigits(toks[k+2].low) && ruIsMagnitude(toks[k+3].low) {
						dash := strings.TrimSpace(s[toks[k+1].end:toks[k+2].start])
						ok = dash == "-" || dash == "–" || dash == "—" || dash == "−"
					}
					if ok {
						v, _ = strconv.ParseFloat(d+"."+toks[k+1].low, 64)
						k++
					}
				}
			}
			cur += v
			any = true
			j = k + 1
			continue
		}
		if v, ok := ruWords[w]; ok {
			cur += v
			any = true
			j++
			continue
		}
		if ruCouple[w] && !any && j+1 < len(toks) && ruIsMagnitude(toks[j+1].low) {
			cur, any, n.approx = 2, true, true
			j++
			continue
		}
		if ruSeveral[w] && !any {
			mult = 3
			if strings.HasPrefix(w, "мног") {
				mult = 1
			}
			j++
			continue
		}
		if m, ok := ruMagnitudes[w]; ok {
			if !any {
				if mult > 0 {
					total += mult * m.v
					n.vague = true
				} else if m.sing {
					total += m.v
					n.singular = true
				} else {
					total += m.v
					n.vague = true
				}
			} else {
				total += cur * m.v
			}
			n.mag = m.v
			cur = 0
			any = true
			j++
			// "две тысячи пятьсот": the rest of the number follows.
			continue
		}
		if ruTens[w] && any && total == 0 && cur >= 1 && cur <= 9 {
			// "два десятка", "более двух десятков": so many tens, a round
			// count (about, as "пара тысяч" is).
			cur *= 10
			n.approx = true
			j++
			break
		}
		if v, ok := ruVagueUnits[w]; ok && !any {
			if mult > 0 {
				v *= mult
			}
			n.vague = true
			any = true
			j++
			// "десятки тысяч" is tens of thousands (10000), "сотни тысяч"
			// hundreds of thousands.
			if j < len(toks) && mlGapSpaces(s, toks[j-1].end, toks[j].start) {
				if m, ok := ruMagnitudes[toks[j].low]; ok && !m.sing {
					if v == 12 || v == 36 {
						v = v / 12 * 10
					}
					v *= m.v
					n.mag = m.v
					j++
				}
			}
			total += v
			break
		}
		break
	}
	if !any {
		return n, false
	}
	n.val, n.j = total+cur, j
	return n, true
}

func ruIsMagnitude(w string) bool { _, ok := ruMagnitudes[w]; return ok }

func mlAtof(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// ruCurrency names the currency of a word after an amount (lexicon
// currencies: доллар*, рубл*), or "".
func ruCurrency(nl *mlNums, w string) string {
	for _, c := range nl.currency {
		if len(c.words) == 1 && c.tokenIs(0, w) {
			return c.value
		}
	}
	return ""
}

// ruChange are verbs of change: "выросло до 1696" states the level
// reached, not a ceiling.
var ruChange = []string{"увелич", "вырос", "выросл", "возрос", "сократ", "расшир", "снизи", "снизил", "уменьш", "упал", "дошл", "достиг", "поднял", "опустил"}

// ruValuePrep are the prepositions a verb of estimating or telling
// puts before the number it governs (оценили в, говорили о).
var ruValuePrep = map[string]bool{"в": true, "во": true, "о": true, "об": true}

// decimalOfUnit reads a decimal comma before a currency or percent
// ("2,5 доллара в час", "7,5%") or before a word ("в 2,4 раза"), which readRUNum, knowing no units, leaves
// as two numbers; a comma before three digits it has already read as a
// thousands separator.
func (nl *mlNums) decimalOfUnit(t string, toks []mlTok, n *ruNum) {
	j := n.j
	if n.mag != 0 || n.vague || j >= len(toks) || !mlAllDigits(toks[j].low) || !mlAllDigits(toks[j-1].low) {
		return
	}
	g := t[toks[j-1].end:toks[j].start]
	if g != "," && g != "." {
		return
	}
	// The tokens hold words and numbers: a percent sign is read off the
	// text. A comma before one or two digits is a decimal comma whatever
	// follows ("в 2,4 раза"): Russian writes no thousands or list that way.
	unit := strings.HasPrefix(t[toks[j].end:], "%") || j+1 < len(toks) && nl.unitAt(toks[j+1].low)
	if !unit && !(g == "," && len(toks[j].low) <= 2) {
		return
	}
	if v, err := strconv.ParseFloat(toks[j-1].low+"."+toks[j].low, 64); err == nil && n.i == j-1 {
		n.val, n.j = v, j+1
	}
}

// unitAt reports whether tok is a one-word currency or percent (lexicon
// currencies, percent).
func (nl *mlNums) unitAt(tok string) bool {
	for _, ws := range [][]mlWord{nl.currency, nl.percent} {
		for _, w := range ws {
			if len(w.words) == 1 && w.tokenIs(0, tok) {
				return true
			}
		}
	}
	return false
}

// ruQual reads the bound written right before the numeral starting at
// token i (lexicon bounds: около, более (чем), не менее, по меньшей мере,
// до), longest phrase first.
func ruQual(nl *mlNums, s string, toks []mlTok, i int) string {
	end := i // the phrase ends right before token end
	// "оценивают примерно в 2 тыс.", "как минимум в 600", "говорили как
	// минимум о 600": the bound before the preposition the verb governs,
	// which stands next to the number ("более чем в 6 тысяч").
	if end > 1 && ruValuePrep[toks[end-1].low] {
		end--
	}
	if end > 0 && toks[end-1].low == "чем" {
		end--
	}
	for _, b := range nl.before {
		n := len(b.words)
		if n == 0 || end-n < 0 {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			ok = b.tokenIs(k, toks[end-n+k].low)
		}
		if !ok {
			continue
		}
		if n == 1 && b.words[0] == "до" {
			for k := i - 2; k >= 0 && k >= i-8; k-- {
				for _, c := range ruChange {
					if strings.HasPrefix(toks[k].low, c) {
						return ""
					}
				}
				if strings.ContainsAny(s[toks[k].end:toks[k+1].start], ",;.:") {
					break
				}
			}
		}
		return b.value
	}
	return ""
}

// ruPartOpened reports whether the bare number at byte start opens or
// goes on a list of parts: a part opener (grammar ru/part_opener:
// включая, в том числе) at most three words before it in its clause, or
// "и" and at most five words since the list's last part ended at
// listEnd ("… осенью и еще 2 000").
func ruPartOpened(t string, toks []mlTok, start, listEnd int) bool {
	ti := mlTokenAt(toks, start)
	if ti <= 0 {
		return false
	}
	for b := ti - 1; b >= 0 && b >= ti-3; b-- {
		if strings.ContainsAny(t[toks[b].end:toks[b+1].start], ".,;:()—") {
			break
		}
		if ruPartOpener[toks[b].low] {
			return true
		}
	}
	if listEnd < 0 || listEnd > start {
		return false
	}
	gap := t[listEnd:start]
	if strings.ContainsAny(gap, ".,;:()—") || mlWordsBetween(gap) > 5 {
		return false
	}
	for _, w := range strings.Fields(gap) {
		if w == "и" {
			return true
		}
	}
	return false
}

// ruDenied reports whether a negative determiner (grammar ru/negator:
// никаких) stands right before the number at token i, or before its
// bound ("никаких более чем 10 тысяч"): the text says there are none.
func ruDenied(toks []mlTok, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		if ruNegator[toks[b].low] {
			return true
		}
		switch toks[b].low {
		case "более", "чем", "около", "свыше", "порядка", "примерно":
			continue
		}
		return false
	}
	return false
}

// ruQualAfter is the qualifier of a bound (lexicon bounds_after: "с
// лишним") that starts at token j, and the token after it; "" when none.
func ruQualAfter(nl *mlNums, toks []mlTok, j int) (string, int) {
	for _, b := range nl.after {
		n := len(b.words)
		if n == 0 || j+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			ok = b.tokenIs(k, toks[j+k].low)
		}
		if ok {
			return b.value, j + n
		}
	}
	return "", j
}

// ruFigures finds the figures of a Russian sentence.
func ruFigures(nl *mlNums, s *mlSent) []mlFig {
	t, toks := s.text, s.toks
	var figs []mlFig
	type pending struct {
		f    mlFig
		next int // the token after the figure
	}
	var unclassified []pending
	for i := 0; i < len(toks); {
		// "2025-09-15", "16:15": a date or a time is read whole and skipped.
		if e := mlDateTimeEnd(t, toks[i].start); e > 0 {
			for i < len(toks) && toks[i].start < e {
				i++
			}
			continue
		}
		n, ok := readRUNum(t, toks, i)
		if !ok {
			i++
			continue
		}
		nl.decimalOfUnit(t, toks, &n)
		if ruOneOf(toks, n) || ruOneThing(s, n) {
			i = n.j
			continue
		}
		// A year or a date is not a figure: "2024 году", "9 февраля".
		if n.j < len(toks) && !n.vague && n.mag == 0 && mlGapSpaces(t, toks[n.j-1].end, toks[n.j].start) && ruDateWord(toks[n.j].low) {
			i = n.j
			continue
		}
		f := mlFig{start: toks[n.i].start, end: toks[n.j-1].end}
		low, high := n.val, n.val
		qual := flowwatch.QualExact
		j := n.j
		// Ranges: "20–50 тысяч", "2-3 тысячи", "от 20 до 50 тысяч".
		if j < len(toks) {
			g := strings.TrimSpace(t[toks[j-1].end:toks[j].start])
			fromTo := n.i > 0 && toks[n.i-1].low == "от" && toks[j].low == "до"
			if g == "-" || g == "–" || g == "—" || g == "−" || g == "‑" || fromTo {
				k := j
				if fromTo {
					k++
				}
				if mlDigitsOf(toks[k].low) != "" && !fromTo {
					if _, ok := readRUNum(t, toks, k); !ok {
						// "70–80-е": a range of decades or ordinals.
						i = k + 1
						continue
					}
				}
				if m, ok := readRUNum(t, toks, k); ok && !m.vague {
					if n.mag == 0 && m.mag > 0 {
						low = n.val * m.mag
					}
					high = m.val
					if high > low {
						qual = flowwatch.QualRange
						j = m.j
						f.end = toks[m.j-1].end
					} else {
						high = low
					}
				}
			}
		}
		if qual == flowwatch.QualExact {
			switch {
			case n.vague && !ruSingularAfterPrep(toks, n):
				qual = flowwatch.QualVague
			case n.approx && ruQual(nl, t, toks, n.i) == "":
				qual = flowwatch.QualApprox
			default:
				switch q := ruQual(nl, t, toks, n.i); q {
				case "":
				case flowwatch.QualAtLeast:
					qual = q
				case flowwatch.QualAtMost:
					qual = q
				default:
					qual = q
				}
			}
		}
		if qual == flowwatch.QualExact {
			// "11 тысяч с лишним человек": a bound after the number, and
			// the noun it counts after the bound.
			if q, k := ruQualAfter(nl, toks, j); q != "" {
				qual, j = q, k
			}
		}
		switch qual {
		case flowwatch.QualVague, flowwatch.QualAtLeast:
			f.low = flowwatch.F(low)
		case flowwatch.QualAtMost:
			f.high = flowwatch.F(high)
		default:
			f.low, f.high = flowwatch.F(low), flowwatch.F(high)
		}
		f.qual = qual
		// What is counted.
		if ruDenied(toks, n.i) {
			// "Никаких «12 тысяч рабочих» нет": the text denies the figure.
			i = j
			continue
		}
		kind, unit, group := ruCounted(nl, s, f.start, n, j)
		if kind == "" && n.i > 0 {
			// A currency sign before the amount: $800.
			g := t[toks[n.i-1].end:toks[n.i].start]
			for _, c := range nl.currency {
				if len(c.words) == 0 && strings.HasSuffix(strings.TrimSpace(g), c.word) {
					kind, unit = flowwatch.KindMoney, c.value
				}
			}
		}
		f.kind, f.unit, f.group = kind, unit, group
		if kind == flowwatch.KindMoney {
			f.per = ruPer(nl, s)
		}
		if kind == "" {
			if len(unclassified) < mlMaxFigures {
				unclassified = append(unclassified, pending{f, j})
			}
		} else {
			figs = append(figs, f)
			if len(figs) > mlMaxFigures {
				break
			}
		}
		i = j
	}
	// "11 тысяч военнослужащих, а в начале года — еще около 3 тысяч.": a
	// bare number after "еще" that ends its clause goes on counting the
	// people counted before it in the sentence.
	for k := 0; k < len(unclassified); k++ {
		u := unclassified[k]
		before := lastPeopleBefore(figs, u.f.start)
		if before == nil {
			continue
		}
		ti := mlTokenAt(toks, u.f.start)
		another := false
		for b := ti - 1; b >= 0 && b >= ti-3; b-- {
			if toks[b].low == "еще" {
				another = true
			}
		}
		rest := strings.TrimSpace(t[u.f.end:])
		if another && (rest == "" || strings.ContainsAny(rest[:1], ".,;!?)»\"")) {
			u.f.kind, u.f.unit, u.f.group = before.kind, before.unit, before.group
			figs = append(figs, u.f)
			unclassified = append(unclassified[:k], unclassified[k+1:]...)
			k--
		}
	}
	// "около 12 тысяч военных, включая 9 000 осенью и еще 3 000
	// весной": bare numbers after a part
	// opener, and those the list adds with и, are parts of the people
	// counted before them.
	listEnd := -1
	for k := 0; k < len(unclassified); k++ {
		u := unclassified[k]
		before := lastPeopleBefore(figs, u.f.start)
		if before == nil || !ruPartOpened(t, toks, u.f.start, listEnd) {
			continue
		}
		u.f.kind, u.f.unit, u.f.group = before.kind, before.unit, before.group
		figs = append(figs, u.f)
		listEnd = u.f.end
		unclassified = append(unclassified[:k], unclassified[k+1:]...)
		k--
	}
	// "1277 и 370 человек": a bare number coordinated with a count of
	// people counts people too.
	for _, u := range unclassified {
		for _, f := range figs {
			if f.kind != flowwatch.KindPeople || f.start < u.f.end {
				continue
			}
			g := strings.TrimSpace(t[u.f.end:f.start])
			if g == "и" || g == "," || g == "или" {
				u.f.kind, u.f.unit, u.f.group = f.kind, f.unit, f.group
				figs = append(figs, u.f)
			}
			break
		}
	}
	mlSortFigs(figs)
	return figs
}

// lastPeopleBefore is the last count of people in figs that ends by
// start: the whole a bare number after it goes on counting or is a part
// of. Nil if there is none.
func lastPeopleBefore(figs []mlFig, start int) *mlFig {
	var before *mlFig
	for i := range figs {
		if figs[i].kind == flowwatch.KindPeople && figs[i].end <= start {
			before = &figs[i]
		}
	}
	return before
}

func mlSortFigs(figs []mlFig) {
	for i := 1; i < len(figs); i++ {
		for k := i; k > 0 && figs[k].start < figs[k-1].start; k-- {
			figs[k], figs[k-1] = figs[k-1], figs[k]
		}
	}
}

// ruOneOf reports whether a numeral is "один" naming one person of a
// group, not a count: "один из рабочих", "одного из них", "ни одного
// рабочего", and the one a rate is per ("платят за одного строителя",
// "на одного работника").
func ruOneOf(toks []mlTok, n ruNum) bool {
	if n.j != n.i+1 || n.val != 1 || mlDigitsOf(toks[n.i].low) != "" {
		return false
	}
	if n.i > 0 && (toks[n.i-1].low == "ни" || toks[n.i-1].low == "за" || toks[n.i-1].low == "на") {
		return true
	}
	return n.j < len(toks) && toks[n.j].low == "из"
}

// ruOneThing reports whether a lone "один" counts the noun right after it
// and that noun is no people word: the numeral agrees with its own noun
// ("с одной зарплаты такого рабочего", "в одной области"), so the people
// named further on are not counted by it. An adjective after it
// ("одного северокорейского рабочего") leaves the noun to come.
func ruOneThing(s *mlSent, n ruNum) bool {
	toks := s.toks
	if n.j != n.i+1 || n.j >= len(toks) || n.val != 1 || mlDigitsOf(toks[n.i].low) != "" {
		return false
	}
	next := toks[n.j]
	if !mlGapSpaces(s.text, toks[n.i].end, next.start) || ruAdjectiveEnd(next.low) {
		return false
	}
	for _, h := range s.hits {
		if h.start <= next.start && next.start < h.end && (h.cat == catGroup || h.cat == catForeign) {
			return false
		}
	}
	return true
}

// ruSingularAfterPrep: "около тысячи", "более тысячи" mean one thousand
// (genitive singular), not "thousands".
func ruSingularAfterPrep(toks []mlTok, n ruNum) bool {
	if n.i == 0 || toks[n.i].low != "тысячи" {
		return false
	}
	switch toks[n.i-1].low {
	case "около", "более", "свыше", "до", "порядка", "почти", "менее", "примерно":
		return true
	}
	return false
}

func ruDateWord(w string) bool {
	for _, p := range []string{"год", "гг", "январ", "феврал", "март", "апрел", "мая", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return w == "г"
}

// ruUnitAfter reports whether the group word h is an adjective of a unit
// noun right after it (lexicon stop: "10 инженерных бригад", "три
// саперных батальона"): the figure counts the units,
// not people.
func ruUnitAfter(s *mlSent, h mlHit) bool {
	if !ruAdjectiveEnd(mlLower(s.text[h.start:h.end])) {
		return false // a noun ("900 человек поездом") is counted itself
	}
	for _, n := range s.hits {
		if n.start >= h.end {
			return n.cat == catNoFig && strings.TrimSpace(s.text[h.end:n.start]) == ""
		}
	}
	return false
}

// ruAdjectiveEnds are the plural and oblique endings of a Russian
// adjective (инженерных, саперные, строительными).
var ruAdjectiveEnds = []string{"ых", "их", "ые", "ие", "ыми", "ими", "ый", "ий", "ая", "ое", "ого", "ому", "ым", "ой"}

// ruAdjectiveEnd reports whether the word w ends as an adjective.
func ruAdjectiveEnd(w string) bool {
	for _, e := range ruAdjectiveEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ruCountedStops part a number from a lexicon word that would say what it
// counts (but see ruScareQuoted and ruDashCopula).
var ruCountedStops = newRuneSet(".,;:()«»\"—")

// ruCounted says what the numeral ending at token j counts: money by its
// currency word, a share by % or процент, people by a person noun within
// the next few words ("600 северокорейских солдат"), by a verb of what
// happened to them ("1000 получили ранения") or by a preceding "число
// раненых". An empty kind means the number counts something else.
func ruCounted(nl *mlNums, s *mlSent, figStart int, n ruNum, j int) (kind, unit, group string) {
	t, toks := s.text, s.toks
	end := toks[j-1].end
	if toks[j-1].low == "тыс" && end < len(t) && t[end] == '.' {
		end++
	}
	gap := t[end:]
	if j < len(toks) {
		gap = t[end:toks[j].start]
	}
	for _, p := range nl.percent {
		if len(p.words) == 0 && strings.HasPrefix(strings.TrimSpace(gap), p.word) {
			return flowwatch.KindShare, "percent", ""
		}
	}
	if j < len(toks) {
		w := toks[j].low
		if w == "тыс" && j+1 < len(toks) {
			w = toks[j+1].low
		}
		for _, p := range nl.percent {
			if len(p.words) == 1 && p.tokenIs(0, w) {
				return flowwatch.KindShare, "percent", ""
			}
		}
		if c := ruCurrency(nl, w); c != "" {
			return flowwatch.KindMoney, c, ""
		}
	}
	// The first lexicon word after the number, within four words and no
	// punctuation but spaces.
	limit := j + 4
	for _, h := range s.hits {
		if h.start < end {
			continue
		}
		k := mlTokenAt(toks, h.start)
		if k < 0 || k >= limit {
			break
		}
		if gap := t[end:h.start]; ruCountedStops.in(gap) && !ruScareQuoted(t, figStart, gap) && !ruDashCopula(gap) && !(ruListLead(t[:figStart]) && ruDashList(gap)) {
			break
		}
		switch h.cat {
		case catGroup, catForeign:
			if ruUnitAfter(s, h) {
				return "", "", ""
			}
			if h.cat == catForeign {
				return flowwatch.KindPeople, "people", "foreign"
			}
			return flowwatch.KindPeople, "people", h.value
		case catEvent:
			if k == j {
				return flowwatch.KindPeople, "people", ""
			}
		case catNoFig:
			if ruQuotaUnit(nl, s, k) {
				// "квота составляет 170 мест": places for people; the
				// places a quota gives North Korea, when the sentence
				// names no group, are its nationals'.
				for _, g := range s.hits {
					if g.cat == catGroup && g.value != "" && g.value != "person" {
						return flowwatch.KindPeople, "people", ""
					}
				}
				return flowwatch.KindPeople, "people", flowwatch.GroupNationals
			}
			if k == j && ruCrossings(s, figStart, j) {
				// "въезжали в Россию 13 221 раз": crossings of people.
				return flowwatch.KindPeople, "people", ""
			}
			if k > j && ruPartOfOpening(t, figStart) {
				// "более 7 тысяч указали целью поездки учебу": the noun
				// is not the figure's.
				return flowwatch.KindPeople, "people", ""
			}
			return "", "", ""
		}
		if h.cat != catPlace {
			break
		}
	}
	// "900 трудовых патентов": papers issued to people count them.
	if g, ok := mlDocumentsAt(nl, s, end); ok {
		return flowwatch.KindPeople, "people", g
	}
	// "рабочих (до 15 тысяч)", "рабочих меньше десяти тысяч": a number
	// that ends its clause right after a group noun counts that group.
	if g, ok := ruGroupBefore(s, figStart, end); ok {
		return flowwatch.KindPeople, "people", g
	}
	// "7 тысяч из них": a part of people counted before.
	if j+1 < len(toks) && toks[j].low == "из" && (toks[j+1].low == "них" || toks[j+1].low == "которых") {
		return flowwatch.KindPeople, "people", ""
	}
	if ruPartOfOpening(t, figStart) || ruPartAfterComma(t, figStart) || ruElliptic(s, figStart, end) {
		return flowwatch.KindPeople, "people", ""
	}
	// "число раненых приближается к 1000"
	from := 0
	if k := strings.LastIndexAny(t[:figStart], ",;:"); k >= 0 {
		from = k
	}
	clause := mlLower(t[from:figStart])
	if mlHas(clause, "их число") || mlHas(clause, "число их") || mlHas(clause, "их количество") || mlHas(clause, "это количество") || mlHas(clause, "это число") {
		// "их число превысило 13 тысяч": the people of the sentence before.
		return flowwatch.KindPeople, "people", ""
	}
	if ruDashValue(s, figStart) {
		// "называла близкую цифру — около 11 тысяч", "раненых — тысячи".
		return flowwatch.KindPeople, "people", ""
	}
	if mlHas(clause, "число") || mlHas(clause, "количеств") {
		for _, h := range s.hits {
			if h.start >= from && h.end <= figStart && (h.cat == catEvent || h.cat == catGroup) {
				return flowwatch.KindPeople, "people", ""
			}
		}
	}
	// "2024 | 13 221 | 7 887": a row's figure counts what its column's
	// header names.
	if s.table != nil {
		if _, ok := s.table.column(s, figStart); ok {
			return flowwatch.KindPeople, "people", ""
		}
	}
	// "В 2025 году их было всего 100", "По другим оценкам, их от 8 до
	// 9 тысяч": a bare number that ends its clause, with "их" a few
	// words before, counts the people of the sentence before.
	if rest := strings.TrimLeft(t[end:], " "); rest == "" || strings.ContainsAny(rest[:1], ".,;!?)»\"") {
		if ft := mlTokenAt(toks, figStart); ft > 0 {
			for b := ft - 1; b >= 0 && b >= ft-4; b-- {
				if strings.ContainsAny(t[toks[b].end:toks[b+1].start], ",.;:") {
					break
				}
				if toks[b].low == "их" {
					return flowwatch.KindPeople, "people", ""
				}
			}
		}
	}
	return "", "", ""
}

// ruCrossings reports whether the number before раз (token j) counts
// crossings: a verb of entry stands before it in its clause, and it is
// no multiple ("в 12 раз чаще", "в пять раз больше").
func ruCrossings(s *mlSent, figStart, j int) bool {
	toks := s.toks
	if toks[j].low != "раз" {
		return false
	}
	if ft := mlTokenAt(toks, figStart); ft > 0 && (toks[ft-1].low == "в" || toks[ft-1].low == "во") {
		return false
	}
	if j+1 < len(toks) && toks[j+1].start-toks[j].end <= 1 {
		switch w := toks[j+1].low; {
		case strings.HasSuffix(w, "ше"), strings.HasSuffix(w, "ее"):
			return false
		}
	}
	for _, h := range s.hits {
		if h.cat == catEvent && h.value == flowwatch.EventEntered && h.end <= figStart && !strings.ContainsAny(s.text[h.end:figStart], ",;:.") {
			return true
		}
	}
	return false
}

// ruDashValue reports whether a bare figure is the value a dash gives a
// noun right before it: a figure or estimate ("цифру — около 11 тысяч")
// or a word of what befell people ("раненых — тысячи"). At most one
// bound word stands between the dash and the figure.
func ruDashValue(s *mlSent, figStart int) bool {
	t := s.text
	d := strings.LastIndexAny(t[:figStart], "—–")
	if d < 0 || mlFieldCount(t[d:figStart]) > 2 || strings.ContainsAny(t[d:figStart], ",;:.()") {
		return false
	}
	before := strings.TrimRight(t[:d], " ")
	w := mlLower(mlLastWord(before))
	for _, m := range []string{"цифр", "оценк", "числ"} {
		if strings.HasPrefix(w, m) {
			return true
		}
	}
	for _, h := range s.hits {
		if h.cat == catEvent && h.end == len(before) {
			switch h.value {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return true
			}
		}
	}
	// "цифру подкрепления — от 1 до 3 тыс.": the noun may take one
	// genitive after it.
	if k := strings.LastIndexByte(before, ' '); k > 0 {
		w2 := mlLower(mlLastWord(strings.TrimRight(before[:k], " ")))
		for _, m := range []string{"цифр", "оценк"} {
			if strings.HasPrefix(w2, m) {
				return true
			}
		}
	}
	return false
}

// ruDashCopula reports whether the gap between a figure and a noun is a
// dash standing for "are": "Из них 10 тыс. — линейные части, ещё 1 тыс.
// — инженерные подразделения" counts the noun after it.
func ruDashCopula(gap string) bool {
	g := strings.TrimSpace(gap)
	return g == "—" || g == "–"
}

// ruDashList reports whether the gap between a figure and a noun is a
// dash that a list of figures sets after each ("2 — северокорейских
// солдата взяты в плен"): the noun's adjectives may follow it, no other
// mark.
func ruDashList(gap string) bool {
	g := strings.TrimSpace(gap)
	for _, d := range []string{"—", "–"} {
		if rest, ok := strings.CutPrefix(g, d); ok {
			return !strings.ContainsAny(rest, ".,;:()«»\"—–")
		}
	}
	return false
}

// ruScareQuoted reports whether a figure stands in quotation marks of
// its own, the gap after it only closing them: "несколько сотен"
// северокорейских солдат.
func ruScareQuoted(t string, figStart int, gap string) bool {
	g := strings.TrimSpace(gap)
	closed := false
	for _, q := range []string{"\"", "»", "”"} {
		if strings.HasPrefix(g, q) && !strings.ContainsAny(g[len(q):], ".,;:()«»\"—") {
			closed = true
		}
	}
	if !closed {
		return false
	}
	before := strings.TrimRight(t[:figStart], " ")
	for _, q := range []string{"\"", "«", "“"} {
		if strings.HasSuffix(before, q) {
			return true
		}
	}
	// A bound inside the quotation: «около 300» военных.
	if k := strings.LastIndexAny(before, "\"«“"); k >= 0 && mlWordsBetween(before[k:]) <= 2 && !strings.ContainsAny(before[k+1:], ",.;:") {
		return true
	}
	return false
}

// ruGroupBefore is the group of a group noun right before a figure
// (bound words and an opening bracket may stand between) when the figure
// ends its clause.
func ruGroupBefore(s *mlSent, figStart, end int) (string, bool) {
	rest := strings.TrimLeft(s.text[end:], " ")
	if rest != "" && !strings.ContainsAny(rest[:1], ".,;!?)") {
		return "", false
	}
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.end > figStart {
			continue
		}
		if h.cat != catGroup || h.value == "" || h.value == "person" {
			return "", false
		}
		gap := s.text[h.end:figStart]
		if ruAsideAlternative(gap) {
			// "около 13 тысяч военных (по другим данным — до 15 тысяч)".
			return h.value, true
		}
		if strings.ContainsAny(gap, ",.;:«»\"—–") || mlWordsBetween(strings.Trim(gap, " (")) > 2 {
			return "", false
		}
		return h.value, true
	}
	return "", false
}

// ruQuotaUnit reports whether token k is a unit a quota counts (мест)
// in a sentence that names a quota.
func ruQuotaUnit(nl *mlNums, s *mlSent, k int) bool {
	unit := false
	for _, u := range nl.quotaUnits {
		unit = unit || len(u.words) == 1 && u.tokenIs(0, s.toks[k].low)
	}
	if !unit {
		return false
	}
	for _, t := range s.toks {
		for _, q := range nl.quota {
			if len(q.words) == 1 && q.tokenIs(0, t.low) {
				return true
			}
		}
	}
	return false
}

// ruPartOfOpening reports whether a figure at byte figStart of sentence t
// is a part of the whole the sentence opens with: "Из 13 221 въехавшего
// гражданина КНДР более 7 тысяч ...".
// ruElliptic reports whether a bare figure that ends its clause stands
// in a second conjunct whose verb and noun a dash leaves out: "в 2023
// году въехали 1117 северокорейцев, а в 2024-м — уже свыше 13 тысяч".
// The first conjunct must count a group of people.
func ruElliptic(s *mlSent, figStart, end int) bool {
	t := s.text
	if rest := strings.TrimLeft(t[end:], " "); rest != "" && !strings.ContainsAny(rest[:1], ".;!?)") {
		return false
	}
	pre := t[:figStart]
	k := max(strings.LastIndex(pre, ", а "), strings.LastIndex(pre, ", но "))
	if k < 0 {
		return false
	}
	second := pre[k+1:]
	d := strings.IndexAny(second, "—–")
	if d < 0 || strings.ContainsAny(second, ",;:()") || mlFieldCount(second[d:]) > 3 {
		return false
	}
	for _, h := range s.hits {
		if h.end <= k && h.cat == catGroup && h.value != "" {
			return true
		}
	}
	return false
}

// ruAsideAlternative reports whether the text between a group noun and
// a figure opens an aside that gives another source's count: "(по другим
// данным — до", "(по иным подсчетам — вплоть до": a parenthesis, words
// that attribute, a dash, and at most two words of a bound.
func ruAsideAlternative(gap string) bool {
	g := strings.TrimLeft(gap, " ")
	if !strings.HasPrefix(g, "(") || strings.ContainsAny(g, ")«»\".;") {
		return false
	}
	k := strings.IndexAny(g, "—–")
	if k < 0 || strings.ContainsAny(g[k+len("—"):], "—–") {
		return false
	}
	head := strings.TrimSpace(g[1:k])
	return strings.HasPrefix(mlLower(head), "по ") && mlFieldCount(g[k:]) <= 3
}

func ruPartOfOpening(t string, figStart int) bool {
	pre := t[:figStart]
	// "🔻 Из них": a bullet of a channel's post before the sentence.
	pre = strings.TrimLeftFunc(pre, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(pre) <= 5 || mlLower(pre[:5]) != "из " {
		return false
	}
	// "Из них около 2 тысяч вернули в КНДР": a part of the people the
	// sentence before counted.
	low := mlLower(pre)
	if strings.HasPrefix(low, "из них ") || strings.HasPrefix(low, "из которых ") {
		return !strings.ContainsAny(pre, ",;:")
	}
	return strings.ContainsAny(pre[5:], "0123456789")
}

// ruPartAfterComma reports whether a figure at byte figStart follows ",
// из них" or ", из которых" with at most one word between (a bound): "13
// 221 гражданин КНДР, из них почти 8 тысяч — с целью учебы".
func ruPartAfterComma(t string, figStart int) bool {
	pre := mlLower(t[max(0, figStart-48):figStart])
	for _, w := range []string{", из них ", ", из которых "} {
		k := strings.LastIndex(pre, w)
		if k < 0 {
			continue
		}
		rest := pre[k+len(w):]
		if !strings.ContainsAny(rest, ",;:.—–()") && mlFieldCount(rest) <= 1 {
			return true
		}
	}
	return false
}

// mlTokenAt is the index of the token starting at byte b, or -1.
func mlTokenAt(toks []mlTok, b int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].start < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].start == b {
		return lo
	}
	return -1
}

// ruPer reads how often an amount is paid from its sentence (lexicon
// per: "в месяц", "ежемесячн*", "в год").
func ruPer(nl *mlNums, s *mlSent) string {
	low := mlLower(s.text)
	for _, p := range nl.per {
		if mlHas(low, mlLower(strings.TrimSuffix(p.word, "*"))) {
			if p.value == perHour {
				return ""
			}
			return p.value
		}
	}
	return flowwatch.PerTotal
}

// ruListLead reports whether the text before a figure opens a line of a
// list of figures: nothing but bullets, pictographs and spaces ("▪️ ",
// "— ", "1) " aside, no word). The dash after such a figure stands for
// "are", not for a clause of its own.
func ruListLead(before string) bool {
	for _, r := range before {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
