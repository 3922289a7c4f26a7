package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestWatchBinary runs `flowwatch watch` against a feed server on
// 127.0.0.1 with one good feed (new items, then 304s) and three broken
// ones (a 500, a hanging response, malformed XML), then stops it with
// SIGTERM: it must have ingested the good items, logged the rest, kept
// polling, and exit 0.
func TestWatchBinary(t *testing.T) {
	var (
		mu    sync.Mutex
		hits  = map[string]int{}
		stop  = make(chan struct{})
		items = 2
	)
	hit := func(key string) {
		mu.Lock()
		hits[key]++
		mu.Unlock()
	}
	count := func(key string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[key]
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := items
		mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, n)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			hit("304")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		hit("good")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
		for i := 1; i <= n; i++ {
			// The item carries the whole article, so no page is fetched.
			fmt.Fprintf(w, `<item><title>Report %[1]d</title><link>http://%[2]s/r/%[1]d</link><guid>r%[1]d</guid><pubDate>Mon, 0%[1]d Jun 2025 08:00:00 GMT</pubDate>`+
				`<description><![CDATA[<p>About %[1]d,500 North Korean workers arrived in Vladivostok in May, a regional labour official said on Monday.</p>`+
				`<p>The official said the workers were hired by construction firms building apartment blocks in the city and its suburbs, and that more were expected before the end of the summer season. Report number %[1]d of the test feed repeats no sentence of the others.</p>`+
				`<p>Officials in Moscow did not respond to requests for comment on the arrangement, which the authors of this test invented for it.</p>]]></description></item>`, i, r.Host)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/500.xml", func(w http.ResponseWriter, r *http.Request) { hit("500"); http.Error(w, "down", 500) })
	mux.HandleFunc("/hang.xml", func(w http.ResponseWriter, r *http.Request) {
		hit("hang")
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	})
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		hit("bad")
		fmt.Fprint(w, `<rss><channel><item><title>cut off`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(stop)

	tmp := t.TempDir()
	feeds := filepath.Join(tmp, "feeds.txt")
	os.WriteFile(feeds, []byte(fmt.Sprintf("# test feeds\n%[1]s/good.xml\n%[1]s/500.xml\n%[1]s/hang.xml\n%[1]s/bad.xml\nftp://nope.example.org/feed\n", srv.URL)), 0o644)
	db := filepath.Join(tmp, "w.db")
	cmd := exec.Command(testBinary(t), "watch", "--allow-private", "--db", db, "--feeds", feeds, "--every", "1s", "--max-backoff", "2s", "--timeout", "500ms")
	cmd.Dir = tmp
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	added := false
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if !added && count("304") >= 1 {
			mu.Lock()
			items = 3
			mu.Unlock()
			added = true
		}
		if added && count("good") >= 2 && count("304") >= 2 && count("500") >= 2 && count("hang") >= 2 && count("bad") >= 2 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("watch exited with %v after SIGTERM; log:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("watch did not stop within 10s of SIGTERM; log:\n%s", stderr.String())
	}
	log := stderr.String()
	if !added || count("good") < 2 || count("304") < 2 || count("500") < 2 || count("hang") < 2 || count("bad") < 2 {
		t.Fatalf("not every feed was polled twice: %v; log:\n%s", hits, log)
	}
	for _, want := range []string{"ftp://nope.example.org/feed", "HTTP 500", "timed out", "malformed feed", "feed not modified", "stopped cleanly"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	out, errOut, code := runBinary(t, tmp, nil, "articles", "--db", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("articles: %s", errOut)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) != 4 { // header and three reports
		t.Fatalf("stored articles:\n%s\nwant three; log:\n%s", out, log)
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(out, fmt.Sprintf("%s/r/%d", srv.URL, i)) {
			t.Errorf("report %d not stored:\n%s", i, out)
		}
	}
}
