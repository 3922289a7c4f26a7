package changes

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pgtest"
	"github.com/flowwatch/flowwatch/sqlite"
)

// perClaim is a reconciliation small enough to read: every people claim
// is its own fact; two facts of one group and event with different
// figures conflict; each group's "present" facts make a monthly series
// whose band is the figures of the month's claims. It lets these tests
// state exactly what changed, whatever reconcile's rules become.
type perClaim struct{}

func (perClaim) Facts(_ context.Context, _ []flowwatch.Article, cs []flowwatch.Claim) (any, error) {
	var items []map[string]any
	var conflicts []map[string]any
	for i, c := range cs {
		items = append(items, map[string]any{
			"id": fmt.Sprintf("f%d", c.ID), "kind": c.Kind, "group": c.Group, "measure": c.Event,
			"value": c.Low, "low": c.Low, "high": c.High, "sources": []string{c.Source},
			"evidence": []map[string]any{{"id": c.ID, "article": c.Article}},
		})
		for _, o := range cs[:i] {
			if o.Group == c.Group && o.Event == c.Event && *o.Low != *c.Low {
				conflicts = append(conflicts, map[string]any{
					"id": fmt.Sprintf("c%d-%d", o.ID, c.ID), "reason": "disagreement", "details": []string{"they differ"},
					"a": sideOf(o), "b": sideOf(c),
				})
			}
		}
	}
	return map[string]any{"items": items, "conflicts": conflicts}, nil
}

func sideOf(c flowwatch.Claim) map[string]any {
	return map[string]any{"fact": fmt.Sprintf("f%d", c.ID), "measure": c.Event, "low": c.Low, "high": c.High,
		"sources": []string{c.Source}, "claims": []map[string]any{{"id": c.ID, "article": c.Article}}}
}

func (perClaim) Estimates(_ context.Context, _ []flowwatch.Article, cs []flowwatch.Claim) (any, error) {
	type key struct{ series, month string }
	rows := map[key]map[string]any{}
	var order []key
	for _, c := range cs {
		if c.Event != flowwatch.EventPresent {
			continue
		}
		k := key{c.Group + "_present", c.Published.String()[:7]}
		r, ok := rows[k]
		if !ok {
			r = map[string]any{"series": k.series, "month": k.month, "low": *c.Low, "high": *c.Low, "basis": "reported", "facts": []string{}}
			rows[k] = r
			order = append(order, k)
		}
		r["low"] = min(r["low"].(float64), *c.Low)
		r["high"] = max(r["high"].(float64), *c.Low)
		r["facts"] = append(r["facts"].([]string), fmt.Sprintf("f%d", c.ID))
	}
	items := []map[string]any{}
	for _, k := range order {
		items = append(items, rows[k])
	}
	return map[string]any{"items": items}, nil
}

func save(t *testing.T, st flowwatch.Store, name, published string, figure float64, event, source string, seen time.Time) {
	t.Helper()
	d, err := flowwatch.ParseDate(published)
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprintf("Some %v North Korean soldiers were %s, %s said.", figure, event, source)
	a := &flowwatch.Article{Name: name, URL: "https://example.org/" + name, Title: name, Published: d, Lang: "en", Text: text,
		FirstSeen: seen, LastSeen: seen}
	c := flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: event, Low: &figure, High: &figure,
		Qualifier: "approx", Unit: "people", Source: source, Quote: text, Start: 0, End: len(text)}
	if _, err := st.SaveArticle(context.Background(), a, []flowwatch.Claim{c}); err != nil {
		t.Fatal(err)
	}
}

// TestSince runs on SQLite, and on PostgreSQL when FLOWWATCH_TEST_POSTGRES
// names one: the same code path over both stores.
func TestSince(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		testSince(t, st)
	})
	t.Run("postgres", func(t *testing.T) {
		if pgtest.URL() == "" {
			t.Skip("FLOWWATCH_TEST_POSTGRES is unset")
		}
		testSince(t, pgtest.Store(t, "changes_test_"))
	})
}

func testSince(t *testing.T, st flowwatch.Store) {
	ctx := context.Background()
	t0 := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	save(t, st, "a", "2025-04-02", 11000, flowwatch.EventPresent, "NIS", t0)
	save(t, st, "b", "2025-04-03", 300, flowwatch.EventKilled, "NIS", t0)
	mark := t0.Add(time.Hour)
	later := mark.Add(time.Hour)
	save(t, st, "c", "2025-04-09", 12000, flowwatch.EventPresent, "GUR", later)

	vs, err := st.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == "c" && !v.FirstSeen.After(mark) {
			t.Skipf("the store keeps its own first_seen (%s), not the one given: the marks below would not hold", v.FirstSeen)
		}
	}

	list, err := Since(ctx, st, perClaim{}, mark)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Change{}
	for _, c := range list {
		got[c.Kind] = c
		if c.At.Before(mark) {
			t.Errorf("%s: at %s, before the mark", c.ID, c.At)
		}
	}
	if len(list) != 3 {
		t.Fatalf("%d changes, want a new fact, a moved estimate and a new conflict: %+v", len(list), list)
	}
	if f := got[KindFact]; !strings.Contains(f.Title, "12,000 soldiers present") || f.Sources[0] != "GUR" {
		t.Errorf("new fact: %+v", f)
	}
	e := got[KindEstimate]
	if e.Series != "soldiers_present" || e.Month != "2025-04" || bandText(e.Before) != "11,000" || bandText(e.After) != "11,000–12,000" || e.Fact == "" {
		t.Errorf("moved estimate: %+v (before %s, after %s)", e, bandText(e.Before), bandText(e.After))
	}
	if c := got[KindConflict]; c.Reason != "disagreement" || !strings.Contains(c.Title, "11,000") || !strings.Contains(c.Title, "12,000") {
		t.Errorf("new conflict: %+v", c)
	}

	// The same question asked again gives the same ids: a feed reader
	// or webhook receiver sees each change once.
	again, err := Since(ctx, st, perClaim{}, mark)
	if err != nil {
		t.Fatal(err)
	}
	for i := range list {
		if again[i].ID != list[i].ID {
			t.Errorf("change %d: id %s, then %s", i, list[i].ID, again[i].ID)
		}
	}
	// Nothing was seen after the last ingest.
	if none, err := Since(ctx, st, perClaim{}, later.Add(time.Minute)); err != nil || len(none) != 0 {
		t.Errorf("after the last ingest: %v, %+v", err, none)
	}
}

func TestParseSince(t *testing.T) {
	for in, want := range map[string]string{
		"2025-04-01":                "2025-04-01T00:00:00Z",
		"2025-04-01T09:30:00Z":      "2025-04-01T09:30:00Z",
		"2025-04-01T09:30:00+02:00": "2025-04-01T07:30:00Z",
	} {
		got, err := ParseSince(in)
		if err != nil || got.UTC().Format(time.RFC3339) != want {
			t.Errorf("ParseSince(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2025-13-01", "01/04/2025"} {
		if _, err := ParseSince(bad); err == nil {
			t.Errorf("ParseSince(%q) accepted it", bad)
		}
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 13221: "13,221", 1500000: "1,500,000", 2.5: "2.5", -4000: "-4,000"} {
		if got := num(&v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}
