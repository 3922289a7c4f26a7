package extract

import (
	"strings"

	"github.com/flowwatch/flowwatch"
)

// Whose people a figure counts. A North Korean word anywhere in a
// sentence used to make all its figures North Korean, and one in any of
// the three sentences before did the same for a sentence naming no other
// people. That made claims of Russia's mobilised men in a sentence that
// ends "... could turn to Pyongyang", and of Russia's labour shortage in
// a paragraph after one about North Korean workers. Here the North Korean
// word must belong to the figure: its noun phrase, its clause's subject,
// its clause, else the nearest clause that names any people; and earlier
// sentences lend their North Koreans only to a figure that points back to
// them ("of them", "the 11,000", "another 3,000 troops", "these workers").

// figureOrigin decides from a figure's own sentence whether it counts
// North Koreans: +1 it does, -1 it counts another people, 0 the sentence
// does not say. attach has run: f.Head, f.NK and f.Bare are set.
func (lx *Lexicon) figureOrigin(s *sent, f *Figure) int {
	if f.NK {
		return 1
	}
	toks := s.toks
	cs, ce := s.clause(f.Start, f.End)
	if ownPeople(toks, f) && lx.subjectOrigin(toks, cs, f.Start) != 1 {
		// "Chinese contractors bring tens of thousands of their own
		// workers": the subject's own people, and the subject is not
		// North Korea.
		return -1
	}
	if f.Head >= f.End && f.Head < len(toks) && !f.Bare {
		// The noun's own complement: "15,000 workers from North Korea",
		// "troops sent by Pyongyang".
		_, l := lx.Group(toks, f.Head)
		if l == 0 {
			l = 1
		}
		for k := f.Head + l; k < ce && k < f.Head+l+5; k++ {
			if toks[k].Kind == Punct {
				break
			}
			if k == f.Head+l && (toks[k].Low == "to" || toks[k].Low == "into") && k+1 < len(toks) && lx.places.at(toks, k+1) != nil {
				// "6,469 trips to North Korea": where the people counted
				// went, not where they are from ("visas to North Korean
				// citizens" go to people, who are).
				break
			}
			if toks[k].may(lx.origin) && lx.origin.at(toks, k) != nil {
				return 1
			}
		}
	}
	// A North Korean word between the clause's subject and the figure is
	// nearer the figure than the subject: "Russia paid North Korea 20
	// billion won for 5,000 workers".
	for k := cs; k < f.Start; k++ {
		if toks[k].may(lx.origin) && lx.origin.at(toks, k) != nil {
			return 1
		}
	}
	// A relative clause's subject is the noun before it: "North Korea —
	// which last fall sent 11,000 soldiers to support Russia's military".
	if lx.relativeOfOrigin(toks, cs, f.Start) {
		return 1
	}
	if r := lx.subjectOrigin(toks, cs, f.Start); r != 0 {
		return r
	}
	// "... sent to Kursk, where Russian forces are digging in": a
	// relative clause of the place says nothing of whose the people are.
	for k := f.End + 1; k+1 < ce; k++ {
		if toks[k].Low == "," && toks[k+1].Low == "where" {
			ce = k
			break
		}
	}
	// What follows the attribution of the figure's clause is commentary on
	// it ("..., the ministry claimed, without mentioning the North Korean
	// troops"): it is read as a later clause.
	cut := ce
	for k := f.End; k < ce; k++ {
		if toks[k].may(lx.said) && lx.said.at(toks, k) != nil {
			cut = k
			break
		}
	}
	segs := s.segments()
	ci := -1
	for k, sp := range segs {
		if f.Start >= sp.Start && f.Start < sp.End {
			ci = k
			break
		}
	}
	if ci < 0 {
		return lx.spanOrigin(toks, 0, len(toks))
	}
	if r := lx.spanOrigin(toks, cs, cut); r != 0 {
		return r
	}
	for k := ci - 1; k >= 0; k-- {
		if r := lx.segOrigin(s, k); r != 0 {
			return r
		}
	}
	if r := lx.spanOrigin(toks, cut, ce); r != 0 {
		return r
	}
	for k := ci + 1; k < len(segs); k++ {
		if toks[segs[k].Start].Low == ";" {
			// "... about 4,000 killed or wounded; the Russians have said
			// nothing": a statement of its own, about others.
			break
		}
		if r := lx.segOrigin(s, k); r != 0 {
			return r
		}
	}
	return 0
}

