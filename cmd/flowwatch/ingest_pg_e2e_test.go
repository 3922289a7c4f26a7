package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/flowwatch/flowwatch/postgres"
)

// freshPostgres creates a database with a random name on the server of
// FLOWWATCH_TEST_POSTGRES, dropped when t ends, and returns its URL.
func freshPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv("FLOWWATCH_TEST_POSTGRES")
	if base == "" {
		t.Skip("FLOWWATCH_TEST_POSTGRES is unset: skipping the PostgreSQL ingest test")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to FLOWWATCH_TEST_POSTGRES: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "flowwatch_ingest_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close(ctx)
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		admin.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestIngestTwoProcessesPostgres is issue 3's team test: two ingest
// processes with overlapping inputs write into one PostgreSQL at the same
// time, and no article or claim is stored twice.
func TestIngestTwoProcessesPostgres(t *testing.T) {
	dsn := freshPostgres(t)
	tmp := t.TempDir()
	// Worker A reads articles 0-1499, worker B 0-999 and 1500-1999: both
	// start on the shared thousand, in the same order, so they race on
	// each of those articles.
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	writeCorpus(t, a, 0, 1500)
	writeCorpus(t, b, 0, 1000)
	writeCorpus(t, b, 1500, 2000)
	bin := testBinary(t)
	var cmds []*exec.Cmd
	var errs []*bytes.Buffer
	for _, dir := range []string{a, b} {
		cmd := exec.Command(bin, "ingest", "--db", dsn, dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
		errs = append(errs, &stderr)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", i, err, errs[i])
		}
		t.Logf("worker %d: %s", i, bytes.TrimSpace(errs[i].Bytes()))
	}
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got := inspectStore(t, st, true) // each article's claims equal one extraction of it
	if got.Articles != 2000 || got.Versions != 2000 {
		t.Fatalf("%d articles, %d versions; want 2000 of each", got.Articles, got.Versions)
	}
	sum := 0
	for _, n := range got.ClaimsByURL {
		sum += n
	}
	if got.Claims != sum {
		t.Fatalf("%d claims in all, %d attached to stored articles", got.Claims, sum)
	}
}
