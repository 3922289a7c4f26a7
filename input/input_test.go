package input

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func collect(t *testing.T, paths []string, stdin string) map[string]Item {
	t.Helper()
	got := map[string]Item{}
	err := Walk(context.Background(), paths, strings.NewReader(stdin), Options{}, func(it Item) error {
		got[filepath.Base(it.Path)] = it
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestWalkReportsEachBadInputAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "good.txt"), []byte("About 1,000 workers arrived.\n"))
	write(t, filepath.Join(dir, "a", "empty.txt"), []byte("  \n"))
	write(t, filepath.Join(dir, "a", "binary.txt"), append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0, 1, 2}, 100)...))
	write(t, filepath.Join(dir, "a", "latin1.txt"), []byte("caf\xe9 au lait\n"))
	write(t, filepath.Join(dir, "a", "page.html"), []byte("<html><body><p>caf\xe9</p></body></html>"))
	write(t, filepath.Join(dir, "a", "notes.md"), []byte("not an article"))
	write(t, filepath.Join(dir, "a", "big.txt"), bytes.Repeat([]byte("x"), MaxBytes+1))
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "a", "loop")); err != nil {
		t.Fatal(err)
	}

	got := collect(t, []string{filepath.Join(dir, "a"), filepath.Join(dir, "missing.txt"), "-"}, "Stdin text.")
	tests := []struct {
		name, wantErr string
	}{
		{"good.txt", ""},
		{"empty.txt", "empty"},
		{"binary.txt", "binary"},
		{"latin1.txt", "UTF-8"},
		{"page.html", ""}, // legacy-encoded HTML is decoded by the HTML path
		{"big.txt", "too large"},
		{"loop", "loop"},
		{"missing.txt", "no such file"},
		{"-", ""},
	}
	for _, tt := range tests {
		it, ok := got[tt.name]
		if !ok {
			t.Errorf("%s: not reported", tt.name)
			continue
		}
		switch {
		case tt.wantErr == "" && it.Err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, it.Err)
		case tt.wantErr != "" && (it.Err == nil || !strings.Contains(it.Err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want one mentioning %q", tt.name, it.Err, tt.wantErr)
		}
	}
	if _, ok := got["notes.md"]; ok {
		t.Error("a .md file inside a directory was read as an article")
	}
	if it := got["-"]; it.Name != "stdin" || string(it.Data) != "Stdin text." {
		t.Errorf("stdin item = %+v", it)
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/seed-001_47c8.txt": "seed-001_47c8",
		"page.html.gz":          "page",
		"noext":                 "noext",
		"v1.2.report.txt":       "v1.2.report",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}
