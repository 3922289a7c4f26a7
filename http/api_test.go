package http_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	fwhttp "github.com/flowwatch/flowwatch/http"
)

// server is a real flowwatch server on a loopback port.
type server struct {
	url   string
	store flowwatch.Store
	ids   map[string]int64
}

func start(t *testing.T, store flowwatch.Store, opts fwhttp.Options) *server {
	t.Helper()
	if opts.RatePerSec == 0 {
		opts.RatePerSec = -1
	}
	srv := fwhttp.NewServer(store, opts)
	if err := srv.Listen("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return &server{url: "http://" + srv.Addr(), store: store}
}

// stores yields SQLite always and PostgreSQL when FLOWWATCH_TEST_POSTGRES is set.
func stores(t *testing.T) map[string]func(t *testing.T) flowwatch.Store {
	m := map[string]func(t *testing.T) flowwatch.Store{"sqlite": openSQLite}
	if pg := openPostgres(t); pg != nil {
		m["postgres"] = pg
	}
	return m
}

func seeded(t *testing.T, open func(t *testing.T) flowwatch.Store, opts fwhttp.Options) *server {
	st := open(t)
	ids := seed(t, st)
	if opts.Ingest == nil {
		opts.Ingest = pipelineIngest(st)
	}
	s := start(t, st, opts)
	s.ids = ids
	return s
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (s *server) do(t *testing.T, method, path string, body io.Reader, hdr ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, b}
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("not JSON (%d): %s", r.status, r.body)
	}
	return m
}

func items(t *testing.T, r response) []any {
	t.Helper()
	it, ok := r.json(t)["items"].([]any)
	if !ok {
		t.Fatalf("no items in %s", r.body)
	}
	return it
}