// ownPeople reports whether the figure's noun phrase says the people are
// its subject's own ("their own workers", "its own citizens").
func ownPeople(toks []Token, f *Figure) bool {
	end := f.Head
	if end < f.End || end > len(toks) {
		end = min(f.End+4, len(toks))
	}
	for k := f.End + 1; k < end; k++ {
		if toks[k].Low == "own" && (toks[k-1].Low == "their" || toks[k-1].Low == "its") {
			return true
		}
	}
	return false
}

// segOrigin is spanOrigin of the sentence's k-th segment, read once: a
// sentence's figures ask about the same clauses.
func (lx *Lexicon) segOrigin(s *sent, k int) int {
	segs := s.segments()
	if s.segOrigin == nil {
		s.segOrigin = make([]int8, len(segs))
	}
	if s.segOrigin[k] == 0 {
		s.segOrigin[k] = int8(lx.spanOrigin(s.toks, segs[k].Start, segs[k].End) + 2)
	}
	return int(s.segOrigin[k]) - 2
}

// subjectOrigin reads the subject of a clause, or of what the clause
// reports, before the figure: "Russia has mobilised ...", "Ukraine says
// it has lost ...", "the NIS said North Korea had sent ...". The last
// subject that names a country or people decides. A country's officials
// or agency ("Ukraine's military intelligence said") are a source.
func (lx *Lexicon) subjectOrigin(toks []Token, cs, fs int) int {
	r := lx.subjectAt(toks, cs, fs)
	for i := cs; i < fs; i++ {
		if !toks[i].may(lx.said) {
			continue
		}
		if p := lx.said.at(toks, i); p != nil {
			e := i + len(p.low)
			if v := lx.subjectAt(toks, e, fs); v != 0 {
				r = v
			}
		}
	}
	return r
}

// subjectAt is the origin of a subject that starts at toks[st] (after
// "that", "but", "and", "the"): +1 North Korea, -1 another country, 0
// neither.
func (lx *Lexicon) subjectAt(toks []Token, st, fs int) int {
	for i := st; i < fs && i < st+4; i++ {
		t := &toks[i]
		if t.Kind == Punct || t.Low == "that" || t.Low == "but" || t.Low == "and" || t.Low == "while" || t.Low == "the" || t.Low == "meanwhile" || t.Low == "however" || t.Low == "separately" {
			continue
		}
		if t.may(lx.sources) {
			if p := lx.sources.at(toks, i); p != nil {
				// "the Kremlin said" is a source; "the Kremlin plans to
				// call up 160,000 conscripts" is an actor.
				e := afterPossessive(toks, i+len(p.low))
				if lx.foreignSubj.at(toks, i) == nil || e < len(toks) && lx.said.at(toks, e) != nil {
					return 0
				}
			}
		}
		if t.may(lx.origin) && lx.origin.at(toks, i) != nil {
			return 1
		}
		if r := lx.peopleFrom(toks, i, fs); r != 0 {
			return r
		}
		if t.may(lx.foreignSubj) {
			if p := lx.foreignSubj.at(toks, i); p != nil {
				// "Seoul's National Intelligence Service put deaths at": a source.
				e := afterPossessive(toks, i+len(p.low))
				if e < len(toks) && (attributionNoun[toks[e].Low] || toks[e].may(lx.sources) && lx.sources.at(toks, e) != nil) {
					return 0
				}
				if e < len(toks) && toks[e].may(lx.said) {
					if sp := lx.said.at(toks, e); sp != nil && !speaksOfItself(toks, e+len(sp.low)) {
						return 0 // "Seoul believes as many as 3,000 more have followed": a country that speaks
					}
				}
				return -1
			}
		}
		return 0
	}
	return 0
}

// afterPossessive is the index after a possessive marker at toks[e] ("'s",
// or the apostrophe and s the tokenizer splits it into), else e.
func afterPossessive(toks []Token, e int) int {
	switch {
	case e < len(toks) && (toks[e].Low == "'s" || toks[e].Low == "’s"):
		return e + 1
	case e+1 < len(toks) && (toks[e].Low == "'" || toks[e].Low == "’") && toks[e+1].Low == "s" && toks[e+1].Glued:
		return e + 2
	}
	return e
}

