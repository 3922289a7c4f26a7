// Package domain holds flowwatch's domain knowledge (gazetteer, group and
// event lexicons, sources and aliases, organizations, sanctions rules) as
// embedded data files, overridable with --domain FILE.
//
// The data files under data/ are JSON objects with any of these sections:
//
//	{
//	  "places":   [{"name": "Kursk Oblast", "kind": "oblast", "country": "Russia",
//	                "aliases": ["Kursk region", "Kursk"], "adjectives": []}],
//	  "sources":  [{"name": "NIS", "kind": "agency", "country": "South Korea",
//	                "aliases": ["National Intelligence Service"]}],
//	  "lexicons": {"en": {...see Lexicon...}}
//	}
//
// Embedded files are read in name order (places*.json, sources*.json,
// lexicon*.json), then a user's --domain file is merged on top with the
// same rules: an entry whose name is already known (case-insensitively)
// extends it (aliases are added, non-empty fields replace), a new name adds
// an entry, and lexicon lists are appended. Adding a city, an outlet or a
// language's words is therefore a data change: places.ko.json can add
// Korean aliases to existing places, lexicon.ru.json a Russian lexicon.
package domain

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/flowwatch/flowwatch"
)

//go:embed data/places*.json data/sources*.json data/lexicon*.json
var dataFS embed.FS

// Place is one gazetteer entry.
type Place struct {
	Name       string   `json:"name"`                 // canonical, as claims print it
	Kind       string   `json:"kind,omitempty"`       // country, oblast, krai, republic, city, area
	Country    string   `json:"country,omitempty"`    // canonical name of the country it lies in
	Aliases    []string `json:"aliases,omitempty"`    // other names the press uses
	Adjectives []string `json:"adjectives,omitempty"` // "Russian" construction sites → Russia
	// Ignore marks places reporting names that are never a figure's place:
	// the origin country and the capitals of reporting governments.
	Ignore bool `json:"ignore,omitempty"`
	// Metonym marks capitals that stand for their governments ("Moscow
	// confirmed"): they count as a place only after a locative preposition.
	Metonym bool `json:"metonym,omitempty"`
	// SpeaksAs is the source a capital stands for when it speaks, as the
	// gold conventions name it ("Kyiv says" is Ukraine; "Seoul says",
	// about North Koreans, relays the NIS); empty: the place's own name.
	SpeaksAs string `json:"speaks_as,omitempty"`
}

