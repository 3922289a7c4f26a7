package extract

import (
	"strings"
	"unicode"

	"github.com/flowwatch/flowwatch/domain"
)

// Lexicon is a language's lexicon compiled into matchers, plus the
// gazetteer and sources (whose aliases are shared by all languages).
type Lexicon struct {
	Lang string

	groups, casualties, events *pmatch
	notGroups                  *pmatch // "Workers' Party": a group noun inside a name
	planned                    set
	aspectual                  set // "continue", "began": their "to" is no plan
	change                     set // "rose", "fell": "from X to Y" after them is two levels
	groupSizes                 set // "groups", "teams": "of N" after them is a size
	future                     *pmatch
	origin, foreign            *pmatch
	nationality                *pmatch // the foreign words written capitalised ("South Korean", not "local")
	foreignSubj                *pmatch
	demand                     *pmatch // words of need: a figure after one is no movement
	legal                      *pmatch // words of prosecution: the figure they take counts the accused
	storyAnaphora              *pmatch // "the decision", "the regime": the story so far
	numWords, scales           map[string]float64
	vague, few                 *pmatch
	bounds, boundsAfter        *pmatch
	currency, per, percent     *pmatch
	stop, notAfter, abbrev     set
	collectives                set
	genericPeople              set     // "people", "persons": who they are is said elsewhere
	labor                      *pmatch // "working", "hired": North Koreans counted as working are workers
	wages                      *pmatch // "salaries", "pay": what a share of wages is taken from
	itWork                     *pmatch // "remote work", "tech": IT work without its people
	itWorkCaps                 set     // "IT": matched only as written
	unowned                    set     // "land", "trade": a share of them is no one's
	replenish                  set     // "replace": a casualty noun after one is made up for, not suffered
	attacks                    set     // "strike": casualties of one are its place's people
	militaryBodies             set     // "army", "military": generic people counted in one are soldiers
	eventNouns                 set     // "deployment": a movement named without a tense
	clauseBreaks               *pmatch
	months, weekdays           map[string]int
	times                      *pmatch
	said, according, citing    *pmatch
	citedBy, by, unnamed       *pmatch
	anaphora, connectives      *pmatch
	placeAnaphora              *pmatch
	orgs                       *pmatch // organizations (domain/orgs.go), by canonical name
	demonstratives, locatives  set
	places, sources            *pmatch
	placeList                  []domain.Place
	sourceKind                 []string
	sourceName                 []string
	vocab                      *vocab
	numw, monthw, weekw        *pmatch           // number words, months, weekdays: for the mask only
	words                      strTable[lexWord] // every word the tokenizer should know (see tokenize)
	all                        []*pmatch         // every indexed matcher
}