// peopleFrom reads a subject of people with their origin after it:
// "Labour migrants from Uzbekistan number about 1 million", "Migrants
// from Central Asia, ..., number about 3 million" (-1); "Workers from
// North Korea" (+1); 0 when the subject starting at toks[st] is no such
// phrase.
func (lx *Lexicon) peopleFrom(toks []Token, st, fs int) int {
	people := false
	for j := st; j < fs && j <= st+3; j++ {
		t := &toks[j]
		if t.Kind != Word {
			return 0
		}
		if t.Low != "from" {
			if g, _ := lx.Group(toks, j); g != "" || peopleNouns[t.Low] {
				people = true
			}
			continue
		}
		if !people {
			return 0
		}
		k := j + 1
		if k < fs && toks[k].Low == "the" {
			k++
		}
		if k >= fs {
			return 0
		}
		if toks[k].may(lx.origin) && lx.origin.at(toks, k) != nil {
			return 1
		}
		if toks[k].may(lx.places) {
			if p := lx.places.at(toks, k); p != nil && p.val == "name" {
				switch lx.placeList[p.idx].Kind {
				case "country", "area":
					return -1
				}
			}
		}
		for e := k; e < fs && e <= k+1; e++ {
			if foreignRegions[toks[e].Low] {
				return -1
			}
		}
		return 0
	}
	return 0
}

// peopleNouns name people without being a group of the contract:
// "migrants from Central Asia".
var peopleNouns = map[string]bool{"migrants": true, "immigrants": true, "residents": true, "expatriates": true}

// foreignRegions end the name of a region people come from: "Central
// Asia", "the Caucasus".
var foreignRegions = map[string]bool{"asia": true, "africa": true, "caucasus": true, "europe": true, "cis": true}

// spanOrigin is +1 when tokens [a, b) name North Korea or its people, else
// -1 when they name another people, else 0.
func (lx *Lexicon) spanOrigin(toks []Token, a, b int) int {
	for i := a; i < b; i++ {
		if toks[i].may(lx.origin) && lx.origin.at(toks, i) != nil {
			return 1
		}
	}
	if lx.foreignPeople(toks[a:b]) || lx.subjectAt(toks, a, b) < 0 {
		return -1
	}
	return 0
}

// foreignPeople reports whether tokens name another people: a people
// noun ("Russians", "South Koreans") or another people's adjective before
// a group or casualty noun ("Russian conscripts", "Ukrainian losses"),
// not one before a thing ("Russian universities", "Russian construction
// sites") nor a source ("Ukrainian officials said").
func (lx *Lexicon) foreignPeople(toks []Token) bool {
	for i := 0; i < len(toks); i++ {
		if !toks[i].may(lx.sources) && !toks[i].may(lx.foreign) {
			continue
		}
		if p := lx.sources.at(toks, i); p != nil {
			i += len(p.low) - 1
			continue
		}
		p := lx.foreign.at(toks, i)
		if p == nil {
			continue
		}
		e := i + len(p.low)
		if last := p.low[len(p.low)-1]; strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
			return true // a people: "Russians", "Ukrainians", "South Koreans"
		}
		compound := e+1 < len(toks) && toks[e].Low == "-" && toks[e].Glued && toks[e+1].Glued // "Russian-occupied": an adjective of a place
		if last := p.low[len(p.low)-1]; !compound && (e == len(toks) || toks[e].Kind == Punct || toks[e].Low == "and" || toks[e].Low == "or") &&
			(strings.HasSuffix(last, "n") || strings.HasSuffix(last, "ese") || strings.HasSuffix(last, "ish")) {
			return true // predicative: "most of them Ukrainian and Russian", not "to the US."
		}
		for k := e; k < len(toks) && k <= e+2; k++ {
			if toks[k].Kind != Word {
				break
			}
			if g, _ := lx.Group(toks, k); g != "" {
				return true
			}
			if lx.casualties.at(toks, k) != nil {
				return true
			}
		}
	}
	return false
}

