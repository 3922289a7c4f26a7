package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: whatever the input, Parse returns an article or an error,
// never panics, and an article's Text is clean UTF-8 whose Hash matches.
// The seed corpus (run by every go test) covers each input form.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txt")
	htmls, _ := filepath.Glob("testdata/*.html")
	for _, p := range append(paths, htmls...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"",
		"plain text line that is long enough to be an article paragraph of its own.",
		"url: https://example.com/x\ntitle: A\npublished: 2024-02-30\n---\nBody text of the page that says something.\n",
		"title: unknown\n---\n",
		"url: x\n---\n<html><body><p>Body inside a header file.</p></body></html>",
		"<html><head><title>T</title><script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2020-01-02\",\"headline\":\"H\"}]}</script></head><body><p>Text.</p></body></html>",
		"<!doctype html><p>unclosed <div><a href=x>link</a>",
		"<html>" + strings.Repeat("<div>", 500) + "deep" + strings.Repeat("</div>", 500),
		"\x00\x01\x02\x03binary",
		"\x1f\x8b\x08gzip",
		"valid start \xff\xfe invalid",
		"\xef\xbb\xbfBOM then text that is long enough to keep as a paragraph here.",
		"Korea Herald09-02-2025\nHeadline words here now\n\nBody sentence that is long enough to be kept by the cleaner.",
		"Related Articles\n\nRelated Articles\n",
		strings.Repeat("x", 5000),
		strings.Repeat("a b, ", 400),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Parse("fuzz", raw)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error must be one line naming the input: %q", err)
			}
			return
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Error("article with empty text")
		}
		if !utf8.ValidString(a.Text) {
			t.Error("text is not valid UTF-8")
		}
		if strings.ContainsRune(a.Text, '\r') {
			t.Error("text keeps carriage returns")
		}
		if a.Hash != Hash(a.Text) {
			t.Error("hash does not match text")
		}
		if a.Lang == "" {
			t.Error("no language")
		}
	})
}