func compile(d *domain.Domain, lang string) *Lexicon {
	l := d.Lexicon(lang)
	if l == nil {
		return nil
	}
	x := &Lexicon{Lang: lang}
	mm := func(m map[string][]string) *pmatch {
		mt := newPmatch()
		for k, v := range m {
			for _, p := range v {
				mt.add(p, k, 0, 0)
			}
		}
		return mt
	}
	ml := func(v []string) *pmatch {
		mt := newPmatch()
		for _, p := range v {
			mt.add(p, p, 0, 0)
		}
		return mt
	}
	mn := func(m map[string]float64) *pmatch {
		mt := newPmatch()
		for k, v := range m {
			mt.add(k, k, v, 0)
		}
		return mt
	}
	x.groups = mm(l.Groups)
	x.notGroups = ml(l.NotGroups)
	x.casualties = mm(l.Casualties)
	x.events = mm(l.Events)
	x.planned = newSet(l.Planned)
	x.aspectual = newSet(l.Aspectual)
	x.change = newSet(l.Change)
	x.groupSizes = newSet(l.GroupSizes)
	x.future = ml(l.Future)
	x.origin = ml(l.Origin)
	// North Korea's own bodies and companies ("the 7th General Bureau
	// plans to recruit 1,000 soldiers") name its people as its name does.
	for _, o := range domain.DefaultOrganizations().List {
		if o.Country != "KP" || o.Kind != "dprk_body" && o.Kind != "company" {
			continue
		}
		x.origin.add(noTheOrg(o.Name), noTheOrg(o.Name), 0, 0)
		for _, a := range o.Aliases {
			if isAcronym(a) {
				continue // "MSS", "RGB": other countries' bodies share them
			}
			x.origin.add(noTheOrg(a), noTheOrg(a), 0, 0)
		}
	}
	x.foreign = ml(l.Foreign)
	x.nationality = ml(capitalised(l.Foreign))
	x.foreignSubj = ml(l.ForeignSubjects)
	x.demand = ml(l.Demand)
	x.legal = ml(l.Legal)
	x.storyAnaphora = ml(l.StoryAnaphora)
	x.numWords = map[string]float64{}
	for k, v := range l.NumberWords {
		x.numWords[lower(k)] = v
	}
	x.scales = map[string]float64{}
	for k, v := range l.Scales {
		x.scales[lower(k)] = v
	}
	x.vague = mn(l.Vague)
	x.few = ml(l.Few)
	x.bounds = mm(l.Bounds)
	x.boundsAfter = mm(l.BoundsAfter)
	x.currency = mm(l.Currencies)
	x.per = mm(l.Per)
	x.percent = ml(l.Percent)
	x.stop = newSet(l.Stop)
	x.collectives = newSet(l.Collectives)
	x.genericPeople = newSet(l.GenericPeople)
	x.labor = ml(l.Labor)
	x.wages = ml(l.Wages)
	var itw []string
	x.itWorkCaps = set{}
	for _, w := range l.ITWork {
		if w != "" && strings.ToUpper(w) == w {
			x.itWorkCaps[w] = true
		} else {
			itw = append(itw, w)
		}
	}
	x.itWork = ml(itw)
	x.unowned = newSet(l.Unowned)
	x.replenish = newSet(l.Replenish)
	x.militaryBodies = newSet(l.MilitaryBodies)
	x.attacks = newSet(l.Attacks)
	x.eventNouns = newSet(l.EventNouns)
	x.notAfter = newSet(l.NotAfter)
	x.abbrev = newSet(l.Abbreviations)
	x.clauseBreaks = ml(l.ClauseBreaks)
	x.months = map[string]int{}
	for k, v := range l.Months {
		x.months[lower(k)] = v
	}
	x.weekdays = map[string]int{}
	for k, v := range l.Weekdays {
		x.weekdays[lower(k)] = v
	}
	// Time phrases are filed without a leading "the" ("the past year"
	// under "past"): the article does not change the time.
	x.times = newPmatch()
	for k, v := range l.Times {
		for _, p := range v {
			if len(p) > 4 && strings.EqualFold(p[:4], "the ") {
				p = p[4:]
			}
			x.times.add(p, k, 0, 0)
		}
	}
	x.said = ml(l.Said)
	x.according = ml(l.According)
	x.citing = ml(l.Citing)
	x.citedBy = ml(l.CitedBy)
	x.by = ml(l.By)
	x.unnamed = ml(l.Unnamed)
	x.anaphora = mm(invert(l.Anaphora))
	x.connectives = ml(l.Connectives)
	x.placeAnaphora = ml(l.PlaceAnaphora)
	x.demonstratives = newSet(l.Demonstratives)
	x.locatives = newSet(l.Locatives)

	// Names are filed without a leading "the" ("The Moscow Times" under
	// "Moscow"): "the" starts too many phrases to be worth trying.
	noThe := func(s string) string {
		if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
			return s[4:]
		}
		return s
	}
	x.places = newPmatch()
	x.placeList = d.Places()
	for i, p := range x.placeList {
		x.places.add(noThe(p.Name), "name", 0, i)
		for _, a := range p.Aliases {
			x.places.add(noThe(a), "name", 0, i)
		}
		for _, a := range p.Adjectives {
			x.places.add(a, "adj", 0, i)
		}
	}
	x.sources = newPmatch()
	for i, s := range d.Sources() {
		x.sourceKind = append(x.sourceKind, s.Kind)
		x.sourceName = append(x.sourceName, s.Name)
		x.sources.add(noThe(s.Name), s.Kind, 0, i)
		for _, a := range s.Aliases {
			x.sources.add(noThe(a), s.Kind, 0, i)
		}
	}
	x.numw = newPmatch()
	for w := range x.numWords {
		x.numw.add(w, w, 0, 0)
	}
	x.orgs = newPmatch()
	for _, o := range domain.DefaultOrganizations().List {
		x.orgs.add(noThe(o.Name), o.Name, 0, 0)
		for _, a := range o.Aliases {
			x.orgs.add(noThe(a), o.Name, 0, 0)
		}
	}
	x.monthw, x.weekw = newPmatch(), newPmatch()
	for w := range x.months {
		x.monthw.add(w, w, 0, 0)
	}
	for w := range x.weekdays {
		x.weekw.add(w, w, 0, 0)
	}
	// The word table spares the tokenizer an allocation for the
	// capitalised forms of the lexicon's words and gives each token its
	// matchers (see tokenize); it is an optimisation only: a word outside
	// it is lower-cased all the same.
	words := map[string]lexWord{}
	addWord := func(w string) {
		w = lower(w)
		words[w] = lexWord{}
	}
	for _, st := range []set{x.collectives, x.planned, x.aspectual, x.change, x.groupSizes, x.stop, x.notAfter, x.abbrev, x.demonstratives, x.locatives, x.genericPeople, x.replenish, x.militaryBodies, x.eventNouns} {
		for w := range st {
			addWord(w)
		}
	}
	for _, m := range []map[string]float64{x.numWords, x.scales} {
		for w := range m {
			addWord(w)
		}
	}
	for _, m := range []map[string]int{x.months, x.weekdays} {
		for w := range m {
			addWord(w)
		}
	}
	ms := []*pmatch{x.groups, x.casualties, x.events, x.future, x.origin, x.foreign, x.foreignSubj, x.demand, x.legal, x.storyAnaphora, x.vague, x.few,
		x.bounds, x.boundsAfter, x.currency, x.per, x.percent, x.clauseBreaks, x.times,
		x.said, x.according, x.citing, x.citedBy, x.by, x.unnamed, x.anaphora, x.connectives,
		x.places, x.sources, x.placeAnaphora, x.orgs, x.labor, x.wages, x.itWork, x.notGroups}
	for _, m := range ms {
		for _, ps := range m.first {
			for _, p := range ps {
				for _, w := range p.low {
					addWord(w)
				}
			}
		}
	}
	x.index(x.numw, x.monthw, x.weekw, x.groups, x.casualties, x.events, x.future, x.origin, x.foreign, x.foreignSubj, x.demand, x.legal, x.storyAnaphora, x.vague, x.few,
		x.bounds, x.boundsAfter, x.currency, x.per, x.percent, x.clauseBreaks, x.times,
		x.said, x.according, x.citing, x.citedBy, x.by, x.unnamed, x.anaphora, x.connectives,
		x.places, x.sources, x.placeAnaphora, x.orgs, x.labor, x.wages, x.itWork, x.notGroups, x.nationality)
	for w, vw := range x.vocab.words {
		words[w] = lexWord{mask: vw.mask, ends: vw.ends, id: vw.id}
	}
	x.classify(words)
	x.words = newStrTable(words)
	return x
}