// Lexicon is one language's words. Every list holds phrases as they are
// written; the extractor tokenises them the way it tokenises text.
type Lexicon struct {
	// Groups maps a group (workers, soldiers, engineers, it_workers,
	// nationals) to head nouns and modifier+noun phrases; the longest
	// phrase wins ("combat engineers" over "engineers").
	Groups map[string][]string `json:"groups,omitempty"`
	// Casualties are head nouns that name an event, not a group ("casualties",
	// "deaths"): the group comes from the context.
	Casualties map[string][]string `json:"casualties,omitempty"`
	// Events maps an event to the verbs and nouns that state it.
	Events map[string][]string `json:"events,omitempty"`
	// Planned are modality cues: an event cue right after one is planned.
	Planned []string `json:"planned,omitempty"`
	// Future are cues that make a clause without an event cue planned.
	Future []string `json:"future,omitempty"`
	// Aspectual verbs take "to" without intention ("continue to arrive",
	// "began to deploy"): the event goes on or began, it is not planned,
	// unless a Planned cue stands before the verb ("will continue to send").
	Aspectual []string `json:"aspectual,omitempty"`
	// Change are verbs of change: "rose from $500 to $800" states two
	// levels, not a range.
	Change []string `json:"change,omitempty"`
	// Origin phrases mark North Korean people; Foreign ones other peoples.
	Origin  []string `json:"origin,omitempty"`
	Foreign []string `json:"foreign,omitempty"`
	// ForeignSubjects open a sentence about another country's people
	// ("Russia recruited 30,000 contract soldiers"): without a North
	// Korean word in it, its figures are not about North Koreans.
	ForeignSubjects []string `json:"foreign_subjects,omitempty"`
	// Demand words make a count of people a need rather than people who
	// moved ("a shortage of 5 million workers", "firms need 1.5 million
	// workers"): such a figure in their clause is no claim.
	Demand []string `json:"demand,omitempty"`
	// Legal words make a count of people the accused of a case rather
	// than people who moved ("indicted 14 North Korean nationals", "five
	// North Koreans were charged"): such a figure is no claim.
	Legal []string `json:"legal,omitempty"`
	// Rates name a rate of exchange (환율, "курс доллара"): a sum in their
	// clause after them prices one currency in another, it is nobody's
	// pay or earnings.
	Rates []string `json:"rates,omitempty"`
	// GroupSizes are plural nouns of a unit people move or fight in
	// ("in groups of five", "teams of three"): the figure after "of" is
	// the size of each, not a number of people sent.
	GroupSizes []string `json:"group_sizes,omitempty"`
	// StoryAnaphora are definite phrases that refer back to the story of
	// the sentences before ("the decision to send 2,000 workers", "the
	// regime dispatched 500 workers"): a figure in their clause is about
	// the people of those sentences.
	StoryAnaphora []string `json:"story_anaphora,omitempty"`
	// Work phrases say that the people of their clause go or are there
	// to work ("отправились на работу", "трудились"): North Korean
	// nationals counted with one are workers.
	Work []string `json:"work,omitempty"`
	// Quota words (квота) make a count of QuotaUnits in their sentence
	// ("квота составляет 170 мест") a count of people: the places a
	// quota gives them.
	Quota      []string `json:"quota,omitempty"`
	QuotaUnits []string `json:"quota_units,omitempty"`
	// Documents maps a group to nouns of papers issued to people (work
	// permits, visas, patents): a figure that counts them is an entry
	// statistic of that group, whatever verb issues them.
	Documents map[string][]string `json:"documents,omitempty"`

	NumberWords map[string]float64 `json:"number_words,omitempty"` // one, twelve, forty
	Scales      map[string]float64 `json:"scales,omitempty"`       // hundred, thousand, million
	Vague       map[string]float64 `json:"vague,omitempty"`        // dozens 12, tens of thousands 10000
	Few         []string           `json:"few,omitempty"`          // "several", "a few": ×3 before a scale
	// Bounds maps a qualifier (approx, at_least, at_most) to the phrases
	// that state it before a number; BoundsAfter after it ("or more").
	Bounds      map[string][]string `json:"bounds,omitempty"`
	BoundsAfter map[string][]string `json:"bounds_after,omitempty"`
	// Currencies maps an ISO code to symbols and words.
	Currencies map[string][]string `json:"currencies,omitempty"`
	Per        map[string][]string `json:"per,omitempty"` // month, year, total
	Percent    []string            `json:"percent,omitempty"`

	// Collectives are nouns a figure's people hide behind ("a 12,000-strong
	// contingent of troops", "groups of 1,000 workers"): the group noun
	// comes after their "of".
	Collectives []string `json:"collectives,omitempty"`
	// Stop words end a figure's noun phrase: verbs, prepositions.
	Stop []string `json:"stop,omitempty"`
	// NotAfter are words that, right before a number, make it a name or an
	// ordinal rather than a figure ("Resolution", "No.").
	NotAfter []string `json:"not_after,omitempty"`
	// Abbreviations end with a period that does not end a sentence.
	Abbreviations []string `json:"abbreviations,omitempty"`
	// ClauseBreaks start a new clause after a comma (", with", ", and").
	ClauseBreaks []string `json:"clause_breaks,omitempty"`

	Months   map[string]int `json:"months,omitempty"`   // january 1, sept 9
	Weekdays map[string]int `json:"weekdays,omitempty"` // sunday 0
	// Times maps a relative-time meaning (now, today, yesterday,
	// this_year, last_year, last_month, this_month, past_year, past_month,
	// early, mid, late, since, as_of, last) to its phrases.
	Times map[string][]string `json:"times,omitempty"`

	// Attribution. Said verbs follow a source ("the NIS said"); According
	// phrases precede one ("according to"); Citing phrases name the
	// source a reporter relies on ("citing", "cited"); By phrases name a
	// source after a noun ("a briefing from", "announced by").
	Said      []string `json:"said,omitempty"`
	According []string `json:"according,omitempty"`
	Citing    []string `json:"citing,omitempty"`
	CitedBy   []string `json:"cited_by,omitempty"`
	By        []string `json:"by,omitempty"`
	// Unnamed phrases attribute to nobody in particular ("reports say",
	// "according to sources"): the figure's source is null.
	Unnamed []string `json:"unnamed,omitempty"`
	// Anaphora maps a reference to the source kind it points back to
	// ("he" → official, "the report" → outlet, "the source" → any).
	Anaphora map[string]string `json:"anaphora,omitempty"`
	// Connectives start a paragraph that continues the previous one's
	// attribution ("As a result", "In addition").
	Connectives []string `json:"connectives,omitempty"`
	// Demonstratives refer back to the previous sentence's people
	// ("these soldiers", "they").
	Demonstratives []string `json:"demonstratives,omitempty"`
	// PlaceAnaphora refer back to the previous sentence's place ("in the
	// region", "there").
	PlaceAnaphora []string `json:"place_anaphora,omitempty"`
	// Locatives are prepositions after which a metonym place is a place.
	Locatives []string `json:"locatives,omitempty"`
	// GenericPeople are nouns that count people without saying who
	// ("5,000 people", "500 persons"): a group noun of their clause says
	// who they are.
	GenericPeople []string `json:"generic_people,omitempty"`
	// Labor words say that people work ("working", "employed", "hired"):
	// North Koreans in general counted as working are workers.
	Labor []string `json:"labor,omitempty"`
	// Wages are the words of pay ("salaries", "earnings"): a share of them
	// with no people in its sentence is the workers'.
	Wages []string `json:"wages,omitempty"`
	// ITWork words speak of IT work without naming its people ("the remote
	// IT network", "skills in tech"): the workers near them are IT
	// workers. An all-capital entry ("IT") matches only as written.
	ITWork []string `json:"it_work,omitempty"`
	// Unowned nouns are things a percentage may be of that no people own
	// ("60 per cent of the land", "90 percent of its trade"): such a
	// share is no claim.
	Unowned []string `json:"unowned,omitempty"`
	// Replenish are verbs after which a casualty noun is what the people
	// counted make up for ("reinforcements to replace its losses"); an
	// entry may be two words ("made good" its losses).
	Replenish []string `json:"replenish,omitempty"`
	// Attacks are words for a strike on a place ("the death toll from
	// the overnight strike"): casualties of one, with no North Korean
	// word of their own, are the place's people.
	Attacks []string `json:"attacks,omitempty"`
	// MilitaryBodies are words for an army as a whole ("army",
	// "military"): people counted in it with a generic noun ("the
	// North Korean army sent 11,000 people") are soldiers.
	MilitaryBodies []string `json:"military_bodies,omitempty"`
	// NotGroups are names that hold a group noun but count nobody
	// ("Workers' Party"): no figure takes its people from them.
	NotGroups []string `json:"not_groups,omitempty"`
	// FirstNames map given names in the nominative to the spelling
	// English-language reporting gives them ("александр" → "Alexander"):
	// with a capitalised word after them they name a person the
	// gazetteer does not know, who may speak a figure.
	FirstNames map[string]string `json:"first_names,omitempty"`
	// Translit spells each letter of the language in Latin letters, for
	// such a person's surname ("беленец" → "Belenets").
	Translit map[string]string `json:"translit,omitempty"`
	// EventNouns are movement cues that are nouns ("deployment",
	// "dispatch"): they state no tense, so a figure they alone describe
	// keeps the plan the article read for it before.
	EventNouns []string `json:"event_nouns,omitempty"`
}

