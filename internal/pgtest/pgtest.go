// Package pgtest gives tests a PostgreSQL store of their own on the server
// that FLOWWATCH_TEST_POSTGRES names (.ci/run sets it to the machine's
// PostgreSQL), so that packages testing against the real database share
// one way of getting an empty one.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/flowwatch/flowwatch/postgres"
	"github.com/jackc/pgx/v5"
)

// Env is the variable naming the test database.
const Env = "FLOWWATCH_TEST_POSTGRES"

// URL is the test database's URL, "" when Env is unset.
func URL() string { return os.Getenv(Env) }

// Store opens a store in a new schema of the test database (a schema is
// much quicker to make than a database, so every test gets its own and
// parallel runs never share rows); the schema is dropped when t ends.
// The caller checks URL first: without it Store fails t.
func Store(t testing.TB, prefix string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), SchemaURL(t, prefix))
	if err != nil {
		t.Fatal(err)
	}
	// Registered after the schema's cleanup, so it runs before it.
	t.Cleanup(func() { s.Close() })
	return s
}

// SchemaURL makes a new schema as Store does and returns the URL that
// selects it, for tests that hand a database to a flowwatch process.
func SchemaURL(t testing.TB, prefix string) string {
	t.Helper()
	ctx := context.Background()
	base := URL()
	if base == "" {
		t.Fatalf("%s is unset", Env)
	}
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", Env, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := prefix + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close(ctx)
		t.Fatalf("create schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
