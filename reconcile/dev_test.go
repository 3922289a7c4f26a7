package reconcile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
)

// evalDir is ../shared/eval next to the module root, where the shared
// evaluation set lives when it is present.
func evalDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("module root not found")
		}
		dir = up
	}
	return filepath.Join(filepath.Dir(dir), "shared", "eval")
}

func domainOptions() Options {
	d := domain.Default()
	return Default(PlaceParent(func(p string) (string, bool) {
		pl, ok := d.Place(p)
		return pl.Country, ok
	}))
}

// reconcileDir cleans, extracts and reconciles every article of dir.
func reconcileDir(t *testing.T, dir string) *Result {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no articles in %s (the shared evaluation set is absent)", dir)
	}
	x := extract.New(domain.Default())
	var arts []flowwatch.Article
	var claims []flowwatch.Claim
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := clean.Parse(strings.TrimSuffix(filepath.Base(f), ".txt"), raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		arts = append(arts, *a)
		claims = append(claims, x.Extract(a)...)
	}
	return Reconcile(arts, claims, domainOptions())
}

func evidenceFrom(f *flowwatch.Fact, prefix string) bool {
	for _, e := range f.Evidence {
		if strings.HasPrefix(e.Article, prefix) {
			return true
		}
	}
	return false
}

// TestDevArticles checks reconciliation on the shared dev articles the way
// a reader would: Shoigu's announcement (5,000 builders and 1,000 deminers
// for Kursk) is a plan wherever it is reported, never people present; and
// 13,221 entries in 2024 are documents that "more than 13,000" confirms.
func TestDevArticles(t *testing.T) {
	r := reconcileDir(t, filepath.Join(evalDir(t), "dev", "articles"))
	byID := map[string]*flowwatch.Fact{}
	for i := range r.Facts {
		byID[r.Facts[i].ID] = &r.Facts[i]
	}
	plans := 0
	for i := range r.Facts {
		f := &r.Facts[i]
		if !(evidenceFrom(f, "seed-001") || evidenceFrom(f, "seed-004")) || f.Kind != flowwatch.KindPeople {
			continue
		}
		for _, g := range f.Figures {
			if g.Low != nil && (*g.Low == 5000 && f.Group == "workers" || *g.Low == 1000 && f.Group == "engineers") {
				plans++
				if f.Measure != flowwatch.MeasurePlan || !has(f.Sources, "Sergei Shoigu") {
					t.Errorf("Shoigu's %v %s: measure %q sources %v, want a plan of Sergei Shoigu", *g.Low, f.Group, f.Measure, f.Sources)
				}
			}
		}
	}
	if plans < 2 {
		t.Errorf("Shoigu's announcement is in %d facts of seed-001 and seed-004, want both figures", plans)
	}
	for _, e := range r.Estimates {
		for _, p := range e.Points {
			for _, id := range p.Facts {
				if f := byID[id]; f != nil && f.Measure == flowwatch.MeasurePlan && !e.Projection {
					t.Errorf("%s %s counts plan fact %s", e.Series, p.Month, id)
				}
				if f := byID[id]; f != nil && f.Measure == flowwatch.MeasureDocuments {
					t.Errorf("%s %s counts documents fact %s", e.Series, p.Month, id)
				}
			}
		}
	}

	var entries *flowwatch.Fact
	for i := range r.Facts {
		f := &r.Facts[i]
		for _, g := range f.Figures {
			if g.Low != nil && *g.Low == 13221 && f.Group == "nationals" {
				entries = f
			}
		}
	}
	if entries == nil {
		t.Fatalf("no fact of 13,221 North Koreans entering")
	}
	if entries.Measure != flowwatch.MeasureDocuments {
		t.Errorf("13,221 entries: measure %q, want documents", entries.Measure)
	}
	var more bool
	for _, g := range entries.Figures {
		more = more || (g.Low != nil && *g.Low == 13000 && g.High == nil)
	}
	if !more {
		t.Errorf("13,221 and \"more than 13,000\" are not one fact: figures %+v", entries.Figures)
	}
	if entries.Reports < 2 {
		t.Errorf("entries fact has %d reports, want at least 2 (they corroborate)", entries.Reports)
	}
	for _, id := range entries.Conflicts {
		for _, c := range r.Conflicts {
			if c.ID == id && (c.A.High == nil || c.B.High == nil) && (*c.A.Low == 13000 || *c.B.Low == 13000) {
				t.Errorf("\"more than 13,000\" conflicts with %+v", c)
			}
		}
	}
}
