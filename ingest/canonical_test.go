package ingest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/ingest"
)

// A page's canonical link names the article only on the page's own
// host: one outlet's page cannot become a version of another's article.
func TestCanonicalOnlyOnItsOwnHost(t *testing.T) {
	p, st, _ := newPipeline(t)
	page := func(canonical, text string) []byte {
		return []byte(fmt.Sprintf(`<html><head><title>T</title><link rel="canonical" href="%s"></head><body><article><p>%s</p></article></body></html>`, canonical, text))
	}
	docs := []ingest.Doc{
		{Origin: "a", URL: "https://news.example.org/story?utm_source=x", Raw: page("https://news.example.org/story", textA)},
		{Origin: "b", URL: "https://www.news.example.org/amp/story2", Raw: page("https://news.example.org/story2", textB)},
		{Origin: "c", URL: "https://evil.example.com/copy", Raw: page("https://news.example.org/story", textC)},
	}
	if _, err := p.IngestDocs(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	arts, err := st.Articles(context.Background(), flowwatch.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range arts {
		got[a.URL] = true
	}
	for _, want := range []string{"https://news.example.org/story", "https://news.example.org/story2", "https://evil.example.com/copy"} {
		if !got[want] {
			t.Errorf("no article at %s; have %v", want, got)
		}
	}
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3 (the copy must not be a version of the original): %v", len(arts), got)
	}
}
