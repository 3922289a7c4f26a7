package extract

import (
	"slices"
	"strings"
	"sync"
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
	cueCredit    // "REUTERS — …": an aggregator's credit for the paragraph, its reporter
)

// attribution is who a sentence attributes its figures to.
type attribution struct {
	src, via string // canonical source names, "" for none
	unnamed  bool   // attributed to nobody in particular: null, and the carry stops
	country  bool   // src is a country or capital that speaks (countrySpeaker)
	set      bool   // the sentence itself attributes (named or not)
	indef    string // the kind of an unnamed teller ("a top Russian official said"), see indefiniteTeller
	headline bool   // that teller is a headline's role ("Think tank: …", "… - Deputy Premier")
	home     srcRef // the source named inside that teller ("a top Kremlin official"), its fallback
	mentions []mention
	speakers []speakerAt // every source or country that says something, in order
}

// speakerAt is a source that speaks at a token of its sentence.
type speakerAt struct {
	pos   int
	name  string
	opens bool // it opens a clause of its own: ", as Zelensky warned"
}

// attributor resolves sources sentence by sentence, carrying a sentence's
// attribution over the rest of its paragraph.
type attributor struct {
	lx      *Lexicon
	doc     []sent
	history []srcRef // sources named so far, in order, for "he said", "the report added"
	carry   attribution
	para    int
	names   map[string]string // capitalised word → the fullest name it is part of
	inside  map[string]bool   // capitalised words that some sentence has after its first word
	// acronyms: the acronyms bodies are introduced with in brackets ("Harbor Labour Watch (HLW)")
	acronyms map[string]bool
	house    string // the outlet reporting through its own informants (see houseOutlet)
	quoting  bool   // a quotation is open after the current sentence
	turn     string // the person whose turn of a transcript the current paragraph is (turnSpeaker)
	// spokeBody: the speaker found last was written with its acronym, a body and not a person
	spokeBody bool
	own       bool // the authors give figures of their own ("we estimate"; see ownVoice)
	cur       int  // the sentence being read

	// Every sentence read keeps its mentions and speakers; they are cut
	// from these per-article arenas (kept by the pool) instead of each
	// growing its own slices, a steady share of what extraction allocated.
	ments []mention
	spks  []speakerAt

	// The countries that speak in the sentence read last (countriesOf):
	// resolve asks them for its source and speakersOf again for the
	// sentence's speakers.
	csToks *Token
	csN    int
	cs     []speakerAt
}

// newAttributor takes an attributor from a pool: one per article, with a
// history that gains every source named, was a steady share of what
// extraction allocated. put gives it back.
func newAttributor(lx *Lexicon, doc []sent, outlet string) *attributor {
	a := attributorPool.Get().(*attributor)
	*a = attributor{lx: lx, doc: doc, para: -1, history: a.history[:0], ments: a.ments[:0], spks: a.spks[:0], cs: a.cs[:0]}
	a.house = a.houseOutlet()
	if a.house == "" && a.ownVoiceAnywhere() {
		a.own = true
		a.house = a.outletName(outlet)
	}
	return a
}

var attributorPool = sync.Pool{New: func() any { return &attributor{history: make([]srcRef, 0, 16)} }}

// put returns a to the pool, keeping nothing of its article alive.
func (a *attributor) put() {
	clear(a.history)
	clear(a.spks) // names
	clear(a.cs)
	*a = attributor{history: a.history[:0], ments: a.ments[:0], spks: a.spks[:0], cs: a.cs[:0]}
	attributorPool.Put(a)
}

// houseOutlet is the outlet whose own informants the article quotes ("a
// Daily NK source in Russia said", "a source told RFA", "a Daily NK
// reporting partner"), or "": such an article is that outlet's own
// reporting, and a figure it states with no other source is the
// outlet's.
func (a *attributor) houseOutlet() string {
	for i := range a.doc {
		toks := a.doc[i].toks
		for k := 0; k < len(toks); k++ {
			if !toks[k].may(a.lx.sources) {
				continue
			}
			p := a.lx.sources.at(toks, k)
			if p == nil {
				continue
			}
			e := k + len(p.low)
			if a.lx.sourceKind[p.idx] == "outlet" {
				if k > 0 && tellVerbs[toks[k-1].Low] && sourceBefore(toks, k-1) || e < len(toks) && (houseNouns[toks[e].Low] || houseVerb(toks, e)) {
					return a.lx.sourceName[p.idx]
				}
			}
			k = e - 1
		}
	}
	return ""
}

// houseNouns follow an outlet's name when it speaks of its own
// informants: "a Daily NK source", "RFA's sources", "a Daily NK
// reporting partner"; see houseVerb for its verbs.
// houseVerb reports whether toks[e] tells of the outlet's own reporting:
// "Daily NK interviewed Mr. A", "Daily NK has learned that", "RFA learned".
func houseVerb(toks []Token, e int) bool {
	if e+1 < len(toks) && (toks[e].Low == "has" || toks[e].Low == "have") {
		e++
	}
	switch toks[e].Low {
	case "interviewed", "learned", "learnt":
		return true
	}
	return false
}

// tellVerbs are the forms of "tell" an informant tells the outlet with
// ("a source told RFA", "he could tell Daily NK in detail").
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true}

var houseNouns = map[string]bool{"source": true, "sources": true, "reporting": true, "correspondent": true, "informant": true, "informants": true}

var saidSkip = map[string]bool{"officials": true, "official": true, "spokesman": true, "spokeswoman": true, "has": true, "had": true, "have": true, "also": true, "recently": true, "earlier": true, "previously": true, "then": true, "further": true, "reportedly": true, "on": true, "last": true, "this": true, "separately": true, "later": true, "itself": true, "again": true,
	// "North Korea has officially confirmed", "Kim publicly acknowledged".
	"officially": true, "publicly": true, "formally": true, "openly": true, "first": true, "now": true, "already": true, "repeatedly": true}