func TestEndpoints(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			s := seeded(t, open, fwhttp.Options{})
			alpha := fmt.Sprint(s.ids["alpha"])
			tests := []struct {
				path  string
				check func(t *testing.T, r response)
			}{
				{"/api/claims", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 7.0 || len(m["items"].([]any)) != 7 {
						t.Errorf("want all 7 claims: %s", r.body)
					}
				}},
				{"/api/claims?group=soldiers&event=sent", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 2.0 {
						t.Errorf("want 2 soldiers-sent claims: %s", r.body)
					}
				}},
				{"/api/claims?kind=people&min=1000&since=2025-01-01", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 2.0 { // alpha's 11,000 and 2,700
						t.Errorf("want 2: %s", r.body)
					}
				}},
				{"/api/claims?limit=2&offset=0", func(t *testing.T, r response) {
					// A page that is not the last gives no total unless
					// asked: counting costs more than the page.
					var l struct {
						Items   []flowwatch.Claim
						Total   *int
						HasMore bool `json:"has_more"`
						Next    string
					}
					json.Unmarshal(r.body, &l)
					if len(l.Items) != 2 || !l.HasMore || l.Total != nil ||
						!strings.Contains(l.Next, fmt.Sprintf("after_id=%d", l.Items[1].ID)) || strings.Contains(l.Next, "offset=") {
						t.Errorf("want a page of 2, no total and a cursor to the next: %s", r.body)
					}
				}},
				{"/api/claims?limit=2&count=true", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 7.0 || m["has_more"] != true || strings.Contains(fmt.Sprint(m["next"]), "count=") {
						t.Errorf("want the exact total when asked, and a next link without count: %s", r.body)
					}
				}},
				{"/api/claims?limit=2&offset=6", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 7.0 || m["has_more"] != false || m["next"] != nil {
						t.Errorf("the last page by offset knows the total: %s", r.body)
					}
				}},
				{"/api/claims?text=LAWMAKERS&article_id=" + alpha, func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 1.0 {
						t.Errorf("want the one sentence with the word: %s", r.body)
					}
				}},
				{"/api/claims?limit=3&after_id=3", func(t *testing.T, r response) {
					var l struct {
						Items []flowwatch.Claim
						Total int
						Next  string
					}
					json.Unmarshal(r.body, &l)
					if len(l.Items) != 3 || l.Items[0].ID <= 3 || !strings.Contains(l.Next, fmt.Sprintf("after_id=%d", l.Items[2].ID)) {
						t.Errorf("keyset page: %s", r.body)
					}
				}},
				{"/api/claims?place=Vladivostok", func(t *testing.T, r response) {
					if m := r.json(t); m["total"] != 1.0 {
						t.Errorf("want 1: %s", r.body)
					}
				}},
				{"/api/articles", func(t *testing.T, r response) {
					it := items(t, r)
					if len(it) != 4 {
						t.Errorf("want 4 articles: %s", r.body)
					}
					if bytes.Contains(r.body, []byte("told lawmakers")) {
						t.Errorf("listing carries article text")
					}
				}},
				{"/api/articles/" + alpha, func(t *testing.T, r response) {
					var v struct {
						Article flowwatch.Article
						Claims  []flowwatch.Claim
					}
					json.Unmarshal(r.body, &v)
					if len(v.Claims) != 3 || v.Article.Text == "" {
						t.Fatalf("want text and 3 claims: %s", r.body)
					}
					for _, c := range v.Claims {
						if v.Article.Text[c.Start:c.End] != c.Quote {
							t.Errorf("claim offsets %d-%d do not cut out its quote", c.Start, c.End)
						}
					}
				}},
				{"/api/sources", func(t *testing.T, r response) {
					m := r.json(t)
					src := m["sources"].([]any)[0].(map[string]any)
					if src["name"] != "NIS" || src["claims"] != 3.0 || len(m["outlets"].([]any)) != 4 {
						t.Errorf("want NIS first with 3 claims and 4 outlets: %s", r.body)
					}
				}},
				{"/api/places", func(t *testing.T, r response) {
					it := items(t, r)
					p := it[0].(map[string]any)
					if p["name"] != "Kursk Oblast" || p["claims"] != 2.0 || p["largest"] != 11000.0 {
						t.Errorf("want Kursk Oblast first: %s", r.body)
					}
				}},
				{"/api/entities", func(t *testing.T, r response) {
					if !strings.Contains(string(r.body), `"name":"NIS","type":"source","claims":3`) {
						t.Errorf("want NIS as a source entity: %s", r.body)
					}
				}},
				{"/api/summary", func(t *testing.T, r response) {
					h := items(t, r)[0].(map[string]any)
					if h["label"] != "soldiers sent" || h["low"] != 11000.0 || h["high"] != 12000.0 || h["sources"] != 2.0 || h["claims"] != 2.0 {
						t.Errorf("want soldiers sent 11000-12000 from 2 sources first: %s", r.body)
					}
				}},
				{"/api/search?q=lawmakers", func(t *testing.T, r response) {
					it := items(t, r)
					if len(it) != 1 || !strings.Contains(fmt.Sprint(it[0]), "«") {
						t.Errorf("want one hit with a marked snippet: %s", r.body)
					}
				}},
				{"/api/timeline?group=soldiers&by=published", func(t *testing.T, r response) {
					var tl struct {
						Buckets []string
						Claims  []int
						High    []*float64
					}
					json.Unmarshal(r.body, &tl)
					// 2024-11 (beta) to 2025-01 (alpha): three months, December empty.
					if strings.Join(tl.Buckets, ",") != "2024-11-01,2024-12-01,2025-01-01" || fmt.Sprint(tl.Claims) != "[1 0 3]" || *tl.High[2] != 11000 {
						t.Errorf("timeline %s", r.body)
					}
				}},
				{"/api/stats", func(t *testing.T, r response) {
					if m := r.json(t); m["claims"] != 7.0 || m["articles"] != 4.0 {
						t.Errorf("stats %s", r.body)
					}
				}},
				{"/api/openapi.json", func(t *testing.T, r response) {
					if m := r.json(t); m["openapi"] != "3.1.0" {
						t.Errorf("not an OpenAPI document")
					}
				}},
			}
			for _, tt := range tests {
				t.Run(tt.path, func(t *testing.T) {
					r := s.do(t, "GET", tt.path, nil)
					if r.status != 200 {
						t.Fatalf("status %d: %s", r.status, r.body)
					}
					if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
						t.Errorf("Content-Type %q", ct)
					}
					tt.check(t, r)
				})
			}
		})
	}
}

