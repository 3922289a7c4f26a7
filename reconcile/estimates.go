package reconcile

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// series defines one estimate. The method is written out in
// docs/estimates.md; keep the two in step.
type series struct {
	id, title  string
	groups     []string
	quantities []string // fact quantities (measures; killed, captured, casualties apart)
	scopes     []string // fact scopes that count
	cumulative bool     // a total to date: it only grows, and waves add to it
	waves      bool     // flows "in addition" of these groups raise the total
	projection bool     // plans: a line of its own, never a count present
	hidden     bool     // computed to derive another series, not shown
	floor      float64  // figures under it are anecdotes or misreadings ("six workers interviewed"), never a level
	derive     string   // when this series has no figure of its own in a month, take that series' band
	less       string   // ... less that series' best figure (troops present: sent less killed)
}

var (
	troops    = []string{flowwatch.GroupSoldiers, flowwatch.GroupEngineers}
	workers   = []string{flowwatch.GroupWorkers, flowwatch.GroupITWorkers}
	inRussia  = []string{flowwatch.ScopeRussia}
	deployed  = []string{flowwatch.ScopeRussia, flowwatch.ScopeRegion, flowwatch.ScopeFront}
	stationed = []string{flowwatch.ScopeRussia, flowwatch.ScopeRegion}
	anyScope  = []string{"", flowwatch.ScopeRussia, flowwatch.ScopeRegion, flowwatch.ScopeFront, flowwatch.ScopeBorder}
	seriesSet = []series{
		{id: "troops_sent_total", title: "North Korean troops sent to Russia in total", groups: troops,
			quantities: []string{flowwatch.MeasureCumulative}, scopes: deployed, cumulative: true, waves: true, floor: 100},
		{id: "killed_total", title: "North Korean soldiers killed, in total", groups: troops,
			quantities: []string{qKilled}, scopes: anyScope, cumulative: true, floor: 50},
		{id: "casualties_total", title: "North Korean military casualties (killed and wounded), in total", groups: troops,
			quantities: []string{qCasualties}, scopes: anyScope, cumulative: true, floor: 50},
		{id: "troops_present", title: "North Korean troops in Russia", groups: troops,
			quantities: []string{flowwatch.MeasureStock}, scopes: stationed, floor: 100, derive: "troops_sent_total", less: "killed_total"},
		// Workers come and go: a total sent is read like a stock, as the
		// least that are there, not as a count that only grows.
		{id: "workers_sent_total", title: "North Korean workers sent to Russia (reported totals)", groups: workers,
			quantities: []string{flowwatch.MeasureCumulative}, scopes: inRussia, floor: 100},
		{id: "workers_present", title: "North Korean workers in Russia", groups: workers,
			quantities: []string{flowwatch.MeasureStock}, scopes: inRussia, floor: 100, derive: "workers_sent_total"},
		{id: "troops_planned", title: "North Korean troops planned or projected (not present)", groups: troops,
			quantities: []string{flowwatch.MeasurePlan}, scopes: anyScope, projection: true},
		{id: "workers_planned", title: "North Korean workers planned or projected (not present)", groups: workers,
			quantities: []string{flowwatch.MeasurePlan}, scopes: anyScope, projection: true},
	}
)

// Tuning of the band; docs/estimates.md explains each.
const (
	coreRatio   = 1.5  // figures within this ratio of the month's best form its band
	supportKeep = 0.8  // the weight a figure keeps per month of age
	widenPerMon = 0.03 // a carried band widens by this share of itself per month
	openWiden   = 0.2  // "more than N" reads as N to N×1.2, "up to N" as N×0.8 to N
	waveWindow  = 6    // months within which a wave of similar size is the same wave reported again
	window      = 4    // months of figures (this one and three either side) that weigh in a stock's level
	maxCarry    = 12   // months a band is carried without a new figure; after that the series has a gap
	outlierGap  = 3.0  // a total this many times the level in force needs a named source
)

// obs is one figure a month offers a series.
type obs struct {
	lo, hi, v float64
	weight    float64
	fact      string
	sources   []string
}

// level is a band and what sets it.
type level struct {
	lo, hi, best float64
	support      float64
	month        string // when it was last set
	basis        string
	facts        []string
	sources      []string
	outweighed   []string
	why          string
}

