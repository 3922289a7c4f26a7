package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/clean"
)

// TestDevSetKO and TestDevSetRU score the Korean and Russian dev sets with
// the same scorer port as TestDevSet (eval_test.go), through the same
// cleaning and language detection as `flowwatch extract`, and hold the
// floors of issue 6: F1 0.80, place, when and source accuracy 0.70.
func TestDevSetKO(t *testing.T) { devSetFloors(t, "dev-ko", "ko") }

func TestDevSetRU(t *testing.T) { devSetFloors(t, "dev-ru", "ru") }

func devSetFloors(t *testing.T, set, lang string) {
	dir := evalDir(t, set)
	if dir == "" {
		t.Skipf("no ../shared/eval/%s next to the module root: the %s dev set is not on this machine", set, lang)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	var preds []map[string]any
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		a, err := clean.Parse(name, raw)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.Lang != lang {
			// Detection is the cleaner's; a miss here would send the
			// article through another language's module.
			t.Errorf("%s: detected language %q, want %q", name, a.Lang, lang)
		}
		for _, c := range extractor().Extract(a) {
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			preds = append(preds, m)
		}
	}
	gold := readJSONL(t, filepath.Join(dir, "gold.jsonl"))
	r := score(gold, preds)
	for _, n := range r.notes {
		t.Log(n)
	}
	t.Logf("%s: articles %d  gold %d  predicted %d  matched %d", set, r.articles, r.tp+r.fn, r.tp+r.fp, r.tp)
	t.Logf("%s: precision %.3f  recall %.3f  F1 %.3f", set, r.precision, r.recall, r.f1)
	for _, k := range []string{"place", "when", "source", "qualifier"} {
		t.Logf("%s: %s %d/%d", set, k, r.attr[k][0], r.attr[k][1])
	}
	if r.f1 < 0.80 {
		t.Errorf("%s: F1 %.3f is below 0.80", set, r.f1)
	}
	for _, k := range []string{"place", "when", "source"} {
		ok, n := r.attr[k][0], r.attr[k][1]
		if n > 0 && float64(ok)/float64(n) < 0.70 {
			t.Errorf("%s: %s accuracy %d/%d is below 0.70", set, k, ok, n)
		}
	}
}
