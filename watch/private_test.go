package watch_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/sqlite"
	"github.com/flowwatch/flowwatch/watch"
)

// A feed whose items point at other services on the watcher's own
// machine must not make the watcher read them. The feed server itself is
// allowed by address (as an operator would allow one intranet feed), and
// so is a server that redirects; the loopback ports the items and the
// redirect name are not.
func TestFeedItemsToLoopbackRefused(t *testing.T) {
	var hits atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "<html><body><p>internal admin page: 5,000 North Korean workers.</p></body></html>")
	}))
	defer internal.Close()
	bounce := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
	}))
	defer bounce.Close()
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>`+
			`<item><title>A</title><link>%s/admin</link><guid>a</guid><description>Teaser.</description></item>`+
			`<item><title>B</title><link>http://localhost:%s/x</link><guid>b</guid><description>Teaser.</description></item>`+
			`<item><title>C</title><link>%s/hop</link><guid>c</guid><description>Teaser.</description></item>`+
			`</channel></rss>`, internal.URL, internal.URL[strings.LastIndexByte(internal.URL, ':')+1:], bounce.URL)
	}))
	defer feedSrv.Close()

	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	logs := &syncBuf{}
	w := &watch.Watcher{
		Pipeline: &ingest.Pipeline{Store: st, Extractor: extract.New(domain.Default()), Workers: 2,
			Fetcher: &fetch.Client{Timeout: 2 * time.Second, Allow: []string{host(feedSrv), host(bounce)}}},
		Log: slog.New(slog.NewTextHandler(logs, nil)),
	}
	pr, err := w.Poll(context.Background(), feedSrv.URL+"/feed.xml")
	if err != nil {
		t.Fatalf("poll: %v", err)
	}
	if pr.Items != 3 || pr.Failed != 3 || pr.New != 0 {
		t.Fatalf("poll = %+v, want 3 items, all failed", pr)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the internal server was read %d times", n)
	}
	if n := articleCount(t, st); n != 0 {
		t.Fatalf("%d articles stored, want 0", n)
	}
	if got := strings.Count(logs.String(), "address is private"); got != 3 {
		t.Fatalf("%d refusals logged, want 3:\n%s", got, logs)
	}

	if !strings.Contains(logs.String(), "dial tcp "+host(internal)) {
		t.Fatalf("the redirect through the allowed server was not refused at the internal one:\n%s", logs)
	}
	// By default even the feed is refused.
	w2 := &watch.Watcher{Pipeline: &ingest.Pipeline{Store: st, Extractor: extract.New(domain.Default()),
		Fetcher: &fetch.Client{Timeout: 2 * time.Second}}}
	if _, err := w2.Poll(context.Background(), feedSrv.URL+"/other.xml"); !errors.Is(err, fetch.ErrPrivate) {
		t.Fatalf("default fetcher: err = %v, want ErrPrivate", err)
	}
}

func host(s *httptest.Server) string { return strings.TrimPrefix(s.URL, "http://") }