// File is the shape of every data file and of a --domain file.
type File struct {
	Places   []Place             `json:"places,omitempty"`
	Sources  []flowwatch.Source  `json:"sources,omitempty"`
	Lexicons map[string]*Lexicon `json:"lexicons,omitempty"`
}

// Domain is the loaded domain data. It is read-only after loading and safe
// for concurrent use.
type Domain struct {
	places   []Place
	placeIdx map[string]int // folded name, alias or adjective → index
	sources  []flowwatch.Source
	srcIdx   map[string]int
	lex      map[string]*Lexicon
}

var (
	defOnce sync.Once
	def     *Domain
	defErr  error
)

// Default is the embedded domain data, parsed once. It panics when the
// embedded files do not parse, which the package tests catch before release.
func Default() *Domain {
	defOnce.Do(func() { def, defErr = embedded() })
	if defErr != nil {
		panic(defErr)
	}
	return def
}

func embedded() (*Domain, error) {
	d := newDomain()
	for _, pat := range []string{"data/places*.json", "data/sources*.json", "data/lexicon*.json"} {
		names, err := fs.Glob(dataFS, pat)
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		for _, n := range names {
			b, err := dataFS.ReadFile(n)
			if err != nil {
				return nil, err
			}
			if err := d.mergeJSON(b); err != nil {
				return nil, fmt.Errorf("domain: embedded %s: %w", n, err)
			}
		}
	}
	return d, nil
}

