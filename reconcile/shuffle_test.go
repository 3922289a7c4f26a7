package reconcile

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
)

// trainCorpus extracts every article of the shared train set.
func trainCorpus(t *testing.T) ([]flowwatch.Article, []flowwatch.Claim) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(evalDir(t), "train", "*", "articles", "*.txt"))
	if len(files) == 0 {
		t.Skip("the shared train set is absent")
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
		for _, c := range x.Extract(a) {
			c.Outlet, c.URL, c.Published = a.Outlet, a.URL, a.Published
			claims = append(claims, c)
		}
	}
	return arts, claims
}

// claimKey names a claim by what it says and where, not by its position.
func claimKey(e *flowwatch.Evidence) string {
	return fmt.Sprintf("%s|%d|%d|%s|%s|%s|%s|%s", e.Article, e.Start, e.End, e.Kind, e.Group, e.Event, fmtPtr(e.Low), fmtPtr(e.High))
}

// factsByClaim maps each claim to its fact's id.
func factsByClaim(facts []flowwatch.Fact) map[string]string {
	out := map[string]string{}
	for i := range facts {
		for j := range facts[i].Evidence {
			out[claimKey(&facts[i].Evidence[j])] = facts[i].ID
		}
	}
	return out
}

// TestFactsIndependentOfOrder builds the facts of the shared train corpus
// in several shuffled orders, then with extra claims added: every claim
// lands in the same fact, with the same id, the same figures and sources.
func TestFactsIndependentOfOrder(t *testing.T) {
	arts, claims := trainCorpus(t)
	opt := domainOptions()
	base, _ := FactsOnly(arts, claims, opt)
	want := factsByClaim(base)
	summary := func(fs []flowwatch.Fact) map[string]string {
		m := map[string]string{}
		for i := range fs {
			f := &fs[i]
			m[f.ID] = fmt.Sprintf("%s %v %d %d %s", fmtPtr(f.Value), f.Sources, f.Reports, len(f.Evidence), f.First.Article)
		}
		return m
	}
	wantSummary := summary(base)
	// The monthly series come from the facts: the same rows in any order.
	rows := func(fs []flowwatch.Fact) string {
		b, err := json.Marshal(Rows(Estimates(fs, opt), "", ""))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	wantRows := rows(base)
	if len(wantRows) < 100 {
		t.Fatalf("the train corpus gives no estimates: %s", wantRows)
	}
	for seed := uint64(1); seed <= 4; seed++ {
		r := rand.New(rand.NewPCG(seed, 9))
		cs, as := slices.Clone(claims), slices.Clone(arts)
		r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
		r.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		got, _ := FactsOnly(as, cs, opt)
		if g := factsByClaim(got); !mapsEqual(g, want) {
			t.Fatalf("order %d: claims land in other facts", seed)
		}
		if g := summary(got); !mapsEqual(g, wantSummary) {
			t.Fatalf("order %d: facts differ", seed)
		}
		if g := rows(got); g != wantRows {
			t.Fatalf("order %d: estimates differ:\n got %.300s\nwant %.300s", seed, g, wantRows)
		}
	}

	// Extra claims, some for quantities the corpus already has (a 9,000
	// between its troop figures), join or add facts; no claim moves.
	extra := article("extra-1", "Extra Daily", "2025-01-15", "Extra figures.")
	var more []flowwatch.Claim
	for _, v := range []float64{9000, 14000, 6, 30000} {
		for _, ev := range []string{"sent", "present", "killed"} {
			more = append(more, flowwatch.Claim{Article: extra.Name, Kind: "people", Group: "soldiers", Event: ev,
				Low: flowwatch.F(v), High: flowwatch.F(v), Qualifier: "approx", Unit: "people", Place: russia,
				Quote: "Extra figures.", Start: 0, End: 14, Published: extra.Published, Outlet: extra.Outlet})
		}
	}
	cs := append(slices.Clone(claims), more...)
	rand.New(rand.NewPCG(5, 9)).Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	got, _ := FactsOnly(append(slices.Clone(arts), extra), cs, opt)
	g := factsByClaim(got)
	for k, id := range want {
		if g[k] != id {
			t.Fatalf("with extra claims, claim %s moved from fact %s to %s", k, id, g[k])
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
