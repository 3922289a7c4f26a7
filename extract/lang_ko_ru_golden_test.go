package extract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// TestGoldenKORU runs short Korean and Russian articles the authors wrote
// (testdata/ko/*.txt, testdata/ru/*.txt: a "published: DATE" line, "---",
// the text) and compares the claims with the .json next to each, like
// TestGolden for English. Run with -update after a deliberate change and
// review the diff.
func TestGoldenKORU(t *testing.T) {
	for _, lang := range []string{"ko", "ru"} {
		paths, err := filepath.Glob(filepath.Join("testdata", lang, "*.txt"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no %s golden inputs: %v", lang, err)
		}
		for _, p := range paths {
			t.Run(lang+"/"+filepath.Base(p), func(t *testing.T) {
				raw, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				head, body, ok := strings.Cut(string(raw), "---\n")
				if !ok {
					t.Fatalf("%s: no --- line", p)
				}
				a := &flowwatch.Article{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Text: body, Lang: lang}
				if v, ok := strings.CutPrefix(strings.TrimSpace(head), "published:"); ok && strings.TrimSpace(v) != "" {
					d, err := flowwatch.ParseDate(strings.TrimSpace(v))
					if err != nil {
						t.Fatal(err)
					}
					a.Published = d
				}
				got := []goldenClaim{}
				for _, c := range extractor().Extract(a) {
					if body[c.Start:c.End] != c.Quote {
						t.Errorf("quote %q not at its offsets", c.Quote)
					}
					if c.Lang != lang {
						t.Errorf("claim lang %q, want %q", c.Lang, lang)
					}
					got = append(got, goldenClaim{c.Kind, c.Group, c.Event, c.Low, c.High, c.Qualifier, c.Unit, c.Per, c.Place, c.When, c.Source, c.Via, c.Quote})
				}
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				b = append(b, '\n')
				want := strings.TrimSuffix(p, ".txt") + ".json"
				if *update {
					if err := os.WriteFile(want, b, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				exp, err := os.ReadFile(want)
				if err != nil {
					t.Fatalf("%v (run go test -run TestGoldenKORU -update to create it)", err)
				}
				if !bytes.Equal(exp, b) {
					t.Errorf("claims differ from %s (run with -update and review the diff):\n%s", want, b)
				}
			})
		}
	}
}
