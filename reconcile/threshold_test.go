package reconcile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/samples"
)

// TestCopyThreshold keeps the measured margins of docs/reconcile.md: the
// bundled samples' syndicated copies (01, 02, 03) score far above
// DefaultCopyThreshold, and every other pair, samples and dev articles
// alike, far below.
func TestCopyThreshold(t *testing.T) {
	type doc struct{ name, text string }
	var docs []doc
	add := func(name string, raw []byte) {
		a, err := clean.Parse(name, raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs = append(docs, doc{name, a.Text})
	}
	names, _ := fs.Glob(samples.FS, "*.txt")
	for _, n := range names {
		raw, _ := fs.ReadFile(samples.FS, n)
		add(n, raw)
	}
	for _, sub := range []string{"dev", "dev-ko", "dev-ru"} {
		files, _ := filepath.Glob(filepath.Join(evalDir(t), sub, "articles", "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(sub+"/"+filepath.Base(f), raw)
		}
	}
	copies := map[string]bool{"01": true, "02": true, "03": true}
	group := func(n string) bool { return len(n) > 2 && copies[n[:2]] && !strings.Contains(n, "/") }
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			s := Similarity(docs[i].text, docs[j].text)
			if group(docs[i].name) && group(docs[j].name) {
				if s < DefaultCopyThreshold+0.2 {
					t.Errorf("copies %s and %s: similarity %.2f, want ≥ %.2f", docs[i].name, docs[j].name, s, DefaultCopyThreshold+0.2)
				}
			} else if s > DefaultCopyThreshold/2 {
				t.Errorf("different stories %s and %s: similarity %.2f, want ≤ %.2f", docs[i].name, docs[j].name, s, DefaultCopyThreshold/2)
			}
		}
	}
	t.Logf("%d documents compared", len(docs))
}