// sentence reads the attribution of doc[i] and updates the carry.
func (a *attributor) sentence(i int) {
	lx := a.lx
	a.cur = i
	s := &a.doc[i]
	toks := s.toks
	if s.para != a.para {
		// A new paragraph starts a new attribution, unless it continues the
		// previous one ("As a result, ...").
		// A paragraph that opens a quotation goes on with the speaker of the
		// paragraph before, unless it names its own.
		if !(len(toks) > 0 && (lx.connectives.at(toks, 0) != nil || quoteMark(toks[0].Low))) && !a.tableGoesOn(i) {
			a.carry = attribution{}
		}
		// A turn of a transcript is its speaker's, but where a sentence
		// of it names whom it relays.
		a.turn = a.turnSpeaker(toks, s.nameLabel)
		if a.turn != "" {
			a.carry = attribution{src: a.turn, set: true}
		}
		a.para = s.para
		a.quoting = false
	}
	if quoteMarks(toks)%2 == 1 {
		a.quoting = !a.quoting
	}
	at := a.read(toks)
	if !at.set && a.own && a.ownVoice(i, false) {
		// "Our year-end estimate is 9,000": the authors', whoever a
		// later sentence names.
		at.src, at.set, at.unnamed = a.house, true, a.house == ""
	}
	if at.home.name != "" {
		// "A Ukrainian government official said ... the official
		// added": the body is one "the official" may speak for.
		a.history = append(a.history, at.home)
	}
	if at.indef != "" && at.src == "" {
		at.src = a.identify(i, &at)
	}
	// Everyone named is someone "he" or "the agency" may refer to later.
	for _, m := range at.mentions {
		a.history = append(a.history, srcRef{a.lx.sourceName[m.idx], a.lx.sourceKind[m.idx]})
	}
	if at.set {
		a.carry = at
	}
	s.attr = at
}

// tableGoesOn reports whether doc[i], a row of a table, goes on with the
// line above: another row, or the caption that credits the table's
// source ("Quarterly entries, 2024 (Border Service)", a line with no full
// stop). A table after a paragraph of prose is no part of its attribution.
func (a *attributor) tableGoesOn(i int) bool {
	if i == 0 || !a.doc[i].isTable() {
		return false
	}
	d := &a.doc[i-1]
	if d.isTable() {
		return true
	}
	if i > 1 && a.doc[i-2].para == d.para || len(d.toks) == 0 {
		return false
	}
	switch d.toks[len(d.toks)-1].Low {
	case ".", "!", "?", ":":
		return false
	}
	return true
}

// read reads the attribution of one sentence: its mentions, their cues
// and the source they give.
func (a *attributor) read(toks []Token) attribution {
	lx := a.lx
	at := attribution{}
	ib, ie, kind := a.indefiniteTeller(toks)
	if kind == "" {
		ib, ie, kind = headlineRole(toks)
		at.headline = kind != ""
	}
	at.indef = kind
	first := len(a.ments)
	for k := 0; k < len(toks); k++ {
		if !toks[k].may(lx.sources) {
			continue
		}
		p := lx.sources.at(toks, k)
		if p == nil {
			continue
		}
		m := mention{start: k, end: k + len(p.low), idx: p.idx}
		k = m.end - 1
		if m.start >= ib && m.end <= ie {
			// "a top Kremlin official": the body the teller belongs to
			// is no teller of its own, only what is left when the
			// article never names the official.
			if at.home.name == "" {
				at.home = srcRef{a.lx.sourceName[p.idx], a.lx.sourceKind[p.idx]}
			}
			continue
		}
		if m.end < len(toks) && (toks[m.end].Low == "resolution" || toks[m.end].Low == "resolutions") {
			continue
		}
		if m.end+1 < len(toks) && toks[m.end].Low == "-" && toks[m.end].Glued && toks[m.end+1].Glued && toks[m.end+1].Kind == Word {
			continue // "Seoul-based", "Kremlin-backed": an adjective, not a source
		}
		if a.inUnnamed(toks, m.start, m.end) {
			continue // "Ukrainian and American officials": nobody in particular
		}
		if m.start > 0 && toks[m.start-1].Low == "[" {
			continue // a caption's credit: [RFA]
		}
		if m.start > 0 && toks[m.start-1].Low == "(" && m.end+1 < len(toks) && toks[m.end].Low == ")" &&
			(toks[m.end+1].Low == "—" || toks[m.end+1].Low == "-" || toks[m.end+1].Low == "–") {
			continue // a dateline: SEOUL (AP) —
		}
		m.cue = a.cueOf(toks, m)
		if m.cue == cueNone && creditLine(toks, m) && a.lx.sourceKind[m.idx] == "outlet" {
			m.cue = cueCredit
		}
		if m.cue == cueNone && bracketCredit(toks, m) {
			m.cue = cueSaid // "Entries by quarter, 2024 (Border Service)": a caption's source, its table's too
		}
		a.ments = append(a.ments, m)
	}
	if len(a.ments) > first {
		at.mentions = a.ments[first:len(a.ments):len(a.ments)]
	}
	a.resolve(&at, toks)
	if at.set && at.src != "" {
		at.speakers = a.speakersOf(&at, toks)
	}
	return at
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
	// "the NIS said", "the NIS had said in a briefing", "NIS believes",
	// "Shoigu, Russia's Security Council chief, announced".
	k := m.end
	if a.lx.sourceKind[m.idx] == "official" {
		k = skipAffiliation(toks, k)
	}
	k = skipApposition(toks, k)
	if k < len(toks) && toks[k].Low == ")" {
		k++
	}
	for steps := 0; k < len(toks) && steps < 3; steps++ {
		if lx.said.at(toks, k) != nil || publishes(toks, k) {
			return cueSaid
		}
		if !(toks[k].in(wcSaidSkip, saidSkip) || lx.weekdayValue(&toks[k]) > 0 || toks[k].Low == "sunday") {
			break
		}
		k++
	}
	// "Shoigu after the trip to Pyongyang declared": a phrase of time or
	// occasion between the source and its verb, as translations from
	// Russian place it; a figure inside it ends the search.
	if k < len(toks) && phraseOpener[toks[k].Low] {
		for j := k + 1; j < len(toks) && j <= k+7 && toks[j].Kind == Word; j++ {
			if lx.said.at(toks, j) != nil {
				return cueSaid
			}
		}
	}
	// "..., said the NIS", "says Yonhap": the verb before the source.
	if b := m.start - 1; b >= 0 {
		if toks[b].in(wcDeterminer, determiners) && b > 0 {
			b--
		}
		if toks[b].Low != "told" && lx.said.endingAt(toks, b+1, 2) != nil && (b == 0 || toks[b-1].Low == "," || toks[b-1].Low == "\"" || toks[b-1].Low == "'") {
			return cueSaid
		}
	}
	if m.start > 0 && (toks[m.start-1].Low == "told" || (m.start > 1 && toks[m.start-2].Low == "told" && toks[m.start-1].in(wcDeterminer, determiners))) {
		return cueRecipient
	}
	return cueNone
}