// Facts and estimates need reconciliation; a server without it says so
// with 501 rather than an empty list that would read as "no facts".
func TestReconcileMissing(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	for _, p := range []string{"/api/facts", "/api/estimates"} {
		r := s.do(t, "GET", p, nil)
		if r.status != 501 || !strings.Contains(string(r.body), "/api/claims") {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
}

func TestBadParameters(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	tests := []struct{ path, want string }{
		{"/api/claims?kind=ships", `kind \"ships\" is not one of people, money, share`},
		{"/api/claims?group=sailors", `group \"sailors\" is not one of`},
		{"/api/claims?event=vanished", `event \"vanished\" is not one of`},
		{"/api/claims?since=yesterday", `since \"yesterday\" is not a date: use YYYY-MM-DD`},
		{"/api/claims?until=2025-13-01", `until \"2025-13-01\" is not a date`},
		{"/api/claims?since=2025-02-01&until=2025-01-01", "until 2025-01-01 is before since 2025-02-01"},
		{"/api/claims?min=lots", `min \"lots\" is not a number`},
		{"/api/claims?min=10&max=5", "max 5 is below min 10"},
		{"/api/claims?limit=0", `limit \"0\": want a whole number from 1 to 1000`},
		{"/api/claims?limit=5000", "from 1 to 1000"},
		{"/api/claims?offset=-1", `offset \"-1\"`},
		{"/api/claims?after_id=x", `after_id \"x\"`},
		{"/api/claims?knd=people", `unknown parameter \"knd\": known parameters are kind,`},
		{"/api/claims?kind=people&kind=money", `parameter \"kind\" given 2 times`},
		{"/api/claims?all_versions=maybe", "want true or false"},
		{"/api/claims?text=" + strings.Repeat("x", 600), "at most 500"},
		{"/api/articles?since=2025", `since \"2025\" is not a date`},
		{"/api/articles/abc", `article id \"abc\": want a positive integer`},
		{"/api/articles/1?x=1", `unknown parameter \"x\": this endpoint takes none`},
		{"/api/search", "q is empty"},
		{"/api/search?q=a&limit=1000", "from 1 to 200"},
		{"/api/timeline?interval=day", `interval \"day\" is not one of week, month, year`},
		{"/api/timeline?by=now", `by \"now\" is not one of when, published`},
		{"/api/export", "format is missing: use one of csv, jsonl, ftm, acled"},
		{"/api/export?format=xlsx", `format \"xlsx\" is not one of csv, jsonl, ftm, acled`},
		{"/api/sources?group=x", "group"},
		{"/api/places?since=x", "since"},
		{"/api/summary?min=x", "min"},
		{"/api/entities?kind=x", "kind"},
		{"/api/facts?kind=x", "kind"},
		{"/api/stats?verbose=1", "unknown parameter"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := s.do(t, "GET", tt.path, nil)
			if r.status != 400 {
				t.Fatalf("status %d, want 400: %s", r.status, r.body)
			}
			m := r.json(t)
			e := m["error"].(map[string]any)
			if e["code"] != "invalid" || !strings.Contains(string(r.body), tt.want) {
				t.Errorf("got %s, want code invalid and a message containing %s", r.body, tt.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	for _, p := range []string{"/api/articles/999999", "/api/nothing"} {
		r := s.do(t, "GET", p, nil)
		if r.status != 404 || r.json(t)["error"].(map[string]any)["code"] != "not_found" {
			t.Errorf("%s: %d %s", p, r.status, r.body)
		}
	}
}

func TestWritesNeedToken(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			s := seeded(t, open, fwhttp.Options{})
			tok, hash, err := fwhttp.NewToken()
			if err != nil {
				t.Fatal(err)
			}
			created, err := s.store.CreateToken(context.Background(), "test", hash)
			if err != nil {
				t.Fatal(err)
			}
			article := "url: https://example.org/new\ntitle: New\noutlet: Example\npublished: 2025-03-01\n---\nA sentence we wrote about 1,000 workers sent to Russia.\n"
			writes := []struct{ method, path string }{
				{"POST", "/api/ingest?name=new"},
				{"GET", "/api/tokens"},
				{"DELETE", fmt.Sprintf("/api/tokens/%d", created.ID)},
			}
			for _, w := range writes {
				for _, auth := range []string{"", "Bearer ", "Bearer fwt_wrong", "Basic " + tok, tok} {
					r := s.do(t, w.method, w.path, strings.NewReader(article), "Authorization", auth)
					if r.status != 401 || r.json(t)["error"].(map[string]any)["code"] != "unauthorized" || r.header.Get("WWW-Authenticate") == "" {
						t.Errorf("%s %s with Authorization %q: %d %s, want 401", w.method, w.path, auth, r.status, r.body)
					}
				}
			}
			if n, _ := s.store.CountClaims(context.Background(), flowwatch.ClaimFilter{}); n != 7 {
				t.Fatalf("an unauthorised write changed the store: %d claims", n)
			}

			r := s.do(t, "POST", "/api/ingest?name=new", strings.NewReader(article), "Authorization", "bearer "+tok)
			if r.status != 200 {
				t.Fatalf("ingest with token: %d %s", r.status, r.body)
			}
			res := items(t, r)
			if len(res) != 1 || res[0].(map[string]any)["result"] != "new" {
				t.Errorf("ingest result %s", r.body)
			}
			if as, _ := s.store.Articles(context.Background(), flowwatch.ArticleFilter{}); len(as) != 5 {
				t.Errorf("want 5 articles after ingest, got %d", len(as))
			}
			// The same file again is unchanged: ingest is idempotent.
			r = s.do(t, "POST", "/api/ingest?name=new", strings.NewReader(article), "Authorization", "Bearer "+tok)
			if res := items(t, r); res[0].(map[string]any)["result"] != "unchanged" {
				t.Errorf("second ingest %s", r.body)
			}

			// Multipart: two files, one of them bad, reported beside the good one.
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "dir/second.txt")
			fw.Write([]byte("title: Second\n---\nAnother sentence of ours about 40 engineers.\n"))
			fw, _ = mw.CreateFormFile("file", "empty.txt")
			mw.Close()
			r = s.do(t, "POST", "/api/ingest", &body, "Authorization", "Bearer "+tok, "Content-Type", mw.FormDataContentType())
			m := r.json(t)
			if r.status != 200 || len(m["items"].([]any)) != 1 || m["items"].([]any)[0].(map[string]any)["name"] != "second" || len(m["errors"].([]any)) != 1 {
				t.Errorf("multipart ingest %d %s: want second stored and empty reported", r.status, r.body)
			}

			r = s.do(t, "GET", "/api/tokens", nil, "Authorization", "Bearer "+tok)
			if r.status != 200 || strings.Contains(string(r.body), hash) || strings.Contains(string(r.body), tok) {
				t.Errorf("token listing %d %s: must list without secrets", r.status, r.body)
			}
			r = s.do(t, "DELETE", fmt.Sprintf("/api/tokens/%d", created.ID), nil, "Authorization", "Bearer "+tok)
			if r.status != 204 {
				t.Errorf("delete token: %d %s", r.status, r.body)
			}
			r = s.do(t, "GET", "/api/tokens", nil, "Authorization", "Bearer "+tok)
			if r.status != 401 {
				t.Errorf("a deleted token still works: %d", r.status)
			}
		})
	}
}

func TestWrongMethod(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	for _, m := range []string{"GET", "PUT"} {
		r := s.do(t, m, "/api/ingest", nil)
		if r.status != 405 {
			t.Errorf("%s /api/ingest: %d %s", m, r.status, r.body)
		}
	}
	if r := s.do(t, "POST", "/api/claims", nil); r.status != 405 {
		t.Errorf("POST /api/claims: %d", r.status)
	}
}

func TestBodyLimit(t *testing.T) {
	st := openSQLite(t)
	s := start(t, st, fwhttp.Options{MaxBodyBytes: 1000, Ingest: pipelineIngest(st)})
	tok, hash, _ := fwhttp.NewToken()
	st.CreateToken(context.Background(), "t", hash)
	r := s.do(t, "POST", "/api/ingest?name=big", strings.NewReader(strings.Repeat("word ", 1000)), "Authorization", "Bearer "+tok)
	if r.status != 413 || !strings.Contains(string(r.body), "larger than 1000 bytes") {
		t.Errorf("oversized body: %d %s", r.status, r.body)
	}
}

func TestRateLimit(t *testing.T) {
	s := start(t, openSQLite(t), fwhttp.Options{RatePerSec: 0.5, Burst: 3})
	var got []int
	for range 5 {
		got = append(got, s.do(t, "GET", "/api/stats", nil).status)
	}
	if fmt.Sprint(got) != "[200 200 200 429 429]" {
		t.Errorf("statuses %v: want a burst of 3 then 429", got)
	}
	r := s.do(t, "GET", "/api/stats", nil)
	if r.header.Get("Retry-After") == "" || !strings.Contains(string(r.body), "too many requests") {
		t.Errorf("429 without Retry-After or message: %s", r.body)
	}
}

func TestETag(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	// Without the response cache and the claim index, so that a write by
	// another process shows at once.
	s := start(t, st, fwhttp.Options{Ingest: pipelineIngest(st), ResponseTTL: -1, ClaimIndexBytes: -1})
	r := s.do(t, "GET", "/api/claims?group=soldiers", nil)
	etag := r.header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	r = s.do(t, "GET", "/api/claims?group=soldiers", nil, "If-None-Match", etag)
	if r.status != 304 || len(r.body) != 0 {
		t.Errorf("If-None-Match with the current tag: %d, want 304", r.status)
	}
	r = s.do(t, "GET", "/api/claims?group=workers", nil, "If-None-Match", etag)
	if r.status != 200 {
		t.Errorf("another query with that tag: %d, want 200", r.status)
	}
	// New data, new tag.
	tok, hash, _ := fwhttp.NewToken()
	st.CreateToken(context.Background(), "t", hash)
	a := &flowwatch.Article{Name: "delta", URL: "https://example.org/delta", Text: "About 50 soldiers were captured, we wrote.", Published: flowwatch.NewDate(2025, 3, 1)}
	st.SaveArticle(context.Background(), a, []flowwatch.Claim{{Article: "delta", Kind: "people", Group: "soldiers", Event: "captured",
		Low: flowwatch.F(50), High: flowwatch.F(50), Qualifier: "approx", Unit: "people", Quote: a.Text, End: len(a.Text)}})
	_ = tok
	r = s.do(t, "GET", "/api/claims?group=soldiers", nil, "If-None-Match", etag)
	if r.status != 200 || r.header.Get("ETag") == etag {
		t.Errorf("after a new claim: %d with tag %s, want 200 and a new tag", r.status, r.header.Get("ETag"))
	}
}

func TestExport(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	tests := []struct {
		format string
		rows   int // lines, header included for CSV
	}{
		{"csv", 3}, {"jsonl", 2}, {"acled", 3}, {"ftm", -1},
	}
	for _, tt := range tests {
		r := s.do(t, "GET", "/api/export?group=soldiers&event=sent&format="+tt.format, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tt.format, r.status, r.body)
		}
		if cd := r.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=\"flowwatch-claims") {
			t.Errorf("%s: Content-Disposition %q", tt.format, cd)
		}
		lines := strings.Count(string(r.body), "\n")
		if tt.format == "csv" || tt.format == "acled" {
			recs, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", tt.format, err)
			}
			lines = len(recs)
		}
		if tt.rows >= 0 && lines != tt.rows {
			t.Errorf("%s: %d lines, want %d:\n%s", tt.format, lines, tt.rows, r.body)
		}
		if tt.format == "ftm" && (!strings.Contains(string(r.body), `"schema":"Event"`) || !strings.Contains(string(r.body), `"schema":"Article"`)) {
			t.Errorf("ftm export lacks Event or Article entities:\n%s", r.body)
		}
	}
}

