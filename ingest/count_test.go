package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestCount(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pages/a.txt":       "One.",
		"pages/b.html":      "<p>Two.</p>",
		"pages/sub/c.txt":   "Three.",
		"mixed/d.txt":       "Four.",
		"mixed/items.jsonl": "{}",
		"feeds/x.rss":       "<rss/>",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		inputs []string
		n      int
		known  bool
	}{
		{"directory of pages", []string{filepath.Join(dir, "pages")}, 3, true},
		{"named file and directory", []string{filepath.Join(dir, "pages/a.txt"), filepath.Join(dir, "pages/sub")}, 2, true},
		{"JSON Lines inside", []string{filepath.Join(dir, "mixed")}, 0, false},
		{"feed file", []string{filepath.Join(dir, "feeds")}, 0, false},
		{"stdin", []string{filepath.Join(dir, "pages"), "-"}, 0, false},
		{"URL", []string{"https://example.org/feed"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, known := Count(context.Background(), tt.inputs)
			if n != tt.n || known != tt.known {
				t.Errorf("Count = %d, %v; want %d, %v", n, known, tt.n, tt.known)
			}
		})
	}
}
