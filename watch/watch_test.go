package watch_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/sqlite"
	"github.com/flowwatch/flowwatch/watch"
)

// feedServer serves one good feed that grows, and feeds that fail in
// each way a real one does: a 500, a response that never comes, and XML
// that is not a feed.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	items    int
	requests map[string]int
	status   map[string][]int
	stop     chan struct{}
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{items: 2, requests: map[string]int{}, status: map[string][]int{}, stop: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		n := fs.items
		fs.mu.Unlock()
		etag := fmt.Sprintf(`"items-%d"`, n)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			fs.record(r, 304)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fs.record(r, 200)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(w, `<item><title>Story %d</title><link>http://%s/story/%d</link><guid>story-%d</guid><description>Teaser %d.</description></item>`, i, r.Host, i, i, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		fs.record(r, 200)
		id := strings.TrimPrefix(r.URL.Path, "/story/")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Story %[1]s</title></head><body><article><h1>Story %[1]s</h1>
<p>North Korea has sent about %[1]s,000 workers to Russia this year, a regional official said on Monday.</p>
<p>The workers are employed on building sites in the Far East, according to the report number %[1]s.</p></article></body></html>`, id)
	})
	mux.HandleFunc("/500.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.record(r, 500)
		http.Error(w, "upstream broke", http.StatusInternalServerError)
	})
	mux.HandleFunc("/hang.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.record(r, 0)
		select {
		case <-r.Context().Done():
		case <-fs.stop:
		}
	})
	mux.HandleFunc("/bad.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.record(r, 200)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>oops</channel>`)
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(func() { close(fs.stop); fs.Server.Close() })
	return fs
}

func (fs *feedServer) record(r *http.Request, status int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.requests[r.URL.Path]++
	fs.status[r.URL.Path] = append(fs.status[r.URL.Path], status)
}

func (fs *feedServer) addItem() {
	fs.mu.Lock()
	fs.items++
	fs.mu.Unlock()
}

func (fs *feedServer) count(path string, status int) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	n := 0
	for _, s := range fs.status[path] {
		if s == status {
			n++
		}
	}
	return n
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newWatcher(t *testing.T, every time.Duration) (*watch.Watcher, flowwatch.Store, *syncBuf) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &syncBuf{}
	w := &watch.Watcher{
		Pipeline: &ingest.Pipeline{Store: st, Extractor: extract.New(domain.Default()), Workers: 2,
			Fetcher: &fetch.Client{Timeout: 300 * time.Millisecond, AllowPrivate: true}},
		Every: every, MaxBackoff: 4 * every,
		Log: slog.New(slog.NewTextHandler(logs, nil)),
	}
	return w, st, logs
}

func articleCount(t *testing.T, st flowwatch.Store) int {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Articles
}

