package reconcile

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// sameQuantity is the largest ratio between two figures that may still
// count the same thing. Wider than any rounding, so that figures which
// disagree ("10,000" against "11,000") land in one fact and show as a
// conflict, narrower than the gap between a stock and its increments
// ("1,000 additional troops" against 11,000).
const sameQuantity = 1.5

// atom is a set of claims identical in everything clustering looks at:
// same block, values, places and time. Clustering works on atoms so that a
// figure repeated ten thousand times costs one comparison.
type atom struct {
	claims []int
	rep    float64
	places int // interned place list
	when   *flowwatch.Period
}

// cluster is a fact under construction.
type cluster struct {
	atoms  []int
	min    float64
	places []int               // distinct place lists of its atoms, interned
	whens  []*flowwatch.Period // distinct periods of its atoms
}

const maxDistinct = 32 // place sets or periods a cluster checks a newcomer against

func blockKey(c *flowwatch.Claim, it *item) string {
	v := ""
	if it.vague {
		v = "vague"
	}
	return c.Kind + "\x00" + c.Group + "\x00" + it.measure + "\x00" + c.Unit + "\x00" + c.Per + "\x00" + v
}

// facts clusters claims: block by (kind, group, measure, unit, period,
// vagueness), collapse identical claims into atoms, then sweep the atoms
// of each block in value order, joining an atom to an open cluster whose
// smallest figure is within sameQuantity and whose places and periods are
// all compatible with it. Cost: O(n log n) plus O(atoms × open clusters).
func (s *state) facts() []flowwatch.Fact {
	blocks := map[string][]int{}
	for _, i := range s.order {
		c := &s.claims[i]
		if c.Low == nil && c.High == nil {
			continue
		}
		k := blockKey(c, &s.items[i])
		blocks[k] = append(blocks[k], i)
	}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var facts []flowwatch.Fact
	for _, k := range keys {
		for _, members := range s.clusterBlock(blocks[k]) {
			facts = append(facts, s.buildFact(members))
		}
	}
	// Sort an index, not the facts: a Fact is large and moving it is most of the cost.
	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &facts[i], &facts[j]
		if a.Kind != b.Kind {
			return kindOrder(a.Kind) - kindOrder(b.Kind)
		}
		if a.Reports != b.Reports {
			return b.Reports - a.Reports
		}
		if a.Independent != b.Independent {
			return b.Independent - a.Independent
		}
		if c := a.FirstReported.Time().Compare(b.FirstReported.Time()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	sorted := make([]flowwatch.Fact, len(facts))
	ids := map[string]int{}
	for k, i := range order {
		sorted[k] = facts[i]
		// Two facts whose first claim is the same sentence (one sentence, two
		// figures) could hash alike; a suffix keeps ids unique and stable.
		if n := ids[sorted[k].ID]; n > 0 {
			ids[sorted[k].ID]++
			sorted[k].ID += "-" + strconv.Itoa(n+1)
		} else {
			ids[sorted[k].ID] = 1
		}
		// First points into the fact's own Evidence, which moved with it.
		sorted[k].First = &sorted[k].Evidence[0]
	}
	facts = sorted
	return facts
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

func (s *state) clusterBlock(members []int) [][]int {
	// Atoms.
	byKey := map[string]int{}
	var atoms []atom
	for _, i := range members {
		c, it := &s.claims[i], &s.items[i]
		k := strconv.FormatFloat(it.rep, 'g', -1, 64) + "\x00" + strconv.Itoa(it.places) + "\x00" + whenKey(c.When)
		if a, ok := byKey[k]; ok {
			atoms[a].claims = append(atoms[a].claims, i)
			continue
		}
		byKey[k] = len(atoms)
		atoms = append(atoms, atom{claims: []int{i}, rep: it.rep, places: it.places, when: c.When})
	}
	sort.SliceStable(atoms, func(i, j int) bool { return atoms[i].rep < atoms[j].rep })
	// Shares are percentages of many different things (of wages, of a
	// workforce, of entrants): only the same percentage is the same fact.
	ratio := sameQuantity
	if s.claims[members[0]].Kind == flowwatch.KindShare {
		ratio = 1
	}

	var done, open []*cluster
	for ai := range atoms {
		a := &atoms[ai]
		// Close clusters the sweep has passed for good.
		kept := open[:0]
		for _, c := range open {
			if a.rep > c.min*ratio {
				done = append(done, c)
			} else {
				kept = append(kept, c)
			}
		}
		open = kept
		var joined *cluster
		for _, c := range open {
			if s.fits(c, a) {
				joined = c
				break
			}
		}
		if joined == nil {
			joined = &cluster{min: a.rep}
			open = append(open, joined)
		}
		joined.atoms = append(joined.atoms, ai)
		if len(joined.places) < maxDistinct && !slices.Contains(joined.places, a.places) {
			joined.places = append(joined.places, a.places)
		}
		if len(joined.whens) < maxDistinct && !hasWhen(joined.whens, a.when) {
			joined.whens = append(joined.whens, a.when)
		}
	}
	done = append(done, open...)
	out := make([][]int, 0, len(done))
	for _, c := range done {
		var claims []int
		for _, ai := range c.atoms {
			claims = append(claims, atoms[ai].claims...)
		}
		sort.Ints(claims)
		out = append(out, claims)
	}
	return out
}

func (s *state) fits(c *cluster, a *atom) bool {
	for _, p := range c.places {
		if !s.placeIDsCompatible(p, a.places) {
			return false
		}
	}
	for _, w := range c.whens {
		if !whenCompatible(w, a.when) {
			return false
		}
	}
	return true
}

func hasWhen(ws []*flowwatch.Period, w *flowwatch.Period) bool {
	for _, v := range ws {
		if whenKey(v) == whenKey(w) {
			return true
		}
	}
	return false
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
		When: c.When, Source: c.Source, Original: s.original(i), Chain: s.chain(i),
		Report: s.report(i), CopyOf: s.copyOf[c.Article], Altered: s.altered[i], Sanctions: s.items[i].sanctions,
	}
}

func (s *state) buildFact(members []int) flowwatch.Fact {
	first := members[0]
	c0 := &s.claims[first]
	f := flowwatch.Fact{
		Kind: c0.Kind, Group: c0.Group, Event: c0.Event, Measure: s.items[first].measure,
		Unit: c0.Unit, Per: c0.Per,
	}
	if f.Kind != flowwatch.KindPeople {
		f.Measure = ""
	}
	// Evidence in order of publication, so the first is who said it first.
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
	type figKey struct{ lo, hi float64 }
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
		}
		if c.High != nil {
			hi = math.Max(hi, *c.High)
		} else if c.Low != nil {
			open = true
		}
		if c.Low != nil && c.High == nil {
			hi = math.Max(hi, *c.Low)
		}
		if c.When != nil && !c.When.From.IsZero() {
			if f.When == nil {
				w := *c.When
				f.When = &w
			} else {
				if c.When.From.Before(f.When.From) {
					f.When.From = c.When.From
				}
				if c.When.To.After(f.When.To) {
					f.When.To = c.When.To
				}
			}
		}
		if !it.published.IsZero() {
			if f.FirstReported.IsZero() || it.published.Before(f.FirstReported) {
				f.FirstReported = it.published
			}
			if it.published.After(f.LastReported) {
				f.LastReported = it.published
			}
		}
		fk := figKey{math.NaN(), math.NaN()}
		if c.Low != nil {
			fk.lo = *c.Low
		}
		if c.High != nil {
			fk.hi = *c.High
		}
		// NaN never equals itself, so encode open ends as infinities for the map.
		if math.IsNaN(fk.lo) {
			fk.lo = math.Inf(-1)
		}
		if math.IsNaN(fk.hi) {
			fk.hi = math.Inf(1)
		}
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
	// The headline figure: most independent sources, then most reports,
	// then the most precise statement, then the earliest.
	sort.SliceStable(f.Figures, func(i, j int) bool {
		a, b := &f.Figures[i], &f.Figures[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Reports != b.Reports {
			return a.Reports > b.Reports
		}
		return qualRank[a.Qualifier] < qualRank[b.Qualifier]
	})
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
	f.ID = "f-" + shortHash(c0.Kind+"|"+c0.Group+"|"+f.Measure+"|"+f.First.Article+"|"+strconv.Itoa(f.First.Start)+"|"+f.First.Quote+"|"+figKeyString(&f.Figures[0]))
	return f
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

// Describe names a fact's quantity in words: "soldiers sent", "workers
// money (USD per month)".
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
	m := strings.Replace(f.Measure, " (additional)", " (in addition)", 1)
	switch m {
	case flowwatch.EventPresent:
		m = "present"
	case "casualties":
		m = "killed or wounded"
	}
	return g + " " + m
}
