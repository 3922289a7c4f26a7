package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// series defines one estimate. The method is written out in
// docs/estimates.md; keep the two in step.
type series struct {
	id, title  string
	groups     []string
	components [][]string // measures; each component is carried on its own and, when sum, added
	places     []string   // a fact counts when every place it names lies within one of these
	cumulative bool       // the count can only grow: a carried floor is never lowered
	sum        bool
}

var seriesDefs = []series{
	{id: "workers_present", title: "North Korean workers in Russia",
		groups:     []string{flowwatch.GroupWorkers, flowwatch.GroupITWorkers},
		components: [][]string{{flowwatch.EventPresent, flowwatch.EventSent}},
		places:     []string{"Russia"}},
	{id: "troops_deployed", title: "North Korean troops deployed to Russia's war",
		groups:     []string{flowwatch.GroupSoldiers},
		components: [][]string{{flowwatch.EventSent, flowwatch.EventPresent}},
		places:     []string{"Russia", "Ukraine"}, cumulative: true},
	{id: "casualties", title: "North Korean military casualties (killed, wounded, captured)",
		groups:     []string{flowwatch.GroupSoldiers},
		components: [][]string{{flowwatch.EventKilled}, {flowwatch.EventWounded}, {flowwatch.EventCaptured}, {"casualties"}},
		places:     []string{"Russia", "Ukraine"}, cumulative: true, sum: true},
}

type band struct {
	lo    float64
	hi    *float64
	since string
	facts []string
	why   string
}

// Estimates builds the monthly series from facts.
func Estimates(facts []flowwatch.Fact, opt Options) []flowwatch.Estimate {
	s := &state{opt: opt}
	var out []flowwatch.Estimate
	for _, def := range seriesDefs {
		out = append(out, s.estimate(def, facts))
	}
	return out
}

