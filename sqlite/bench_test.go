package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/sqlite"
)

// BenchmarkStore fills bench/out/sqlite-N.db once (N from
// $FLOWWATCH_BENCH_ARTICLES, default 100,000) and times queries on it.
func BenchmarkStore(b *testing.B) {
	path := filepath.Join(storetest.BenchDir(b), fmt.Sprintf("sqlite-%d.db", storetest.BenchSize()))
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchStore(b, s)
}

func BenchmarkSaveArticle(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "save.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchSave(b, s)
}
