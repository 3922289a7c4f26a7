package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pdftest"
)

// PDF reports come in as files (alone or in a directory), as URLs that
// answer application/pdf and as feed enclosures; their claims are stored
// with the page they were read on.
func TestPDFReports(t *testing.T) {
	p, st, items := newPipeline(t)
	report, two := pdftest.Report(), pdftest.TwoColumn()
	mux := http.NewServeMux()
	mux.HandleFunc("/reports/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(report.PDF)
	})
	mux.HandleFunc("/files/briefing.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(two.PDF)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Agency Releases</title>
<item><title>Briefing</title><link>http://%[1]s/news/briefing</link><guid>b1</guid><description>A short note on the briefing.</description>
<enclosure url="http://%[1]s/files/briefing.pdf" length="1000" type="application/pdf"/></item>
</channel></rss>`, r.Host)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	write(t, dir, "korean.pdf", string(pdftest.Korean().PDF))
	locked := write(t, t.TempDir(), "locked.pdf", string(pdftest.Encrypted().PDF))
	scan := write(t, t.TempDir(), "scan.pdf", string(pdftest.Scanned().PDF))

	res, err := p.Ingest(context.Background(), []string{srv.URL + "/reports/report.pdf", srv.URL + "/feed.xml", dir, locked, scan}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := failures(*items)
	if res.New != 3 || res.Failed != 2 {
		t.Fatalf("result %+v, want 3 new (URL, enclosure, directory) and 2 failed; failures %v", res, f)
	}
	if !strings.Contains(f[locked], "encrypted") || !strings.Contains(f[scan], "no text layer") {
		t.Errorf("failures %v: want one line for the encrypted and one for the scanned file", f)
	}
	arts, err := st.Articles(context.Background(), flowwatch.ArticleFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]flowwatch.Article{}
	for _, a := range arts {
		byURL[a.URL] = a
	}
	rep, ok := byURL[srv.URL+"/reports/report.pdf"]
	if !ok {
		t.Fatalf("report not stored under its URL: %v", byURL)
	}
	if rep.Title != "Report on Labour and Troops" || rep.Outlet != "Multilateral Monitoring Team" || rep.Published.String() != "2025-05-29" {
		t.Errorf("report metadata: title %q, outlet %q, published %s", rep.Title, rep.Outlet, rep.Published)
	}
	if _, ok := byURL[srv.URL+"/files/briefing.pdf"]; !ok {
		t.Errorf("feed enclosure not stored under its URL: %v", byURL)
	}
	claims, err := st.Claims(context.Background(), flowwatch.ClaimFilter{Article: rep.Name, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[int]bool{}
	for _, c := range claims {
		if c.Page < 1 || c.Page > report.Pages {
			t.Errorf("claim %q: page %d, want 1..%d", c.Quote, c.Page, report.Pages)
		}
		pages[c.Page] = true
		if strings.Contains(c.Quote, "5,000") && c.Page != 2 {
			t.Errorf("the 5,000 workers are on page 2, stored page %d", c.Page)
		}
	}
	if len(claims) < 3 || !pages[1] || !pages[2] {
		t.Errorf("report claims %d on pages %v: want claims from pages 1 and 2", len(claims), pages)
	}
}
