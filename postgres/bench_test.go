package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/jackc/pgx/v5"
)

// benchDB returns the URL of database flowwatch_bench_N on the server of
// FLOWWATCH_TEST_POSTGRES, creating it if needed. It is kept between runs
// because filling it takes minutes; bench/store.sh -clean drops it.
func benchDB(b *testing.B) string {
	base := os.Getenv("FLOWWATCH_TEST_POSTGRES")
	if base == "" {
		b.Skip("FLOWWATCH_TEST_POSTGRES is unset: skipping PostgreSQL benchmarks")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("flowwatch_bench_%d", storetest.BenchSize())
	var exists bool
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		b.Fatal(err)
	}
	if !exists {
		if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
			b.Fatal(err)
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		b.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func BenchmarkStore(b *testing.B) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchStore(b, s)
}

func BenchmarkSaveArticle(b *testing.B) {
	conn, base := freshDB(b)
	s, err := postgres.Open(context.Background(), freshSchema(b, conn, base))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchSave(b, s)
}
