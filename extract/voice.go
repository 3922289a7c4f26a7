package extract

import "strings"

// An analysis gives figures of its own in the first person plural ("we
// estimate that 5,000 remain", "by our count", "our
// end-of-year estimate is …"). Such figures, and those it states with no
// other source, are its authors': the outlet that publishes them, as a
// think tank's tracker or a monitor's update is. The same words in a
// quotation, a turn of a transcript or a block quote are a speaker's.

// maxOwnGap is the most words between "our" and the noun of its estimate
// ("our mid-year troop estimate").
const maxOwnGap = 3

// ownEstimateAt reports whether toks say a figure is the authors' own:
// "we" (an adverb may follow) then a word of own_estimate, or "our" then
// one within maxOwnGap words, in a sentence with digits ("How we assess
// confidence", a page's link, gives no figure).
func ownEstimateAt(toks []Token) bool {
	if !hasOwnPronoun(toks) {
		return false // most sentences: a scan once, no look-up
	}
	digits := false
	for k := range toks {
		digits = digits || toks[k].Kind == Number
	}
	if !digits {
		return false
	}
	for k := range toks {
		switch toks[k].Low {
		case "we":
			j := k + 1
			if j < len(toks) && toks[j].in(wcSaidSkip, saidSkip) {
				j++
			}
			if j < len(toks) && ownEstimate[toks[j].Low] {
				return true
			}
		case "our":
			for j := k + 1; j < len(toks) && j <= k+maxOwnGap+1; j++ {
				if ownEstimate[toks[j].Low] {
					return true
				}
				if toks[j].Kind != Word && toks[j].Low != "-" {
					break
				}
			}
		}
	}
	return false
}

// hasOwnPronoun reports whether toks hold "we" or "our", which every
// estimate of the authors' own opens with.
func hasOwnPronoun(toks []Token) bool {
	for k := range toks {
		if l := toks[k].Low; l == "we" || l == "our" {
			return true
		}
	}
	return false
}

// ownVoice reports whether doc[i] gives a figure of the authors' own
// (ownEstimateAt) outside any quotation, turn or block quote. quoted says
// whether a quotation opened in an earlier sentence of its paragraph is
// still open (the attributor tracks it as it reads; a prepass passes its
// own count).
func (a *attributor) ownVoice(i int, quoted bool) bool {
	s := &a.doc[i]
	if quoted || a.quoting || !ownEstimateAt(s.toks) || quoteMarks(s.toks) > 0 {
		return false
	}
	k := paraStart(a.doc, i)
	if isTurn(&a.doc[k]) || len(a.doc[k].toks) > 0 && a.doc[k].toks[0].Kind != Word && !quoteMark(a.doc[k].toks[0].Low) {
		return false // "SPOKESPERSON: …", "00:01 We believe …"
	}
	if k > 0 {
		// "Singh responded:" sets off a block quote.
		prev := a.doc[k-1].toks
		if len(prev) > 0 && prev[len(prev)-1].Low == ":" {
			return false
		}
	}
	return true
}

// ownVoiceAnywhere reports whether some sentence of the article gives a
// figure of the authors' own. Whether a quotation is open before it is
// counted only for a sentence ownEstimateAt accepts, which few are.
func (a *attributor) ownVoiceAnywhere() bool {
	for i := range a.doc {
		if !ownEstimateAt(a.doc[i].toks) {
			continue
		}
		if a.ownVoice(i, a.quotedBefore(i)) {
			return true
		}
	}
	return false
}

// quotedBefore reports whether a quotation opened in an earlier sentence
// of doc[i]'s paragraph is still open: an odd number of quote marks
// between the paragraph's start and doc[i].
func (a *attributor) quotedBefore(i int) bool {
	n := 0
	for j := paraStart(a.doc, i); j < i; j++ {
		n += quoteMarks(a.doc[j].toks)
	}
	return n%2 == 1
}

// outletName is the source an outlet's name stands for: the gazetteer's
// name when it knows the outlet, else the name as the page gives it,
// without a note in parentheses ("Eurasia Monitor (analysis)").
func (a *attributor) outletName(outlet string) string {
	if k := strings.IndexByte(outlet, '('); k > 0 {
		outlet = outlet[:k]
	}
	outlet = strings.TrimSpace(outlet)
	if outlet == "" {
		return ""
	}
	toks := Tokenize(outlet, 0, len(outlet), nil)
	if p := a.lx.sources.at(toks, 0); p != nil && len(p.low) == len(toks) {
		return a.lx.sourceName[p.idx]
	}
	return outlet
}
