package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

// pdfURL is where the seeded PDF report claims to live.
const pdfURL = "https://reports.example.org/monitoring/report.pdf"

// itReport is a three-page report whose only figure, on page 2, is about
// IT workers: a group no dashboard series counts, so that seeding it
// leaves the other browser checks' data as the samples make it.
func itReport() []byte {
	d := &pdftest.Doc{Info: map[string]string{"Title": "Report on Remote Work Schemes"}}
	d.NewPage().Text(pdftest.HelveticaBold, 18, 60, 760, "Report on Remote Work Schemes")
	for _, s := range []string{
		"The team found that about 4,000 North Korean IT workers were employed abroad in 2024.",
		"No further figures were reported to the team.",
	} {
		p := d.NewPage()
		p.Text(pdftest.Helvetica, 8, 60, 805, "Monitoring Team Report")
		p.Text(pdftest.Helvetica, 10, 60, 760, s)
	}
	return d.Bytes()
}

// seedPDF stores a generated PDF report as ingest would, with its claims'
// pages, and returns the article's id.
func seedPDF(t *testing.T, st flowwatch.Store) int64 {
	t.Helper()
	a, err := pdf.Article(context.Background(), "pdf-report", itReport(), clean.Meta{URL: pdfURL})
	if err != nil {
		t.Fatal(err)
	}
	claims := extract.New(domain.Default()).Extract(a)
	pdf.SetPages(a.Text, claims)
	for i := range claims {
		claims[i].Article, claims[i].Extractor = a.Name, flowwatch.ExtractorVersion
	}
	if len(claims) != 1 || claims[0].Page != 2 || claims[0].Group != flowwatch.GroupITWorkers {
		t.Fatalf("seeded PDF report: want one IT workers claim on page 2, got %+v", claims)
	}
	if _, err := st.SaveArticle(context.Background(), a, claims); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// POST /api/ingest takes a PDF report as the raw body; its claims come
// back from the article's evidence endpoint with their pages.
func TestIngestPDF(t *testing.T) {
	s := seeded(t, openSQLite, fwhttp.Options{})
	tok, hash, err := fwhttp.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateToken(context.Background(), "test", hash); err != nil {
		t.Fatal(err)
	}
	r := s.do(t, "POST", "/api/ingest?name=report.pdf", bytes.NewReader(pdftest.Report().PDF), "Authorization", "Bearer "+tok)
	if r.status != 200 {
		t.Fatalf("ingest: %d %s", r.status, r.body)
	}
	res := items(t, r)[0].(map[string]any)
	if n, _ := res["claims"].(float64); res["result"] != "new" || n < 3 {
		t.Fatalf("ingest result %s", r.body)
	}
	r = s.do(t, "GET", fmt.Sprintf("/api/articles/%d", int64(res["article_id"].(float64))), nil)
	var got struct {
		Article flowwatch.Article `json:"article"`
		Claims  []flowwatch.Claim `json:"claims"`
	}
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatalf("%v: %s", err, r.body)
	}
	pages := map[int]int{}
	for _, c := range got.Claims {
		pages[c.Page]++
	}
	if pages[0] > 0 || pages[1] == 0 || pages[2] == 0 {
		t.Errorf("claims by page %v: want pages 1 and 2, none without a page", pages)
	}
	if got.Article.Title != "Report on Labour and Troops" {
		t.Errorf("title %q", got.Article.Title)
	}

	r = s.do(t, "POST", "/api/ingest?name=locked.pdf", bytes.NewReader(pdftest.Encrypted().PDF), "Authorization", "Bearer "+tok)
	if r.status != 422 || !strings.Contains(string(r.body), "encrypted PDF") {
		t.Errorf("encrypted PDF: %d %s", r.status, r.body)
	}
}
