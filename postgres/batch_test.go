package postgres_test

import (
	"context"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/postgres"
)

// SaveArticles must do what SaveArticle does for each article in turn,
// later articles of an identity seeing earlier ones, and write nothing
// when one article is invalid.
func TestSaveArticles(t *testing.T) {
	conn, base := freshDB(t)
	ctx := context.Background()
	st, err := postgres.Open(ctx, freshSchema(t, conn, base))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text1 := "About 3,000 workers arrived, an official said."
	text2 := "About 3,500 workers arrived, an official said."
	art := func(name, url, text string) flowwatch.ArticleClaims {
		return flowwatch.ArticleClaims{Article: &flowwatch.Article{Name: name, URL: url, Text: text},
			Claims: []flowwatch.Claim{{Kind: flowwatch.KindPeople, Group: flowwatch.GroupWorkers, Quote: text, Start: 0, End: len(text)}}}
	}
	batch := []flowwatch.ArticleClaims{
		art("z", "https://example.org/z", text1), // sorts after a: order of identities differs from the batch's
		art("a", "https://example.org/a", text1),
		art("a", "https://example.org/a", text1), // the same text again
		art("a", "https://example.org/a", text2), // a new version
	}
	res, err := st.SaveArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []flowwatch.SaveResult{flowwatch.New, flowwatch.New, flowwatch.Unchanged, flowwatch.Updated}
	for i := range want {
		if res[i] != want[i] {
			t.Errorf("result %d = %v, want %v", i, res[i], want[i])
		}
	}
	if a := batch[3].Article; a.Version != 2 || a.ID == 0 || batch[3].Claims[0].ArticleID != a.ID || batch[3].Claims[0].ID == 0 {
		t.Errorf("new version after the batch: %+v claims %+v", a, batch[3].Claims)
	}
	if batch[2].Article.ID != batch[1].Article.ID {
		t.Errorf("re-saved text got id %d, first save %d", batch[2].Article.ID, batch[1].Article.ID)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.ArticleVersions != 3 || s.Claims != 3 {
		t.Fatalf("after the batch: %d articles %d versions %d claims, want 2 3 3", s.Articles, s.ArticleVersions, s.Claims)
	}
	bad := []flowwatch.ArticleClaims{art("b", "https://example.org/b", text1), {Article: &flowwatch.Article{Name: "empty"}}}
	if _, err := st.SaveArticles(ctx, bad); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Fatalf("batch with an invalid article = %v, want invalid", err)
	}
	if s2, _ := st.Stats(ctx); s2.ArticleVersions != 3 {
		t.Fatalf("a failed batch wrote %d versions", s2.ArticleVersions-3)
	}
}