// Estimates builds the monthly series from facts.
func Estimates(facts []flowwatch.Fact, opt Options) []flowwatch.Estimate {
	first, last := monthSpan(facts)
	done := map[string][]level{}
	var out []flowwatch.Estimate
	for _, def := range seriesSet {
		lv := estimate(def, facts, first, last, done)
		done[def.id] = lv
		if !def.hidden {
			out = append(out, toEstimate(def, lv, first))
		}
	}
	return out
}

// monthSpan is the first and last month any people fact speaks of.
func monthSpan(facts []flowwatch.Fact) (first, last string) {
	for i := range facts {
		p := facts[i].Period
		if facts[i].Kind != flowwatch.KindPeople || p == "" {
			continue
		}
		if first == "" || p < first {
			first = p
		}
		if p > last {
			last = p
		}
	}
	return first, last
}

func months(first, last string) []string {
	var out []string
	for m := first; m != "" && m <= last; m = nextMonth(m) {
		out = append(out, m)
	}
	return out
}

func nextMonth(m string) string {
	var y, mo int
	fmt.Sscanf(m, "%d-%d", &y, &mo)
	mo++
	if mo > 12 {
		y, mo = y+1, 1
	}
	return fmt.Sprintf("%04d-%02d", y, mo)
}

func monthsBetween(a, b string) int {
	var ya, ma, yb, mb int
	fmt.Sscanf(a, "%d-%d", &ya, &ma)
	fmt.Sscanf(b, "%d-%d", &yb, &mb)
	return (yb-ya)*12 + mb - ma
}

func (def series) takes(f *flowwatch.Fact) bool {
	return f.Kind == flowwatch.KindPeople && f.Period != "" && !f.Increment &&
		slices.Contains(def.groups, f.Group) && slices.Contains(def.quantities, factQuantity(f)) && slices.Contains(def.scopes, f.Scope)
}

// observations are the figures of a month's facts: precise figures only
// ("thousands" never sets a band), none that only an altered copy states.
func observations(fs []*flowwatch.Fact) []obs {
	var out []obs
	for _, f := range fs {
		for fi := range f.Figures {
			g := &f.Figures[fi]
			if g.Qualifier == flowwatch.QualVague || alteredOnly(f, g) {
				continue
			}
			o := obs{fact: f.ID, sources: g.Sources}
			switch {
			case g.Low != nil && g.High != nil:
				o.lo, o.hi = *g.Low, *g.High
			case g.Low != nil:
				o.lo, o.hi = *g.Low, *g.Low*(1+openWiden)
			case g.High != nil:
				o.lo, o.hi = *g.High*(1-openWiden), *g.High
			default:
				continue
			}
			o.v = (o.lo + o.hi) / 2
			if g.Low != nil && g.High == nil {
				o.v = o.lo
			}
			// Each original source counts once; reports beyond the first add
			// a little; an unattributed figure counts half.
			o.weight = float64(len(g.Sources)) + 0.25*float64(g.Reports-1)
			if len(g.Sources) == 0 {
				o.weight = math.Min(0.75, 0.25+0.1*float64(g.Reports-1))
			}
			out = append(out, o)
		}
	}
	return out
}

// robust is a month's level: the weighted median of the figures in force
// (this month's, those of the window's earlier months, and the level set
// before that, each weighing less with age), and the band of this month's
// figures within coreRatio of it. This month's figures beyond are
// outweighed: shown, never setting the band. ok is false when no figure
// of this month is near the level in force.
func robust(own, window []obs, m string) (l level, ok bool) {
	all := append(slices.Clone(own), window...)
	if len(all) == 0 {
		return l, false
	}
	return around(own, weightedMedian(all), m)
}

// around is a month's band from its own figures within coreRatio of best,
// the level in force; the others are outweighed.
func around(own []obs, best float64, m string) (l level, ok bool) {
	return aroundFit(own, best, m, false)
}

// aroundFit is around; keepFit keeps best (a fitted total) as the month's
// best figure rather than its own figure nearest to it.
func aroundFit(own []obs, best float64, m string, keepFit bool) (l level, ok bool) {
	if len(own) == 0 || math.IsNaN(best) {
		return l, false
	}
	l = level{lo: math.Inf(1), hi: math.Inf(-1), best: best, month: m, basis: flowwatch.BasisReported}
	facts, sources, out := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var core []float64
	for _, o := range own {
		if ratio(o.v, best) > coreRatio {
			out[o.fact] = true
			continue
		}
		l.lo, l.hi = math.Min(l.lo, o.lo-slack(o.lo)), math.Max(l.hi, o.hi+slack(o.hi))
		l.support += o.weight
		core = append(core, o.v)
		facts[o.fact] = true
		for _, s := range o.sources {
			sources[s] = true
		}
	}
	for f := range facts {
		delete(out, f)
	}
	l.facts, l.sources, l.outweighed = sortedKeys(facts), sortedKeys(sources), sortedKeys(out)
	if len(core) == 0 {
		return l, false
	}
	if keepFit {
		l.lo, l.hi = math.Min(l.lo, best), math.Max(l.hi, best)
		return l, true
	}
	// The best figure is this month's own nearest the level in force.
	slices.SortFunc(core, func(a, b float64) int { return cmpFloat(math.Abs(a-best), math.Abs(b-best)) })
	l.best = core[0]
	return l, true
}

