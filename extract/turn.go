package extract

import (
	"strings"
	"unicode"
)

// Transcripts of briefings and interviews print each turn as a paragraph
// opened by its speaker's label ("SPOKESPERSON:", "Q (Yonhap):",
// "[00:01:37] ANDREI VOLKOV:"). A run of such turns is one exchange: an
// answer goes on with the people the question, or a turn further back,
// named, as the lines of a table go on with their caption.

// maxLabel is the most tokens a speaker's label takes before its colon.
const maxLabel = 10

// speakerLabel reports whether toks open with a speaker's label: an
// optional time in brackets, words in capitals ("Q" too), an optional
// note in parentheses, then a colon.
func speakerLabel(toks []Token) bool {
	k := 0
	if len(toks) > 0 && toks[0].Low == "[" {
		for k < len(toks) && k < maxLabel && toks[k].Low != "]" {
			k++
		}
		k++
	}
	caps := 0
	for ; k < len(toks) && k < maxLabel && toks[k].Kind == Word && allCaps(toks[k].Text); k++ {
		caps++
	}
	if caps == 0 {
		return false
	}
	if k < len(toks) && toks[k].Low == "(" {
		for k < len(toks) && k < maxLabel+4 && toks[k].Low != ")" {
			k++
		}
		k++
	}
	return k < len(toks) && toks[k].Low == ":"
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// paraStart is the index of the first sentence of doc[j]'s paragraph.
func paraStart(doc []sent, j int) int {
	for j > 0 && doc[j-1].para == doc[j].para {
		j--
	}
	return j
}

// inExchange reports whether doc[j]'s paragraph is a turn of a
// transcript that goes on from the paragraph before, itself a turn, or
// an entry of a timeline after another ("4 Nov 2025 – NIS: …" after
// "4 Sep 2025 – …"): the entries of a timeline go on with the subject
// its lead named, as turns go on with the people of the exchange.
func (lx *Lexicon) inExchange(doc []sent, j int) bool {
	k := paraStart(doc, j)
	if k == 0 {
		return false
	}
	p := &doc[paraStart(doc, k-1)]
	if isTurn(&doc[k]) {
		return isTurn(p)
	}
	return lx.datedEntry(doc[k].toks) && lx.datedEntry(p.toks)
}

// datedEntry reports whether toks open with a date and a dash, as the
// entries of a timeline do ("18 Oct 2024 – …", "March 3, 2025 — …").
func (lx *Lexicon) datedEntry(toks []Token) bool {
	month := false
	for k := 0; k < len(toks) && k < 6; k++ {
		t := &toks[k]
		switch {
		case lx.month(t) > 0 && isCap(t):
			month = true
		case t.Kind == Number && !t.Sep && !t.Dec, t.Low == "," || t.Low == ".":
		case t.Low == "–" || t.Low == "—" || t.Low == "-" || t.Low == ":":
			return month && k > 1
		default:
			return false
		}
	}
	return false
}

// isTurn reports whether s, the first sentence of its paragraph, opens
// with a speaker's label: in capitals, or a name where an interview's
// labels are names (see markNameLabels).
func isTurn(s *sent) bool { return s.nameLabel || speakerLabel(s.toks) }

// maxNameLabel is the most words of a label written as a name ("Choi:",
// "Radio Free Asia:") rather than in capitals.
const maxNameLabel = 3

// nameLabel is the number of capitalised words of a label written as a
// name that opens toks, right before a colon with more text after it; 0
// when there is none.
func nameLabel(toks []Token) int {
	k := 0
	for k < len(toks) && k < maxNameLabel && isCap(&toks[k]) {
		k++
	}
	if k == 0 || k+1 >= len(toks) || toks[k].Low != ":" {
		return 0
	}
	return k
}

// markNameLabels marks the paragraphs of an interview that open with a
// label written as a name ("NK Insider: …", "Choi: …"). Such a label is
// a turn only when at least two different ones (the interviewer and the
// interviewee) each open two paragraphs or more: a lone "Update:" or
// "Photo:" is no exchange.
func markNameLabels(doc []sent) {
	var counts map[string]int
	for i := range doc {
		if i > 0 && doc[i-1].para == doc[i].para {
			continue
		}
		if n := nameLabel(doc[i].toks); n > 0 && !speakerLabel(doc[i].toks) {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[joinTokens(doc[i].toks[:n])]++
		}
	}
	recurring := 0
	for _, c := range counts {
		if c >= 2 {
			recurring++
		}
	}
	if recurring < 2 {
		return
	}
	for i := range doc {
		if i > 0 && doc[i-1].para == doc[i].para {
			continue
		}
		if n := nameLabel(doc[i].toks); n > 0 && counts[joinTokens(doc[i].toks[:n])] >= 2 {
			doc[i].nameLabel = true
		}
	}
}

// labelWords is the span of a speaker's label's capitalised words
// (after its time, before its note or colon), or an empty span.
func labelWords(toks []Token, named bool) (int, int) {
	if named && !speakerLabel(toks) {
		return 0, nameLabel(toks)
	}
	if !speakerLabel(toks) {
		return 0, 0
	}
	k := 0
	if toks[0].Low == "[" {
		for k < len(toks) && toks[k].Low != "]" {
			k++
		}
		k++
	}
	b := k
	for k < len(toks) && toks[k].Kind == Word && allCaps(toks[k].Text) {
		k++
	}
	return b, k
}

// turnSpeaker is the person whose turn of a transcript toks open
// ("[00:03:10] PARK: …", "JAMES OKAFOR: …"), in the fullest form the
// article writes the name in running text ("Min-ji Park"), or "". A
// label the article never writes as a name ("SPOKESPERSON", "Q",
// "HOST") names nobody: the office's figures are its body's, read from
// the sentences themselves.
//
// An interview's label written as a name ("Choi:") is written as running
// text writes it; a single word there may stand alone in running text
// ("Mr. Choi, a former builder, …").
func (a *attributor) turnSpeaker(toks []Token, named bool) string {
	b, e := labelWords(toks, named)
	if e-b == 0 || e-b > 3 {
		return ""
	}
	words := make([]string, 0, e-b)
	for k := b; k < e; k++ {
		w := toks[k].Text
		if len(w) < 2 {
			return ""
		}
		if allCaps(w) {
			w = w[:1] + strings.ToLower(w[1:])
		}
		words = append(words, w)
	}
	a.indexNames()
	// The name must stand in running text: a run of capitalised words
	// that starts or ends with the label's last word.
	last := words[len(words)-1]
	full, ok := a.names[last]
	if !ok && named && len(words) == 1 && a.inside[last] && !a.notName(toks[b:e]) {
		full, ok = last, true
	}
	if !ok {
		return ""
	}
	if len(words) > 1 {
		return strings.Join(words, " ")
	}
	// "I'm Mark Delaney": a contraction opening the run is no part of it.
	f := strings.Fields(full)
	for len(f) > 1 && strings.ContainsAny(f[0], "'’") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}
