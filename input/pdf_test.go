package input

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// PDFs are binary but read: directories pick up *.pdf, and a PDF may be
// larger than a page (up to MaxPDFBytes) while other files may not.
func TestPDFInputs(t *testing.T) {
	dir := t.TempDir()
	pdf := func(size int) []byte {
		b := append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), bytes.Repeat([]byte{0, 7, 200}, size/3)...)
		return b[:size]
	}
	write(t, filepath.Join(dir, "small.pdf"), pdf(4096))
	write(t, filepath.Join(dir, "large.pdf"), pdf(MaxBytes+1024))
	write(t, filepath.Join(dir, "huge.pdf"), pdf(MaxPDFBytes+1))
	write(t, filepath.Join(dir, "large.bin.txt"), bytes.Repeat([]byte("a"), MaxBytes+1))
	got := collect(t, []string{dir}, "")
	for _, name := range []string{"small.pdf", "large.pdf"} {
		if it := got[name]; it.Err != nil || len(it.Data) == 0 {
			t.Errorf("%s: %v, want it read", name, it.Err)
		}
	}
	if it := got["huge.pdf"]; it.Err == nil || !strings.Contains(it.Err.Error(), "the limit is 50.0 MB") {
		t.Errorf("huge.pdf: %v, want too large past 50 MB", it.Err)
	}
	if it := got["large.bin.txt"]; it.Err == nil || !strings.Contains(it.Err.Error(), "too large") {
		t.Errorf("a text file over 20 MB: %v, want too large", it.Err)
	}
	if err := Check(pdf(100)); err != nil {
		t.Errorf("Check(PDF) = %v, want nil: the pdf package reads it", err)
	}
}
