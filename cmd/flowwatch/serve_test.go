package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/samples"
	"github.com/flowwatch/flowwatch/sqlite"
)

// serveBuffer is stderr shared by a running command and the test.
type serveBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *serveBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *serveBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `flowwatch serve ARGS` in-process until the test ends and
// returns its base URL and stderr.
func startServe(t *testing.T, args ...string) (string, *serveBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out serveBuffer
	errb := &serveBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, append([]string{"serve"}, args...)) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	})
	re := regexp.MustCompile(`dashboard at (http://[^/]+)/`)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(errb.String()); m != nil {
			return m[1], errb
		}
		select {
		case code := <-done:
			done <- code
			t.Fatalf("serve exited %d before listening: %s", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start: %s", errb.String())
	return "", nil
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// The README's first command: the demo loads the bundled samples and
// serves them; running it again adds nothing.
func TestServeSamplesIdempotent(t *testing.T) {
	names, _ := fs.Glob(samples.FS, "*.txt")
	if len(names) == 0 {
		t.Fatal("no bundled samples")
	}
	db := filepath.Join(t.TempDir(), "flowwatch.db")
	var first, second flowwatch.Stats
	t.Run("first", func(t *testing.T) {
		url, errb := startServe(t, "--samples", "--db", db, "--addr", "127.0.0.1:0")
		if !strings.Contains(errb.String(), "new, 0 updated, 0 unchanged, 0 failed") {
			t.Errorf("first load: %s", errb.String())
		}
		getJSON(t, url+"/api/stats", &first)
	})
	t.Run("second", func(t *testing.T) {
		url, errb := startServe(t, "--samples", "--db", db, "--addr", "127.0.0.1:0")
		if !strings.Contains(errb.String(), " 0 new, 0 updated, ") {
			t.Errorf("second load changed the database: %s", errb.String())
		}
		getJSON(t, url+"/api/stats", &second)
	})
	if first.Articles != len(names) || second.Articles != first.Articles || second.Claims != first.Claims {
		t.Errorf("articles %d then %d, claims %d then %d; want %d articles both times", first.Articles, second.Articles, first.Claims, second.Claims, len(names))
	}
}

func TestServeFactsFromReconcile(t *testing.T) {
	url, _ := startServe(t, "--samples", "--db", filepath.Join(t.TempDir(), "f.db"), "--addr", "127.0.0.1:0")
	var facts struct {
		Items      []flowwatch.Fact
		Conflicts  []flowwatch.Conflict
		Reconciled bool
	}
	getJSON(t, url+"/api/facts", &facts)
	if !facts.Reconciled || len(facts.Items) == 0 {
		t.Fatalf("no reconciled facts from the samples")
	}
	var est struct{ Items []flowwatch.Estimate }
	getJSON(t, url+"/api/estimates", &est)
	if len(est.Items) == 0 {
		t.Errorf("no estimate series")
	}
	var ents struct{ Items []flowwatch.Entity }
	getJSON(t, url+"/api/entities", &ents)
	if len(ents.Items) == 0 {
		t.Errorf("no entities")
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	_, errb := startServe(t, "--db", filepath.Join(t.TempDir(), "w.db"), "--addr", "0.0.0.0:0")
	if !strings.Contains(errb.String(), "WARNING: listening on 0.0.0.0:0") || !strings.Contains(errb.String(), "reachable from other machines") {
		t.Errorf("no warning when bound beyond loopback: %s", errb.String())
	}
	_, errb = startServe(t, "--db", filepath.Join(t.TempDir(), "l.db"), "--addr", "127.0.0.1:0")
	if strings.Contains(errb.String(), "WARNING") {
		t.Errorf("warning on loopback: %s", errb.String())
	}
}

func TestServeBadFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "extra"}, "serve takes no arguments"},
		{[]string{"serve", "--addr", "127.0.0.1:99999", "--db", filepath.Join(t.TempDir(), "x.db")}, "cannot listen on 127.0.0.1:99999"},
	} {
		_, stderr, code := runInProcessServe(t, tt.args...)
		if code == 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure mentioning %q", tt.args, code, stderr, tt.want)
		}
	}
}

