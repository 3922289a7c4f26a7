package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/snippet"
)

// TestSearchAsTerm checks that a word no longer term starts with is
// searched as a term, and that the hits and their ranks are those of the
// prefix query it stands for.
func TestSearchAsTerm(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "search.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, text := range []string{
		"Soldiers were sent to Kursk; the soldiers stayed.",
		"A soldier was seen near the border.",
		"Workers in Vladivostok build flats.",
		"Über die Grenze: soldiers again, and soldiery.",
	} {
		a := &flowwatch.Article{Name: "a", URL: "https://s.example/" + string(rune('a'+i)), Title: "t", Text: text}
		if _, err := s.SaveArticle(ctx, a, nil); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		word   string
		longer bool
	}{
		{"soldier", true}, // soldiers, soldiery
		{"soldiers", false},
		{"soldiery", false},
		{"kursk", false},
		{"k", true},
		{"über", true}, // not plain ASCII: always searched as a prefix
		{"nothing", false},
	}
	for _, tt := range tests {
		if got := s.prefixOfLonger(ctx, tt.word); got != tt.longer {
			t.Errorf("prefixOfLonger(%q) = %v, want %v", tt.word, got, tt.longer)
		}
	}
	for _, q := range []string{"soldiers", "soldier", "soldiers border", "workers vladivostok", "k"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		// The same query with every word as a prefix, as Search wrote it before.
		var match string
		for _, w := range snippet.Words(q) {
			match += `"` + w + `"* `
		}
		rows, err := s.r.QueryContext(ctx, `SELECT rowid, bm25(article_fts, 2.0, 1.0) FROM article_fts WHERE article_fts MATCH ? ORDER BY 2, 1 DESC`, match)
		if err != nil {
			t.Fatal(err)
		}
		var want []float64
		var wantIDs []int64
		for rows.Next() {
			var id int64
			var score float64
			rows.Scan(&id, &score)
			wantIDs, want = append(wantIDs, id), append(want, -score)
		}
		rows.Close()
		if len(hits) != len(want) {
			t.Fatalf("Search(%q) = %d hits, prefix query %d", q, len(hits), len(want))
		}
		for i, h := range hits {
			if h.Article.ID != wantIDs[i] || h.Rank != want[i] {
				t.Errorf("Search(%q) hit %d = %d rank %v, prefix query %d rank %v", q, i, h.Article.ID, h.Rank, wantIDs[i], want[i])
			}
		}
	}
}
