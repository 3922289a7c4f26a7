package extract

import (
	"strings"

	"github.com/flowwatch/flowwatch/domain"
)

// Lexicon is a language's lexicon compiled into matchers, plus the
// gazetteer and sources (whose aliases are shared by all languages).
type Lexicon struct {
	Lang string

	groups, casualties, events *pmatch
	planned                    set
	future                     *pmatch
	origin, foreign            *pmatch
	numWords, scales           map[string]float64
	vague, few                 *pmatch
	bounds, boundsAfter        *pmatch
	currency, per, percent     *pmatch
	stop, notAfter, abbrev     set
	clauseBreaks               *pmatch
	months, weekdays           map[string]int
	times                      *pmatch
	said, according, citing    *pmatch
	citedBy, by, unnamed       *pmatch
	anaphora, connectives      *pmatch
	demonstratives, locatives  set
	places, sources            *pmatch
	placeList                  []domain.Place
	sourceKind                 []string
	sourceName                 []string
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
	x.casualties = mm(l.Casualties)
	x.events = mm(l.Events)
	x.planned = newSet(l.Planned)
	x.future = ml(l.Future)
	x.origin = ml(l.Origin)
	x.foreign = ml(l.Foreign)
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
	x.times = mm(l.Times)
	x.said = ml(l.Said)
	x.according = ml(l.According)
	x.citing = ml(l.Citing)
	x.citedBy = ml(l.CitedBy)
	x.by = ml(l.By)
	x.unnamed = ml(l.Unnamed)
	x.anaphora = mm(invert(l.Anaphora))
	x.connectives = ml(l.Connectives)
	x.demonstratives = newSet(l.Demonstratives)
	x.locatives = newSet(l.Locatives)

	x.places = newPmatch()
	x.placeList = d.Places()
	for i, p := range x.placeList {
		x.places.add(p.Name, "name", 0, i)
		for _, a := range p.Aliases {
			x.places.add(a, "name", 0, i)
		}
		for _, a := range p.Adjectives {
			x.places.add(a, "adj", 0, i)
		}
	}
	x.sources = newPmatch()
	for i, s := range d.Sources() {
		x.sourceKind = append(x.sourceKind, s.Kind)
		x.sourceName = append(x.sourceName, s.Name)
		x.sources.add(s.Name, s.Kind, 0, i)
		for _, a := range s.Aliases {
			x.sources.add(a, s.Kind, 0, i)
		}
	}
	return x
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
