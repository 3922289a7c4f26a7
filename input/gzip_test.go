package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWalkReadsGzip: a gzipped page or text is read like the plain file,
// in a directory walk, when named, and on standard input; a broken or
// oversized stream is one error line.
func TestWalkReadsGzip(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<html><body><p>About 2,000 workers arrived in May.</p></body></html>")
	write(t, filepath.Join(dir, "d", "page.html.gz"), gz(t, page))
	write(t, filepath.Join(dir, "d", "note.txt.gz"), gz(t, []byte("Some 300 builders left.\n")))
	write(t, filepath.Join(dir, "d", "data.csv.gz"), gz(t, []byte("a,b\n")))
	write(t, filepath.Join(dir, "d", "cut.txt.gz"), gz(t, []byte("cut short\n"))[:12])
	write(t, filepath.Join(dir, "d", "bomb.txt.gz"), gz(t, bytes.Repeat([]byte("a"), MaxBytes+1)))
	named := filepath.Join(dir, "named.gz")
	write(t, named, gz(t, []byte("Named text.\n")))

	got := collect(t, []string{filepath.Join(dir, "d"), named, "-"}, string(gz(t, []byte("Piped text."))))
	tests := []struct {
		name, want, wantErr string
	}{
		{"page.html.gz", string(page), ""},
		{"note.txt.gz", "Some 300 builders left.\n", ""},
		{"named.gz", "Named text.\n", ""},
		{"-", "Piped text.", ""},
		{"cut.txt.gz", "", "gzip"},
		{"bomb.txt.gz", "", "too large"},
	}
	for _, tt := range tests {
		it, ok := got[tt.name]
		switch {
		case !ok:
			t.Errorf("%s: not reported", tt.name)
		case tt.wantErr != "" && (it.Err == nil || !strings.Contains(it.Err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, it.Err, tt.wantErr)
		case tt.wantErr == "" && (it.Err != nil || string(it.Data) != tt.want):
			t.Errorf("%s: data %q, err %v; want %q", tt.name, it.Data, it.Err, tt.want)
		}
	}
	if _, ok := got["data.csv.gz"]; ok {
		t.Error("a .csv.gz file inside a directory was read as an article")
	}
	if it := got["page.html.gz"]; it.Name != "page" {
		t.Errorf("page.html.gz named %q, want page", it.Name)
	}
}

func FuzzGunzip(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add(gz(f, []byte("<p>12,000 troops</p>")))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := gunzip(data)
		if err == nil && len(out) > MaxBytes {
			t.Fatalf("gunzip returned %d bytes, over MaxBytes", len(out))
		}
		if !bytes.HasPrefix(data, gzipMagic) && (err != nil || !bytes.Equal(out, data)) {
			t.Fatalf("non-gzip input changed: %v", err)
		}
	})
}

func TestListMatchesWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "one.txt"), []byte("One.\n"))
	write(t, filepath.Join(dir, "a", "b", "two.html.gz"), gz(t, []byte("<p>Two.</p>")))
	write(t, filepath.Join(dir, "a", "b", "skip.md"), []byte("no"))
	write(t, filepath.Join(dir, "a", "recs.jsonl"), []byte("{}\n"))
	opt := Options{Defer: map[string]bool{".jsonl": true}}
	paths := []string{filepath.Join(dir, "a"), filepath.Join(dir, "missing.txt")}
	var walked []string
	if err := Walk(context.Background(), paths, nil, opt, func(it Item) error {
		walked = append(walked, it.Path)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	items, err := List(context.Background(), paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	var listed, deferred []string
	for _, it := range items {
		listed = append(listed, it.Path)
		if it.Deferred {
			deferred = append(deferred, filepath.Base(it.Path))
		}
		if it.Data != nil {
			t.Errorf("%s: List read the file", it.Path)
		}
	}
	if strings.Join(listed, "|") != strings.Join(walked, "|") || len(listed) != 4 {
		t.Errorf("List gave %v, Walk gave %v; want the same 4", listed, walked)
	}
	if strings.Join(deferred, "|") != "recs.jsonl" {
		t.Errorf("deferred = %v, want recs.jsonl", deferred)
	}
}