func month(d flowwatch.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

func nextMonth(m string) string {
	var y, mo int
	fmt.Sscanf(m, "%d-%d", &y, &mo)
	mo++
	if mo > 12 {
		y, mo = y+1, 1
	}
	return fmt.Sprintf("%04d-%02d", y, mo)
}

func (s *state) inSeries(def series, f *flowwatch.Fact) bool {
	if f.Kind != flowwatch.KindPeople || !has(def.groups, f.Group) || f.Value == nil {
		return false
	}
	if len(f.Figures) > 0 && f.Figures[0].Qualifier == flowwatch.QualVague {
		return false // "thousands" never sets a band
	}
	for _, p := range f.Place {
		ok := false
		for _, q := range def.places {
			if s.within(p, q) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// candidate is a fact reported in a month.
type candidate struct {
	f      *flowwatch.Fact
	asOf   flowwatch.Date // latest reference date of its claims in that month
	lo     float64        // smallest figure its claims of that month state
	hi     float64        // largest; +Inf when one is open ("more than")
	hasVal bool
}

// beats orders candidates: more independent sources, then more reports,
// then a more precise headline figure, then the later figure, then the larger.
func beats(a, b candidate) bool {
	if a.f.Independent != b.f.Independent {
		return a.f.Independent > b.f.Independent
	}
	if a.f.Reports != b.f.Reports {
		return a.f.Reports > b.f.Reports
	}
	qa, qb := qualRank[a.f.Figures[0].Qualifier], qualRank[b.f.Figures[0].Qualifier]
	if qa != qb {
		return qa < qb
	}
	if a.asOf != b.asOf {
		return a.asOf.After(b.asOf)
	}
	return a.lo > b.lo
}

func (s *state) estimate(def series, facts []flowwatch.Fact) flowwatch.Estimate {
	est := flowwatch.Estimate{Series: def.id, Title: def.title, Cumulative: def.cumulative, Points: []flowwatch.EstimatePoint{}}
	// byMonth[component][month] → candidates
	byMonth := make([]map[string][]candidate, len(def.components))
	first, last := "", ""
	for ci, comp := range def.components {
		byMonth[ci] = map[string][]candidate{}
		for fi := range facts {
			f := &facts[fi]
			if !has(comp, f.Measure) || !s.inSeries(def, f) {
				continue
			}
			seen := map[string]*candidate{}
			var months []string
			for k := range f.Evidence {
				e := &f.Evidence[k]
				d := asOf(e)
				if d.IsZero() {
					continue
				}
				m := month(d)
				c := seen[m]
				if c == nil {
					c = &candidate{f: f, lo: math.Inf(1), hi: math.Inf(-1)}
					seen[m] = c
					months = append(months, m)
				}
				if d.After(c.asOf) {
					c.asOf = d
				}
				if e.Low != nil {
					c.lo, c.hasVal = math.Min(c.lo, *e.Low), true
				}
				switch {
				case e.High != nil:
					c.hi, c.hasVal = math.Max(c.hi, *e.High), true
				case e.Low != nil:
					c.hi = math.Inf(1)
				}
			}
			for _, m := range months {
				c := seen[m]
				if !c.hasVal {
					continue
				}
				if math.IsInf(c.lo, 1) { // only "up to" figures
					c.lo = 0
				}
				byMonth[ci][m] = append(byMonth[ci][m], *c)
				if first == "" || m < first {
					first = m
				}
				if m > last {
					last = m
				}
			}
		}
	}
	if first == "" {
		return est
	}
	cur := make([]*band, len(def.components))
	for m := first; m <= last; m = nextMonth(m) {
		fresh := false
		for ci := range def.components {
			cands := byMonth[ci][m]
			if len(cands) == 0 {
				continue
			}
			sort.SliceStable(cands, func(i, j int) bool { return beats(cands[i], cands[j]) })
			w := cands[0]
			b := &band{lo: w.lo, since: m, facts: []string{w.f.ID}}
			if !math.IsInf(w.hi, 1) {
				h := math.Max(w.hi, w.lo)
				b.hi = &h
			}
			stated := Num(w.lo)
			if b.hi == nil {
				stated = "more than " + stated
			} else if *b.hi != w.lo {
				stated += "–" + Num(*b.hi)
			}
			b.why = fmt.Sprintf("%s %s this month (fact %s: %s; %s, %s)", Describe(w.f), stated, w.f.ID, strings.Join(w.f.Sources, ", "),
				plural(w.f.Independent, "independent source"), plural(w.f.Reports, "report"))
			if len(cands) > 1 {
				b.why += fmt.Sprintf(", chosen over %d other figure(s) with %s", len(cands)-1, whyBeats(w, cands[1]))
			}
			if def.cumulative && cur[ci] != nil && cur[ci].lo > b.lo {
				b.why += fmt.Sprintf("; floor kept at %s from %s because the count cannot fall", Num(cur[ci].lo), cur[ci].since)
				b.lo = cur[ci].lo
				b.facts = append(b.facts, cur[ci].facts...)
			}
			if b.hi != nil && *b.hi < b.lo {
				h := b.lo
				b.hi = &h
			}
			cur[ci] = b
			fresh = true
		}
		p := flowwatch.EstimatePoint{Month: m, Carried: !fresh}
		var whys []string
		var lo float64
		var hi *float64
		any := false
		if def.sum {
			// Killed, wounded and captured add up; a combined casualties figure is a floor of its own.
			var sumLo, sumHi float64
			allHi := true
			parts := 0
			for ci, comp := range def.components {
				b := cur[ci]
				if b == nil || comp[0] == "casualties" {
					continue
				}
				parts++
				sumLo += b.lo
				if b.hi == nil {
					allHi = false
				} else {
					sumHi += *b.hi
				}
			}
			if parts > 0 {
				lo, any = sumLo, true
				if allHi {
					hi = &sumHi
				}
			}
			if b := cur[len(def.components)-1]; b != nil {
				if !any || b.lo > lo {
					lo = b.lo
				}
				if b.hi != nil && (hi == nil || *b.hi > *hi) && any {
					h := *b.hi
					hi = &h
				} else if !any {
					hi = b.hi
				}
				any = true
			}
		} else if b := cur[0]; b != nil {
			lo, hi, any = b.lo, b.hi, true
		}
		if !any {
			continue
		}
		if hi != nil && *hi < lo {
			h := lo
			hi = &h
		}
		since := ""
		for ci, b := range cur {
			if b == nil {
				continue
			}
			if b.since > since {
				since = b.since
			}
			p.Facts = append(p.Facts, b.facts...)
			label := ""
			if def.sum {
				label = def.components[ci][0] + ": "
			}
			if b.since == m {
				whys = append(whys, label+b.why)
			} else {
				whys = append(whys, label+"carried from "+b.since)
			}
		}
		p.Low, p.High, p.Since, p.Why = flowwatch.F(lo), hi, since, strings.Join(whys, "; ")
		est.Points = append(est.Points, p)
	}
	return est
}

func whyBeats(w, o candidate) string {
	switch {
	case w.f.Independent != o.f.Independent:
		return "fewer independent sources"
	case w.f.Reports != o.f.Reports:
		return "fewer reports"
	case qualRank[w.f.Figures[0].Qualifier] != qualRank[o.f.Figures[0].Qualifier]:
		return "a less precise figure"
	case w.asOf != o.asOf:
		return "an earlier date"
	}
	return "a smaller figure"
}

func plural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return fmt.Sprintf("%d %ss", n, s)
}
