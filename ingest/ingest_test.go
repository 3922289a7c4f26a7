package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
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
	"github.com/flowwatch/flowwatch/warc/warctest"
)

// Sentences written for these tests; the figures are made up.
const (
	textA = "North Korea has sent about 12,000 soldiers to Russia, South Korea's spy agency said on Wednesday. The troops are being trained in the Far East before moving to the front."
	textB = "Some 3,000 North Korean workers arrived in Vladivostok this spring, according to a regional official. Most of them work on building sites."
	textC = "Pyongyang plans to send 6,000 military engineers to the Kursk region, a Russian official said. They are expected to clear mines."
)

func newPipeline(t *testing.T) (*ingest.Pipeline, flowwatch.Store, *[]ingest.ItemResult) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var (
		mu    sync.Mutex
		items []ingest.ItemResult
	)
	p := &ingest.Pipeline{
		Store: st, Extractor: extract.New(domain.Default()), Workers: 2,
		Fetcher: &fetch.Client{Timeout: 2 * time.Second, AllowPrivate: true},
		OnItem: func(it ingest.ItemResult) {
			mu.Lock()
			items = append(items, it)
			mu.Unlock()
		},
	}
	return p, st, &items
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func failures(items []ingest.ItemResult) map[string]string {
	m := map[string]string{}
	for _, it := range items {
		if it.Err != nil {
			m[it.Origin] = it.Err.Error()
		}
	}
	return m
}

