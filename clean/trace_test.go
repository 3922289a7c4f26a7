package clean

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLTrace is a diagnostic: FLOWWATCH_HTML_TRACE=<id prefix> prints
// every block and line the HTML path drops for that test-set page.
func TestHTMLTrace(t *testing.T) {
	want := os.Getenv("FLOWWATCH_HTML_TRACE")
	if want == "" {
		t.Skip("diagnostic; set FLOWWATCH_HTML_TRACE=<page id prefix>")
	}
	e := evalDir(t)
	gt, _ := os.ReadFile(filepath.Join(e, "html", "ground-truth.json"))
	var truth map[string]struct {
		URL string `json:"url"`
	}
	json.Unmarshal(gt, &truth)
	for id, tr := range truth {
		if !strings.HasPrefix(id, want) {
			continue
		}
		f, _ := os.Open(filepath.Join(e, "html", "pages", id+".html.gz"))
		zr, _ := gzip.NewReader(f)
		raw, _ := io.ReadAll(zr)
		f.Close()
		traceDrop = func(line, rule string) {
			line = strings.Join(strings.Fields(line), " ")
			if len(line) > 300 {
				line = line[:300]
			}
			t.Logf("%-24s %s", rule, line)
		}
		ParseHTML(id, tr.URL, raw)
		traceDrop = nil
	}
}
