package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://alice:s3cret@db.example:5432/fw", "postgres://alice:xxxxx@db.example:5432/fw"},
		{"db=POSTGRESQL://alice:s3cret@db/fw?sslmode=disable ok", "db=POSTGRESQL://alice:xxxxx@db/fw?sslmode=disable ok"},
		{`connect "postgres://:s3cret@h/x"`, `connect "postgres://:xxxxx@h/x"`},
		{"postgres://alice@db/fw", "postgres://alice@db/fw"},
		{"host=db user=alice password=s3cret dbname=fw", "host=db user=alice password=xxxxx dbname=fw"},
		{"password = 's3 cret' x", "password = xxxxx x"},
		{"postgres://db/fw?user=alice&password=s3cret&sslmode=require", "postgres://db/fw?user=alice&password=xxxxx&sslmode=require"},
		{"./flowwatch.db", "./flowwatch.db"},
		{"https://news.example.org/a?b=c", "https://news.example.org/a?b=c"},
	}
	for _, tt := range tests {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// No command prints the database password: not in an error about the
// URL, not when the server cannot be reached, and not in the banners of
// serve and watch (which need a real PostgreSQL, the one tests use).
func TestNoPasswordInOutput(t *testing.T) {
	const secret = "Hunter2SecretPw"
	runs := [][]string{
		{"ingest", "--db", "postgres://alice:" + secret + "@127.0.0.1:1/none?connect_timeout=2", "-"},
		{"stats", "--db", "postgres://alice:" + secret + "@127.0.0.1:1/none?connect_timeout=2"},
		{"stats", "--db", "postgres://alice:" + secret + "@[::1/bad"},
		{"stats", "--db", "postgres://alice:" + secret + "@127.0.0.1:1/none?connect_timeout=2&password=" + secret},
	}
	for _, args := range runs {
		stdout, stderr, code := runInProcess(t, args...)
		if code == 0 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q: want a failure", args[:1], code, stderr)
		}
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("%v printed the password:\n%s%s", args[:1], stdout, stderr)
		}
	}

	pg := os.Getenv("FLOWWATCH_TEST_POSTGRES")
	if pg == "" {
		t.Skip("FLOWWATCH_TEST_POSTGRES not set: banners not checked")
	}
	dsn := withPassword(t, freshPostgres(t), secret) // trust auth ignores it
	_, errb := startServe(t, "--db", dsn, "--addr", "127.0.0.1:0")
	if !strings.Contains(errb.String(), "dashboard at") || strings.Contains(errb.String(), secret) {
		t.Fatalf("serve banner:\n%s", errb.String())
	}
	feeds := filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(feeds, []byte("http://127.0.0.1:1/feed.xml\n"), 0o644)
	_, stderr, _ := runInProcess(t, "watch", "--once", "-v", "--db", dsn, "--feeds", feeds)
	if !strings.Contains(stderr, "feed poll failed") || strings.Contains(stderr, secret) {
		t.Fatalf("watch output:\n%s", stderr)
	}
}

// withPassword puts a password into a postgres:// URL.
func withPassword(t *testing.T, dsn, pw string) string {
	t.Helper()
	i := strings.Index(dsn, "://") + 3
	at := strings.IndexByte(dsn[i:], '@')
	if at < 0 {
		return dsn[:i] + "postgres:" + pw + "@" + dsn[i:]
	}
	user := dsn[i : i+at]
	if j := strings.IndexByte(user, ':'); j >= 0 {
		user = user[:j]
	}
	return dsn[:i] + user + ":" + pw + dsn[i+at:]
}
