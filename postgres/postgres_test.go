package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/jackc/pgx/v5"
)

func randomName(prefix string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// freshDB creates a database with a random name on the server of
// FLOWWATCH_TEST_POSTGRES and drops it when t ends, so that parallel runs
// never share state. It returns a connection to it and its URL.
func freshDB(t testing.TB) (*pgx.Conn, *url.URL) {
	t.Helper()
	base := os.Getenv("FLOWWATCH_TEST_POSTGRES")
	if base == "" {
		t.Skip("FLOWWATCH_TEST_POSTGRES is unset: skipping PostgreSQL tests (set it to a postgres:// URL of a server where tests may create databases)")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to FLOWWATCH_TEST_POSTGRES: %v", err)
	}
	name := randomName("flowwatch_test_")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		admin.Close(ctx)
	})
	return conn, u
}

// freshSchema makes an empty schema in the test database and returns a
// URL whose connections use it; a schema is much quicker to make than a
// database, so each subtest gets its own.
func freshSchema(t testing.TB, conn *pgx.Conn, base *url.URL) string {
	dsn, _ := freshSchemaName(t, conn, base)
	return dsn
}

func freshSchemaName(t testing.TB, conn *pgx.Conn, base *url.URL) (dsn, name string) {
	t.Helper()
	name = randomName("s_")
	if _, err := conn.Exec(context.Background(), "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	u := *base
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), name
}

func TestStore(t *testing.T) {
	conn, base := freshDB(t)
	storetest.Run(t, func(t *testing.T) flowwatch.Store {
		s, err := postgres.Open(context.Background(), freshSchema(t, conn, base))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// TestTwoProcesses opens several stores on one empty database at once, as
// machines starting together would: the migrations must run once, and
// their overlapping saves must not duplicate anything.
func TestTwoProcesses(t *testing.T) {
	conn, base := freshDB(t)
	dsn, schema := freshSchemaName(t, conn, base)
	stores := make([]flowwatch.Store, 3)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), dsn)
			stores[i], errs[i] = s, err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		t.Cleanup(func() { stores[i].Close() })
	}
	var applied, files int
	if err := conn.QueryRow(context.Background(), "SELECT COUNT(*) FROM "+schema+".schema_migrations").Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob("migrations/*.sql"); len(m) != applied {
		files = len(m)
		t.Fatalf("%d migrations recorded, want %d", applied, files)
	}
	storetest.Concurrent(t, stores...)
}

func TestOpenErrors(t *testing.T) {
	conn, base := freshDB(t)
	_ = conn
	u := *base
	u.Host = "127.0.0.1:1" // nothing listens there
	_, err := postgres.Open(context.Background(), u.String())
	if code := flowwatch.ErrorCode(err); code != flowwatch.EUNAVAILABLE {
		t.Fatalf("Open(no server) = %v (code %q), want unavailable", err, code)
	}
	if _, err := postgres.Open(context.Background(), "postgres://%zz"); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Fatalf("Open(bad URL) = %v, want invalid", err)
	}
}

// TestLostConnection kills the server side of every connection while
// large saves run: each save either completes or fails with an error that
// says the connection was lost, and nothing is half-written.
func TestLostConnection(t *testing.T) {
	conn, base := freshDB(t)
	ctx := context.Background()
	s, err := postgres.Open(ctx, freshSchema(t, conn, base))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var claims []flowwatch.Claim
	text := ""
	for i := range 1000 {
		q := fmt.Sprintf("Claim number %d here.", i)
		claims = append(claims, flowwatch.Claim{Kind: "people", Low: flowwatch.F(float64(i)), Quote: q, Start: len(text), End: len(text) + len(q)})
		text += q + " "
	}
	kill := func() {
		if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
			t.Fatal(err)
		}
	}
	saved, lost := 0, 0
	for i := range 12 {
		a := &flowwatch.Article{Name: fmt.Sprintf("lost%d", i), Text: fmt.Sprintf("%sVersion %d.", text, i)}
		done := make(chan error, 1)
		go func() { _, err := s.SaveArticle(ctx, a, slices.Clone(claims)); done <- err }()
		time.Sleep(time.Duration(i) * 3 * time.Millisecond)
		kill()
		if err := <-done; err != nil {
			if code := flowwatch.ErrorCode(err); code != flowwatch.EUNAVAILABLE {
				t.Fatalf("save %d cut off: %v (code %q), want unavailable", i, err, code)
			}
			lost++
		} else {
			saved++
		}
	}
	// The pool replaces dead connections: the store works again.
	st, err := s.Stats(ctx)
	for tries := 0; err != nil && tries < 3; tries++ {
		st, err = s.Stats(ctx)
	}
	if err != nil {
		t.Fatal(err)
	}
	if st.ArticleVersions != saved || st.Claims != saved*len(claims) {
		t.Fatalf("%d saves completed and %d lost; store holds %d versions %d claims", saved, lost, st.ArticleVersions, st.Claims)
	}
	t.Logf("%d saves completed, %d lost their connection, none half-written", saved, lost)
}
