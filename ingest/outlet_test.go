package ingest_test

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// TestOutletsNormalised: a page's site name and a record's outlet are
// stored under the outlet's canonical name from the sources data, so one
// outlet is never counted as two.
func TestOutletsNormalised(t *testing.T) {
	p, st, items := newPipeline(t)
	dir := t.TempDir()
	write(t, dir, "herald.html", `<html><head><meta property="og:site_name" content="Korea Herald"><title>Troops</title></head><body><article><p>`+textA+`</p></article></body></html>`)
	write(t, dir, "records.jsonl", `{"url":"https://example.org/a","title":"Workers","outlet":"dong-a ilbo (동아일보)","published":"2025-04-02","text":"`+textB+`"}`+"\n")
	// A gzipped page is read like the plain one.
	f, err := os.Create(filepath.Join(dir, "plan.html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(`<html><head><meta property="og:site_name" content="Some Local Paper"><title>Plan</title></head><body><article><p>` + textC + `</p></article></body></html>`))
	zw.Close()
	f.Close()

	if _, err := p.Ingest(context.Background(), []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	if f := failures(*items); len(f) > 0 {
		t.Fatalf("failures: %v", f)
	}
	arts, err := st.Articles(context.Background(), flowwatch.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arts {
		got[a.Title] = a.Outlet
	}
	d := domain.Default()
	want := map[string]string{"Troops": d.OutletName("The Korea Herald"), "Workers": d.OutletName("Dong-A Ilbo"), "Plan": "Some Local Paper"}
	if want["Troops"] == "Korea Herald" && want["Workers"] == "dong-a ilbo (동아일보)" {
		t.Fatal("the sources data no longer knows the test's outlets")
	}
	for name, outlet := range want {
		if got[name] != outlet {
			t.Errorf("%s: outlet %q, want %q (all: %v)", name, got[name], outlet, got)
		}
	}
}