func runInProcessServe(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb serveBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

func TestTokenCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	stdout, stderr, code := runInProcessServe(t, "token", "create", "--db", db, "ci-bot")
	tok := strings.TrimSpace(stdout)
	if code != 0 || !strings.HasPrefix(tok, "fwt_") || !strings.Contains(stderr, "shown once") {
		t.Fatalf("token create: %d %q %q", code, stdout, stderr)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	found, err := st.TokenByHash(context.Background(), fwhttp.HashToken(tok))
	st.Close()
	if err != nil || found == nil || found.Name != "ci-bot" {
		t.Fatalf("created token not found by its hash: %v", err)
	}
	stdout, _, code = runInProcessServe(t, "token", "list", "--db", db)
	if code != 0 || !strings.Contains(stdout, "ci-bot") || strings.Contains(stdout, tok) {
		t.Errorf("token list must name tokens without the secret: %q", stdout)
	}
	for _, bad := range [][]string{{"token", "create", "--db", db}, {"token", "delete", "--db", db, "x"}, {"token", "rotate", "--db", db}} {
		if _, stderr, code := runInProcessServe(t, bad...); code == 0 || !strings.Contains(stderr, "token") {
			t.Errorf("%v: exit %d %q", bad, code, stderr)
		}
	}
	_, _, code = runInProcessServe(t, "token", "delete", "--db", db, "1")
	st, _ = sqlite.Open(context.Background(), db)
	defer st.Close()
	if ts, _ := st.Tokens(context.Background()); code != 0 || len(ts) != 0 {
		t.Errorf("token delete: exit %d, %d tokens left", code, len(ts))
	}
}

func TestExportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	text := "We wrote that 1,500 soldiers were sent. We also wrote that 200 workers are present."
	a := &flowwatch.Article{Name: "ours", URL: "https://example.org/ours", Title: "Ours", Outlet: "Our Outlet", Published: flowwatch.NewDate(2025, 2, 1), Text: text}
	mk := func(group, event string, v float64, quote string) flowwatch.Claim {
		i := strings.Index(text, quote)
		return flowwatch.Claim{Article: "ours", Kind: "people", Group: group, Event: event, Low: flowwatch.F(v), High: flowwatch.F(v),
			Qualifier: "exact", Unit: "people", Quote: quote, Start: i, End: i + len(quote)}
	}
	if _, err := st.SaveArticle(context.Background(), a, []flowwatch.Claim{
		mk("soldiers", "sent", 1500, "We wrote that 1,500 soldiers were sent."),
		mk("workers", "present", 200, "We also wrote that 200 workers are present."),
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tt := range []struct {
		args []string
		rows int
	}{
		{[]string{"--format", "csv"}, 3},
		{[]string{"--format", "csv", "--group", "soldiers"}, 2},
		{[]string{"--format", "acled", "--min", "1000"}, 2},
		{[]string{"--format", "jsonl"}, 2},
		{[]string{"--format", "jsonl", "--text", "ALSO wrote"}, 1},
		{[]string{"--format", "ftm", "--event", "present"}, -1},
	} {
		stdout, stderr, code := runInProcessServe(t, append([]string{"export", "--db", db}, tt.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr)
		}
		switch tt.args[1] {
		case "csv", "acled":
			recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
			if err != nil || len(recs) != tt.rows {
				t.Errorf("%v: %d rows (%v), want %d:\n%s", tt.args, len(recs), err, tt.rows, stdout)
			}
		case "jsonl":
			if n := strings.Count(stdout, "\n"); n != tt.rows {
				t.Errorf("%v: %d lines", tt.args, n)
			}
		case "ftm":
			if !strings.Contains(stdout, `"name":["200 workers present"]`) || strings.Contains(stdout, "1500 soldiers sent") {
				t.Errorf("%v: want the present claim's Event only:\n%s", tt.args, stdout)
			}
		}
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xlsx"}, `unknown export format "xlsx"`},
		{[]string{"--kind", "ships"}, `kind "ships" is not one of people, money, share`},
		{[]string{"--since", "May"}, `since "May" is not a date`},
		{[]string{"stray"}, "export takes no arguments"},
	} {
		_, stderr, code := runInProcessServe(t, append([]string{"export", "--db", db}, bad.args...)...)
		if code == 0 || !strings.Contains(stderr, bad.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", bad.args, code, stderr, bad.want)
		}
	}
}