func factsOf(os []obs) []string {
	m := map[string]bool{}
	for _, o := range os {
		m[o.fact] = true
	}
	return sortedKeys(m)
}

func weightedMedian(os []obs) float64 {
	sort.Slice(os, func(i, j int) bool { return os[i].v < os[j].v || (os[i].v == os[j].v && os[i].fact < os[j].fact) })
	var total float64
	for _, o := range os {
		total += o.weight
	}
	acc := 0.0
	for _, o := range os {
		acc += o.weight
		if acc >= total/2 {
			return o.v
		}
	}
	return os[len(os)-1].v
}

func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return math.Inf(1)
	}
	return math.Max(a/b, b/a)
}

// estimate walks the months. A month whose figures agree with the level in
// force (its own and its window's, weighted) sets the band; its figures
// far from that level are outweighed. A month without such figures
// carries the band, wider with age. A total takes waves sent in addition;
// a series without figures of its own in a month may derive them.
func estimate(def series, facts []flowwatch.Fact, first, last string, done map[string][]level) []level {
	byMonth := map[string][]*flowwatch.Fact{}
	waves := map[string][]*flowwatch.Fact{}
	for i := range facts {
		f := &facts[i]
		if def.takes(f) {
			byMonth[f.Period] = append(byMonth[f.Period], f)
		}
		if def.waves && f.Increment && f.Kind == flowwatch.KindPeople && slices.Contains(def.groups, f.Group) && f.Period != "" {
			waves[f.Period] = append(waves[f.Period], f)
		}
	}
	ms := months(first, last)
	own := make([][]obs, len(ms))
	low := make([][]obs, len(ms))
	for k, m := range ms {
		for _, o := range observations(byMonth[m]) {
			if o.v < def.floor {
				low[k] = append(low[k], o)
			} else {
				own[k] = append(own[k], o)
			}
		}
	}
	out := make([]level, len(ms))
	var cur *level
	var added []wave
	var fit []float64
	if def.cumulative {
		fit = monotone(own)
	}
	for k, m := range ms {
		var next level
		var ok bool
		if def.cumulative {
			next, ok = aroundFit(own[k], fit[k], m, true)
			// A total that leaps far above the level in force on figures of
			// no named source is a misreading until someone names one.
			switch {
			case !ok || cur == nil:
			case next.best > cur.best*outlierGap && next.support < 1:
				next.outweighed, ok = appendNew(next.outweighed, next.facts...), false
			case next.hi < cur.lo:
				// A total never falls: figures under the total in force
				// restate an older one.
				next.outweighed, ok = appendNew(next.outweighed, next.facts...), false
			case next.best < cur.best:
				// The month's figures allow the total in force, which stands.
				next.best, next.hi = cur.best, math.Max(next.hi, cur.best)
			}
		} else {
			win := windowObs(own, k, cur, m)
			if d, ok := derived(done, def, k, m); ok {
				// What the series derives from weighs in, at half its support.
				win = append(win, obs{v: d.best, lo: d.lo, hi: d.hi, weight: d.support / 2, fact: "(derived)"})
			}
			next, ok = robust(own[k], win, m)
		}
		next.outweighed = appendNew(next.outweighed, factsOf(low[k])...)
		switch {
		case ok:
			next.why = fmt.Sprintf("%s from %s", Num(next.best), srcText(next.sources))
			if len(next.outweighed) > 0 {
				next.why += "; outweighed: " + strings.Join(next.outweighed, ", ")
			}
			cur = &next
			out[k] = next
		case cur != nil && monthsBetween(cur.month, m) <= maxCarry:
			c := carry(cur, m, def.cumulative)
			if len(next.outweighed) > 0 {
				c.outweighed = next.outweighed
				c.why += fmt.Sprintf("; this month's figures are far from the level in force (%s) and outweighed", Num(cur.best))
			}
			out[k] = c
		}
		if def.waves && cur != nil {
			var w []wave
			added, w = newWaves(added, waves[m], m, cur.best)
			if len(w) > 0 {
				out[k] = addWaves(out[k], w, cur, m, ok)
				c := out[k]
				cur = &c
			}
		}
		if def.derive != "" && (out[k].basis == "" || out[k].basis == flowwatch.BasisCarried) {
			// Derived figures raise a level or start one; a total sent
			// says nothing of a stock larger than it.
			if d, ok := derived(done, def, k, m); ok && (cur == nil || d.best >= cur.lo && (d.best <= cur.hi*coreRatio || d.support >= 1)) {
				out[k] = d
				c := d
				cur = &c
			}
		}
	}
	return out
}