// resolve picks the sentence's source from its mentions and cues.
func (a *attributor) resolve(at *attribution, toks []Token) {
	lx := a.lx
	var said, citing, citedBy, recipient, plain, credit []mention
	for _, m := range at.mentions {
		switch m.cue {
		case cueCredit:
			credit = append(credit, m)
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
	if len(said) > 0 && len(citing) == 0 && len(citedBy) == 0 {
		if c := a.closingSpeaker(toks, said); c != "" {
			at.src, at.set = c, true
			return
		}
	}
	switch {
	case len(citing) > 0:
		at.src = a.name(citing[0])
		if len(said) > 0 {
			at.via = a.name(said[0])
		} else if len(plain) > 0 {
			at.via = a.name(plain[0])
		}
	case len(said) > 0:
		at.src = a.name(said[0])
		if len(citedBy) > 0 {
			at.via = a.name(citedBy[0])
		}
	case len(citedBy) > 0 && len(plain) > 0:
		at.src, at.via = a.name(plain[0]), a.name(citedBy[0])
	case len(citedBy) > 0:
		at.src = a.name(citedBy[0])
	case len(recipient) > 0 && len(plain) > 0 && plain[0].end <= recipient[0].start:
		// "Shoigu, who met Kim on Tuesday, told Russian media that ...":
		// the one who tells is the source, the outlet told its reporter.
		at.src, at.via = a.name(plain[0]), a.name(recipient[0])
	case len(recipient) > 0 && at.indef == "" && a.speaker(toks) == "":
		at.src = a.name(recipient[0])
	}
	if at.src != "" {
		at.set = true
		if at.via == "" && len(credit) > 0 {
			at.via = a.name(credit[0])
		}
		// "... told Yonhap, citing the NIS": the outlet told is the reporter.
		if at.via == "" && len(recipient) > 0 && a.name(recipient[0]) != at.src {
			at.via = a.name(recipient[0])
		}
		return
	}
	if c := a.countrySpeaker(toks); c != "" {
		at.src, at.set, at.country = c, true, true
		a.history = append(a.history, srcRef{c, "government"})
		return
	}
	// "South Korean officials estimate ...": officials a nationality
	// names tell for themselves, as the text names them; they are not the
	// officials named before, nor nobody in particular ("officials said").
	if sp := a.nationalOfficials(toks); sp != "" {
		at.src, at.set = sp, true
		a.history = append(a.history, srcRef{sp, "official"})
		return
	}
	for k := range toks {
		if toks[k].may(lx.unnamed) && lx.unnamed.at(toks, k) != nil && !publishedAt(toks, k) {
			at.unnamed, at.set = true, true
			return
		}
	}
	// "He said", "the report added", "the source explained".
	for k := range toks {
		if !toks[k].may(lx.anaphora) {
			continue
		}
		p := lx.anaphora.at(toks, k)
		if p == nil {
			continue
		}
		e := skipAside(toks, k+len(p.low), maxAnaphorAside)
		for e < len(toks) && e < k+len(p.low)+2 && toks[e].in(wcSaidSkip, saidSkip) {
			e++ // "the agency also confirmed", "the ministry had said"
		}
		saidAfter := e < len(toks) && lx.said.at(toks, e) != nil
		if !saidAfter && !a.before(lx.according, toks, reportOf(toks, k), 1) {
			continue
		}
		if a.turn != "" && toks[k].Low == "we" {
			// "OKAFOR: … We assess that …": whoever has the turn.
			at.src, at.set = a.turn, true
			return
		}
		if a.own && toks[k].Low == "we" && a.ownVoice(a.cur, false) {
			// "We estimate 7,000 were in Kursk" in an analysis: its
			// authors, not the body named last.
			at.src, at.set, at.unnamed = a.house, true, a.house == ""
			return
		}
		if src := a.namedBefore(plain, k, p.val); src != "" {
			// "British defence intelligence went further, ..., which it
			// said": the pronoun is the source its sentence named.
			at.src, at.set = src, true
			return
		}
		if src := a.recall(p.val); src != "" {
			at.src, at.set = src, true
			return
		}
	}
	// A person the gazetteer does not know: "Wi said", resolved to the
	// fullest form of the name the article gives ("Wi Sung-lac").
	a.spokeBody = false
	if sp := a.speaker(toks); sp != "" {
		at.src, at.set = sp, true
		kind := "official"
		if a.spokeBody {
			kind = "body" // "Harbor Labour Watch (HLW) said", "HLW counted": "the report" may be its
		}
		a.history = append(a.history, srcRef{sp, kind})
		return
	}
	if sp, body := a.cuedName(toks); sp != "" {
		at.src, at.set = sp, true
		kind := "official"
		if body {
			kind = "body" // "according to a study by Harbor Labour Watch (HLW)": "the study" may be its
		}
		a.history = append(a.history, srcRef{sp, kind})
		return
	}
	// "..., a human rights group told AFP": someone the sentence does
	// not name tells; who it is, source identifies later (identify), and
	// the outlet told is only the reporter.
	if at.indef != "" {
		at.set = true
		if len(recipient) > 0 {
			at.via = a.name(recipient[0])
			if at.indef == "official" && at.home.name == "" {
				// "..., a North Korean official told Reuters": an
				// informant the outlet does not name is its own.
				at.home = srcRef{at.via, a.lx.sourceKind[recipient[0].idx]}
			}
		}
		return
	}
	// A source merely named ("...: NIS", "the South Korean government,
	// which denounced ...") stands, unless it is a person: "Kim Jong Un
	// sent 10,000 soldiers" names an actor, not a source.
	for _, m := range plain {
		if a.lx.sourceKind[m.idx] == "official" && !(m.end < len(toks) && toks[m.end].Low == ":") && m.end < len(toks) {
			continue
		}
		at.src, at.set = a.name(m), true
		return
	}
	if len(recipient) > 0 {
		at.src, at.set = a.name(recipient[0]), true
		return
	}
	// "REUTERS — About 3,000 more troops arrived": the credited outlet
	// reports what no one in its paragraph is said to tell.
	if len(credit) > 0 {
		at.src, at.set = a.name(credit[0]), true
	}
}

// closingSpeaker is who speaks in the clause that closes the sentence
// ("…, South Korean officials say.", "…, the NIS said on Monday.") when
// the sentence's first source is only named in a phrase of "by" inside
// it ("the arrangement announced by Shoigu in June"): that phrase says
// whose plan or report the text mentions, the closing clause who tells
// the figures. An outlet closing the sentence only relays; "" then, and
// when no such clause closes it.
func (a *attributor) closingSpeaker(toks []Token, said []mention) string {
	if !reducedBy(toks, said[0].start) || a.before(a.lx.according, toks, said[0].start, 6) {
		return ""
	}
	c := len(toks) - 1
	for c > 0 && toks[c].Low != "," {
		c--
	}
	if c < said[0].end || len(toks)-c > 10 {
		return ""
	}
	for _, m := range said[1:] {
		if m.start > c && a.lx.sourceKind[m.idx] != "outlet" {
			return a.name(m)
		}
	}
	if sp := a.nationalOfficials(toks[c:]); sp != "" {
		return sp
	}
	return ""
}

// reducedBy reports whether a participle and "by" modify a noun within
// four words before toks[k] ("the accord signed by Russia's
// defence minister"), not a passive verb ("was announced by").
func reducedBy(toks []Token, k int) bool {
	for b := k - 1; b >= 1 && b >= k-5; b-- {
		if toks[b].Kind == Punct {
			return false
		}
		if toks[b].Low != "by" {
			continue
		}
		p := toks[b-1].Low
		if !strings.HasSuffix(p, "ed") || b < 2 {
			return false
		}
		switch toks[b-2].Low {
		case "was", "were", "is", "are", "been", "be", "being":
			return false
		}
		return toks[b-2].Kind == Word
	}
	return false
}

// creditLine reports whether the mention m opens its sentence as an
// aggregator's credit for the paragraph ("REUTERS — …", "Yonhap – …"):
// the outlet relays what the paragraph reports; a source its sentence
// names, or one "the agency" points back to, is the source.
func creditLine(toks []Token, m mention) bool {
	return m.start == 0 && m.end+1 < len(toks) && (toks[m.end].Low == "—" || toks[m.end].Low == "–" || toks[m.end].Low == "-")
}

// bracketCredit reports whether the mention closes its line in brackets
// with no full stop after: a caption or a heading crediting its source
// ("Quarterly entries, 2024 (Border Service)"), not a sentence's aside.
func bracketCredit(toks []Token, m mention) bool {
	return m.start > 1 && toks[m.start-1].Low == "(" && m.end+1 == len(toks) && toks[m.end].Low == ")"
}

// namedBefore is the last source named before toks[k] in mentions that an
// anaphor of kind (see recall) may stand for: a person for "he" or "the
// official", any other body for the rest; or "".
func (a *attributor) namedBefore(ms []mention, k int, kind string) string {
	for j := len(ms) - 1; j >= 0; j-- {
		m := ms[j]
		if m.end > k {
			continue
		}
		official := a.lx.sourceKind[m.idx] == "official"
		if kind == "any" || official == (kind == "official") {
			return a.name(m)
		}
	}
	return ""
}

// srcRef is a source in the history.
type srcRef struct{ name, kind string }

// name is the canonical name of a mention, recorded in the history.
func (a *attributor) name(m mention) string { return a.lx.sourceName[m.idx] }

// speaker is the name of a person or body the gazetteer does not know
// who says, tells or reports something in the sentence ("Wi told The Korea
// Herald", "The Royal United Services Institute estimated", "Newsweek
// reported"), in the fullest form the article gives it, or "".
func (a *attributor) speaker(toks []Token) string {
	for k := 1; k < len(toks); k++ {
		if !toks[k].maybe(wcSpeakerVerb | wcPublishVerb) {
			continue // in neither list: no look-up
		}
		if !toks[k].in(wcSpeakerVerb, speakerVerb) && !publishes(toks, k) {
			continue
		}
		e := k
		if c := appositionBefore(toks, k); c > 0 {
			e = c // "Ivan Petrov, an aide to the chairman, said"
		}
		acronym := false
		if acronymAfter(toks, e-3) {
			e -= 3 // "Harbor Labour Watch (HLW) said": the name before its acronym
			acronym = true
		}
		b := nameBefore(toks, e)
		if b == e || !isCap(&toks[b]) {
			return ""
		}
		if toks[b].Low == "the" {
			// "The Royal United Services Institute": the article is no
			// part of the name; "the Ministry" alone names no one.
			if b+2 >= e {
				return ""
			}
			b++
		}
		span := toks[b:e]
		if acronym && !notNames[span[0].Low] {
			// "Harbor Labour Watch (HLW) said": the brackets mark a name,
			// whatever words it holds, and the body is its acronym, as
			// the gazetteer names the bodies it knows.
			a.spokeBody = true
			return toks[e+1].Text
		}
		if a.notName(span) {
			return ""
		}
		// A capital that only opens the sentence may be any word ("Other
		// reported purposes"); a name is capitalised elsewhere too.
		if b == 0 && len(span) == 1 && toks[k].in(wcSpeakerVerb, speakerVerb) && !a.capitalisedInside(span[0].Text) && a.namedPerson(span[0].Text) == "" {
			return ""
		}
		if acronym || len(span) == 1 && isAcronym(span[0].Text) {
			a.spokeBody = true
		}
		return a.fullName(span)
	}
	return ""
}

// acronymAfter reports whether toks[k:k+3] is an acronym in brackets
// right after a capitalised word ("Harbor Labour Watch (HLW)"): the name
// a body is introduced with, and the short form it is written after.
func acronymAfter(toks []Token, k int) bool {
	return k > 0 && k+2 < len(toks) && toks[k].Low == "(" && toks[k+2].Low == ")" && toks[k+1].Kind == Word &&
		len(toks[k+1].Text) >= 2 && isAcronym(toks[k+1].Text) && isCap(&toks[k-1])
}

// nameBefore is where a run of capitalised words ending before toks[e]
// begins: at most six words, joined by glued hyphens and dots or by a lowercase "for",
// "of" or "and" between capitals ("Korea Institute for Defense Analyses").
func nameBefore(toks []Token, e int) int {
	b := e
	for b > 0 && e-b < 6 {
		p := &toks[b-1]
		switch {
		case isCap(p), (p.Low == "-" || p.Low == ".") && p.Glued && b < e && toks[b].Glued:
			b-- // "Kim Jong-un", "Fontanka.Ru"
		case nameJoiner[p.Low] && b < e && isCap(&toks[b]) && b >= 2 && isCap(&toks[b-2]):
			b--
		default:
			return b
		}
	}
	return b
}

var notNames = map[string]bool{"the": true, "he": true, "she": true, "it": true, "they": true, "this": true, "that": true, "we": true, "i": true, "a": true, "an": true, "officials": true, "experts": true, "source": true, "sources": true, "reports": true, "media": true}

func (a *attributor) notName(span []Token) bool {
	for k := range span {
		t := &span[k]
		if notNames[t.Low] || a.lx.month(t) > 0 || a.lx.weekdayValue(t) > 0 && isCap(t) {
			return true
		}
		if a.lx.origin.at(span, k) != nil || a.lx.places.at(span, k) != nil || a.lx.sources.at(span, k) != nil || a.lx.foreign.at(span, k) != nil {
			return true
		}
	}
	return false
}

// fullName is the longest run of capitalised words in the article that
// starts or ends with the name ("Wi" → "Rep. Wi Sung-lac" → "Wi Sung-lac").
// The runs are indexed once per article, so the cost stays linear.
func (a *attributor) fullName(span []Token) string {
	text := joinTokens(span)
	if len(span) > 1 {
		return text
	}
	if n := a.namedPerson(span[0].Text); n != "" {
		return n // "Rep. Lee said" after "Lee Seong-kweun": the person named before
	}
	a.indexNames()
	if a.acronyms[span[0].Text] {
		return text // "HLW counted": the body introduced as "Harbor Labour Watch (HLW)"
	}
	if c, ok := a.names[span[0].Text]; ok {
		return c
	}
	return text
}

// namedPerson is the latest person of the history whose name begins or
// ends with the word ("Lee" for "Lee Seong-kweun", "Austin" for "Lloyd
// Austin"), or "": the gazetteer's people are not in the index of
// capitalised runs, which leaves out every source's name.
func (a *attributor) namedPerson(word string) string {
	for i := len(a.history) - 1; i >= 0; i-- {
		h := a.history[i]
		if h.kind != "official" || h.name == word {
			continue
		}
		if strings.HasPrefix(h.name, word+" ") || strings.HasSuffix(h.name, " "+word) {
			return h.name
		}
	}
	return ""
}

// capitalisedInside reports whether the article capitalises word after
// the first word of some sentence.
func (a *attributor) capitalisedInside(word string) bool {
	a.indexNames()
	return a.inside[word]
}

// indexNames indexes, once per article, the runs of capitalised words and
// the capitalised words that open no sentence.
func (a *attributor) indexNames() {
	if a.names != nil {
		return
	}
	a.names, a.inside, a.acronyms = map[string]string{}, map[string]bool{}, map[string]bool{}
	for i := range a.doc {
		toks := a.doc[i].toks
		for k := 0; k < len(toks); k++ {
			if !isCap(&toks[k]) || toks[k].in(wcAbbrev, a.lx.abbrev) || notNames[toks[k].Low] {
				continue
			}
			e := k + 1
			for e < len(toks) && e-k < 5 && (isCap(&toks[e]) || (toks[e].Low == "-" && toks[e].Glued) || (toks[e].Glued && toks[e-1].Low == "-")) {
				e++
			}
			for j := max(k, 1); j < e; j++ {
				a.inside[toks[j].Text] = true
			}
			if e-k > 1 && !a.notName(toks[k:e]) {
				c := joinTokens(toks[k:e])
				for _, w := range []string{toks[k].Text, toks[e-1].Text} {
					if len(c) > len(a.names[w]) {
						a.names[w] = c
					}
				}
			}
			if b := nameBefore(toks, e); e-b > 1 && acronymAfter(toks, e) && !a.notName(toks[b:e]) {
				// "Harbor Labour Watch (HLW)": the acronym is the body's name.
				a.acronyms[toks[e+1].Text] = true
			}
			k = e - 1
		}
	}
}

func joinTokens(toks []Token) string {
	var b []byte
	for i, t := range toks {
		if i > 0 && !t.Glued {
			b = append(b, ' ')
		}
		b = append(b, t.Text...)
	}
	return string(b)
}

// recall is the latest source of a kind ("any" for any kind): "the
// agency", "the ministry", "the think tank" point back past the officials
// and capitals named since to the body of their kind. "the agency" with
// no agency named before is a news agency (an outlet); "the official"
// with no official named before speaks for the government named.
func (a *attributor) recall(kind string) string {
	if kind == "document" {
		// "the report", "the assessment": whatever body published one, an
		// agency, a ministry or an outlet, never a person.
		for i := len(a.history) - 1; i >= 0; i-- {
			if a.history[i].kind != "official" {
				return a.history[i].name
			}
		}
		return ""
	}
	if kind == "agency" {
		if s := a.latest("agency"); s != "" {
			return s
		}
		return a.latest("outlet")
	}
	if kind == "official" {
		// "a government official in Seoul said ... the official added":
		// an unnamed official speaks for a government.
		if s := a.latest("official"); s != "" {
			return s
		}
		if a.house != "" {
			return a.house // "he said": the outlet's own informant
		}
		return a.latest("government")
	}
	return a.latest(kind)
}

func (a *attributor) latest(kind string) string {
	for i := len(a.history) - 1; i >= 0; i-- {
		if s := a.history[i]; kind == "any" || s.kind == kind {
			return s.name
		}
	}
	return ""
}

// source is the canonical source and via of a figure of doc[i]: the
// sentence's own attribution, else the paragraph's carry.
func (a *attributor) source(i int, f *Figure) (string, string) {
	s := &a.doc[i]
	at := s.attr
	if !at.set {
		// “... 9,000 are there now, 2,500 of them hurt or dead,” he told
		// an interviewer: the quotation's speaker, named where it closes.
		if src := a.quoteCloser(i); src != "" {
			return src, ""
		}
		at = a.carry
	}
	if !at.set && at.src == "" {
		// "North Korea is considering sending 25,000 workers. This was
		// reported by NHK ...": the next sentence attributes this one.
		if src := a.back(i); src != "" {
			return src, ""
		}
		// "IT workers earn $5,000 a month. Of that, ... Annually the state
		// makes $20 million, the report says.": a paragraph's findings,
		// attributed where it ends.
		if src := a.paragraphEnd(i); src != "" {
			return src, ""
		}
	}
	if at.src == "" && a.house != "" {
		return a.house, ""
	}
	if at.unnamed || at.src == "" {
		return "", ""
	}
	if f != nil && at.set {
		if sp := clauseSpeaker(&at, f.Start); sp != "" {
			return sp, ""
		}
	}
	via := at.via
	if via == at.src {
		via = ""
	}
	return at.src, via
}

// speakersOf lists who says something in the sentence: the sources
// with a reporting verb and the countries that speak.
func (a *attributor) speakersOf(at *attribution, toks []Token) []speakerAt {
	for _, m := range at.mentions {
		if m.cue == cueCiting || m.cue == cueCitedBy {
			return nil // "Yonhap reported, citing the NIS": one source, relayed
		}
	}
	first := len(a.spks)
	for _, m := range at.mentions {
		if m.cue == cueSaid {
			a.spks = append(a.spks, speakerAt{pos: m.start, name: a.name(m)})
		}
	}
	for _, c := range a.countriesOf(toks) {
		if !inMention(at.mentions, c.pos) { // "US officials" is its source, not the US
			a.spks = append(a.spks, c)
		}
	}
	if len(a.spks) == first {
		return nil
	}
	out := a.spks[first:len(a.spks):len(a.spks)]
	slices.SortFunc(out, func(x, y speakerAt) int { return x.pos - y.pos })
	for i := range out {
		out[i].opens = opensClause(toks, out[i].pos)
	}
	return out
}

func inMention(ms []mention, k int) bool {
	for _, m := range ms {
		if m.start <= k && k < m.end {
			return true
		}
	}
	return false
}

// opensClause reports whether a conjunction opens a clause right before
// the speaker at toks[pos] (", as Ukraine's president warned", "though
// U.S. estimates were lower"), not a clause reported by another speaker
// ("estimates indicate that North Korea had reported").
func opensClause(toks []Token, pos int) bool {
	for j := pos - 1; j >= 0 && j >= pos-5; j-- {
		switch toks[j].Low {
		case "as", "while", "though", "although", "whereas", "but", "meanwhile":
			return true
		case "and":
			// ", and Seoul estimates ...": a clause of its own after a
			// comma; "Seoul and Kyiv said" is one speaker of two names.
			return j > 0 && toks[j-1].Low == ","
		case "that", ",", ";", ":", "\"", "“", "(":
			return false
		}
	}
	return false
}

// clauseSpeaker is the speaker of a clause that comes after the
// sentence's own source and before the figure at token fs, "" when
// none: "10,000 troops were sent, the White House said, as Zelensky
// warned that 12,000 may soon be there" gives 12,000 to Zelensky.
func clauseSpeaker(at *attribution, fs int) string {
	first := -1
	for _, sp := range at.speakers {
		if sp.name == at.src {
			first = sp.pos
			break
		}
	}
	if first < 0 {
		return ""
	}
	last := ""
	for _, sp := range at.speakers {
		if sp.pos > first && sp.pos < fs && sp.opens {
			last = sp.name
		}
	}
	if last == at.src {
		return ""
	}
	return last
}

// reportOf is where the report a source gives begins when the source at
// toks[k] is its owner ("according to the estimates of Seoul", "the data
// of the special services"), else k: "according to" before the report
// attributes to its owner as it would to the owner alone.
func reportOf(toks []Token, k int) int {
	if k < 2 || toks[k-1].Low != "of" || !reportNoun[toks[k-2].Low] {
		return k
	}
	j := k - 2
	if j > 0 && toks[j-1].in(wcDeterminer, determiners) {
		j--
	}
	return j
}

// appositionBefore is where the comma that opens an apposition ending
// right before toks[k] stands ("Ivan Petrov, an aide to the chairman of
// a developer, said"), when a capitalised word precedes that comma and
// the apposition opens with a lower-case word, else -1.
func appositionBefore(toks []Token, k int) int {
	if k < 4 || toks[k-1].Low != "," {
		return -1
	}
	for j := k - 2; j > 0 && j >= k-14; j-- {
		switch toks[j].Low {
		case ",":
			if isCap(&toks[j-1]) && !isCap(&toks[j+1]) && toks[j+1].Kind == Word {
				return j
			}
			return -1
		case ";", ":", ".", "\"", "“", "”", "(", ")", "?", "!":
			return -1
		}
	}
	return -1
}

// skipAffiliation skips the body a person is named with ("Rep. Kim of
// the ruling Unity Party told reporters", "Dr. Cho of the Hanbit
// Institute said"), so that the person, not the party or institute, is
// the one whose verb follows. It returns k when no such phrase starts
// at toks[k].
func skipAffiliation(toks []Token, k int) int {
	j := k + 1
	if k >= len(toks) || toks[k].Low != "of" || j >= len(toks) {
		return k
	}
	if toks[j].Low == "the" {
		j++
	}
	for n := 0; n < 2 && j < len(toks) && toks[j].Kind == Word && !isCap(&toks[j]); n++ {
		j++ // "the ruling", "the main opposition"
	}
	e := j
	for e < len(toks) && (isCap(&toks[e]) || nameJoiner[toks[e].Low] && e+1 < len(toks) && isCap(&toks[e+1]) && e > j) {
		e++
	}
	if e == j {
		return k
	}
	return e
}

// skipApposition skips an apposition or a parenthetical clause that
// starts at toks[k] ("Shoigu, Russia's Security Council chief, said",
// "The report, cited by Caliber.Az, estimates"): up to ten words between
// two commas. It returns k when there is none.
func skipApposition(toks []Token, k int) int { return skipAside(toks, k, maxApposition) }

// maxApposition and maxAnaphorAside are the most words (and one) between
// the commas of an apposition after a name, and of the aside after an
// anaphor: what follows "the report," tells how it was made ("The
// report, drawing on talks with dozens of former crew members in three
// cities, estimates …") and runs longer than an apposition does.
const (
	maxApposition   = 11
	maxAnaphorAside = 17
)

// skipAside skips an aside of at most n-1 words between two commas
// starting at toks[k]; it returns k when there is none.
func skipAside(toks []Token, k, n int) int {
	if k >= len(toks) || toks[k].Low != "," {
		return k
	}
	for j := k + 1; j < len(toks) && j <= k+n; j++ {
		switch toks[j].Low {
		case ",":
			return j + 1
		case ".":
			if j+1 < len(toks) && toks[j].Glued && toks[j+1].Glued {
				continue // a name with a dot in it: "cited by Caliber.Az"
			}
			return k
		case ";", ":", "\"", "?", "!":
			return k
		}
	}
	return k
}

// countrySpeaker is a country or a capital that speaks for its
// government in the sentence: "Ukraine says it captured ...", "South
// Korea said", "..., says South Korea", "according to Seoul". A country
// is a place, not a source of the gazetteer (its name must stay a
// place elsewhere), so it is read here, with the same cues as a source.
// It returns the place's canonical name, or "".
func (a *attributor) countrySpeaker(toks []Token) string {
	if cs := a.countriesOf(toks); len(cs) > 0 {
		return cs[0].name
	}
	return ""
}

// countriesOf is countrySpeakers(toks), remembered for the sentence last
// asked; the slice is reused for the next.
func (a *attributor) countriesOf(toks []Token) []speakerAt {
	if len(toks) == 0 {
		return nil
	}
	if a.csToks != &toks[0] || a.csN != len(toks) {
		clear(a.cs)
		a.cs = a.countrySpeakers(toks, a.cs[:0])
		a.csToks, a.csN = &toks[0], len(toks)
	}
	return a.cs
}

// countrySpeakers appends to out all the countries and capitals that speak
// in the sentence, in order.
func (a *attributor) countrySpeakers(toks []Token, out []speakerAt) []speakerAt {
	lx := a.lx
	for k := 0; k < len(toks); k++ {
		if !toks[k].may(lx.places) || !isCap(&toks[k]) {
			continue
		}
		p := lx.places.at(toks, k)
		if p == nil || p.val != "name" {
			continue
		}
		pl := lx.placeList[p.idx]
		m := mention{start: k, end: k + len(p.low)}
		k = m.end - 1
		if pl.Kind != "country" && !pl.Metonym && !pl.Ignore {
			continue
		}
		if last := toks[m.end-1].Low; strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") || m.end < len(toks) && (toks[m.end].Low == "'s" || toks[m.end].Low == "'") {
			continue // "Ukraine's special forces": the forces speak
		}
		if m.start > 0 && toks[m.start-1].in(wcPreposition, prepositions) && !a.before(lx.according, toks, m.start, 1) && !a.before(lx.according, toks, reportOf(toks, m.start), 1) {
			continue // "the government of Japan", "in Russia", "soldiers from North Korea"
		}
		if a.cueOf(toks, m) == cueSaid {
			out = append(out, speakerAt{pos: m.start, name: pl.Name})
		}
	}
	return out
}

// inUnnamed reports whether toks[start:end] lies inside a phrase that
// attributes to nobody in particular ("Ukrainian and American officials").
func (a *attributor) inUnnamed(toks []Token, start, end int) bool {
	for j := start; j >= 0 && j >= start-4; j-- {
		if toks[j].may(a.lx.unnamed) {
			if p := a.lx.unnamed.at(toks, j); p != nil && j+len(p.low) >= end {
				return true
			}
		}
	}
	return false
}

// prepositions before a country make it a place or an origin, not a
// speaker.
var prepositions = map[string]bool{"of": true, "in": true, "to": true, "from": true, "by": true, "with": true, "against": true, "for": true, "on": true, "at": true, "into": true, "across": true, "toward": true, "towards": true, "near": true, "over": true, "inside": true, "within": true, "between": true}

// back is the source that the sentence after doc[i], in its paragraph
// and with no figure of its own, gives doc[i] when it opens by pointing
// back ("This was reported by NHK", "That figure comes from the ISW,
// which said ..."), or "".
func (a *attributor) back(i int) string {
	if i+1 >= len(a.doc) {
		return ""
	}
	n := &a.doc[i+1]
	toks := n.toks
	// The pointer may open the next paragraph when doc[i] closes its own:
	// a one-line lede, then "This was announced by Sergei Shoigu, ...".
	if n.para != a.doc[i].para && n.para != a.doc[i].para+1 || len(toks) < 3 || !backOpeners[toks[0].Low] {
		return ""
	}
	for k := range toks {
		if toks[k].Kind == Number {
			return ""
		}
	}
	// Its reading is only a look ahead: the history stays as it was.
	h := len(a.history)
	at := a.read(toks)
	a.history = a.history[:h]
	if !at.set || at.unnamed {
		return ""
	}
	return at.src
}

// quoteCloser is the source of the sentence that closes the quotation
// doc[i] lies in, in the same paragraph, or "".
func (a *attributor) quoteCloser(i int) string {
	if !a.quoting {
		return ""
	}
	for j := i + 1; j < len(a.doc) && j <= i+6 && a.doc[j].para == a.doc[i].para; j++ {
		if quoteMarks(a.doc[j].toks)%2 == 0 {
			continue
		}
		h := len(a.history)
		at := a.read(a.doc[j].toks)
		a.history = a.history[:h]
		if !at.set || at.unnamed {
			return ""
		}
		return at.src
	}
	return ""
}

func quoteMark(s string) bool { return s == "\"" || s == "“" || s == "”" }

func quoteMarks(toks []Token) int {
	n := 0
	for k := range toks {
		if quoteMark(toks[k].Low) {
			n++
		}
	}
	return n
}

// paragraphEnd is the source of the first sentence after doc[i], in its
// paragraph, that attributes anything, or "": not when doc[i] reports
// itself, through a teller the gazetteer does not know.
func (a *attributor) paragraphEnd(i int) string {
	toks := a.doc[i].toks
	for k := 1; k < len(toks); k++ {
		if toks[k].may(a.lx.said) && a.lx.said.at(toks, k) != nil && (isCap(&toks[k-1]) || tellerNouns[toks[k-1].Low]) {
			return "" // "Ukrainian officials reported that ...": its own teller
		}
	}
	for j := i + 1; j < len(a.doc) && j <= i+3 && a.doc[j].para == a.doc[i].para; j++ {
		h := len(a.history)
		at := a.read(a.doc[j].toks)
		kind := a.kindOf(&at, h)
		a.history = a.history[:h]
		if !at.set {
			continue
		}
		if at.unnamed || at.country || kind == "official" {
			return "" // a country or a person speaks for itself, not for the paragraph
		}
		if a.opensOwnReport(&at, a.doc[j].toks) {
			return "" // "The NIS estimated 4,700 casualties": a statement of its own
		}
		return at.src
	}
	return ""
}

// opensOwnReport reports whether the sentence's source speaks before a
// figure of its own ("South Korea's NIS estimated 4,700 casualties"): it
// reports that figure, not the ones before it, unlike a sentence whose
// source closes it ("Of that, they keep $2,000, the report says").
func (a *attributor) opensOwnReport(at *attribution, toks []Token) bool {
	for _, m := range at.mentions {
		if a.name(m) != at.src || m.cue != cueSaid {
			continue
		}
		for k := m.end; k < len(toks); k++ {
			if toks[k].Kind == Number {
				return true
			}
		}
		return false
	}
	return false
}

// kindOf is the kind of at's source: a mention's in the gazetteer, else
// the kind resolve gave it (a speaker the gazetteer does not know is an
// official) in the history from h on, else "".
func (a *attributor) kindOf(at *attribution, h int) string {
	for _, m := range at.mentions {
		if a.name(m) == at.src {
			return a.lx.sourceKind[m.idx]
		}
	}
	for i := len(a.history) - 1; i >= h; i-- {
		if a.history[i].name == at.src {
			return a.history[i].kind
		}
	}
	return a.recallKind(at.src)
}

// recallKind is the kind the history gives a name, "" when it has none.
func (a *attributor) recallKind(name string) string {
	for i := len(a.history) - 1; i >= 0; i-- {
		if a.history[i].name == name {
			return a.history[i].kind
		}
	}
	return ""
}

// tellerNouns report by themselves when the gazetteer does not know
// them: "Ukrainian officials reported", "local authorities say".
var tellerNouns = map[string]bool{"officials": true, "official": true, "authorities": true, "sources": true, "source": true, "spokesman": true, "spokeswoman": true, "spokesperson": true}

// backOpeners open a sentence that points back to the one before.
var backOpeners = map[string]bool{"this": true, "that": true, "these": true, "such": true}

// sourceBefore reports whether an informant ("a source in Russia",
// "sources") tells, in the five words before toks[k].
func sourceBefore(toks []Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if houseNouns[toks[j].Low] || informantPronouns[toks[j].Low] {
			return true
		}
	}
	return false
}