func TestRecordsFailAloneAndReingestIsNoop(t *testing.T) {
	p, st, items := newPipeline(t)
	dir := t.TempDir()
	rec := func(url, published, text string) string {
		return fmt.Sprintf(`{"url":%q,"title":"T","outlet":"Test Wire","published":%q,"text":%q}`, url, published, text)
	}
	lines := []string{
		rec("https://news.example.org/a?utm_source=x", "2025-02-13", textA),   // 1
		`{"url": "https://news.example.org/broken", "text": `,                 // 2: malformed
		rec("https://news.example.org/b", "2025-02-14T09:00:00+09:00", textB), // 3
		`{"url":"https://news.example.org/empty","title":"no body"}`,          // 4: neither text nor html
		rec("ftp://news.example.org/c", "2025-02-15", textC),                  // 5: not http
		rec("https://news.example.org/d", "13 Feb", textC),                    // 6: bad date
		"",
		`{"html":"<p>` + textC + `</p>","outlet":"Fragment Daily"}`, // 8: an HTML fragment without URL
	}
	path := write(t, dir, "records.jsonl", strings.Join(lines, "\n")+"\n")
	res, err := p.Ingest(context.Background(), []string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 3 || res.Failed != 4 {
		t.Fatalf("result %+v, want 3 new and 4 failed; failures %v", res, failures(*items))
	}
	for line, want := range map[int]string{2: "not a JSON record", 4: "neither", 5: "only http and https", 6: "published"} {
		found := false
		for origin, msg := range failures(*items) {
			if strings.HasPrefix(origin, fmt.Sprintf("%s:%d", path, line)) && strings.Contains(msg, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d: no failure mentioning %q in %v", line, want, failures(*items))
		}
	}
	arts, err := st.Articles(context.Background(), flowwatch.ArticleFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]flowwatch.Article{}
	for _, a := range arts {
		urls[a.URL] = a
	}
	// The tracking parameter is not part of the identity, and the
	// record's own fields win over what the text says.
	a, ok := urls["https://news.example.org/a"]
	if !ok {
		t.Fatalf("no article at the canonical URL; have %v", urls)
	}
	if a.Outlet != "Test Wire" || a.Published.String() != "2025-02-13" || a.Title != "T" {
		t.Errorf("article a = %+v", a)
	}
	if b := urls["https://news.example.org/b"]; b.Published.String() != "2025-02-14" {
		t.Errorf("RFC 3339 published read as %v", b.Published)
	}

	*items = nil
	res, err = p.Ingest(context.Background(), []string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 0 || res.Unchanged != 3 || res.Updated != 0 {
		t.Fatalf("second run %+v, want 3 unchanged", res)
	}
}

func TestChangedTextKeepsBothVersions(t *testing.T) {
	p, st, _ := newPipeline(t)
	ctx := context.Background()
	doc := func(text string) ingest.Doc {
		return ingest.Doc{Origin: "t", URL: "https://news.example.org/story?fbclid=abc", Raw: []byte(text)}
	}
	for i, tc := range []struct {
		text string
		want flowwatch.SaveResult
	}{{textA, flowwatch.New}, {textA, flowwatch.Unchanged}, {textA + " The agency gave no further details.", flowwatch.Updated}} {
		var got flowwatch.SaveResult
		_, err := p.Run(ctx, func(ctx context.Context, emit func(ingest.Doc) error) error { return emit(doc(tc.text)) },
			func(it ingest.ItemResult) {
				if it.Err != nil {
					t.Fatalf("step %d: %v", i, it.Err)
				}
				got = it.Result
			})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Fatalf("step %d: %v, want %v", i, got, tc.want)
		}
	}
	all, err := st.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].URL != all[1].URL || all[0].URL != "https://news.example.org/story" {
		t.Fatalf("versions = %+v, want two of one canonical URL", all)
	}
}

func TestFilesAndTextIdentity(t *testing.T) {
	p, _, items := newPipeline(t)
	dir := t.TempDir()
	write(t, dir, "one.txt", textA)
	// The same text under another name, without a URL: identity is the
	// hash of the cleaned text, so this is not a second article.
	write(t, dir, "copy.txt", textA)
	write(t, dir, "empty.txt", "   \n")
	write(t, dir, "binary.txt", "\x00\x01\x02\x03binary")
	write(t, dir, "page.html", "<!DOCTYPE html><html><head><title>Engineers</title></head><body><article><p>"+textC+"</p></article></body></html>")
	res, err := p.Ingest(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 2 || res.Unchanged != 1 || res.Failed != 3 {
		t.Fatalf("result %+v; failures %v", res, failures(*items))
	}
}

func TestFeedsPagesAndWARC(t *testing.T) {
	p, st, items := newPipeline(t)
	page := func(title, text string) string {
		return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text + "</p></article></body></html>"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Troops</title><link>http://%[1]s/story/1?utm_medium=rss</link><guid>s1</guid><pubDate>Wed, 12 Feb 2025 08:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Workers</title><link>http://%[1]s/story/2</link><guid>s2</guid><description>Another teaser.</description></item>
<item><title>Gone</title><link>http://%[1]s/story/404</link><guid>s3</guid></item>
</channel></rss>`, r.Host)
	})
	mux.HandleFunc("/story/1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("Troops", textA)) })
	mux.HandleFunc("/story/2", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("Workers", textB)) })
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("Engineers", textC)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	b := &warctest.Builder{Gzip: true}
	b.Info()
	b.Response("https://archive.example.org/w1", 200, "text/html", []byte(page("Archived", textB+" A second paragraph was added later.")))
	b.Response("https://archive.example.org/w2", 404, "text/html", []byte("<html>gone</html>"))
	warcPath := write(t, dir, "CC-NEWS-20250213.warc.gz", string(b.Bytes()))
	badWarc := write(t, dir, "broken.warc.gz", "this is not an archive")

	res, err := p.Ingest(context.Background(), []string{srv.URL + "/feed.xml", srv.URL + "/page", warcPath, badWarc, "file:///etc/passwd"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := failures(*items)
	if res.New != 4 || res.Failed != 3 {
		t.Fatalf("result %+v, want 4 new (2 feed items, 1 page, 1 archived) and 3 failed; failures %v", res, f)
	}
	for origin, want := range map[string]string{srv.URL + "/story/404": "HTTP 404", badWarc: "WARC", "file:///etc/passwd": "http"} {
		if !strings.Contains(f[origin], want) {
			t.Errorf("%s: failure %q, want one mentioning %q", origin, f[origin], want)
		}
	}
	arts, err := st.Articles(context.Background(), flowwatch.ArticleFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]flowwatch.Article{}
	for _, a := range arts {
		byURL[a.URL] = a
	}
	s1, ok := byURL[srv.URL+"/story/1"]
	if !ok {
		t.Fatalf("feed item stored under %v, want its canonical link", byURL)
	}
	if s1.Published.String() != "2025-02-12" || s1.Outlet == "" {
		t.Errorf("feed item metadata %+v: want the item's date and an outlet", s1)
	}
	if _, ok := byURL["https://archive.example.org/w1"]; !ok {
		t.Errorf("archived page not stored under its WARC-Target-URI: %v", byURL)
	}
}

// A store that fails (here: closed under the pipeline, as a lost
// connection would leave it) stops the run with a StoreError instead of
// failing every remaining article one by one.
func TestStoreFailureStopsTheRun(t *testing.T) {
	p, st, items := newPipeline(t)
	st.Close()
	docs := make([]ingest.Doc, 50)
	for i := range docs {
		docs[i] = ingest.Doc{Origin: fmt.Sprint(i), Raw: []byte(fmt.Sprintf("%s Item %d.", textA, i))}
	}
	res, err := p.IngestDocs(context.Background(), docs)
	var se *ingest.StoreError
	if err == nil || !errorsAs(err, &se) {
		t.Fatalf("err = %v, want a StoreError", err)
	}
	if res.New != 0 || len(*items) > 0 {
		t.Fatalf("result %+v, items %d: nothing should count as stored", res, len(*items))
	}
}

func TestURLName(t *testing.T) {
	a := ingest.URLName("https://www.example.org/news/2025/02/nk-troops.html?utm_source=x")
	b := ingest.URLName("https://example.org/news/2025/02/nk-troops.html")
	if !strings.HasPrefix(a, "example.org-nk-troops-") {
		t.Errorf("URLName = %q", a)
	}
	if a == b {
		t.Errorf("www and bare host are different URLs but got one name %q", a)
	}
	if ingest.URLName("https://example.org/a?x=1") == ingest.URLName("https://example.org/a?x=2") {
		t.Error("URLs differing in a real query parameter got one name")
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