// windowObs are the figures around month k that weigh in a stock's level:
// those of the window's months before and after it, and the level in
// force, each weighing supportKeep less per month away. Later months
// count, so that a first figure far from everything reported after it (a
// misread, an anecdote) cannot set the band.
func windowObs(own [][]obs, k int, cur *level, m string) []obs {
	var out []obs
	start := max(0, k-window+1)
	if cur != nil {
		// The level in force stands for the figures that set it.
		start = max(start, k-monthsBetween(cur.month, m)+1)
		w := math.Max(cur.support, 0.5) * math.Pow(supportKeep, float64(monthsBetween(cur.month, m)))
		out = append(out, obs{v: cur.best, lo: cur.lo, hi: cur.hi, weight: w, fact: "(in force)"})
	}
	for j := start; j < min(len(own), k+window); j++ {
		if j == k {
			continue
		}
		w := math.Pow(supportKeep, math.Abs(float64(k-j)))
		for _, o := range own[j] {
			o.weight *= w
			out = append(out, o)
		}
	}
	return out
}

// carry is cur in month m: the same best, a band wider by its age, and for
// a total a floor that never drops.
func carry(cur *level, m string, cumulative bool) level {
	age := float64(monthsBetween(cur.month, m))
	c := *cur
	c.basis = flowwatch.BasisCarried
	c.hi = cur.hi * (1 + widenPerMon*age)
	if !cumulative {
		c.lo = cur.lo * math.Max(0, 1-widenPerMon*age)
	}
	c.outweighed = nil
	c.why = fmt.Sprintf("carried from %s, widened by %d month(s)", cur.month, int(age))
	return c
}

type wave struct {
	lo, hi, v float64
	month     string
	fact      string
	sources   []string
}

// newWaves are the waves of fs not already added within waveWindow months
// (a wave of similar size reported again is the same wave).
func newWaves(added []wave, fs []*flowwatch.Fact, m string, total float64) (all, fresh []wave) {
	for _, o := range observations(fs) {
		// A wave needs a named source, and cannot outnumber what was there:
		// "another 25,000 could follow" is a projection misread.
		if len(o.sources) == 0 || o.v > total {
			continue
		}
		w := wave{lo: o.lo, hi: o.hi, v: o.v, month: m, fact: o.fact, sources: o.sources}
		dup := false
		for _, a := range added {
			if monthsBetween(a.month, m) <= waveWindow && ratio(a.v, w.v) <= coreRatio {
				dup = true
				break
			}
		}
		for _, a := range fresh {
			if a.fact == w.fact || ratio(a.v, w.v) <= coreRatio {
				dup = true
			}
		}
		if !dup {
			fresh = append(fresh, w)
			added = append(added, w)
		}
	}
	return added, fresh
}

// addWaves raises a total by waves sent in addition, unless the month's
// reported total already counts them.
func addWaves(l level, ws []wave, prev *level, m string, reported bool) level {
	base := l
	var add, addLo, addHi float64
	var names []string
	for _, w := range ws {
		add, addLo, addHi = add+w.v, addLo+w.lo, addHi+w.hi
		base.facts = append(base.facts, w.fact)
		base.sources = appendNew(base.sources, w.sources...)
		names = append(names, Num(w.v))
	}
	if reported && l.best >= prev.best+0.8*add {
		return l // the reported total includes the waves
	}
	from := prev
	if reported {
		from = &l
	}
	base.lo, base.hi, base.best = from.lo+addLo, from.hi+addHi, from.best+add
	base.lo, base.hi = math.Min(base.lo, base.best), math.Max(base.hi, base.best)
	base.basis = flowwatch.BasisDerived
	base.month = m
	base.why = fmt.Sprintf("%s plus %s sent in addition", Num(from.best), strings.Join(names, " and "))
	return base
}

