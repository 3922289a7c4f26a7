package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/postgres"
)

// Opening the store analyses a table that changed much, and that resets
// PostgreSQL's count of changed rows, so the next open does not analyse
// it again. (ANALYZE with a column list never reset it: every command
// re-analysed article_versions, and with autovacuum off the planner kept
// stale statistics anyway.)
func TestAnalyzeResetsChangeCount(t *testing.T) {
	conn, base := freshDB(t)
	ctx := context.Background()
	dsn, schema := freshSchemaName(t, conn, base)
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for b := 0; b < 6; b++ {
		var batch []flowwatch.ArticleClaims
		for i := 0; i < 250; i++ {
			text := fmt.Sprintf("Article %d of batch %d says about %d workers arrived.", i, b, 100+i)
			batch = append(batch, flowwatch.ArticleClaims{Article: &flowwatch.Article{Name: fmt.Sprintf("a-%d-%d", b, i), Text: text}})
		}
		if _, err := st.SaveArticles(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	stats := func() (mod, analyses int64) {
		t.Helper()
		err := conn.QueryRow(ctx, `SELECT n_mod_since_analyze, analyze_count FROM pg_stat_user_tables
			WHERE schemaname = $1 AND relname = 'article_versions'`, schema).Scan(&mod, &analyses)
		if err != nil {
			t.Fatal(err)
		}
		return mod, analyses
	}
	// The writers' statistics reach the shared counters when their
	// connections end; wait for them.
	deadline := time.Now().Add(10 * time.Second)
	for mod, _ := stats(); mod < 1500; mod, _ = stats() {
		if time.Now().After(deadline) {
			t.Fatalf("n_mod_since_analyze = %d after 1,500 inserts", mod)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_, before := stats()
	for i := 0; i < 2; i++ {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	mod, after := stats()
	if after != before+1 || mod != 0 {
		t.Fatalf("two opens: %d analyses (want 1), n_mod_since_analyze %d (want 0)", after-before, mod)
	}
}
