package reconcile

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// state is one reconciliation run: the inputs and what each stage has
// learnt about every claim.
type state struct {
	opt      Options
	articles []flowwatch.Article
	byName   map[string]int // article name → index
	claims   []flowwatch.Claim
	items    []item
	copyOf   map[string]string   // copy article → original article
	altered  map[int]bool        // claims of copies whose figure differs from the original's
	sigs     map[string]*textSig // precomputed text signatures by article name (Load)
	order    []int               // claim indexes in canonical order
	rank     []int               // claim index → position in order
}

// item is what reconciliation derives from one claim.
type item struct {
	idx       int
	outlet    string
	url       string
	published flowwatch.Date
	measure   string // Measure* for people; "" otherwise
	quantity  string // measure, with killed, captured and casualties apart
	scope     string // the scope facts key on
	vague     bool
	rep       float64 // the value used to compare: Low, else High
	lo, hi    float64 // the values the claim allows once rounding is granted
	asOf      flowwatch.Date
	original  string // original source; "" when unattributed
	relay     string // who passed the original's figure on (a lawmaker, an official)
	sanctions []string
}

func newState(articles []flowwatch.Article, claims []flowwatch.Claim, opt Options) *state {
	return newStateSigs(articles, claims, opt, nil)
}

func newStateSigs(articles []flowwatch.Article, claims []flowwatch.Claim, opt Options, sigs map[string]*textSig) *state {
	s := &state{opt: opt, articles: articles, claims: claims, sigs: sigs, byName: map[string]int{}, copyOf: map[string]string{}, altered: map[int]bool{}}
	for i, a := range articles {
		if j, ok := s.byName[a.Name]; !ok || articles[j].Version < a.Version {
			s.byName[a.Name] = i
		}
	}
	s.items = make([]item, len(claims))
	for i := range claims {
		c := &claims[i]
		it := item{idx: i, outlet: c.Outlet, url: c.URL, published: c.Published}
		if j, ok := s.byName[c.Article]; ok {
			a := &articles[j]
			it.outlet = orDefault(it.outlet, a.Outlet)
			it.url = orDefault(it.url, a.URL)
			if it.published.IsZero() {
				it.published = a.Published
			}
		}
		it.measure = measureOf(c)
		it.quantity = quantityOf(c, it.measure)
		it.scope = scopeKey(c, it.measure)
		it.vague = c.Qualifier == flowwatch.QualVague
		it.rep, it.lo, it.hi = allowed(c)
		it.asOf = refDate(c.When, it.published)
		it.original, it.relay = s.originOf(c.Source)
		s.items[i] = it
	}
	s.canonicalOrder()
	return s
}

// measureOf is the claim's measure as the extractor read it; claims stored
// before the extractor read measures get the one their event implies.
func measureOf(c *flowwatch.Claim) string {
	if c.Kind != flowwatch.KindPeople {
		return ""
	}
	if c.Measure != "" {
		return c.Measure
	}
	switch c.Event {
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		return flowwatch.MeasureCasualties
	case flowwatch.EventPlanned:
		return flowwatch.MeasurePlan
	case flowwatch.EventPresent:
		return flowwatch.MeasureStock
	case flowwatch.EventEntered:
		if c.Group == flowwatch.GroupNationals {
			return flowwatch.MeasureDocuments
		}
		return flowwatch.MeasureFlow
	case flowwatch.EventSent:
		if c.Increment {
			return flowwatch.MeasureFlow
		}
		return flowwatch.MeasureCumulative
	case flowwatch.EventRecruited, flowwatch.EventWithdrawn:
		return flowwatch.MeasureFlow
	}
	return ""
}

// Casualty quantities. The extractor gives killed-and-wounded totals
// ("4,000 casualties") the event wounded, so wounded figures count
// casualties, of which the killed are a part.
const (
	qKilled     = "killed"
	qCaptured   = "captured"
	qCasualties = "casualties"
)

// quantityOf splits casualties by what they count: killed alone is not
// killed-or-wounded, and captured is neither.
func quantityOf(c *flowwatch.Claim, measure string) string {
	if measure != flowwatch.MeasureCasualties {
		return measure
	}
	switch c.Event {
	case flowwatch.EventKilled:
		return qKilled
	case flowwatch.EventCaptured:
		return qCaptured
	}
	return qCasualties
}

// scopeKey is the scope facts key on. A figure that names no place counts
// in Russia as a whole; casualties count wherever they fell (they fall at
// the front, whether a sentence says Kursk or Russia).
func scopeKey(c *flowwatch.Claim, measure string) string {
	switch {
	case c.Kind != flowwatch.KindPeople, measure == flowwatch.MeasureCasualties:
		return ""
	case c.Scope == "":
		return flowwatch.ScopeRussia
	}
	return c.Scope
}

// originOf is who a figure comes from: the organization a source names
// or relays (a lawmaker briefed by the NIS speaks for the NIS), else the
// source as named. An unattributed figure has no source: never its
// article's or outlet's name.
func (s *state) originOf(source string) (original, relay string) {
	if source == "" {
		return "", ""
	}
	if s.opt.Orgs != nil {
		if org, relayed, ok := s.opt.Orgs.Origin(source); ok {
			if relayed {
				return org.Name, source
			}
			return org.Name, ""
		}
	}
	return source, ""
}