// Every answer carries the policy; the dashboard's HTML must work under it,
// so it may hold no inline script, event handler or style attribute.
func TestContentSecurityPolicy(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	for _, p := range []string{"/", "/app.js", "/api/claims", "/api/nothing"} {
		r := s.do(t, "GET", p, nil)
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
	r := s.do(t, "GET", "/", nil)
	html := string(r.body)
	if !strings.Contains(html, `<script src="app.js" type="module">`) {
		t.Fatalf("index.html does not load app.js:\n%s", html)
	}
	for _, re := range []string{`<script(?:\s[^>]*)?>\s*[^<\s]`, `\son[a-z]+\s*=`, `\sstyle\s*=`, `https?://`} {
		if m := regexp.MustCompile(re).FindString(html); m != "" {
			t.Errorf("index.html has %q (pattern %s): inline code, or something fetched from elsewhere", m, re)
		}
	}
}

// The dashboard builds the page from text nodes only. A sink that parses
// markup would turn an article's text into page content.
func TestUINoMarkupSinks(t *testing.T) {
	for _, f := range []string{"ui/app.js", "ui/index.html", "ui/app.css"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The SVG namespace is a name, not an address anything is fetched from.
		b = bytes.ReplaceAll(b, []byte(`"http://www.w3.org/2000/svg"`), nil)
		for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "http://", "https://", "@import"} {
			if bytes.Contains(b, []byte(sink)) {
				t.Errorf("%s uses %s", f, sink)
			}
		}
	}
}

