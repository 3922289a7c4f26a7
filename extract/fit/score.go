package fit

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
)

// Score is what ../shared/eval/score reports, computed the same way.
type Score struct {
	TP, FP, FN int
	Attr       map[string][2]int // place, when, source, qualifier: right, checked
}

// Add accumulates another score.
func (s *Score) Add(o Score) {
	s.TP, s.FP, s.FN = s.TP+o.TP, s.FP+o.FP, s.FN+o.FN
	if s.Attr == nil {
		s.Attr = map[string][2]int{}
	}
	for k, v := range o.Attr {
		a := s.Attr[k]
		s.Attr[k] = [2]int{a[0] + v[0], a[1] + v[1]}
	}
}

func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }

func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Accuracy of one attribute (place, when, source, qualifier) over matches.
func (s Score) Accuracy(attr string) float64 {
	a := s.Attr[attr]
	return ratio(a[0], a[1])
}

func (s Score) String() string {
	return fmt.Sprintf("gold %d predicted %d matched %d  P %.3f R %.3f F1 %.3f  source %.3f place %.3f when %.3f",
		s.TP+s.FN, s.TP+s.FP, s.TP, s.Precision(), s.Recall(), s.F1(),
		s.Accuracy("source"), s.Accuracy("place"), s.Accuracy("when"))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScoreDoc scores one article's predicted claims against its gold.
func ScoreDoc(gold []Gold, pred []flowwatch.Claim) Score {
	s, _, _ := scoreDoc(gold, pred)
	return s
}

// scoreDoc also returns the required gold claims no prediction matched
// and the predictions no gold claim matched.
func scoreDoc(gold []Gold, pred []flowwatch.Claim) (Score, []Gold, []flowwatch.Claim) {
	s := Score{Attr: map[string][2]int{}}
	var missed []Gold
	ps := dedupe(pred)
	golds := append([]Gold(nil), gold...)
	sort.SliceStable(golds, func(i, j int) bool { return !golds[i].Optional && golds[j].Optional })
	for _, g := range golds {
		best, bo := -1, -1.0
		for i := range ps {
			if !keyMatches(&g, &ps[i]) {
				continue
			}
			if o := overlap(ps[i].Quote, g.Quote); o > bo {
				best, bo = i, o
			}
		}
		if best < 0 {
			if !g.Optional {
				s.FN++
				missed = append(missed, g)
			}
			continue
		}
		p := ps[best]
		ps = append(ps[:best], ps[best+1:]...)
		if g.Optional {
			continue
		}
		s.TP++
		for _, a := range []struct {
			name string
			ok   int // -1 not checked, 0 wrong, 1 right
		}{{"place", placeOK(&g, &p)}, {"when", whenOK(&g, &p)}, {"source", sourceOK(&g, &p)},
			{"qualifier", b2i(norm(p.Qualifier) == norm(g.Qual))}} {
			if a.ok < 0 {
				continue
			}
			v := s.Attr[a.name]
			s.Attr[a.name] = [2]int{v[0] + a.ok, v[1] + 1}
		}
	}
	s.FP += len(ps)
	return s, missed, ps
}

func dedupe(pred []flowwatch.Claim) []flowwatch.Claim {
	type key struct {
		kind, group, event string
		low, high          string
		quote              string
	}
	seen := map[key]bool{}
	var out []flowwatch.Claim
	for _, p := range pred {
		k := key{p.Kind, p.Group, p.Event, fnum(p.Low), fnum(p.High), norm(p.Quote)}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

func fnum(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func in(x string, alts []string) bool {
	for _, a := range alts {
		if norm(a) == norm(x) {
			return true
		}
	}
	return false
}

func keyMatches(g *Gold, p *flowwatch.Claim) bool {
	if norm(p.Kind) != norm(g.Kind) || !in(p.Group, orNull(g.groups)) {
		return false
	}
	if g.Kind == flowwatch.KindPeople && !in(p.Event, orNull(g.events)) {
		return false
	}
	return numEq(p.Low, g.Low) && numEq(p.High, g.High)
}

// orNull: a field the gold leaves out is null.
func orNull(xs []string) []string {
	if xs == nil {
		return []string{""}
	}
	return xs
}

func numEq(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Max(math.Abs(*a), math.Abs(*b)))
}

// overlap is the Jaccard overlap of two quotes' word sets.
func overlap(a, b string) float64 {
	wa, wb := wordSet(a), wordSet(b)
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	return float64(inter) / math.Max(1, float64(union))
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(norm(s)) {
		m[w] = true
	}
	return m
}

var countries = map[string]bool{"russia": true, "ukraine": true, "north korea": true, "china": true}

func placeOK(g *Gold, p *flowwatch.Claim) int {
	if len(g.Place) == 0 || string(g.Place) == "null" {
		return -1
	}
	var alts [][]string
	var flat []string
	if json.Unmarshal(g.Place, &alts) != nil {
		if json.Unmarshal(g.Place, &flat) != nil {
			return 0
		}
		alts = nil
		if len(flat) > 0 {
			alts = [][]string{flat}
		}
	}
	pred := map[string]bool{}
	for _, x := range p.Place {
		pred[norm(x)] = true
	}
	for _, alt := range alts {
		want := map[string]bool{}
		for _, x := range alt {
			want[norm(x)] = true
		}
		ok := true
		for w := range want {
			ok = ok && pred[w]
		}
		for x := range pred {
			ok = ok && (want[x] || countries[x])
		}
		if ok {
			return 1
		}
	}
	return 0
}

func whenOK(g *Gold, p *flowwatch.Claim) int {
	if len(g.When) == 0 {
		return -1
	}
	if string(g.When) == "null" {
		return b2i(p.When == nil)
	}
	var w struct{ From, To string }
	if json.Unmarshal(g.When, &w) != nil || p.When == nil {
		return 0
	}
	b, err := json.Marshal(p.When)
	if err != nil {
		return 0
	}
	var pw struct{ From, To string }
	if json.Unmarshal(b, &pw) != nil || pw.From == "" || pw.To == "" {
		return 0
	}
	return b2i(near(pw.From, w.From) && near(pw.To, w.To))
}

func near(a, b string) bool {
	da, err1 := time.Parse("2006-01-02", first10(a))
	db, err2 := time.Parse("2006-01-02", first10(b))
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(da.Sub(db).Hours()/24) <= 31
}

func first10(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

func sourceOK(g *Gold, p *flowwatch.Claim) int {
	if len(g.Source) == 0 {
		return -1
	}
	return b2i(in(p.Source, strList(g.Source)))
}