// derived takes another series' band for a month this series has no
// figure of its own: troops present are troops sent less those killed.
func derived(done map[string][]level, def series, k int, m string) (level, bool) {
	src := done[def.derive]
	if k >= len(src) || src[k].basis == "" || src[k].basis == flowwatch.BasisCarried {
		return level{}, false
	}
	d := src[k]
	d.basis, d.month, d.outweighed = flowwatch.BasisDerived, m, nil
	d.why = fmt.Sprintf("from %s: %s", def.derive, Num(d.best))
	if def.less != "" {
		if less := done[def.less]; k < len(less) && less[k].basis != "" {
			d.lo, d.hi, d.best = math.Max(0, d.lo-less[k].hi), math.Max(0, d.hi-less[k].lo), math.Max(0, d.best-less[k].best)
			d.facts = append(slices.Clone(d.facts), less[k].facts...)
			d.sources = appendNew(slices.Clone(d.sources), less[k].sources...)
			d.why += fmt.Sprintf(" less %s %s", def.less, Num(less[k].best))
		}
	}
	return d, true
}

func appendNew(xs []string, ys ...string) []string {
	for _, y := range ys {
		if !slices.Contains(xs, y) {
			xs = append(xs, y)
		}
	}
	sort.Strings(xs)
	return xs
}

func srcText(s []string) string {
	if len(s) == 0 {
		return "no named source"
	}
	return strings.Join(s, ", ")
}

func toEstimate(def series, lv []level, first string) flowwatch.Estimate {
	e := flowwatch.Estimate{Series: def.id, Title: def.title, Cumulative: def.cumulative, Projection: def.projection, Points: []flowwatch.EstimatePoint{}}
	m := first
	for _, l := range lv {
		if l.basis != "" {
			p := flowwatch.EstimatePoint{
				Month: m, Low: flowwatch.F(math.Round(math.Max(0, l.lo))), High: flowwatch.F(math.Round(l.hi)), Best: flowwatch.F(math.Round(l.best)),
				Basis: l.basis, Carried: l.basis == flowwatch.BasisCarried, Since: l.month,
				Facts: nonNil(l.facts), Sources: nonNil(l.sources), Outweighed: l.outweighed, Why: l.why,
			}
			e.Points = append(e.Points, p)
		}
		m = nextMonth(m)
	}
	return e
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// monotone fits a total that only grows to the figures of each month: the
// non-decreasing path closest to them in weighted absolute deviation
// (isotonic median regression by pool-adjacent-violators). A figure far
// below or above the path pulls it by its weight only, so a misread or a
// stale restatement is outweighed by better-sourced figures around it.
// It returns the path's value for each month with figures (NaN elsewhere).
func monotone(own [][]obs) []float64 {
	type block struct {
		pts []obs
		val float64
	}
	var stack []block
	var months []int // month of each point, in push order
	// A merged block grows in place (no other block shares its points) and
	// its median sorts a reused copy: blocks keep push order, which maps
	// points back to months below. Copying each merge afresh made this
	// quadratic in allocation, hundreds of MB at 100,000 claims.
	var pts, scratch []obs
	for k := range own {
		pts = append(pts[:0], own[k]...)
		sort.Slice(pts, func(i, j int) bool { return pts[i].v < pts[j].v || (pts[i].v == pts[j].v && pts[i].fact < pts[j].fact) })
		for _, p := range pts {
			months = append(months, k)
			stack = append(stack, block{pts: []obs{p}, val: p.v})
			for len(stack) > 1 && stack[len(stack)-2].val > stack[len(stack)-1].val {
				a, b := stack[len(stack)-2], stack[len(stack)-1]
				merged := append(a.pts, b.pts...)
				scratch = append(scratch[:0], merged...)
				stack = append(stack[:len(stack)-2], block{pts: merged, val: weightedMedian(scratch)})
			}
		}
	}
	fit := make([]float64, len(own))
	for k := range fit {
		fit[k] = math.NaN()
	}
	// Each point takes its block's value; a month takes the weighted median
	// of its points' values.
	vals := make([][]obs, len(own))
	i := 0
	for _, b := range stack {
		for _, p := range b.pts {
			k := months[i]
			vals[k] = append(vals[k], obs{v: b.val, weight: p.weight, fact: p.fact})
			i++
		}
	}
	for k, vs := range vals {
		if len(vs) > 0 {
			fit[k] = weightedMedian(vs)
		}
	}
	return fit
}