// informantPronouns stand for an informant the article introduced
// before: "he could tell Daily NK in detail".
var informantPronouns = map[string]bool{"he": true, "she": true}

// indefiniteTeller is the span and kind of a teller the sentence does not
// name: an indefinite noun phrase with a reporting cue ("a senior Russian
// official said on Monday", "according to a senior Kremlin aide", "a
// US news website reported", "a human rights group told AFP").
// The kind is "official" or "outlet" for the nouns of grammar lists
// teller_person and teller_outlet, which a wire story's next paragraphs
// name ("Sergei Shoigu, ..., said"), or "body" (teller_body), which it
// need not. It returns -1, -1, "" when there is none.
func (a *attributor) indefiniteTeller(toks []Token) (int, int, string) {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Low != "a" && toks[k].Low != "an" {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+6; j++ {
			t := &toks[j]
			if t.Kind != Word && !(t.Glued && (t.Low == "-" || t.Low == "." || t.Low == "'" || t.Low == "’")) {
				break // "a North Korean defectors' group" is one phrase
			}
			kind := tellerKind(toks, j)
			if kind == "" {
				continue
			}
			if a.cueOf(toks, mention{start: k, end: j + 1}) == cueSaid && !a.namesTeller(toks, k, j+1) {
				return k, j + 1, kind
			}
			break
		}
	}
	return -1, -1, ""
}