// Article text comes back as JSON only: Go escapes <, > and & in strings
// and the type is JSON with nosniff, so no browser renders it as HTML.
func TestArticleTextNotHTML(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	r := s.do(t, "GET", fmt.Sprintf("/api/articles/%d", s.ids["evil"]), nil)
	if r.status != 200 {
		t.Fatal(r.status)
	}
	if bytes.Contains(r.body, []byte("<script>")) || bytes.Contains(r.body, []byte("<img")) {
		t.Errorf("markup appears unescaped in JSON: %s", r.body)
	}
	var v struct{ Article flowwatch.Article }
	json.Unmarshal(r.body, &v)
	if v.Article.Text != evilText {
		t.Errorf("text changed on the way: %q", v.Article.Text)
	}
}

func TestOpenAPIListsEveryEndpoint(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	var doc struct {
		Paths map[string]map[string]any
	}
	if err := json.Unmarshal(s.do(t, "GET", "/api/openapi.json", nil).body, &doc); err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprint(s.ids["alpha"])
	for path, ops := range doc.Paths {
		for method := range ops {
			p := strings.ReplaceAll(strings.ReplaceAll(path, "{id}", id), "{name}", "x")
			r := s.do(t, strings.ToUpper(method), p, nil)
			if r.status == 404 || r.status == 405 {
				t.Errorf("openapi lists %s %s but the server answers %d", method, path, r.status)
			}
		}
	}
	for _, want := range []string{"/api/claims", "/api/articles", "/api/articles/{id}", "/api/sources", "/api/places", "/api/entities",
		"/api/facts", "/api/estimates", "/api/summary", "/api/search", "/api/timeline", "/api/stats", "/api/export", "/api/ingest", "/api/tokens", "/api/tokens/{id}"} {
		if doc.Paths[want] == nil {
			t.Errorf("openapi lacks %s", want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.4:80": false, "[::]:80": false, "example.org:80": false,
	} {
		if got := fwhttp.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestDashboardServed(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	for _, p := range []string{"/", "/app.js", "/app.css", "/favicon.svg"} {
		if r := s.do(t, "GET", p, nil); r.status != 200 || len(r.body) == 0 {
			t.Errorf("%s: %d", p, r.status)
		}
	}
	if r := s.do(t, "GET", "/vendor/", nil); r.status != 404 {
		t.Errorf("directory listing served: %d", r.status)
	}
}

// Whole answers are reused for ResponseTTL; ingest through the server
// clears them at once, a write by another process shows after the TTL.
func TestResponseCache(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	// Without the claim index, which would show another process's write
	// only at its next sync: this test is about the response cache.
	s := start(t, st, fwhttp.Options{Ingest: pipelineIngest(st), ResponseTTL: 300 * time.Millisecond, ClaimIndexBytes: -1})
	total := func() float64 {
		return s.do(t, "GET", "/api/claims?limit=1&count=true", nil).json(t)["total"].(float64)
	}
	if n := total(); n != 7 {
		t.Fatalf("total %v", n)
	}
	r := s.do(t, "GET", "/api/claims?limit=1&count=true", nil)
	if r2 := s.do(t, "GET", "/api/claims?limit=1&count=true", nil, "If-None-Match", r.header.Get("ETag")); r2.status != 304 {
		t.Errorf("cached answer with its tag: %d, want 304", r2.status)
	}
	if r2 := s.do(t, "GET", "/api/claims?limit=1&count=true", nil, "If-None-Match", `"other"`); r2.status != 200 || string(r2.body) != string(r.body) {
		t.Errorf("cached answer with another tag: %d", r2.status)
	}

	// Another process's write: hidden until the answer expires.
	a := &flowwatch.Article{Name: "ext", URL: "https://example.org/ext", Text: "We wrote of 70 engineers sent.", Published: flowwatch.NewDate(2025, 4, 1)}
	st.SaveArticle(context.Background(), a, []flowwatch.Claim{{Article: "ext", Kind: "people", Group: "engineers", Event: "sent",
		Low: flowwatch.F(70), High: flowwatch.F(70), Qualifier: "exact", Unit: "people", Quote: a.Text, End: len(a.Text)}})
	if r2 := s.do(t, "GET", "/api/claims?limit=1&group=engineers", nil); r2.json(t)["total"] != 1.0 {
		t.Errorf("a new query misses the cache and sees the write: %s", r2.body)
	}
	if n := total(); n != 7 {
		t.Errorf("total %v before the answer expires, want the cached 7", n)
	}
	// After expiry the first request still gets the previous answer (no
	// request waits for a rebuild) and starts the rebuild, which a later
	// request sees. (The counts themselves are kept countTTL: 8 needs a
	// filter whose count is new.)
	time.Sleep(400 * time.Millisecond)
	fresh := func() string { return string(s.do(t, "GET", "/api/claims?group=engineers&limit=5", nil).body) }
	fresh() // a URL's answer is kept from its second request on
	before := fresh()
	st.SaveArticle(context.Background(), &flowwatch.Article{Name: "ext2", URL: "https://example.org/ext2", Text: a.Text + " Again.", Published: a.Published},
		[]flowwatch.Claim{{Article: "ext2", Kind: "people", Group: "engineers", Event: "sent",
			Low: flowwatch.F(70), High: flowwatch.F(70), Qualifier: "exact", Unit: "people", Quote: a.Text, End: len(a.Text)}})
	time.Sleep(400 * time.Millisecond)
	if got := fresh(); got != before {
		t.Errorf("first request after expiry: got a new answer, want the previous one served during the rebuild")
	}
	deadline := time.Now().Add(5 * time.Second)
	for fresh() == before {
		if time.Now().After(deadline) {
			t.Fatalf("the background rebuild never showed the write")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// Ingest through the server clears the cache at once.
	tok, hash, _ := fwhttp.NewToken()
	st.CreateToken(context.Background(), "t", hash)
	body := "title: Ours\n---\nWe wrote that 30 workers were sent to Russia.\n"
	if r := s.do(t, "POST", "/api/ingest?name=ours", strings.NewReader(body), "Authorization", "Bearer "+tok); r.status != 200 {
		t.Fatalf("ingest: %d %s", r.status, r.body)
	}
	after := s.do(t, "GET", "/api/claims?limit=1&count=true", nil)
	if after.header.Get("ETag") == r.header.Get("ETag") {
		t.Errorf("answer unchanged after ingest through the server")
	}
}

// countingStore is the real SQLite store, counting Claims queries.
type countingStore struct {
	flowwatch.Store
	mu     sync.Mutex
	claims int
}

func (c *countingStore) Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error) {
	c.mu.Lock()
	c.claims++
	c.mu.Unlock()
	return c.Store.Claims(ctx, f)
}

// Many clients asking the same page cost one query, or two: the cache
// keeps a URL's answer from its second request (or from a first that
// others waited for), so that one-off URLs do not churn it. Whether the
// second request came while the first was being built depends on timing.
func TestResponseCacheOneQueryPerPage(t *testing.T) {
	st := &countingStore{Store: openSQLite(t)}
	seed(t, st.Store)
	// Without the claim index, whose loads are Claims queries too.
	s := start(t, st, fwhttp.Options{ResponseTTL: time.Minute, ClaimIndexBytes: -1})
	var wg sync.WaitGroup
	bodies := make([]string, 20)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bodies[i] = string(s.do(t, "GET", "/api/claims?group=soldiers", nil).body)
		}()
	}
	wg.Wait()
	for _, b := range bodies {
		if b != bodies[0] || !strings.Contains(b, `"total":4`) {
			t.Fatalf("answers differ or are wrong: %s", b)
		}
	}
	if st.claims < 1 || st.claims > 2 {
		t.Errorf("%d Claims queries for 20 identical requests, want 1 or 2", st.claims)
	}
	before := st.claims
	for range 5 {
		if b := string(s.do(t, "GET", "/api/claims?group=soldiers", nil).body); b != bodies[0] {
			t.Fatalf("a later answer differs: %s", b)
		}
	}
	if st.claims != before {
		t.Errorf("%d more Claims queries for 5 later identical requests, want none", st.claims-before)
	}
}
