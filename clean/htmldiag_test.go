package clean

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestHTMLDropDiag is a diagnostic, not a check: with FLOWWATCH_HTML_DIAG=1
// it runs the HTML path over the external test set and reports, per text
// rule, how many dropped words belong to the true article body (rules that
// cost recall) and how many do not (rules that gain precision).
func TestHTMLDropDiag(t *testing.T) {
	if os.Getenv("FLOWWATCH_HTML_DIAG") == "" {
		t.Skip("diagnostic; set FLOWWATCH_HTML_DIAG=1")
	}
	e := evalDir(t)
	gt, err := os.ReadFile(filepath.Join(e, "html", "ground-truth.json"))
	if err != nil {
		t.Skip(err)
	}
	var truth map[string]struct {
		Body string `json:"articleBody"`
		URL  string `json:"url"`
	}
	json.Unmarshal(gt, &truth)
	word := regexp.MustCompile(`\w+`)
	type stat struct{ in, out int }
	stats := map[string]*stat{}
	var examples = map[string][]string{}
	for id, tr := range truth {
		f, err := os.Open(filepath.Join(e, "html", "pages", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, _ := gzip.NewReader(f)
		raw, _ := io.ReadAll(zr)
		f.Close()
		body := strings.Join(word.FindAllString(tr.Body, -1), " ")
		traceDrop = func(line, rule string) {
			toks := word.FindAllString(line, -1)
			if len(toks) == 0 {
				return
			}
			if rule == "end" {
				t.Logf("END %s: %s", id[:8], line)
			}
			s := stats[rule]
			if s == nil {
				s = &stat{}
				stats[rule] = s
			}
			if strings.Contains(body, strings.Join(toks, " ")) {
				s.in += len(toks)
				if len(examples[rule]) < 8 {
					examples[rule] = append(examples[rule], id[:8]+": "+line)
				}
			} else {
				s.out += len(toks)
			}
		}
		ParseHTML(id, tr.URL, raw)
		traceDrop = nil
	}
	rules := make([]string, 0, len(stats))
	for r := range stats {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		t.Logf("%-12s body words dropped %6d, other words dropped %6d", r, stats[r].in, stats[r].out)
		for _, ex := range examples[r] {
			if len(ex) > 200 {
				ex = ex[:200]
			}
			t.Logf("      %s", ex)
		}
	}
}