// namesTeller reports whether a source of the gazetteer ends the phrase
// toks[b:e] ("a US official", "a Western intelligence official"): the
// gazetteer names that teller, who is no one to identify later.
func (a *attributor) namesTeller(toks []Token, b, e int) bool {
	for k := b; k < e; k++ {
		if p := a.lx.sources.at(toks, k); p != nil && k+len(p.low) == e {
			return true
		}
	}
	return false
}

// tellerKind is the kind of teller the noun toks[j] names, or "".
func tellerKind(toks []Token, j int) string {
	if !toks[j].maybe(wcTeller) { // most words: no map look-up
		if toks[j].Low == "tank" && j > 0 && toks[j-1].Low == "think" {
			return "think_tank"
		}
		return ""
	}
	switch w := toks[j].Low; {
	case tellerPerson[w]:
		return "official"
	case tellerOutlet[w]:
		return "outlet"
	case tellerBody[w]:
		return "body"
	case w == "tank" && j > 0 && toks[j-1].Low == "think":
		return "think_tank"
	}
	return ""
}

// headlineRole is the span and kind of a role a headline attributes to
// without a name, before a colon that opens it ("Think tank: 12,000 …
// may be lost") or after a dash that closes it ("… 50,000 North Korean
// workers - Deputy Premier"): at most three words, the last a teller
// noun (see indefiniteTeller). It returns -1, -1, "" when there is none.
func headlineRole(toks []Token) (int, int, string) {
	for j := 1; j <= 3 && j < len(toks); j++ {
		if toks[j].Low == ":" {
			if kind := roleWords(toks, 0, j); kind != "" {
				return 0, j, kind
			}
			break
		}
		if toks[j].Kind != Word {
			break
		}
	}
	n := len(toks)
	for b := n - 1; b >= n-3 && b > 0; b-- {
		switch toks[b-1].Low {
		case "-", "–", "—":
			if kind := roleWords(toks, b, n); kind != "" {
				return b, n, kind
			}
			return -1, -1, ""
		}
	}
	return -1, -1, ""
}

