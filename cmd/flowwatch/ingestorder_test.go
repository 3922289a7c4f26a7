package main

import (
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// TestIngestOrderIndependent ingests the shared train corpus into two
// databases in different orders, one article at a time and in parallel:
// `flowwatch estimates` and `flowwatch facts` say the same of both (store
// ids aside, which follow the order).
func TestIngestOrderIndependent(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the train corpus twice")
	}
	files, _ := filepath.Glob("../../../shared/eval/train/*/articles/*.txt")
	if len(files) == 0 {
		t.Skip("the shared train set is absent")
	}
	slices.Sort(files)
	shuffled := slices.Clone(files)
	rand.New(rand.NewPCG(11, 3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	orders := []struct {
		name  string
		files []string
		jobs  string
	}{
		{"sorted, one at a time", files, "1"},
		{"shuffled, in parallel", shuffled, "4"},
	}
	var estimates, facts []string
	for _, o := range orders {
		db := filepath.Join(t.TempDir(), "order.db")
		if _, stderr, code := runInProcess(t, append([]string{"ingest", "--db", db, "-j", o.jobs}, o.files...)...); code != 0 {
			t.Fatalf("%s: ingest: exit %d: %s", o.name, code, stderr)
		}
		est, stderr, code := runInProcess(t, "estimates", "--db", db, "--format", "json")
		if code != 0 || strings.Count(est, "\n") < 10 {
			t.Fatalf("%s: estimates: exit %d, %d rows: %s", o.name, code, strings.Count(est, "\n"), stderr)
		}
		out, stderr, code := runInProcess(t, "facts", "--db", db, "--format", "jsonl")
		if code != 0 {
			t.Fatalf("%s: facts: exit %d: %s", o.name, code, stderr)
		}
		var sums []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var f struct {
				flowwatch.Fact
				ConflictList []flowwatch.Conflict `json:"conflict_details"`
			}
			if err := json.Unmarshal([]byte(line), &f); err != nil {
				t.Fatal(err)
			}
			sums = append(sums, f.ID+" "+factSummary(&f.Fact, f.ConflictList))
		}
		slices.Sort(sums)
		estimates, facts = append(estimates, est), append(facts, strings.Join(sums, "\n"))
	}
	if estimates[0] != estimates[1] {
		t.Errorf("estimates depend on ingest order:\n%s: %.400s\n%s: %.400s", orders[0].name, estimates[0], orders[1].name, estimates[1])
	}
	if facts[0] != facts[1] {
		a, b := strings.Split(facts[0], "\n"), strings.Split(facts[1], "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Errorf("facts depend on ingest order (%d and %d facts); first difference:\n%s\n%s", len(a), len(b), a[i], b[i])
				break
			}
		}
		if len(a) != len(b) {
			t.Errorf("facts depend on ingest order: %d and %d facts", len(a), len(b))
		}
	}
}
