// Package input reads the files a user names on the command line: plain
// files, directories (recursively) and "-" for standard input. Every read
// is bounded, and each bad input is reported as its own error so that the
// rest of a batch goes on.
package input

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"
)

// MaxBytes is the largest input read. Real article pages are well under
// a megabyte; anything larger is almost always a dump or a mistake.
const MaxBytes = 20 << 20

// MaxPDFBytes is the largest PDF read: reports run to hundreds of pages
// and carry figures and maps (the pdf package reads within the same bound).
const MaxPDFBytes = 50 << 20

// Item is one input: its bytes, or the reason it cannot be read.
type Item struct {
	Path string // as named by the user, or found under a named directory
	Name string // base name without extension: the claims' "article"
	Data []byte
	Err  error // one line, naming the reason
	// Deferred marks a file whose ending is in Options.Defer: it was
	// found but not read (Data is nil); the caller streams it itself.
	Deferred bool
}

// ArticleExts are the file endings read when walking a directory; a file
// named explicitly is read whatever its ending.
var ArticleExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".pdf": true}

// Options changes what a directory walk picks up.
type Options struct {
	Exts map[string]bool // endings to read in directories; nil means ArticleExts
	// Defer lists endings (".jsonl", ".warc.gz") of files that are
	// handed to fn unread, with Deferred set, wherever they are found:
	// archives and record streams larger than MaxBytes are read
	// record by record by the caller.
	Defer map[string]bool
}

// Walk calls fn for every input under paths in a stable order (directory
// entries sorted by name). It stops early only when fn returns an error or
// ctx is done.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opt Options, fn func(Item) error) error {
	exts := opt.Exts
	if exts == nil {
		exts = ArticleExts
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			data, err := readBounded(stdin)
			if err := fn(item("-", "stdin", data, err)); err != nil {
				return err
			}
			continue
		}
		w := walker{ctx: ctx, exts: exts, deferred: opt.Defer, fn: fn, seen: map[fileID]bool{}}
		if err := w.path(p, true); err != nil {
			return err
		}
	}
	return nil
}

type fileID struct{ dev, ino uint64 }

type walker struct {
	ctx      context.Context
	exts     map[string]bool
	deferred map[string]bool
	fn       func(Item) error
	seen     map[fileID]bool // directories on the current walk, to break symlink loops
	statOnly bool            // Count: report files without reading them
}

func (w *walker) path(p string, named bool) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	fi, err := os.Stat(p)
	if err != nil {
		if named || !errors.Is(err, fs.ErrNotExist) {
			return w.fn(Item{Path: p, Name: Name(p), Err: describe(err)})
		}
		// A dangling symlink inside a directory is not worth a line.
		return nil
	}
	if fi.IsDir() {
		id, ok := idOf(fi)
		if ok {
			if w.seen[id] {
				return w.fn(Item{Path: p, Name: Name(p), Err: errors.New("directory loop (a symbolic link points back into its own parent); skipped")})
			}
			w.seen[id] = true
			defer delete(w.seen, id)
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return w.fn(Item{Path: p, Name: Name(p), Err: describe(err)})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			child := filepath.Join(p, e.Name())
			if !e.IsDir() && e.Type()&fs.ModeSymlink == 0 && !w.wanted(e.Name()) {
				continue
			}
			if e.Type()&fs.ModeSymlink != 0 {
				if cfi, err := os.Stat(child); err == nil && !cfi.IsDir() && !w.wanted(e.Name()) {
					continue
				}
			}
			if err := w.path(child, false); err != nil {
				return err
			}
		}
		return nil
	}
	if !fi.Mode().IsRegular() {
		return w.fn(Item{Path: p, Name: Name(p), Err: errors.New("not a regular file")})
	}
	if hasExt(p, w.deferred) {
		return w.fn(Item{Path: p, Name: Name(p), Deferred: true})
	}
	if w.statOnly {
		return w.fn(Item{Path: p, Name: Name(p)})
	}
	f, err := os.Open(p)
	if err != nil {
		return w.fn(Item{Path: p, Name: Name(p), Err: describe(err)})
	}
	defer f.Close()
	limit := int64(MaxBytes)
	if sniffPDF(f) {
		limit = MaxPDFBytes
	}
	if fi.Size() > limit {
		return w.fn(Item{Path: p, Name: Name(p), Err: fmt.Errorf("too large (%s, the limit is %s)", human(fi.Size()), human(limit))})
	}
	data, err := readLimit(f, limit)
	return w.fn(item(p, Name(p), data, err))
}

func (w *walker) wanted(name string) bool {
	return hasExt(name, w.exts) || hasExt(name, w.deferred) || gzipped(name, w.exts)
}

func hasExt(name string, exts map[string]bool) bool {
	lower := strings.ToLower(name)
	for ext := range exts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

func idOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}

// sniffPDF peeks at a file's start for the PDF signature and rewinds.
func sniffPDF(f *os.File) bool {
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	f.Seek(0, io.SeekStart)
	return IsPDF(head[:n])
}

// IsPDF reports whether data starts like a PDF file (the signature may
// follow a little junk, as readers allow).
func IsPDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

func item(path, name string, data []byte, err error) Item {
	if err == nil {
		data, err = gunzip(data)
	}
	if err == nil {
		err = Check(data)
	}
	if err != nil {
		return Item{Path: path, Name: name, Err: err}
	}
	return Item{Path: path, Name: name, Data: data}
}

// Check rejects inputs that cannot be article text: empty, binary, or
// text that is not valid UTF-8. Pages in legacy encodings that declare
// their charset are HTML and are decoded by the HTML path, so only HTML
// is let through with invalid UTF-8.
func Check(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file")
	}
	if IsPDF(data) {
		return nil // binary by nature: the pdf package reads it
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 || controlShare(head) > 0.1 {
		return errors.New("not text (binary data)")
	}
	if !utf8.Valid(data) && !LooksHTML(data) {
		return errors.New("not valid UTF-8 text (convert it to UTF-8 first)")
	}
	return nil
}

// LooksHTML sniffs markup at the start of data.
func LooksHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff"))
	if bytes.Contains(head, []byte("<html")) {
		return true
	}
	for _, p := range []string{"<!doctype html", "<head", "<body", "<meta"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

func readBounded(r io.Reader) ([]byte, error) {
	return readLimit(r, MaxBytes)
}

func readLimit(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, describe(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large (over %s)", human(limit))
	}
	return data, nil
}

// describe turns an OS error into the short reason a user can act on.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("too many levels of symbolic links (a link loop)")
	case errors.Is(err, syscall.EISDIR):
		return errors.New("is a directory")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Name is the base name without its extension(s) such as .txt or .html.gz.
func Name(p string) string {
	base := filepath.Base(p)
	for _, ext := range []string{".gz"} {
		base = strings.TrimSuffix(base, ext)
	}
	if ext := filepath.Ext(base); ext != "" && len(ext) <= 6 {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