// roleWords is the teller kind of toks[b:e] when they are words only and
// the last is a teller noun, else "".
func roleWords(toks []Token, b, e int) string {
	for k := b; k < e; k++ {
		if toks[k].Kind != Word {
			return ""
		}
	}
	if kind := tellerKind(toks, e-1); kind != "body" {
		return kind
	}
	return ""
}

// identify is the source an indefinite teller of doc[i] stands for: a
// source of its kind that one of the next two sentences, in its
// paragraph or the next, gives or opens with ("... a top Russian official
// said Tuesday. // Sergei Shoigu, the Security Council secretary, said
// ...", "Jang Se-yul, head of ..., disclosed"), or for a headline's role
// one of the next four, up to three paragraphs on (a byline and a
// dateline may come between); else the body the teller was said to
// belong to (home), else "".
func (a *attributor) identify(i int, at *attribution) string {
	if at.indef == "body" {
		return at.home.name
	}
	span, paras := 2, 1
	if at.headline {
		span, paras = 4, 3
	}
	for j := i + 1; j < len(a.doc) && j <= i+span && a.doc[j].para <= a.doc[i].para+paras; j++ {
		h := len(a.history)
		next := a.read(a.doc[j].toks)
		k := a.kindOf(&next, h)
		a.history = a.history[:h]
		if next.set && !next.unnamed && !next.country && next.src != "" && k == at.indef {
			return next.src
		}
		for _, m := range next.mentions {
			if m.cue != cueRecipient && m.cue != cueCitedBy && a.lx.sourceKind[m.idx] == at.indef {
				return a.name(m)
			}
		}
	}
	return at.home.name
}

