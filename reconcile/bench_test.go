package reconcile

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/internal/corpus"
)

// genClaims makes n claims spread like real reporting: a few groups and
// events, figures from hundreds to tens of thousands (round ones more
// often), ten places, half with a stated month, 20 sources, 5 claims an article.
func genClaims(n int) ([]flowwatch.Article, []flowwatch.Claim) {
	r := rand.New(rand.NewPCG(1, 2))
	groups := []string{"workers", "soldiers", "engineers", "it_workers", "nationals"}
	events := []string{"sent", "present", "killed", "wounded", "planned", "entered", "recruited"}
	places := [][]string{{"Russia"}, {"Kursk Oblast"}, {"Vladivostok"}, {"Donbas"}, {}, {"Russia", "Ukraine"}, {"Moscow"}, {"Novosibirsk"}, {"Ukraine"}, {"Khabarovsk"}}
	quals := []string{"exact", "approx", "approx", "at_least", "vague"}
	var arts []flowwatch.Article
	claims := make([]flowwatch.Claim, 0, n)
	for i := 0; i < n; i++ {
		if i%5 == 0 {
			d := flowwatch.NewDate(2024, 1, 1+r.IntN(700))
			arts = append(arts, flowwatch.Article{Name: fmt.Sprintf("a%06d", i/5), Outlet: fmt.Sprintf("Outlet %d", r.IntN(200)), Published: d})
		}
		a := arts[len(arts)-1]
		v := float64(100 + r.IntN(20000))
		if r.IntN(2) == 0 {
			v = float64(1000 * (1 + r.IntN(20)))
		}
		q := quals[r.IntN(len(quals))]
		c := flowwatch.Claim{Article: a.Name, Kind: "people", Group: groups[r.IntN(len(groups))], Event: events[r.IntN(len(events))],
			Low: flowwatch.F(v), High: flowwatch.F(v), Qualifier: q, Unit: "people", Place: places[r.IntN(len(places))],
			Source: fmt.Sprintf("Source %d", r.IntN(20)), Quote: fmt.Sprintf("claim %d", i), Published: a.Published, Outlet: a.Outlet}
		if q == "at_least" || q == "vague" {
			c.High = nil
		}
		if r.IntN(2) == 0 {
			m := flowwatch.NewDate(2024, time.Month(1+r.IntN(24)), 1)
			c.When = &flowwatch.Period{From: m, To: flowwatch.NewDate(m.Year, m.Month+1, 0)}
		}
		claims = append(claims, c)
	}
	return arts, claims
}

func BenchmarkFacts100k(b *testing.B) {
	arts, claims := genClaims(100_000)
	opt := Options{Parent: testParent, Sanctions: domain.DefaultSanctions()}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds()
	for b.Loop() {
		facts, conflicts := FactsOnly(arts, claims, opt)
		b.ReportMetric(float64(len(facts)), "facts")
		b.ReportMetric(float64(len(conflicts)), "conflicts")
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

func BenchmarkReconcile100k(b *testing.B) {
	arts, claims := genClaims(100_000)
	opt := Options{Parent: testParent, Orgs: domain.DefaultOrganizations(), Sanctions: domain.DefaultSanctions()}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds()
	for b.Loop() {
		Reconcile(arts, claims, opt)
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkCopies20k times near-duplicate detection over 20,000 generated
// articles, a fifth of them republished copies.
func BenchmarkCopies20k(b *testing.B) {
	var arts []flowwatch.Article
	for i := 0; i < 20_000; i++ {
		g := corpus.Generate(7, i)
		if i%5 == 4 {
			g = corpus.Generate(7, i-1)
			g.Text += "\n\nRepublished with permission."
		}
		arts = append(arts, flowwatch.Article{Name: fmt.Sprintf("c%06d", i), Text: g.Text, Published: flowwatch.NewDate(2025, 1, 1+i%28)})
	}
	b.ResetTimer()
	cpu := cpuSeconds()
	for b.Loop() {
		s := newState(arts, nil, Options{})
		groups := s.copyGroups()
		b.ReportMetric(float64(len(groups)), "groups")
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}
