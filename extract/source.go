package extract

import (
	"github.com/flowwatch/flowwatch"
)

// mention is a source named in a sentence.
type mention struct {
	start, end int
	idx        int
	cue        int // cueNone, cueSaid, ...
}

const (
	cueNone      = iota
	cueRecipient // "a source told Daily NK"
	cueSaid      // "the NIS said", "according to the NIS", "a briefing from the NIS"
	cueCiting    // "citing the NIS": the source a reporter relies on
	cueCitedBy   // "cited by RFA": the reporter
)

// attribution is who a sentence attributes its figures to.
type attribution struct {
	src, via int  // source indexes, -1 for none
	unnamed  bool // attributed to nobody in particular: null, and the carry stops
	set      bool // the sentence itself attributes (named or not)
	mentions []mention
}

// attributor resolves sources sentence by sentence, carrying a sentence's
// attribution over the rest of its paragraph.
type attributor struct {
	lx      *Lexicon
	doc     []sentence
	history []int // sources named so far, in order, for "he said", "the report added"
	carry   attribution
	para    int
}

func newAttributor(lx *Lexicon, doc []sentence) *attributor {
	return &attributor{lx: lx, doc: doc, carry: attribution{src: -1, via: -1}, para: -1}
}

var saidSkip = map[string]bool{"has": true, "had": true, "have": true, "also": true, "recently": true, "earlier": true, "previously": true, "then": true, "further": true, "reportedly": true, "on": true, "last": true, "this": true, "separately": true, "later": true, ",": true, "itself": true, "again": true}

// sentence reads the attribution of doc[i] and updates the carry.
func (a *attributor) sentence(i int) {
	lx := a.lx
	s := &a.doc[i]
	toks := s.toks
	if s.para != a.para {
		// A new paragraph starts a new attribution, unless it continues the
		// previous one ("As a result, ...").
		if !(len(toks) > 0 && lx.connectives.at(toks, 0) != nil) {
			a.carry = attribution{src: -1, via: -1}
		}
		a.para = s.para
	}
	at := attribution{src: -1, via: -1}
	for k := 0; k < len(toks); k++ {
		p := lx.sources.at(toks, k)
		if p == nil {
			continue
		}
		m := mention{start: k, end: k + len(p.low), idx: p.idx}
		k = m.end - 1
		if m.end < len(toks) && (toks[m.end].Low == "resolution" || toks[m.end].Low == "resolutions") {
			continue
		}
		if m.start > 0 && toks[m.start-1].Low == "[" {
			continue // a caption's credit: [RFA]
		}
		if m.start > 0 && toks[m.start-1].Low == "(" && m.end+1 < len(toks) && toks[m.end].Low == ")" &&
			(toks[m.end+1].Low == "—" || toks[m.end+1].Low == "-" || toks[m.end+1].Low == "–") {
			continue // a dateline: SEOUL (AP) —
		}
		m.cue = a.cueOf(toks, m)
		at.mentions = append(at.mentions, m)
	}
	a.resolve(&at, toks)
	if at.set {
		a.carry = at
	}
	s.attr = at
}

// before reports whether a phrase of mt ends at most gap words before toks[k].
func (a *attributor) before(mt *pmatch, toks []Token, k, gap int) bool {
	for g := 0; g <= gap && k-g > 0; g++ {
		if g > 0 {
			t := &toks[k-g]
			if t.Kind == Punct && t.Low != "(" && t.Low != "'" && t.Low != "-" {
				return false
			}
		}
		if mt.endingAt(toks, k-g, 4) != nil {
			return true
		}
	}
	return false
}

func (a *attributor) cueOf(toks []Token, m mention) int {
	lx := a.lx
	if a.before(lx.citedBy, toks, m.start, 5) {
		return cueCitedBy
	}
	if a.before(lx.citing, toks, m.start, 6) {
		return cueCiting
	}
	if a.before(lx.according, toks, m.start, 6) || a.before(lx.by, toks, m.start, 6) {
		return cueSaid
	}
	// "the NIS said", "the NIS had said in a briefing", "NIS believes"
	k := m.end
	if k < len(toks) && toks[k].Low == ")" {
		k++
	}
	for steps := 0; k < len(toks) && steps < 3; steps++ {
		if lx.said.at(toks, k) != nil {
			return cueSaid
		}
		if !(saidSkip[toks[k].Low] || lx.weekdays[toks[k].Low] > 0 || toks[k].Low == "sunday") {
			break
		}
		k++
	}
	if m.start > 0 && (toks[m.start-1].Low == "told" || (m.start > 1 && toks[m.start-2].Low == "told" && determiners[toks[m.start-1].Low])) {
		return cueRecipient
	}
	return cueNone
}