// MaxFile bounds a --domain file; domain data is small.
const MaxFile = 16 << 20

// Load is the embedded data extended and overridden by the user's file
// (see the package comment for the format and merge rules).
func Load(path string) (*Domain, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "domain file %s: cannot read it: %v", path, err)
	}
	if fi.Size() > MaxFile {
		return nil, flowwatch.Errorf(flowwatch.ETOOLARGE, "domain file %s: %d bytes is more than the %d allowed", path, fi.Size(), MaxFile)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "domain file %s: cannot read it: %v", path, err)
	}
	return Parse(b, path)
}

// Parse is the embedded data merged with the JSON data b; name says where
// b came from in errors.
func Parse(b []byte, name string) (*Domain, error) {
	d, err := embedded()
	if err != nil {
		return nil, err
	}
	if err := d.mergeJSON(b); err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "domain file %s: %v (expected a JSON object with places, sources and lexicons sections)", name, err)
	}
	return d, nil
}

func newDomain() *Domain {
	return &Domain{placeIdx: map[string]int{}, srcIdx: map[string]int{}, lex: map[string]*Lexicon{}}
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func (d *Domain) mergeJSON(b []byte) error {
	var f File
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return err
	}
	return d.Merge(f)
}

// Merge adds f to d (see the package comment for the rules). It is for
// loading only: a Domain in use must not be merged into.
func (d *Domain) Merge(f File) error {
	for i, p := range f.Places {
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("place %d has no name", i)
		}
		d.addPlace(p)
	}
	for i, s := range f.Sources {
		if strings.TrimSpace(s.Name) == "" {
			return fmt.Errorf("source %d has no name", i)
		}
		d.addSource(s)
	}
	for lang, l := range f.Lexicons {
		if l == nil {
			continue
		}
		lang = fold(lang)
		if d.lex[lang] == nil {
			d.lex[lang] = &Lexicon{}
		}
		d.lex[lang].merge(l)
	}
	return nil
}

func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, x := range list {
			if strings.EqualFold(x, a) {
				found = true
				break
			}
		}
		if !found && strings.TrimSpace(a) != "" {
			list = append(list, a)
		}
	}
	return list
}

func (d *Domain) addPlace(p Place) {
	i, ok := d.placeIdx[fold(p.Name)]
	if ok && fold(d.places[i].Name) == fold(p.Name) {
		q := &d.places[i]
		if p.Kind != "" {
			q.Kind = p.Kind
		}
		if p.Country != "" {
			q.Country = p.Country
		}
		q.Aliases = appendNew(q.Aliases, p.Aliases...)
		q.Adjectives = appendNew(q.Adjectives, p.Adjectives...)
		q.Ignore = q.Ignore || p.Ignore
		q.Metonym = q.Metonym || p.Metonym
		if p.SpeaksAs != "" {
			q.SpeaksAs = p.SpeaksAs
		}
	} else {
		p.Aliases = appendNew(nil, p.Aliases...)
		p.Adjectives = appendNew(nil, p.Adjectives...)
		d.places = append(d.places, p)
		i = len(d.places) - 1
	}
	q := d.places[i]
	for _, n := range append(append([]string{q.Name}, q.Aliases...), q.Adjectives...) {
		d.placeIdx[fold(n)] = i
	}
}