// canonicalOrder sorts claims by what they say, not by where they came
// from, so that a store and a directory of files holding the same
// articles give the same facts, ids and evidence order.
func (s *state) canonicalOrder() {
	s.order = make([]int, len(s.claims))
	for i := range s.order {
		s.order[i] = i
	}
	slices.SortStableFunc(s.order, func(x, y int) int { return s.compareClaims(x, y) })
	s.rank = make([]int, len(s.claims))
	for r, i := range s.order {
		s.rank[i] = r
	}
}

func (s *state) compareClaims(x, y int) int {
	a, b := &s.claims[x], &s.claims[y]
	if c := s.items[x].published.Time().Compare(s.items[y].published.Time()); c != 0 {
		return c
	}
	for _, c := range []int{strings.Compare(a.Article, b.Article), a.Start - b.Start, a.End - b.End,
		strings.Compare(a.Kind, b.Kind), strings.Compare(a.Group, b.Group), strings.Compare(a.Event, b.Event),
		cmpFloat(val(a.Low), val(b.Low)), cmpFloat(val(a.High), val(b.High)), strings.Compare(a.Source, b.Source),
		strings.Compare(a.Quote, b.Quote)} {
		if c != 0 {
			return c
		}
	}
	return 0
}

func val(p *float64) float64 {
	if p == nil {
		return math.Inf(-1)
	}
	return *p
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// refDate is the day a figure speaks of: the end of the period its
// sentence states, else its publication date (the latest it can speak
// of). A figure cannot speak of a day after it was published ("this year"
// ends in December, the article in March), so the end is capped at
// publication.
func refDate(when *flowwatch.Period, published flowwatch.Date) flowwatch.Date {
	if when == nil || when.To.IsZero() {
		return published
	}
	if !published.IsZero() && when.To.After(published) {
		return published
	}
	return when.To
}

func month(d flowwatch.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
}

// allowed is the interval of true values a claim is consistent with.
// A round figure stands for anything that rounds to it, but never more
// than 4% either way: "about 10,000" and "about 11,000" must disagree,
// while "13,000" and 13,221 agree. Vague words ("thousands") allow their
// floor up to the next order of magnitude.
func allowed(c *flowwatch.Claim) (rep, lo, hi float64) {
	var l, h float64 = math.NaN(), math.NaN()
	if c.Low != nil {
		l = *c.Low
	}
	if c.High != nil {
		h = *c.High
	}
	switch {
	case c.Qualifier == flowwatch.QualVague && !math.IsNaN(l):
		base := math.Pow(10, math.Floor(math.Log10(math.Max(l, 1))))
		return l, l, base * 10
	case !math.IsNaN(l) && !math.IsNaN(h):
		return l, l - slack(l), h + slack(h)
	case !math.IsNaN(l):
		return l, l - slack(l), math.Inf(1)
	case !math.IsNaN(h):
		return h, 0, h + slack(h)
	}
	return 0, 0, math.Inf(1)
}

// slack is how far a stated figure may be from the truth by rounding
// alone: half a unit of its last non-zero digit, at most 4% of it.
func slack(v float64) float64 {
	if v <= 0 {
		return 0
	}
	unit := 1.0
	for x := math.Round(v); x >= 10 && math.Mod(x, 10) == 0; x /= 10 {
		unit *= 10
	}
	if v != math.Round(v) {
		unit = 0.01
	}
	return math.Min(unit/2, 0.04*v)
}

// within reports whether place a lies in region b (or is b).
func (s *state) within(a, b string) bool {
	for i := 0; a != "" && i < 16; i++ {
		if a == b {
			return true
		}
		if s.opt.Parent == nil {
			return false
		}
		a = s.opt.Parent(a)
	}
	return false
}

// ref builds the evidence pointer for claim i.
func (s *state) ref(i int) flowwatch.ClaimRef {
	c, it := &s.claims[i], &s.items[i]
	return flowwatch.ClaimRef{
		Index: i, ID: c.ID, Article: c.Article, Outlet: it.outlet, URL: it.url,
		Published: it.published, Low: c.Low, High: c.High, Qualifier: c.Qualifier,
		Quote: c.Quote, Start: c.Start, End: c.End,
	}
}

// report is the key that counts independent reports: a syndicated copy
// reports nothing its original did not.
func (s *state) report(i int) string {
	a := s.claims[i].Article
	if o, ok := s.copyOf[a]; ok {
		return o
	}
	return a
}

// chain lists who passed the figure on, reporting outlet first, original
// source last: "Sample Daily" ← "Sample Wire" ← "Yonhap" ← "Lee" ← "NIS".
func (s *state) chain(i int) []string {
	c, it := &s.claims[i], &s.items[i]
	var out []string
	add := func(n string) {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	add(orDefault(it.outlet, c.Article))
	if o, ok := s.copyOf[c.Article]; ok {
		if j, ok := s.byName[o]; ok {
			add(orDefault(s.articles[j].Outlet, o))
		}
	}
	add(c.Via)
	add(it.relay)
	add(it.original)
	return out
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// PlaceParent adapts a gazetteer lookup (the country a place lies in) to
// Options.Parent.
func PlaceParent(country func(place string) (string, bool)) func(string) string {
	return func(p string) string {
		if c, ok := country(p); ok && c != p {
			return c
		}
		return ""
	}
}
