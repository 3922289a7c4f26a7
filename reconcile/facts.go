package reconcile

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// factKey is what makes two claims state the same quantity: the same
// kind, group, measure (with killed, captured and casualties apart),
// scope, unit, money period and the month the figures speak of. Shares
// are percentages of many different things, so only the same percentage
// is the same share.
type factKey struct {
	kind, group, quantity, scope, unit, per, period string
	increment                                       bool
	share                                           float64
}

func (k factKey) String() string {
	return strings.Join([]string{k.kind, k.group, k.quantity, k.scope, k.unit, k.per, k.period,
		strconv.FormatBool(k.increment), strconv.FormatFloat(k.share, 'g', -1, 64)}, "|")
}

func (s *state) keyOf(i int) factKey {
	c, it := &s.claims[i], &s.items[i]
	k := factKey{kind: c.Kind, group: c.Group, quantity: it.quantity, scope: it.scope, unit: c.Unit, per: c.Per, period: month(it.asOf),
		increment: c.Increment && it.measure == flowwatch.MeasureFlow}
	if c.Kind == flowwatch.KindShare {
		k.share = it.rep
	}
	return k
}

// facts groups claims by factKey. A fact is defined by its key alone, not
// by which claims came first or by its smallest figure, so the facts do
// not depend on the order claims arrive in, and a claim added later joins
// its fact without moving any other claim: figures that disagree within a
// fact are conflicts, not new facts. Cost: O(n log n).
func (s *state) facts() []flowwatch.Fact {
	blocks := map[factKey][]int{}
	for _, i := range s.order {
		c := &s.claims[i]
		if c.Low == nil && c.High == nil {
			continue
		}
		k := s.keyOf(i)
		blocks[k] = append(blocks[k], i)
	}
	facts := make([]flowwatch.Fact, 0, len(blocks))
	for k, members := range blocks {
		facts = append(facts, s.buildFact(k, members))
	}
	// Sort an index, not the facts: a Fact is large and moving it is most of the cost.
	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &facts[i], &facts[j]
		if a.Kind != b.Kind {
			return kindOrder(a.Kind) - kindOrder(b.Kind)
		}
		if a.Independent != b.Independent {
			return b.Independent - a.Independent
		}
		if a.Reports != b.Reports {
			return b.Reports - a.Reports
		}
		if c := a.FirstReported.Time().Compare(b.FirstReported.Time()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	sorted := make([]flowwatch.Fact, len(facts))
	for k, i := range order {
		sorted[k] = facts[i]
		// First points into the fact's own Evidence, which moved with it.
		sorted[k].First = &sorted[k].Evidence[0]
	}
	return sorted
}

func kindOrder(k string) int {
	switch k {
	case flowwatch.KindPeople:
		return 0
	case flowwatch.KindMoney:
		return 1
	}
	return 2
}

var qualRank = map[string]int{
	flowwatch.QualExact: 0, flowwatch.QualApprox: 1, flowwatch.QualRange: 2,
	flowwatch.QualAtLeast: 3, flowwatch.QualAtMost: 3, flowwatch.QualVague: 4,
}

// evidence describes claim i as a fact sees it.
func (s *state) evidence(i int) flowwatch.Evidence {
	c := &s.claims[i]
	place := c.Place
	if place == nil {
		place = []string{}
	}
	return flowwatch.Evidence{
		ClaimRef: s.ref(i), Kind: c.Kind, Group: c.Group, Event: c.Event, Place: place,
		When: c.When, Source: c.Source, Original: s.items[i].original, Chain: s.chain(i),
		Report: s.report(i), CopyOf: s.copyOf[c.Article], Altered: s.altered[i], Sanctions: s.items[i].sanctions,
	}
}

type figKey struct{ lo, hi float64 }

func figKeyOf(c *flowwatch.Claim) figKey {
	k := figKey{math.Inf(-1), math.Inf(1)} // open ends as infinities: NaN never equals itself
	if c.Low != nil {
		k.lo = *c.Low
	}
	if c.High != nil {
		k.hi = *c.High
	}
	return k
}

func (s *state) buildFact(key factKey, members []int) flowwatch.Fact {
	c0 := &s.claims[members[0]]
	f := flowwatch.Fact{
		Kind: key.kind, Group: key.group, Measure: s.items[members[0]].measure, Scope: key.scope,
		Period: key.period, Unit: key.unit, Per: key.per, Increment: key.increment,
	}
	if key.quantity != f.Measure || f.Measure == flowwatch.MeasureCasualties {
		f.Event = map[string]string{qKilled: flowwatch.EventKilled, qCaptured: flowwatch.EventCaptured, qCasualties: flowwatch.EventWounded}[key.quantity]
	} else if f.Kind == flowwatch.KindPeople {
		f.Event = c0.Event
	}
	// Evidence in order of publication, so the first is who said it first.
	members = slices.Clone(members)
	slices.SortFunc(members, func(x, y int) int {
		a, b := s.items[x].published, s.items[y].published
		if a.IsZero() != b.IsZero() {
			if a.IsZero() {
				return 1
			}
			return -1
		}
		if c := a.Time().Compare(b.Time()); c != 0 {
			return c
		}
		return s.rank[x] - s.rank[y]
	})
	reports, sources, sanctions := map[string]bool{}, map[string]bool{}, map[string]bool{}
	placeCount := map[string]int{}
	open := false
	var lo, hi float64 = math.Inf(1), math.Inf(-1)
	figs := map[figKey]int{}
	for _, i := range members {
		c, it := &s.claims[i], &s.items[i]
		ev := s.evidence(i)
		k := len(f.Evidence)
		f.Evidence = append(f.Evidence, ev)
		reports[ev.Report] = true
		sources[ev.Original] = true
		for _, r := range it.sanctions {
			sanctions[r] = true
		}
		for _, p := range c.Place {
			placeCount[p]++
		}
		if c.Low != nil {
			lo = math.Min(lo, *c.Low)
			hi = math.Max(hi, *c.Low)
		}
		if c.High != nil {
			hi = math.Max(hi, *c.High)
		} else if c.Low != nil {
			open = true
		}
		f.When = widen(f.When, c.When)
		if !it.published.IsZero() {
			if f.FirstReported.IsZero() || it.published.Before(f.FirstReported) {
				f.FirstReported = it.published
			}
			if it.published.After(f.LastReported) {
				f.LastReported = it.published
			}
		}
		fk := figKeyOf(c)
		fi, ok := figs[fk]
		if !ok {
			fi = len(f.Figures)
			figs[fk] = fi
			f.Figures = append(f.Figures, flowwatch.Figure{Low: c.Low, High: c.High, Qualifier: c.Qualifier})
		}
		// One figure however it is qualified; it reads as its most precise statement.
		if qualRank[c.Qualifier] < qualRank[f.Figures[fi].Qualifier] {
			f.Figures[fi].Qualifier = c.Qualifier
		}
		f.Figures[fi].Claims = append(f.Figures[fi].Claims, k)
	}
	for fi := range f.Figures {
		fg := &f.Figures[fi]
		rs, ss := map[string]bool{}, map[string]bool{}
		for _, k := range fg.Claims {
			rs[f.Evidence[k].Report] = true
			ss[f.Evidence[k].Original] = true
		}
		fg.Reports, fg.Sources = len(rs), sortedKeys(ss)
	}
	sortFigures(f.Figures)
	if top := f.Figures[0]; top.Low != nil {
		f.Value = top.Low
	} else {
		f.Value = top.High
	}
	if !math.IsInf(lo, 1) {
		f.Low = flowwatch.F(lo)
	}
	if !open && !math.IsInf(hi, -1) {
		f.High = flowwatch.F(hi)
	}
	f.Reports, f.Sources = len(reports), sortedKeys(sources)
	f.Independent = len(f.Sources)
	f.Sanctions = sortedKeys(sanctions)
	f.Place = rankPlaces(placeCount)
	f.First = &f.Evidence[0]
	f.ID = "f-" + shortHash(key.String())
	return f
}

// sortFigures puts the headline figure first: most independent sources,
// then most reports, then a precise statement over a vague one, then the
// larger; the order never depends on the order claims came in.
func sortFigures(fs []flowwatch.Figure) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Reports != b.Reports {
			return a.Reports > b.Reports
		}
		if qa, qb := qualRank[a.Qualifier], qualRank[b.Qualifier]; qa != qb {
			return qa < qb
		}
		if la, lb := val(a.Low), val(b.Low); la != lb {
			return la > lb
		}
		return val(a.High) > val(b.High)
	})
}

