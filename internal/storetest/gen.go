package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
)

// Vocabularies of the generated corpus, sized like the real domain's:
// a few dozen outlets, sources and places, the spec's enums.
var (
	genOutlets = genNames("Outlet", 40)
	genSources = genNames("Source", 30)
	genPlaces  = genNames("Place", 40)
	genGroups  = []string{flowwatch.GroupWorkers, flowwatch.GroupSoldiers, flowwatch.GroupEngineers, flowwatch.GroupITWorkers, flowwatch.GroupNationals}
	genEvents  = []string{flowwatch.EventRecruited, flowwatch.EventPlanned, flowwatch.EventSent, flowwatch.EventEntered,
		flowwatch.EventPresent, flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured, flowwatch.EventWithdrawn}
	genWords = genVocabulary(5000)
)

func genNames(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %c%d", prefix, 'A'+rune(i%26), i)
	}
	return out
}

// genVocabulary makes pronounceable words, so that the search index sees
// a realistic number of distinct terms.
func genVocabulary(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	cons, vow := "bcdfghklmnprstvz", "aeiou"
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteByte(cons[r.IntN(len(cons))])
			b.WriteByte(vow[r.IntN(len(vow))])
		}
		out[i] = b.String()
	}
	return out
}

// Generate returns the i-th article of a deterministic synthetic corpus:
// about 1.5 KB of text with, on average, three claims whose fields take
// the spread of values real reporting does. Benchmarks use it to fill a
// store to a realistic size.
func Generate(i int) (*flowwatch.Article, []flowwatch.Claim) {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	// Word frequencies follow a rough Zipf curve, as in real text.
	word := func() string { return genWords[int(float64(len(genWords))*r.Float64()*r.Float64()*r.Float64())] }
	sentence := func(words int) string {
		w := make([]string, words)
		for j := range w {
			w[j] = word()
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	pub := flowwatch.DateOf(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(4*365)))
	a := &flowwatch.Article{
		Name:      fmt.Sprintf("gen-%07d", i),
		URL:       fmt.Sprintf("https://%d.example.com/news/%d", i%40, i),
		Title:     sentence(8),
		Outlet:    genOutlets[i%len(genOutlets)],
		Published: pub,
		Lang:      "en",
	}
	var b strings.Builder
	var claims []flowwatch.Claim
	nclaims := r.IntN(7) // 0..6, mean 3
	for p := range 12 {
		if p < nclaims {
			n := float64((1 + r.IntN(200)) * 100)
			group := genGroups[r.IntN(len(genGroups))]
			c := flowwatch.Claim{Kind: flowwatch.KindPeople, Group: group, Event: genEvents[r.IntN(len(genEvents))],
				Low: flowwatch.F(n), High: flowwatch.F(n), Qualifier: flowwatch.QualExact, Unit: "people",
				Extractor: flowwatch.ExtractorVersion}
			switch r.IntN(10) {
			case 0:
				c.Kind, c.Event, c.Unit, c.Per = flowwatch.KindMoney, "", "USD", flowwatch.PerMonth
			case 1:
				c.Kind, c.Event, c.Unit, c.Low, c.High = flowwatch.KindShare, "", "percent", flowwatch.F(float64(r.IntN(100))), nil
				c.Qualifier = flowwatch.QualAtLeast
			}
			if r.IntN(3) > 0 {
				c.Source = genSources[r.IntN(len(genSources))]
			}
			for range r.IntN(3) {
				c.Place = append(c.Place, genPlaces[r.IntN(len(genPlaces))])
			}
			if r.IntN(2) == 0 {
				c.When = &flowwatch.Period{From: pub.AddDays(-30), To: pub}
			}
			c.Quote = fmt.Sprintf("%s %d %s %s, %s", strings.ToUpper(word()[:1])+word(), int(n), group, c.Event, sentence(10))
			c.Start = b.Len()
			b.WriteString(c.Quote)
			c.End = b.Len()
			b.WriteString(" ")
			claims = append(claims, c)
		}
		b.WriteString(sentence(12 + r.IntN(10)))
		b.WriteString(" ")
	}
	a.Text = b.String()
	return a, claims
}

// BenchFilters are the claim queries the benchmarks time: two filters
// each, on latest versions as the API asks by default, and one over all
// versions.
func BenchFilters() []flowwatch.ClaimFilter {
	f := flowwatch.F
	fs := []flowwatch.ClaimFilter{
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers},
		{Group: flowwatch.GroupWorkers, Place: genPlaces[3]},
		{Source: genSources[5], Since: flowwatch.NewDate(2024, 1, 1)},
		{Outlet: genOutlets[7], Event: flowwatch.EventKilled},
		{Event: flowwatch.EventSent, MinValue: f(10000)},
		{Place: genPlaces[11], Since: flowwatch.NewDate(2025, 6, 1)},
		{Group: flowwatch.GroupITWorkers, Until: flowwatch.NewDate(2022, 12, 31)},
		{Kind: flowwatch.KindMoney, Source: genSources[2]},
		{Outlet: genOutlets[1], Text: "soldiers killed"},
		{Group: flowwatch.GroupSoldiers, Event: flowwatch.EventKilled},
	}
	for i := range fs {
		fs[i].LatestVersionsOnly = true
	}
	return append(fs, flowwatch.ClaimFilter{Group: flowwatch.GroupSoldiers, Since: flowwatch.NewDate(2025, 1, 1)})
}

// BenchQueries are the full-text searches the benchmarks time.
func BenchQueries() []string {
	return []string{genWords[10], genWords[200] + " " + genWords[30], genWords[1500], "soldiers killed", genWords[3]}
}