// nationalOfficials is "South Korean officials", "Japanese officials" as
// the sentence writes it when they tell ("... officials said",
// "officials estimate"), with a nationality (the lexicon's foreign words
// written capitalised, so not "local") right before "officials"; else "".
func (a *attributor) nationalOfficials(toks []Token) string {
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].Low != "officials" {
			continue
		}
		p := a.lx.nationality.endingAt(toks, k, 3)
		if p == nil {
			continue
		}
		b := k - len(p.low)
		if !isCap(&toks[b]) || (b > 0 && toks[b-1].Low == "and") {
			continue // "Ukrainian and American officials"
		}
		if a.cueOf(toks, mention{start: b, end: k + 1}) != cueSaid {
			continue
		}
		return joinTokens(toks[b : k+1])
	}
	return ""
}

// publishes reports whether toks[k] puts out a publication that speaks
// for the one who puts it out: a verb of publish_verb and, within three
// words, a noun of publication_noun ("released a report", "published its
// latest assessment", "issued a new study").
func publishes(toks []Token, k int) bool {
	return toks[k].in(wcPublishVerb, publishVerb) && wordWithin(toks, k+1, 3, publicationNoun)
}

// wordWithin reports whether one of the n tokens from toks[from] is a
// word of set, with only words before it: punctuation ends the phrase
// the word must stand in ("released a report", "as their reason").
func wordWithin(toks []Token, from, n int, set map[string]bool) bool {
	for j := from; j < len(toks) && j < from+n; j++ {
		if set[toks[j].Low] {
			return true
		}
		if toks[j].Kind != Word {
			return false
		}
	}
	return false
}

// publishedAt reports whether the phrase at toks[k] ("a report") is what
// a verb right before it publishes ("The Stimson Center released a report
// saying"): a report its publisher names, not an unnamed one.
func publishedAt(toks []Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if toks[j].in(wcPublishVerb, publishVerb) {
			return publishes(toks, j)
		}
	}
	return false
}