func (d *Domain) addSource(s flowwatch.Source) {
	i, ok := d.srcIdx[fold(s.Name)]
	if ok && fold(d.sources[i].Name) == fold(s.Name) {
		q := &d.sources[i]
		if s.Kind != "" {
			q.Kind = s.Kind
		}
		if s.Country != "" {
			q.Country = s.Country
		}
		q.Aliases = appendNew(q.Aliases, s.Aliases...)
	} else {
		s.Aliases = appendNew(nil, s.Aliases...)
		s.Claims = 0
		d.sources = append(d.sources, s)
		i = len(d.sources) - 1
	}
	q := d.sources[i]
	for _, n := range append([]string{q.Name}, q.Aliases...) {
		d.srcIdx[fold(n)] = i
	}
}

func (l *Lexicon) merge(o *Lexicon) {
	mergeLists := func(dst *map[string][]string, src map[string][]string) {
		if len(src) == 0 {
			return
		}
		if *dst == nil {
			*dst = map[string][]string{}
		}
		for k, v := range src {
			(*dst)[k] = appendNew((*dst)[k], v...)
		}
	}
	mergeNums := func(dst *map[string]float64, src map[string]float64) {
		if len(src) == 0 {
			return
		}
		if *dst == nil {
			*dst = map[string]float64{}
		}
		for k, v := range src {
			(*dst)[k] = v
		}
	}
	mergeInts := func(dst *map[string]int, src map[string]int) {
		if len(src) == 0 {
			return
		}
		if *dst == nil {
			*dst = map[string]int{}
		}
		for k, v := range src {
			(*dst)[k] = v
		}
	}
	mergeLists(&l.Groups, o.Groups)
	mergeLists(&l.Casualties, o.Casualties)
	mergeLists(&l.Events, o.Events)
	l.Planned = appendNew(l.Planned, o.Planned...)
	l.Future = appendNew(l.Future, o.Future...)
	l.Aspectual = appendNew(l.Aspectual, o.Aspectual...)
	l.Change = appendNew(l.Change, o.Change...)
	l.Origin = appendNew(l.Origin, o.Origin...)
	l.Foreign = appendNew(l.Foreign, o.Foreign...)
	l.ForeignSubjects = appendNew(l.ForeignSubjects, o.ForeignSubjects...)
	l.Demand = appendNew(l.Demand, o.Demand...)
	l.Legal = appendNew(l.Legal, o.Legal...)
	l.Rates = appendNew(l.Rates, o.Rates...)
	l.GroupSizes = appendNew(l.GroupSizes, o.GroupSizes...)
	l.StoryAnaphora = appendNew(l.StoryAnaphora, o.StoryAnaphora...)
	l.Work = appendNew(l.Work, o.Work...)
	l.Quota = appendNew(l.Quota, o.Quota...)
	l.QuotaUnits = appendNew(l.QuotaUnits, o.QuotaUnits...)
	mergeLists(&l.Documents, o.Documents)
	mergeNums(&l.NumberWords, o.NumberWords)
	mergeNums(&l.Scales, o.Scales)
	mergeNums(&l.Vague, o.Vague)
	l.Few = appendNew(l.Few, o.Few...)
	mergeLists(&l.Bounds, o.Bounds)
	mergeLists(&l.BoundsAfter, o.BoundsAfter)
	mergeLists(&l.Currencies, o.Currencies)
	mergeLists(&l.Per, o.Per)
	l.Percent = appendNew(l.Percent, o.Percent...)
	l.Collectives = appendNew(l.Collectives, o.Collectives...)
	l.Stop = appendNew(l.Stop, o.Stop...)
	l.NotAfter = appendNew(l.NotAfter, o.NotAfter...)
	l.Abbreviations = appendNew(l.Abbreviations, o.Abbreviations...)
	l.ClauseBreaks = appendNew(l.ClauseBreaks, o.ClauseBreaks...)
	mergeInts(&l.Months, o.Months)
	mergeInts(&l.Weekdays, o.Weekdays)
	mergeLists(&l.Times, o.Times)
	l.Said = appendNew(l.Said, o.Said...)
	l.According = appendNew(l.According, o.According...)
	l.Citing = appendNew(l.Citing, o.Citing...)
	l.CitedBy = appendNew(l.CitedBy, o.CitedBy...)
	l.By = appendNew(l.By, o.By...)
	l.Unnamed = appendNew(l.Unnamed, o.Unnamed...)
	if len(o.Anaphora) > 0 {
		if l.Anaphora == nil {
			l.Anaphora = map[string]string{}
		}
		for k, v := range o.Anaphora {
			l.Anaphora[k] = v
		}
	}
	l.Connectives = appendNew(l.Connectives, o.Connectives...)
	l.Demonstratives = appendNew(l.Demonstratives, o.Demonstratives...)
	l.Locatives = appendNew(l.Locatives, o.Locatives...)
	l.PlaceAnaphora = appendNew(l.PlaceAnaphora, o.PlaceAnaphora...)
	l.GenericPeople = appendNew(l.GenericPeople, o.GenericPeople...)
	l.Labor = appendNew(l.Labor, o.Labor...)
	l.Wages = appendNew(l.Wages, o.Wages...)
	l.ITWork = appendNew(l.ITWork, o.ITWork...)
	l.Unowned = appendNew(l.Unowned, o.Unowned...)
	l.Replenish = appendNew(l.Replenish, o.Replenish...)
	l.MilitaryBodies = appendNew(l.MilitaryBodies, o.MilitaryBodies...)
	l.Attacks = appendNew(l.Attacks, o.Attacks...)
	l.NotGroups = appendNew(l.NotGroups, o.NotGroups...)
	mergeStrings(&l.FirstNames, o.FirstNames)
	mergeStrings(&l.Translit, o.Translit)
	l.EventNouns = appendNew(l.EventNouns, o.EventNouns...)
}

