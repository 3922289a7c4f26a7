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
// for Kursk) reported by two outlets, 10,000 against 11,000 troops, and
// 13,221 entries in 2024 against "more than 13,000".
func TestDevArticles(t *testing.T) {
	r := reconcileDir(t, filepath.Join(evalDir(t), "dev", "articles"))
	find := func(group, measure string, value float64, in ...string) *flowwatch.Fact {
		for i := range r.Facts {
			f := &r.Facts[i]
			if f.Group != group || f.Measure != measure {
				continue
			}
			for _, g := range f.Figures {
				if g.Low != nil && *g.Low == value {
					ok := true
					for _, a := range in {
						ok = ok && evidenceFrom(f, a)
					}
					if ok {
						return f
					}
				}
			}
		}
		return nil
	}

	for _, tc := range []struct {
		group string
		value float64
	}{{"workers", 5000}, {"engineers", 1000}} {
		f := find(tc.group, "planned", tc.value, "seed-001", "seed-004")
		if f == nil {
			t.Errorf("no fact of %v %s planned stated by both seed-001 and seed-004", tc.value, tc.group)
			continue
		}
		if f.Reports < 2 {
			t.Errorf("%v %s planned: %d independent reports, want at least 2", tc.value, tc.group, f.Reports)
		}
		if !has(f.Place, "Kursk Oblast") {
			t.Errorf("%v %s planned: places %v, want Kursk Oblast", tc.value, tc.group, f.Place)
		}
	}

	var troops *flowwatch.Conflict
	for i := range r.Conflicts {
		c := &r.Conflicts[i]
		if c.A.Low != nil && c.B.Low != nil && *c.A.Low == 10000 && *c.B.Low == 11000 {
			troops = c
		}
	}
	if troops == nil {
		t.Errorf("no conflict between 10,000 and 11,000 troops")
	} else if len(troops.A.Sources) == 0 || len(troops.B.Sources) == 0 || len(troops.A.Claims) == 0 || len(troops.B.Claims) == 0 {
		t.Errorf("10,000 vs 11,000 conflict lacks sources or evidence: %+v", troops)
	}

	entries := find("nationals", "entered", 13221)
	if entries == nil {
		t.Fatalf("no fact of 13,221 North Koreans entering")
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
