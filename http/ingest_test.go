package http_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	fwhttp "github.com/flowwatch/flowwatch/http"
)

func multipartBody(t *testing.T, files map[string]string, n int) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for i := 0; i < n; i++ {
		for name, text := range files {
			fw, _ := mw.CreateFormFile("file", fmt.Sprintf("%d-%s", i, name))
			fw.Write([]byte(text))
		}
	}
	mw.Close()
	return &body, mw.FormDataContentType()
}

// A request over a limit is refused before anything is stored: no
// partial upload behind a 413.
func TestIngestLimitsBeforeStoring(t *testing.T) {
	st := openSQLite(t)
	s := start(t, st, fwhttp.Options{MaxBodyBytes: 200 << 10, Ingest: pipelineIngest(st)})
	tok, hash, _ := fwhttp.NewToken()
	st.CreateToken(context.Background(), "t", hash)
	article := "title: Ours\n---\nA sentence we wrote about 1,000 workers sent to Russia.\n"

	tests := []struct {
		name  string
		files int
		pad   int
		want  string
	}{
		{"201 files", 201, 0, "more than 200 files"},
		{"body over the limit after 100 files", 100, 4 << 10, "larger than"},
	}
	for _, tt := range tests {
		body, ct := multipartBody(t, map[string]string{"a.txt": article + strings.Repeat("x", tt.pad)}, tt.files)
		r := s.do(t, "POST", "/api/ingest", body, "Authorization", "Bearer "+tok, "Content-Type", ct)
		if r.status != 413 || !strings.Contains(string(r.body), tt.want) {
			t.Errorf("%s: %d %s, want 413 saying %q", tt.name, r.status, r.body, tt.want)
		}
		if as, _ := st.Articles(context.Background(), flowwatch.ArticleFilter{}); len(as) != 0 {
			t.Fatalf("%s: %d articles stored by a refused request", tt.name, len(as))
		}
	}
	// 200 files are within the limits and all stored.
	body, ct := multipartBody(t, map[string]string{"a.txt": article}, 200)
	if r := s.do(t, "POST", "/api/ingest", body, "Authorization", "Bearer "+tok, "Content-Type", ct); r.status != 200 || len(items(t, r)) != 200 {
		t.Fatalf("200 files: %d %.300s", r.status, r.body)
	}
}

// What an upload stores shows in the next read, though answers are
// cached: the upload clears the caches before it answers.
func TestIngestVisibleAtOnce(t *testing.T) {
	st := openSQLite(t)
	s := start(t, st, fwhttp.Options{Ingest: pipelineIngest(st), ResponseTTL: 1 << 40, CacheTTL: 1 << 40})
	tok, hash, _ := fwhttp.NewToken()
	st.CreateToken(context.Background(), "t", hash)
	count := func() float64 {
		r := s.do(t, "GET", "/api/stats", nil)
		return r.json(t)["articles"].(float64)
	}
	count()
	if n := count(); n != 0 {
		t.Fatalf("articles = %v", n)
	}
	body, ct := multipartBody(t, map[string]string{
		"good.txt":  "title: Ours\n---\nA sentence we wrote about 1,000 workers sent to Russia.\n",
		"empty.txt": "   ",
		"nav.html":  "<html><body><nav><a href=/>Home</a></nav></body></html>",
	}, 1)
	r := s.do(t, "POST", "/api/ingest", body, "Authorization", "Bearer "+tok, "Content-Type", ct)
	m := r.json(t)
	if r.status != 200 || len(m["items"].([]any)) != 1 || len(m["errors"].([]any)) != 2 {
		t.Fatalf("mixed upload: %d %s", r.status, r.body)
	}
	for _, e := range m["errors"].([]any) {
		if code := e.(map[string]any)["code"]; code != "invalid" {
			t.Errorf("error %v: code %v, want invalid", e, code)
		}
	}
	if n := count(); n != 1 {
		t.Fatalf("articles after ingest = %v, want 1 at once", n)
	}
	// A page with no text after cleaning alone: 422 with a clear message.
	r = s.do(t, "POST", "/api/ingest?name=nav.html", strings.NewReader("<html><body><nav><a href=/>Home</a></nav></body></html>"), "Authorization", "Bearer "+tok)
	if r.status != 422 || !strings.Contains(string(r.body), "no article text") || strings.Contains(string(r.body), "internal") {
		t.Fatalf("empty page: %d %s", r.status, r.body)
	}
}