// lexWord is what the word table knows of a lower-cased word (see
// vocabWord): the matchers with a phrase starting with it, those with one
// ending with it, and its vocab id (all 0 for a word no indexed phrase
// has).
type lexWord struct {
	mask, ends uint64
	id         int32
	class      wordClass
}

// wordClass is a set of the word lists below: a token the word table
// marked carries the lists its lower case is a key of, so a rule that
// asks a list of every token it passes answers most of them without
// hashing the word (the lists are small Go maps, and their look-ups were
// a steady share of the rule stages).
type wordClass uint32

const (
	wcSpeakerVerb wordClass = 1 << iota
	wcDeterminer
	wcAuxiliary
	wcMonth
	wcWeekday
	wcNumWord
	wcScale
	wcPlanned
	wcChange
	wcCollective
	wcMilitaryBody
	wcNotAfter
	wcEventNoun
	wcAspectual
	wcModalSkip
	wcSaidSkip
	wcPreposition
	wcITCaps
	wcAbbrev
	wcLevelWord
	wcStrengthWord
	wcPhrasalVerb
	wcReportVerb
	wcSubjectAdverb
	wcBareBefore
	wcEventNounModifier
	wcStateAdverb
	wcLevelVerb
	wcPlanObject
	wcTeller      // teller_person, teller_outlet and teller_body together
	wcPublishVerb // the last bit below classDone: a new class needs a wider wordClass

	// classDone marks a token whose class the word table gave.
	classDone wordClass = 1 << 31
)