// anaphoric reports whether a people figure points back to people named
// before its sentence, which may then lend it their North Koreans: a
// bare figure ("rose to 13,000", "600 of them"), a casualty count
// ("several hundred casualties"), a definite or additive figure ("the
// 11,000", "another 3,000 troops", "3,000 more", "5,000 of the
// workers"), or one in a clause whose people are named by a pronoun or a
// definite noun ("they", "these troops", "the workers").
func (lx *Lexicon) anaphoric(s *sent, f *Figure) bool {
	if f.Bare || f.Casualty != "" {
		return true
	}
	toks := s.toks
	if len(toks) > 0 && toks[0].may(lx.connectives) && lx.connectives.at(toks, 0) != nil {
		// "In addition, military engineers ...", "And ~1K engineers ...":
		// a sentence that opens by adding to the one before goes on
		// with its people.
		return true
	}
	if f.Start > 0 && (toks[f.Start-1].in(wcDeterminer, determiners) || additive[toks[f.Start-1].Low] || lx.demonstratives[toks[f.Start-1].Low]) {
		return true
	}
	end := f.Head
	if end < f.End || end > len(toks) {
		end = f.End
	}
	for k := f.End; k < end; k++ {
		if additive[toks[k].Low] || lx.demonstratives[toks[k].Low] {
			return true
		}
	}
	if f.End+1 < len(toks) && toks[f.End].Low == "of" && (toks[f.End+1].in(wcDeterminer, determiners) || lx.demonstratives[toks[f.End+1].Low]) {
		return true
	}
	if lx.anaphoricSpeaker(toks) {
		return true
	}
	cs, ce := s.clause(f.Start, f.End)
	// "3,000 soldiers had been killed there": the place of the sentences
	// before, and so their people; "the decision to send 2,000 workers":
	// their story.
	for k := cs; k < ce; k++ {
		if toks[k].may(lx.placeAnaphora) {
			if p := lx.placeAnaphora.at(toks, k); p != nil && lx.placeReference(toks, k, len(p.low)) {
				return true
			}
		}
		if toks[k].may(lx.storyAnaphora) && lx.storyAnaphora.at(toks, k) != nil {
			return true
		}
	}
	for k := cs; k < ce; k++ {
		if k >= f.Start && k < f.End || k == f.Head {
			continue
		}
		switch toks[k].Low {
		case "they", "them", "their", "its":
			return true
		}
		if toks[k].in(wcDeterminer, determiners) || lx.demonstratives[toks[k].Low] || toks[k].Low == "that" || toks[k].Low == "this" {
			// "the workers", "that first contingent": a definite noun, up
			// to two words after its determiner.
			for j := k + 1; j < ce && j <= k+3; j++ {
				if j == f.Head || j >= f.Start && j < f.End || toks[j].Kind != Word {
					break
				}
				if g, _ := lx.Group(toks, j); g != "" {
					if g != flowwatch.GroupNationals {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

// attackToll reports whether a casualty figure with no North Korean word
// of its own counts the victims of a strike ("the death toll from the
// overnight strike has risen to 28"): live blogs put such tolls between
// entries about North Koreans. A pronoun pointing back ("40 of them were
// killed in the strike") keeps the people before, and so does a noun of
// soldiers ("40 soldiers were killed in the attack": the attackers).
func (lx *Lexicon) attackToll(s *sent, f *Figure) bool {
	if !f.Bare && f.Group != flowwatch.GroupNationals {
		return false
	}
	hit := false
	for k := range s.toks {
		switch l := s.toks[k].Low; l {
		case "they", "them", "their", "these", "those":
			return false
		default:
			hit = hit || lx.attacks[l]
		}
	}
	return hit && (f.Casualty != "" || lx.casualtyIn(s, f) != "")
}

// additive words make a figure part of a series already begun: "another
// 3,000", "3,000 more", "an additional 2,000".
var additive = map[string]bool{"another": true, "more": true, "additional": true, "further": true, "other": true, "such": true}

// demandFigure reports whether a people figure counts people needed
// rather than people who moved: a demand word shortly before it ("a
// shortage of 5 million workers", "firms need 1.5 million workers") with
// no verb of movement and no North Korean word between, or right after
// its noun ("workers are needed").
func (lx *Lexicon) demandFigure(s *sent, f *Figure) bool {
	toks := s.toks
	cs, _ := s.clause(f.Start, f.End)
	for i := f.Start - 1; i >= cs && i >= f.Start-6; i-- {
		t := &toks[i]
		if t.Kind == Punct || t.may(lx.origin) && lx.origin.at(toks, i) != nil || t.may(lx.events) && lx.events.at(toks, i) != nil {
			break
		}
		if t.may(lx.demand) && lx.demand.at(toks, i) != nil {
			// "North Korea needs 5,000 IT workers abroad": its own quota
			// of people to send, not another country's demand.
			for b := i - 1; b >= cs && b >= i-3; b-- {
				if toks[b].may(lx.origin) && lx.origin.at(toks, b) != nil {
					return false
				}
			}
			return true
		}
	}
	k := f.End
	if f.Head >= f.End && f.Head < len(toks) && !f.Bare {
		_, l := lx.Group(toks, f.Head)
		k = f.Head + l
	}
	for i := k; i < len(toks) && i < k+2; i++ {
		if toks[i].may(lx.demand) && lx.demand.at(toks, i) != nil {
			return true
		}
	}
	return false
}

// legalFigure reports whether a people figure counts the accused of a
// case rather than people who moved: a word of prosecution takes it as
// its object ("indicted 14 North Korean nationals") or follows its noun
// ("five North Koreans were charged", "the 14 workers indicted").
func (lx *Lexicon) legalFigure(s *sent, f *Figure) bool {
	toks := s.toks
	cs, _ := s.clause(f.Start, f.End)
	for i := f.Start - 1; i >= cs && i >= f.Start-3; i-- {
		if toks[i].may(lx.legal) && lx.legal.at(toks, i) != nil {
			return true
		}
		if !toks[i].in(wcDeterminer, determiners) && !additive[toks[i].Low] {
			break
		}
	}
	k := f.End
	if f.Head >= f.End && f.Head < len(toks) && !f.Bare {
		_, l := lx.Group(toks, f.Head)
		k = f.Head + max(l, 1)
	}
	if k+1 < len(toks) && toks[k].Low == "of" && (toks[k+1].Low == "them" || toks[k+1].Low == "those" || toks[k+1].Low == "these") {
		k += 2 // "12 of them were convicted"
	}
	for i := k; i < len(toks) && i < k+4; i++ {
		if toks[i].may(lx.legal) && lx.legal.at(toks, i) != nil {
			return true
		}
		if !toks[i].in(wcAuxiliary, auxiliary) && toks[i].Low != "been" {
			break
		}
	}
	return false
}

// anaphoricSpeaker reports whether a sentence is attributed to someone
// named before it ("He said ...", "..., the official added"): it goes on
// reporting the story of the sentences before, and so their people.
func (lx *Lexicon) anaphoricSpeaker(toks []Token) bool {
	for k := range toks {
		if !toks[k].may(lx.anaphora) {
			continue
		}
		p := lx.anaphora.at(toks, k)
		if p == nil {
			continue
		}
		switch p.low[0] {
		case "he", "she", "the":
		default:
			continue
		}
		e := k + len(p.low)
		if e < len(toks) && toks[e].may(lx.said) && lx.said.at(toks, e) != nil {
			return true
		}
		if k > 0 && lx.said.endingAt(toks, k, 3) != nil {
			return true
		}
	}
	return false
}

// continues reports whether a figure that names its people without
// pointing back goes on with the sentence right before it, in the same
// paragraph: that sentence names North Korea and, last, the figure's
// group, and the figure's own clause says what happened to them ("Ukraine
// says North Korean troops have suffered heavy losses. Some 4,000
// soldiers were killed or wounded ..."). A sentence that names another
// people or a need has already been ruled out by figureOrigin and
// demandFigure; a generic count with no event ("short of several million
// workers") or two sentences away does not continue.
func (lx *Lexicon) continues(doc []sent, i int, f *Figure) bool {
	if i == 0 || f.Group == "" {
		return false
	}
	if listItem(&doc[i], f) || lx.datedEntry(doc[paraStart(doc, i)].toks) && lx.inExchange(doc, i) {
		// "11,000: troops in Russia by late 2024": the items of a list of
		// figures, and the entries of a timeline, are about what the text
		// before them is about.
		for b := i - 1; b >= 0 && b >= i-listBack; b-- {
			if lx.originOf(&doc[b]) {
				return true
			}
		}
		return false
	}
	s, p := &doc[i], &doc[i-1]
	if !lx.originOf(p) {
		return false
	}
	if !p.groupDone {
		p.group, p.groupDone = lx.lastGroup(p.toks), true
	}
	// A count of casualties right after a sentence about North Korean
	// soldiers counts them ("... sent about 11,000 troops. The NIS put
	// deaths at about 2,000"), a paragraph break between or not.
	casualtyOfSoldiers := f.Casualty != "" && f.Group == flowwatch.GroupSoldiers &&
		(p.group == flowwatch.GroupSoldiers || p.claimGroup == flowwatch.GroupSoldiers)
	if p.para != s.para && !casualtyOfSoldiers {
		return false
	}
	if p.group != f.Group && p.claimGroup != f.Group {
		return false
	}
	cs, ce := s.clause(f.Start, f.End)
	for k := cs; k < ce; k++ {
		if k >= f.Start && k < f.End {
			continue
		}
		if s.toks[k].may(lx.events) && lx.events.at(s.toks, k) != nil {
			return true
		}
	}
	return false
}

// speaksOfItself reports whether what a speaker says opens with a pronoun
// for the speaker ("Ukraine says it has lost 43,000 soldiers").
func speaksOfItself(toks []Token, k int) bool {
	if k < len(toks) && toks[k].Low == "that" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	return selfPronoun[toks[k].Low]
}

// listBack is how many sentences before a list item may name North Korea
// for the list: a heading and a dozen items.
const listBack = 14

// listItem reports whether the figure opens its sentence and a colon
// follows it: an item of a list of figures ("1,500: special forces").
func listItem(s *sent, f *Figure) bool {
	return f.Start == 0 && f.End < len(s.toks) && s.toks[f.End].Low == ":"
}

// placeReference reports whether the place anaphor at toks[k] (n tokens)
// refers to a place: "killed there", "in the region"; not the
// existential "there are" nor a speaker ("the city says").
func (lx *Lexicon) placeReference(toks []Token, k, n int) bool {
	e := k + n
	if toks[k].Low == "there" {
		return !(e < len(toks) && toks[e].in(wcAuxiliary, auxiliary))
	}
	return k > 0 && lx.locatives[toks[k-1].Low]
}

// groupSize reports whether a people figure is the size of each unit
// its people move or fight in, not a number of people: "(move) in groups
// of five or six", "in units of 50 to 100", "split into teams of three",
// "in small squads of about ten soldiers". The units are what the people
// move in, so "in" or "into" stands before them; as the object of a
// movement ("weighing plans to dispatch batches of 500–800 workers",
// "dispatched groups of 500 workers") the figure is people sent, and "A
// group of 300 workers arrived" is a count: the size noun is plural.
func (lx *Lexicon) groupSize(s *sent, f *Figure) bool {
	toks := s.toks
	i := f.Start - 1
	// bound words of the figure that are not part of it: "of about ten"
	for steps := 0; i > 0 && steps < 3 && toks[i].Low != "of"; steps++ {
		if toks[i].Kind != Word {
			return false
		}
		i--
	}
	if i < 1 || toks[i].Low != "of" {
		return false
	}
	if !lx.groupSizes[toks[i-1].Low] {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		switch {
		case toks[k].Low == "in" || toks[k].Low == "into":
			return true
		case toks[k].Kind == Punct:
			return false
		}
	}
	return false
}

// relativeOfOrigin reports whether the clause at toks[cs:fs] is a relative
// clause ("which", "who") whose antecedent, right before it, names North
// Korea.
func (lx *Lexicon) relativeOfOrigin(toks []Token, cs, fs int) bool {
	k := cs
	for k < fs && toks[k].Kind == Punct {
		k++
	}
	if k >= fs || toks[k].Low != "which" && toks[k].Low != "who" {
		return false
	}
	b := cs - 1
	for b >= 0 && toks[b].Kind == Punct {
		b--
	}
	for a := b; a >= 0 && a >= b-3; a-- {
		if p := lx.origin.at(toks, a); p != nil && a+len(p.low)-1 == b {
			return true
		}
	}
	return false
}
