// Package pdf reads the text of PDF reports (sanctions monitors, UN
// panels, agencies) in reading order, page by page, in pure Go.
//
// The object layer (cross-reference tables and streams, object streams,
// filters, the standard security handler) is github.com/ledongthuc/pdf;
// everything after it is ours: the content stream interpreter, font
// decoding (simple encodings, Type0 fonts with ToUnicode CMaps), and the
// layout rules a report needs: running headers, footers and page numbers
// go, two-column pages are read column by column, footnote markers do not
// glue to figures, hyphenated line breaks are joined, and table rows
// become one line with cells separated by " | ".
//
// Every document is read within Limits (size, pages, decoded bytes, time),
// and every failure is one line: encrypted, corrupt, truncated, no pages,
// no text layer (a scan: there is no OCR), or over a limit.
//
// Pages are separated in the text by form feeds ("\f"), the page
// terminator of pdftotext: page N of an offset is one more than the form
// feeds before it (PageAt), so claims keep their page in any text that
// was read from a PDF, even when it is read back from the store.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch/input"
	lpdf "github.com/ledongthuc/pdf"
)

// Limits bound the work on one document. Zero fields take the defaults.
type Limits struct {
	MaxBytes   int64         // the file; default 50 MB
	MaxPages   int           // default 2,000
	MaxDecoded int64         // all streams decoded, together; default 512 MB
	MaxText    int           // text kept; default 32 MB
	Timeout    time.Duration // default 2 minutes
}

// Defaults.
const (
	MaxBytes   = input.MaxPDFBytes
	MaxPages   = 2000
	MaxDecoded = 512 << 20
	MaxText    = 32 << 20
	Timeout    = 2 * time.Minute
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = MaxBytes
	}
	if l.MaxPages <= 0 {
		l.MaxPages = MaxPages
	}
	if l.MaxDecoded <= 0 {
		l.MaxDecoded = MaxDecoded
	}
	if l.MaxText <= 0 {
		l.MaxText = MaxText
	}
	if l.Timeout <= 0 {
		l.Timeout = Timeout
	}
	return l
}

// Document is what was read from a PDF.
type Document struct {
	Title  string // from the metadata, else the first page's largest line
	Issuer string // the metadata's Author, else an organisation on the first page
	Date   string // YYYY-MM-DD, or "" when neither the first page nor the metadata says
	Pages  int
	// Text holds the pages in reading order, one paragraph per line,
	// paragraphs separated by a blank line, each page ended by "\f".
	Text string
}

// Errors a caller may want to tell apart; the messages are one line.
var (
	ErrEncrypted = errors.New("encrypted PDF: it needs a password (flowwatch reads only PDFs anyone can open)")
	ErrNoText    = errors.New("PDF has no text layer (a scanned document?); flowwatch does not do OCR")
	ErrNoPages   = errors.New("PDF has no pages")
)

// Is reports whether data starts like a PDF file.
func Is(data []byte) bool { return input.IsPDF(data) }

// Read reads the text of the PDF in data.
func Read(ctx context.Context, data []byte, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("PDF too large (%s, the limit is %s)", human(int64(len(data))), human(lim.MaxBytes))
	}
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	// The object layer can loop on a hostile file (an object stream that
	// extends itself); the read runs aside so the deadline always holds.
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := read(ctx, data, lim)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("PDF took longer than %s to read; gave up", lim.Timeout)
		}
		return nil, ctx.Err()
	}
}

func read(ctx context.Context, data []byte, lim Limits) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("corrupt PDF: %s", oneLine(fmt.Sprint(r)))
		}
	}()
	data = trimToHeader(data)
	if err := checkXrefChain(data); err != nil {
		return nil, err
	}
	if err := checkExtends(data); err != nil {
		return nil, err
	}
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, describeOpen(err)
	}
	b := &budget{ctx: ctx, lim: lim}
	pages := &pageWalker{b: b, max: lim.MaxPages}
	root := r.Trailer().Key("Root").Key("Pages")
	if n := root.Key("Count").Int64(); n > int64(lim.MaxPages) {
		return nil, fmt.Errorf("PDF has %d pages, the limit is %d", n, lim.MaxPages)
	}
	a := newAssembler()
	in := &interp{budget: b, fonts: map[string]*font{}}
	err = pages.walk(root, inherited{}, 0, func(pg lpdf.Value, inh inherited) error {
		lines, stats := readPage(in, pg, inh)
		a.add(lines, stats)
		if a.textBytes > lim.MaxText {
			return fmt.Errorf("PDF text over %s; the limit is %s", human(int64(a.textBytes)), human(int64(lim.MaxText)))
		}
		return b.err
	})
	if err != nil {
		return nil, err
	}
	if a.pages == 0 {
		return nil, ErrNoPages
	}
	doc = a.finish()
	if strings.TrimSpace(strings.ReplaceAll(doc.Text, "\f", "")) == "" {
		if a.unknown > 0 {
			return nil, errors.New("PDF text uses fonts without a Unicode map; its text cannot be read")
		}
		return nil, ErrNoText
	}
	info := r.Trailer().Key("Info")
	meta(doc, info, a.first)
	return doc, nil
}

// trimToHeader drops bytes before "%PDF-" (some servers prepend junk);
// offsets in the file are then still relative to the header.
func trimToHeader(data []byte) []byte {
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		return data[i:]
	}
	return data
}