// mergeStrings adds src's entries to *dst, src's value winning.
func mergeStrings(dst *map[string]string, src map[string]string) {
	if len(src) == 0 {
		return
	}
	if *dst == nil {
		*dst = map[string]string{}
	}
	for k, v := range src {
		(*dst)[k] = v
	}
}

// Place finds a place by its canonical name, an alias or an adjective.
func (d *Domain) Place(name string) (Place, bool) {
	i, ok := d.placeIdx[fold(name)]
	if !ok {
		return Place{}, false
	}
	return d.places[i], true
}

// Places lists the gazetteer in load order.
func (d *Domain) Places() []Place { return append([]Place(nil), d.places...) }

// SourceByAlias finds a source by its canonical name or an alias.
func (d *Domain) SourceByAlias(alias string) (flowwatch.Source, bool) {
	i, ok := d.srcIdx[fold(alias)]
	if !ok {
		return flowwatch.Source{}, false
	}
	return d.sources[i], true
}

// Sources lists the known sources in load order.
func (d *Domain) Sources() []flowwatch.Source { return append([]flowwatch.Source(nil), d.sources...) }

// SourcesOfKind lists the sources of one kind (agency, official, outlet,
// government, think_tank).
func (d *Domain) SourcesOfKind(kind string) []flowwatch.Source {
	var out []flowwatch.Source
	for _, s := range d.sources {
		if s.Kind == kind {
			out = append(out, s)
		}
	}
	return out
}

// Lexicon is the lexicon of a language (ISO 639-1), or nil.
func (d *Domain) Lexicon(lang string) *Lexicon { return d.lex[fold(lang)] }

// Langs lists the languages that have a lexicon, sorted.
func (d *Domain) Langs() []string {
	out := make([]string, 0, len(d.lex))
	for k := range d.lex {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