// resolve picks the sentence's source from its mentions and cues.
func (a *attributor) resolve(at *attribution, toks []Token) {
	lx := a.lx
	var said, citing, citedBy, recipient, plain []mention
	for _, m := range at.mentions {
		switch m.cue {
		case cueSaid:
			said = append(said, m)
		case cueCiting:
			citing = append(citing, m)
		case cueCitedBy:
			citedBy = append(citedBy, m)
		case cueRecipient:
			recipient = append(recipient, m)
		default:
			plain = append(plain, m)
		}
	}
	switch {
	case len(citing) > 0:
		at.src = citing[0].idx
		if len(said) > 0 {
			at.via = said[0].idx
		} else if len(plain) > 0 {
			at.via = plain[0].idx
		}
	case len(said) > 0:
		at.src = said[0].idx
		if len(citedBy) > 0 {
			at.via = citedBy[0].idx
		}
	case len(citedBy) > 0 && len(plain) > 0:
		at.src, at.via = plain[0].idx, citedBy[0].idx
	case len(citedBy) > 0:
		at.src = citedBy[0].idx
	case len(recipient) > 0 && !a.namedSpeaker(toks):
		at.src = recipient[0].idx
	}
	if at.src >= 0 {
		at.set = true
		a.history = append(a.history, at.src)
		if at.via >= 0 {
			a.history = append(a.history, at.via)
		}
		return
	}
	for k := range toks {
		if lx.unnamed.at(toks, k) != nil {
			at.unnamed, at.set = true, true
			return
		}
	}
	// "He said", "the report added", "the source explained".
	for k := range toks {
		p := lx.anaphora.at(toks, k)
		if p == nil {
			continue
		}
		e := k + len(p.low)
		saidAfter := e < len(toks) && lx.said.at(toks, e) != nil
		if !saidAfter && !a.before(lx.according, toks, k, 1) {
			continue
		}
		if src := a.recall(p.val); src >= 0 {
			at.src, at.set = src, true
			return
		}
	}
	if len(plain) > 0 {
		at.src, at.set = plain[0].idx, true
		a.history = append(a.history, at.src)
		return
	}
	if len(recipient) > 0 {
		at.src, at.set = recipient[0].idx, true
		a.history = append(a.history, at.src)
	}
}

// namedSpeaker reports whether a capitalised name (not a known source)
// says or tells something in the sentence: "Wi told The Korea Herald".
func (a *attributor) namedSpeaker(toks []Token) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].Low == "told" || toks[k].Low == "said" {
			p := &toks[k-1]
			return isCap(p) && p.Low != "source" && a.lx.anaphora.at(toks, k-1) == nil
		}
	}
	return false
}

// recall is the latest source of a kind ("any" for any kind).
func (a *attributor) recall(kind string) int {
	for i := len(a.history) - 1; i >= 0; i-- {
		s := a.history[i]
		k := a.lx.sourceKind[s]
		switch kind {
		case "any":
			return s
		case "outlet", "agency", "think_tank", "government":
			if k == kind || (kind == "outlet" && k == "agency") || (kind == "agency" && k == "think_tank") {
				return s
			}
		case "official":
			if k == "official" {
				return s
			}
		}
	}
	return -1
}

// source is the canonical source and via of a figure of doc[i]: the
// sentence's own attribution, else the paragraph's carry.
func (a *attributor) source(i int, f *Figure) (string, string) {
	s := &a.doc[i]
	at := s.attr
	if !at.set {
		at = a.carry
	}
	if at.unnamed || at.src < 0 {
		return "", ""
	}
	src := a.lx.sourceName[at.src]
	via := ""
	if at.via >= 0 && at.via != at.src {
		via = a.lx.sourceName[at.via]
	}
	_ = flowwatch.KindPeople
	return src, via
}
