package http_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/jackc/pgx/v5"
)

// openPostgres returns an opener of fresh PostgreSQL stores, each in its
// own schema (dropped when its test ends) so parallel runs never share
// rows, or nil when FLOWWATCH_TEST_POSTGRES is unset.
func openPostgres(t *testing.T) func(t *testing.T) flowwatch.Store {
	base := os.Getenv("FLOWWATCH_TEST_POSTGRES")
	if base == "" {
		t.Log("FLOWWATCH_TEST_POSTGRES is unset: API tests run on SQLite only, PostgreSQL skipped")
		return nil
	}
	return func(t *testing.T) flowwatch.Store {
		t.Helper()
		ctx := context.Background()
		admin, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Fatalf("connect to FLOWWATCH_TEST_POSTGRES: %v", err)
		}
		b := make([]byte, 6)
		rand.Read(b)
		schema := "http_test_" + hex.EncodeToString(b)
		if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		s, err := postgres.Open(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			s.Close()
			if _, err := admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
				t.Errorf("drop schema %s: %v", schema, err)
			}
			admin.Close(ctx)
		})
		return s
	}
}
