package input

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Deferred files (record streams, archives) are handed over unread
// wherever they are found, even past MaxBytes, and still pass the
// directory filter.
func TestDefer(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte("{}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.warc.gz"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "d.bin"), []byte("x"), 0o644)
	big := filepath.Join(dir, "big.jsonl")
	f, _ := os.Create(big)
	f.Truncate(MaxBytes + 1)
	f.Close()
	got := map[string]Item{}
	err := Walk(context.Background(), []string{dir}, nil, Options{Defer: map[string]bool{".jsonl": true, ".warc.gz": true}}, func(it Item) error {
		got[filepath.Base(it.Path)] = it
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, deferred := range map[string]bool{"a.txt": false, "b.jsonl": true, "c.warc.gz": true, "big.jsonl": true} {
		it, ok := got[name]
		if !ok {
			t.Errorf("%s not walked", name)
			continue
		}
		if it.Deferred != deferred || it.Err != nil || (deferred && it.Data != nil) {
			t.Errorf("%s: %+v", name, it)
		}
	}
	if _, ok := got["d.bin"]; ok || len(got) != 4 {
		t.Errorf("walked %v", got)
	}
}
