package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/warc/warctest"
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

func TestEscapeLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"news/a.html", "news/a.html"},
		{"a\nflowwatch ingest: 0 articles", `a\nflowwatch ingest: 0 articles`},
		{"x\x1b[31mred\r", `x\x1b[31mred\r`},
		{"\u202edias SIN eht\u202c.html", `\u202edias SIN eht\u202c.html`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"Сеул 서울 \ufffd", "Сеул 서울 \ufffd"},
	}
	for _, tt := range tests {
		if got := escapeLine(tt.in); got != tt.want {
			t.Errorf("escapeLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A file name and a WARC target URI carrying a newline, a terminal escape
// and a bidi override each stay inside their one error line.
func TestIngestErrorLinesEscaped(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "fake\nflowwatch ingest: 0 articles: all fine\u202e.html")
	if err := os.WriteFile(name, []byte("  "), 0o644); err != nil {
		t.Fatal(err)
	}
	warc := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/\x1b[2J\u202eevil\r\nContent-Type: application/http\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n"
	b := &warctest.Builder{}
	b.Response("https://news.example.org/ok", 200, "text/html", []byte("<html><body><p>About 1,000 North Korean workers arrived in Vladivostok, an official said.</p></body></html>"))
	if err := os.WriteFile(filepath.Join(dir, "a.warc"), append(b.Bytes(), warc...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runInProcess(t, "ingest", "-q", "--db", filepath.Join(t.TempDir(), "e.db"), dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != 3 || !strings.Contains(lines[2], "1 new") || strings.ContainsAny(stderr, "\x1b\u202e") {
		t.Fatalf("want 2 error lines and the summary, got %d lines:\n%q", len(lines), stderr)
	}
	for _, want := range []string{`fake\nflowwatch ingest`, `\u202e.html`, `\x1b[2J\u202eevil`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
