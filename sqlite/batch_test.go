package sqlite_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// SaveArticles must do exactly what SaveArticle does for each article in
// turn, later articles seeing earlier ones, and write nothing at all when
// one article is invalid.
func TestSaveArticles(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	bs, ok := st.(flowwatch.BatchSaver)
	if !ok {
		t.Fatal("sqlite store does not implement flowwatch.BatchSaver")
	}
	text1 := "About 3,000 workers arrived in Vladivostok, an official said."
	text2 := "About 3,500 workers arrived in Vladivostok, an official said."
	claim := func(text string) []flowwatch.Claim {
		return []flowwatch.Claim{{Kind: flowwatch.KindPeople, Group: flowwatch.GroupWorkers, Low: flowwatch.F(3000), High: flowwatch.F(3000),
			Qualifier: flowwatch.QualApprox, Unit: "people", Quote: text, Start: 0, End: len(text)}}
	}
	art := func(name, url, text string) flowwatch.ArticleClaims {
		return flowwatch.ArticleClaims{Article: &flowwatch.Article{Name: name, URL: url, Text: text}, Claims: claim(text)}
	}
	batch := []flowwatch.ArticleClaims{
		art("a", "https://example.org/a", text1),
		art("b", "https://example.org/b", text1),
		art("a", "https://example.org/a", text1), // the same text again
		art("a", "https://example.org/a", text2), // new text at a known URL
	}
	got, err := bs.SaveArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []flowwatch.SaveResult{flowwatch.New, flowwatch.New, flowwatch.Unchanged, flowwatch.Updated}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("results %v, want %v", got, want)
		}
	}
	if batch[0].Article.ID == 0 || batch[2].Article.ID != batch[0].Article.ID || batch[3].Article.Version != 2 || batch[3].Claims[0].ArticleID != batch[3].Article.ID {
		t.Errorf("ids not filled in: %+v %+v %+v", batch[0].Article, batch[2].Article, batch[3].Article)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.ArticleVersions != 3 || s.Claims != 3 {
		t.Fatalf("stats %+v, want 2 articles, 3 versions, 3 claims", s)
	}

	// The search index holds latest versions only, also when a version
	// is superseded within the batch that stored it.
	for _, c := range []struct {
		word string
		want []int64
	}{
		{"500", []int64{batch[3].Article.ID}},
		{"000", []int64{batch[1].Article.ID}},
	} {
		hits, err := st.Search(ctx, c.word, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.Article.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(c.want) {
			t.Errorf("search %q: versions %v, want %v", c.word, ids, c.want)
		}
	}

	bad := []flowwatch.ArticleClaims{art("c", "https://example.org/c", text1), {Article: &flowwatch.Article{Name: "", Text: "x"}}}
	if _, err := bs.SaveArticles(ctx, bad); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Fatalf("err = %v, want EINVALID", err)
	}
	if s2, _ := st.Stats(ctx); s2.Articles != 2 {
		t.Fatalf("an invalid batch wrote %d articles", s2.Articles-2)
	}
}
