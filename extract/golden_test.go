package extract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenClaim is what a golden file pins down of a claim.
type goldenClaim struct {
	Kind      string            `json:"kind"`
	Group     string            `json:"group"`
	Event     string            `json:"event,omitempty"`
	Low       *float64          `json:"low"`
	High      *float64          `json:"high"`
	Qualifier string            `json:"qualifier"`
	Unit      string            `json:"unit"`
	Per       string            `json:"per,omitempty"`
	Place     []string          `json:"place"`
	When      *flowwatch.Period `json:"when"`
	Source    string            `json:"source,omitempty"`
	Via       string            `json:"via,omitempty"`
	Quote     string            `json:"quote"`
}

// TestGolden runs short articles the authors wrote (testdata/golden/*.txt
// in English, testdata/ko and testdata/ru: a "published: DATE" line, "---",
// the text) and compares the claims with the .json next to each. Run with
// -update after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	for dir, lang := range map[string]string{"golden": "en", "ko": "ko", "ru": "ru"} {
		paths, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no %s golden inputs: %v", lang, err)
		}
		for _, p := range paths {
			t.Run(dir+"/"+filepath.Base(p), func(t *testing.T) { checkGolden(t, p, lang) })
		}
	}
}

func checkGolden(t *testing.T, p, lang string) {
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
		t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
	}
	if !bytes.Equal(exp, b) {
		t.Errorf("claims differ from %s (run with -update and review the diff):\n%s", want, b)
	}
}
