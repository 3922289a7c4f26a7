package http_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/sqlite"
)

// The fixture's sentences are written by the flowwatch authors; the figures
// are of the kind reporting states.
type fixClaim struct {
	kind, group, event string
	low, high          *float64
	qual, unit, per    string
	place              []string
	source             string
	quote              string
}

type fixArticle struct {
	name, url, title, outlet, published, text string
	claims                                    []fixClaim
	optIn                                     bool // seeded only when named
}

const evilText = "Workers said <script>window.__pwned=1</script> nothing. " +
	"<img src=x onerror=\"window.__pwned=2\"> About 90 percent of their pay is taken by the state. " +
	"Click <a href=\"javascript:window.__pwned=3\">here</a> for more."

var fixture = []fixArticle{
	{name: "alpha", url: "https://news.example.org/alpha", title: "Spy agency updates troop count", outlet: "Example Wire", published: "2025-01-13",
		text: "Spy agency updates troop count\n\nThe agency told lawmakers that about 11,000 North Korean soldiers were sent to the Kursk region. " +
			"It added that roughly 300 soldiers have died and 2,700 were wounded.",
		claims: []fixClaim{
			{"people", "soldiers", "sent", flowwatch.F(11000), flowwatch.F(11000), "approx", "people", "", []string{"Kursk Oblast"}, "NIS",
				"The agency told lawmakers that about 11,000 North Korean soldiers were sent to the Kursk region."},
			{"people", "soldiers", "killed", flowwatch.F(300), flowwatch.F(300), "approx", "people", "", []string{"Kursk Oblast"}, "NIS",
				"It added that roughly 300 soldiers have died and 2,700 were wounded."},
			{"people", "soldiers", "wounded", flowwatch.F(2700), flowwatch.F(2700), "exact", "people", "", nil, "NIS",
				"It added that roughly 300 soldiers have died and 2,700 were wounded."},
		}},
	{name: "beta", url: "https://daily.example.com/beta?id=2", title: "Minister names a figure", outlet: "Example Daily", published: "2024-11-05",
		text: "Minister names a figure\n\nThe defence minister said 12,000 troops had arrived in Russia. Workers there earn $800 a month.",
		claims: []fixClaim{
			{"people", "soldiers", "sent", flowwatch.F(12000), flowwatch.F(12000), "exact", "people", "", []string{"Russia"}, "Rustem Umerov",
				"The defence minister said 12,000 troops had arrived in Russia."},
			{"money", "workers", "", flowwatch.F(800), flowwatch.F(800), "exact", "USD", "month", nil, "",
				"Workers there earn $800 a month."},
		}},
	{name: "gamma", url: "https://paper.example.net/gamma", title: "Construction crews in the Far East", outlet: "Example Paper", published: "2024-06-20",
		text: "Construction crews in the Far East\n\nMore than 10,000 North Korean workers are believed to be working in Vladivostok, an official said.",
		claims: []fixClaim{
			{"people", "workers", "present", flowwatch.F(10000), nil, "at_least", "people", "", []string{"Vladivostok"}, "",
				"More than 10,000 North Korean workers are believed to be working in Vladivostok, an official said."},
		}},
	{name: "evil", url: "javascript:alert(1)", title: "<img src=x onerror=alert(1)>", outlet: "<b>Outlet</b>", published: "2025-02-01",
		text: evilText,
		claims: []fixClaim{
			{"share", "workers", "", flowwatch.F(90), flowwatch.F(90), "approx", "percent", "", nil, "<script>alert(1)</script>",
				"<img src=x onerror=\"window.__pwned=2\"> About 90 percent of their pay is taken by the state."},
		}},
	// Bidi overrides reorder what is shown: the title displays as "the
	// NIS said" unless they are removed.
	{name: "bidi", url: "https://bidi.example.org/a", title: "\u202edias SIN eht\u202c", outlet: "\u2067Example\u2069 Wire", published: "2025-02-02",
		text: "\u202edias SIN eht\u202c that 1,000 North Korean workers arrived.", optIn: true,
		claims: []fixClaim{
			{"people", "workers", "arrived", flowwatch.F(1000), flowwatch.F(1000), "exact", "people", "", nil, "\u202eSIN\u202c",
				"1,000 North Korean workers arrived."},
		}},
}

// openSQLite opens a fresh SQLite store in the test's temp dir.
func openSQLite(t *testing.T) flowwatch.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "flowwatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seed stores the fixture (only the named articles, if any names are
// given) and returns article ids by name.
func seed(t *testing.T, s flowwatch.Store, only ...string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, fa := range fixture {
		if (len(only) > 0 || fa.optIn) && !slices.Contains(only, fa.name) {
			continue
		}
		d, err := flowwatch.ParseDate(fa.published)
		if err != nil {
			t.Fatal(err)
		}
		a := &flowwatch.Article{Name: fa.name, URL: fa.url, Title: fa.title, Outlet: fa.outlet, Published: d, Lang: "en", Text: fa.text}
		var cs []flowwatch.Claim
		for _, fc := range fa.claims {
			start := strings.Index(fa.text, fc.quote)
			if start < 0 {
				t.Fatalf("fixture %s: quote %q not in text", fa.name, fc.quote)
			}
			cs = append(cs, flowwatch.Claim{Article: fa.name, Kind: fc.kind, Group: fc.group, Event: fc.event, Low: fc.low, High: fc.high,
				Qualifier: fc.qual, Unit: fc.unit, Per: fc.per, Place: fc.place, Source: fc.source, Quote: fc.quote,
				Start: start, End: start + len(fc.quote), Outlet: fa.outlet, URL: fa.url, Published: d, Lang: "en"})
		}
		if _, err := s.SaveArticle(context.Background(), a, cs); err != nil {
			t.Fatalf("seed %s: %v", fa.name, err)
		}
		ids[fa.name] = a.ID
	}
	return ids
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

// pipelineIngest is the real pipeline (clean, extract, save), as serve
// wires it, so ingest tests store what a user's upload would.
func pipelineIngest(store flowwatch.Store) fwhttp.IngestFunc {
	p := &ingest.Pipeline{Store: store, Extractor: extract.New(domain.Default()), Workers: 1}
	return func(ctx context.Context, name string, raw []byte) (fwhttp.IngestResult, error) {
		var it ingest.ItemResult
		_, err := p.Run(ctx, func(ctx context.Context, emit func(ingest.Doc) error) error {
			return emit(ingest.Doc{Origin: name, Name: name, Raw: raw})
		}, func(r ingest.ItemResult) { it = r })
		if err == nil {
			err = it.Err
		}
		if err != nil {
			return fwhttp.IngestResult{Name: name}, err
		}
		res := fwhttp.IngestResult{Name: name, Result: it.Result.String(), Claims: it.Claims}
		if it.Article != nil {
			res.Article = it.Article.ID
		}
		return res, nil
	}
}