// widen returns the span covering w and p.
func widen(w, p *flowwatch.Period) *flowwatch.Period {
	if p == nil || p.From.IsZero() {
		return w
	}
	if w == nil {
		c := *p
		return &c
	}
	if p.From.Before(w.From) {
		w.From = p.From
	}
	if p.To.After(w.To) {
		w.To = p.To
	}
	return w
}

func rankPlaces(n map[string]int) []string {
	out := make([]string, 0, len(n))
	for p := range n {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if n[out[i]] != n[out[j]] {
			return n[out[i]] > n[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// measureWords name measures for people to read.
var measureWords = map[string]string{
	flowwatch.MeasureStock:      "present",
	flowwatch.MeasureFlow:       "sent or entered in a period",
	flowwatch.MeasureCumulative: "sent in total",
	flowwatch.MeasurePlan:       "planned or projected",
	flowwatch.MeasureDocuments:  "entries, visas or permits",
	qKilled:                     "killed",
	qCaptured:                   "captured",
	qCasualties:                 "killed or wounded",
}

var scopeWords = map[string]string{
	flowwatch.ScopeRussia: "in Russia",
	flowwatch.ScopeRegion: "in one region",
	flowwatch.ScopeBorder: "near the border",
	flowwatch.ScopeFront:  "at the front",
	flowwatch.ScopeAbroad: "outside Russia",
}

// Describe names a fact's quantity in words: "soldiers sent in total in
// Russia", "workers pay or revenue (USD per month)".
func Describe(f *flowwatch.Fact) string {
	g := strings.ReplaceAll(f.Group, "_", " ")
	if g == "" {
		g = "people"
	}
	switch f.Kind {
	case flowwatch.KindMoney:
		per := ""
		if f.Per != "" && f.Per != flowwatch.PerTotal {
			per = " per " + f.Per
		}
		return g + " pay or revenue (" + f.Unit + per + ")"
	case flowwatch.KindShare:
		return g + " share (percent)"
	}
	q := f.Measure
	if q == flowwatch.MeasureCasualties {
		q = factQuantity(f)
	}
	out := g + " " + orDefault(measureWords[q], q)
	if f.Increment {
		out += " (in addition)"
	}
	if w := scopeWords[f.Scope]; w != "" {
		out += " " + w
	}
	return out
}

// factQuantity is the quantity a fact keys on (killed, captured or
// casualties for casualty facts, else the measure).
func factQuantity(f *flowwatch.Fact) string {
	if f.Measure != flowwatch.MeasureCasualties {
		return f.Measure
	}
	switch f.Event {
	case flowwatch.EventKilled:
		return qKilled
	case flowwatch.EventCaptured:
		return qCaptured
	}
	return qCasualties
}