func TestPoll(t *testing.T) {
	srv := newFeedServer(t)
	w, st, _ := newWatcher(t, time.Minute)
	ctx := context.Background()
	good := srv.URL + "/good.xml"

	pr, err := w.Poll(ctx, good)
	if err != nil || pr.New != 2 {
		t.Fatalf("first poll: %+v, %v; want 2 new", pr, err)
	}
	pr, err = w.Poll(ctx, good)
	if err != nil || !pr.NotModified {
		t.Fatalf("second poll: %+v, %v; want a 304", pr, err)
	}
	srv.addItem()
	pr, err = w.Poll(ctx, good)
	if err != nil || pr.New != 1 || pr.Skipped != 2 {
		t.Fatalf("after a new item: %+v, %v; want 1 new, 2 skipped", pr, err)
	}
	if got := srv.count("/story/1", 200); got != 1 {
		t.Errorf("story 1 fetched %d times, want once: seen items are not fetched again", got)
	}
	if n := articleCount(t, st); n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}

	// A restarted watch (a new Watcher on the same store) remembers what
	// the last one ingested: only the item added meanwhile is fetched.
	restarted := &watch.Watcher{Pipeline: w.Pipeline, Every: w.Every, MaxBackoff: w.MaxBackoff, Log: w.Log}
	srv.addItem()
	pr, err = restarted.Poll(ctx, good)
	if err != nil || pr.New != 1 || pr.Skipped != 3 {
		t.Fatalf("after a restart and a new item: %+v, %v; want 1 new, 3 skipped", pr, err)
	}
	if got := srv.count("/story/1", 200); got != 1 {
		t.Errorf("story 1 fetched %d times after a restart, want once", got)
	}

	for _, tc := range []struct {
		path, want string
	}{{"/500.xml", "HTTP 500"}, {"/hang.xml", "timed out"}, {"/bad.xml", "feed"}} {
		for i := 1; i <= 2; i++ {
			if _, err := w.Poll(ctx, srv.URL+tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%s: err = %v, want one mentioning %q", tc.path, err, tc.want)
			}
			fs, err := st.FeedState(ctx, srv.URL+tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if fs.Failures != i || !strings.Contains(fs.LastError, tc.want) {
				t.Fatalf("%s after %d polls: state %+v", tc.path, i, fs)
			}
		}
	}
	// Errors back off, doubling up to the cap.
	if w.Backoff(0) != time.Minute || w.Backoff(1) != 2*time.Minute || w.Backoff(2) != 4*time.Minute || w.Backoff(9) != 4*time.Minute {
		t.Errorf("backoff %v %v %v %v", w.Backoff(0), w.Backoff(1), w.Backoff(2), w.Backoff(9))
	}
	fs, _ := st.FeedState(ctx, good)
	if fs.ETag == "" || fs.Failures != 0 {
		t.Errorf("good feed state %+v: want its ETag kept and no failures", fs)
	}
}

// Run polls every feed on its own schedule: the broken ones back off and
// log, the good one keeps being polled (with 304s) and its new item is
// ingested, and cancelling stops everything cleanly.
func TestRunKeepsGoing(t *testing.T) {
	srv := newFeedServer(t)
	w, st, logs := newWatcher(t, 100*time.Millisecond)
	feeds := []string{srv.URL + "/good.xml", srv.URL + "/500.xml", srv.URL + "/hang.xml", srv.URL + "/bad.xml"}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, feeds) }()

	added := false
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if !added && srv.count("/good.xml", 304) >= 1 {
			srv.addItem()
			added = true
		}
		if added && articleCount(t, st) == 3 && srv.count("/good.xml", 304) >= 2 &&
			srv.count("/500.xml", 500) >= 2 && srv.count("/hang.xml", 0) >= 2 && srv.count("/bad.xml", 200) >= 2 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop within 10s of cancel")
	}
	if n := articleCount(t, st); n != 3 {
		t.Fatalf("%d articles, want 3; log:\n%s", n, logs.String())
	}
	if srv.count("/good.xml", 304) < 2 || srv.count("/500.xml", 500) < 2 || srv.count("/hang.xml", 0) < 2 || srv.count("/bad.xml", 200) < 2 {
		t.Fatalf("not every feed was polled again: %v", srv.status)
	}
	log := logs.String()
	for _, want := range []string{"HTTP 500", "timed out", "malformed feed", "feed not modified", "feed polled"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

func TestReadFeeds(t *testing.T) {
	in := "# news\nhttps://a.example.org/rss\n\nftp://b.example.org/feed\nhttps://a.example.org/rss\nnot a url\nhttp://c.example.org/atom.xml  # trailing comment\n"
	feeds, problems, err := watch.ReadFeeds(strings.NewReader(in), "feeds.txt")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(feeds, " ") != "https://a.example.org/rss http://c.example.org/atom.xml" {
		t.Errorf("feeds = %v", feeds)
	}
	if len(problems) != 2 || !strings.Contains(problems[0].Error(), "feeds.txt:4") || !strings.Contains(problems[1].Error(), "feeds.txt:6") {
		t.Errorf("problems = %v", problems)
	}
}