func describeOpen(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, lpdf.ErrInvalidPassword), strings.Contains(msg, "encrypt"), strings.Contains(msg, "password"):
		if strings.Contains(msg, "unsupported") {
			return fmt.Errorf("encrypted PDF with an unsupported security handler (%s)", oneLine(msg))
		}
		return ErrEncrypted
	case strings.Contains(msg, "missing %%EOF"), strings.Contains(msg, "missing final startxref"), strings.Contains(msg, "EOF"):
		return fmt.Errorf("truncated or corrupt PDF (%s)", strings.ReplaceAll(oneLine(msg), "%%", "%"))
	}
	return fmt.Errorf("corrupt PDF: %s", oneLine(msg))
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

// budget tracks one document's decoded bytes, operators and deadline.
type budget struct {
	ctx       context.Context
	lim       Limits
	decoded   int64
	textBytes int
	ops       int
	err       error
}

const cmapBytes = 4 << 20

func (b *budget) cmapBytes() int64 { return min(cmapBytes, b.left()) }

func (b *budget) streamBytes() int64 { return b.left() }

func (b *budget) left() int64 { return max(0, b.lim.MaxDecoded-b.decoded) }

func (b *budget) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// exhausted is checked by the interpreter every operator; the context
// only every 4096 so the check stays cheap.
func (b *budget) exhausted() bool {
	if b.err != nil {
		return true
	}
	if b.ops&4095 == 0 {
		if err := b.ctx.Err(); err != nil {
			b.err = err
			return true
		}
	}
	return false
}

// readStream decodes a stream, at most max bytes of it.
func readStream(v lpdf.Value, max int64) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("corrupt stream: %s", oneLine(fmt.Sprint(r)))
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, max+1))
	if int64(len(data)) > max {
		return nil, fmt.Errorf("a stream decodes to more than %s (a compression bomb?)", human(max))
	}
	if err != nil && len(data) == 0 {
		return nil, fmt.Errorf("corrupt stream: %s", oneLine(err.Error()))
	}
	// A truncated stream keeps what decoded.
	return data, nil
}

// inherited are the page attributes a page takes from its ancestors.
type inherited struct {
	res lpdf.Value
	box [4]float64
	has bool
}

type pageWalker struct {
	b     *budget
	max   int
	n     int
	nodes int
}

// maxTreeDepth bounds the page tree: real trees are a few levels deep,
// and a cycle would otherwise recurse forever.
const maxTreeDepth = 64

func (w *pageWalker) walk(node lpdf.Value, inh inherited, depth int, fn func(lpdf.Value, inherited) error) error {
	if depth > maxTreeDepth {
		return errors.New("corrupt PDF: page tree too deep (a loop?)")
	}
	w.nodes++
	if w.nodes > 4*w.max+64 {
		return errors.New("corrupt PDF: page tree has too many nodes (a loop?)")
	}
	if err := w.b.ctx.Err(); err != nil {
		return err
	}
	if r := node.Key("Resources"); r.Kind() == lpdf.Dict {
		inh.res = r
	}
	if box, ok := mediaBox(node); ok {
		inh.box, inh.has = box, true
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || (kids.Kind() != lpdf.Array && node.Key("Contents").Kind() != lpdf.Null) {
		w.n++
		if w.n > w.max {
			return fmt.Errorf("PDF has more than %d pages, the limit", w.max)
		}
		return fn(node, inh)
	}
	for i := 0; i < kids.Len(); i++ {
		if err := w.walk(kids.Index(i), inh, depth+1, fn); err != nil {
			return err
		}
	}
	return nil
}

func mediaBox(v lpdf.Value) ([4]float64, bool) {
	var box [4]float64
	for _, k := range []string{"CropBox", "MediaBox"} {
		m := v.Key(k)
		if m.Len() == 4 {
			for i := range box {
				box[i] = m.Index(i).Float64()
			}
			if box[2] > box[0] && box[3] > box[1] {
				return box, true
			}
		}
	}
	return box, false
}

// pageStats is what a page showed besides its lines.
type pageStats struct {
	images, glyphs, unknown int
}

// readPage interprets one page and lays its text out as lines.
func readPage(in *interp, pg lpdf.Value, inh inherited) ([]line, pageStats) {
	b := in.budget
	var content []byte
	c := pg.Key("Contents")
	streams := []lpdf.Value{c}
	if c.Kind() == lpdf.Array {
		streams = streams[:0]
		for i := 0; i < c.Len() && i < 4096; i++ {
			streams = append(streams, c.Index(i))
		}
	}
	for _, s := range streams {
		if s.Kind() != lpdf.Stream {
			continue
		}
		data, err := readStream(s, b.streamBytes())
		if err != nil {
			if strings.Contains(err.Error(), "bomb") {
				b.fail(err)
			}
			continue // a broken stream on one page loses that stream only
		}
		b.decoded += int64(len(data))
		content = append(content, data...)
		content = append(content, '\n')
	}
	in.spans, in.images, in.glyphs, in.unknown, in.forms = in.spans[:0], 0, 0, 0, 0
	res := inh.res
	if res.IsNull() {
		res = pg.Key("Resources")
	}
	box := inh.box
	if !inh.has {
		box = [4]float64{0, 0, 612, 792}
	}
	in.run(content, res, newTextState(), 0)
	lines := layout(in.spans, box)
	return lines, pageStats{images: in.images, glyphs: in.glyphs, unknown: in.unknown}
}

func human(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
