package http

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/reconcile"
)

// bigSnapshot has n facts of ev evidence entries each, every fact in a
// conflict with the next, as a large store's reconciliation has.
func bigSnapshot(n, ev int) *recSnapshot {
	res := &reconcile.Result{}
	quote := strings.Repeat("Officials said that a number of soldiers were counted in the region. ", 3)
	for i := range n {
		f := flowwatch.Fact{ID: fmt.Sprintf("f-%04d", i), Kind: "people", Group: "soldiers", Measure: "stock", Period: "2025-01",
			Sources: []string{"NIS", "GUR"}, Conflicts: []string{fmt.Sprintf("c-%04d", i)}}
		for j := range ev {
			ref := flowwatch.ClaimRef{Index: j, ID: int64(i*ev + j), Article: fmt.Sprintf("article-%06d", i*ev+j), Outlet: "Some Outlet",
				URL: "https://example.org/news/" + fmt.Sprint(i*ev+j), Quote: quote, Qualifier: "approx", Low: flowwatch.F(1000), High: flowwatch.F(1000)}
			f.Evidence = append(f.Evidence, flowwatch.Evidence{ClaimRef: ref, Kind: "people", Group: "soldiers", Place: []string{"Russia"},
				Source: "NIS", Original: "NIS", Chain: []string{"Some Outlet", "NIS"}, Report: ref.Article})
			f.Figures = append(f.Figures, flowwatch.Figure{Low: flowwatch.F(float64(1000 + j)), Qualifier: "approx", Sources: []string{"NIS"}, Claims: []int{j}})
		}
		res.Facts = append(res.Facts, f)
		side := flowwatch.ConflictSide{Fact: f.ID, Sources: []string{"NIS"}, Claims: []flowwatch.ClaimRef{f.Evidence[0].ClaimRef}, Total: ev}
		res.Conflicts = append(res.Conflicts, flowwatch.Conflict{ID: f.Conflicts[0], Reason: "disagreement", Details: []string{"NIS and GUR differ"}, A: side, B: side})
	}
	snap := &recSnapshot{res: res, conflicts: map[string]*flowwatch.Conflict{}}
	for i := range res.Conflicts {
		snap.conflicts[res.Conflicts[i].ID] = &res.Conflicts[i]
	}
	return snap
}

// TestFactPageBounded: a facts page stops near factPageBytes whatever the
// limit and evidence asked, says has_more, and paging on from
// offset+len(items) serves every fact once.
func TestFactPageBounded(t *testing.T) {
	tests := []struct {
		name           string
		facts, ev      int
		limit, nev     int
		wantShortPages bool
	}{
		{"small facts fill the limit", 300, 2, 100, 20, false},
		{"the largest request on a large store", 400, 200, 1000, 500, true},
		{"a fact larger than the bound is still served, alone", 2, 40000, 10, 500, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := bigSnapshot(tt.facts, tt.ev)
			seen := map[string]bool{}
			short := false
			for offset := 0; ; {
				pg := snap.factPage(&reconcile.FactFilter{}, tt.limit, offset, tt.nev)
				if pg.Total != tt.facts {
					t.Fatalf("total %d, want %d", pg.Total, tt.facts)
				}
				if len(pg.Items) == 0 {
					t.Fatalf("offset %d: an empty page", offset)
				}
				body, err := json.Marshal(pg)
				if err != nil {
					t.Fatal(err)
				}
				if len(pg.Items) > 1 && len(body) > factPageBytes*3/2 {
					t.Errorf("offset %d: %d facts in %d bytes, over the bound of %d", offset, len(pg.Items), len(body), factPageBytes)
				}
				if len(pg.Items) < tt.limit && pg.HasMore {
					short = true
				}
				for _, f := range pg.Items {
					if seen[f.ID] {
						t.Fatalf("fact %s served twice", f.ID)
					}
					seen[f.ID] = true
				}
				offset += len(pg.Items)
				if !pg.HasMore {
					break
				}
			}
			if len(seen) != tt.facts {
				t.Errorf("paging served %d facts of %d", len(seen), tt.facts)
			}
			if short != tt.wantShortPages {
				t.Errorf("pages cut short by size: %v, want %v", short, tt.wantShortPages)
			}
		})
	}
}