// classify files the keys of the word lists under their classes. A class
// is only a filter: a token outside it is not in the list, one inside is
// looked up all the same, so a list emptied afterwards (the grammar
// tests read examples without theirs) still answers for itself, and a
// key the tokenizer never writes (an 'IT' as written) costs nothing.
func (x *Lexicon) classify(words map[string]lexWord) {
	classKeys(words, speakerVerb, wcSpeakerVerb)
	classKeys(words, determiners, wcDeterminer)
	classKeys(words, auxiliary, wcAuxiliary)
	classKeys(words, x.months, wcMonth)
	classKeys(words, x.weekdays, wcWeekday)
	classKeys(words, x.numWords, wcNumWord)
	classKeys(words, x.scales, wcScale)
	classKeys(words, x.planned, wcPlanned)
	classKeys(words, x.change, wcChange)
	classKeys(words, x.collectives, wcCollective)
	classKeys(words, x.militaryBodies, wcMilitaryBody)
	classKeys(words, x.notAfter, wcNotAfter)
	classKeys(words, x.eventNouns, wcEventNoun)
	classKeys(words, x.aspectual, wcAspectual)
	classKeys(words, modalSkip, wcModalSkip)
	classKeys(words, saidSkip, wcSaidSkip)
	classKeys(words, prepositions, wcPreposition)
	classKeys(words, x.itWorkCaps, wcITCaps)
	classKeys(words, x.abbrev, wcAbbrev)
	classKeys(words, levelWords, wcLevelWord)
	classKeys(words, strengthWord, wcStrengthWord)
	classKeys(words, phrasalVerb, wcPhrasalVerb)
	classKeys(words, reportVerb, wcReportVerb)
	classKeys(words, subjectAdverb, wcSubjectAdverb)
	classKeys(words, bareBefore, wcBareBefore)
	classKeys(words, eventNounModifier, wcEventNounModifier)
	classKeys(words, stateAdverb, wcStateAdverb)
	classKeys(words, planObject, wcPlanObject)
	classKeys(words, levelVerbs, wcLevelVerb)
	classKeys(words, tellerPerson, wcTeller)
	classKeys(words, tellerOutlet, wcTeller)
	classKeys(words, tellerBody, wcTeller)
	classKeys(words, publishVerb, wcPublishVerb)
}

// The number words, scales, months and weekdays of a token marked by the
// word table, asked without a map look-up when its class rules it out
// (see wordClass). Each answers as the map index would.
func (lx *Lexicon) numWord(t *Token) (float64, bool) {
	if !t.maybe(wcNumWord) {
		return 0, false
	}
	v, ok := lx.numWords[t.Low]
	return v, ok
}

func (lx *Lexicon) scale(t *Token) (float64, bool) {
	if !t.maybe(wcScale) {
		return 0, false
	}
	v, ok := lx.scales[t.Low]
	return v, ok
}

func (lx *Lexicon) month(t *Token) int {
	if !t.maybe(wcMonth) {
		return 0
	}
	return lx.months[t.Low]
}

func (lx *Lexicon) weekday(t *Token) (int, bool) {
	if !t.maybe(wcWeekday) {
		return 0, false
	}
	v, ok := lx.weekdays[t.Low]
	return v, ok
}

// numWordValue and weekdayValue are numWord's and weekday's value alone.
func (lx *Lexicon) numWordValue(t *Token) float64 { v, _ := lx.numWord(t); return v }

func (lx *Lexicon) scaleValue(t *Token) float64 { v, _ := lx.scale(t); return v }

func (lx *Lexicon) weekdayValue(t *Token) int { v, _ := lx.weekday(t); return v }

func classKeys[V any](words map[string]lexWord, list map[string]V, c wordClass) {
	for k := range list {
		k = lower(k)
		w := words[k]
		w.class |= c
		words[k] = w
	}
}

// maybe reports whether t's lower case may be a key of the lists of c:
// false is certain for a token the word table marked; true is to be
// looked up.
func (t *Token) maybe(c wordClass) bool { return t.class&c != 0 || t.class&classDone == 0 }

// in reports whether t's lower case is a key of s, whose words are filed
// under c (see classify).
func (t *Token) in(c wordClass, s map[string]bool) bool { return t.maybe(c) && s[t.Low] }

// noTheOrg drops a leading "the" from an organization's name.
func noTheOrg(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// capitalised is the phrases of ps written with a capital, the proper
// adjectives and nouns of a list that also holds common words.
func capitalised(ps []string) []string {
	var out []string
	for _, p := range ps {
		if p != "" && unicode.IsUpper([]rune(p)[0]) {
			out = append(out, p)
		}
	}
	return out
}

func invert(m map[string]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		out[v] = append(out[v], k)
	}
	return out
}

// Group returns the group whose head phrase starts at toks[i] and its
// length in tokens.
func (x *Lexicon) Group(toks []Token, i int) (string, int) {
	if x.notGroups.at(toks, i) != nil {
		return "", 0
	}
	if p := x.groups.at(toks, i); p != nil {
		return p.val, len(p.low)
	}
	return "", 0
}

// isStop reports whether a token ends a figure's noun phrase.
func (x *Lexicon) isStop(t *Token) bool {
	if t.Kind == Punct {
		return !(t.Low == "-" || t.Low == "'" || t.Low == "\"")
	}
	return x.stop[t.Low]
}

func isCap(t *Token) bool {
	if t.Kind != Word || t.Text == "" {
		return false
	}
	c := t.Text[0]
	return c >= 'A' && c <= 'Z'
}

func trimQuote(s string) string { return strings.TrimSpace(s) }
