package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch/input"
)

// Limits on what one record may make the reader hold. An archive is
// written by whoever served or crawled the pages, so nothing it declares
// is trusted before it is bounded.
const (
	// MaxLine is the longest header line. Target URIs are the longest
	// real ones, and stay well under it.
	MaxLine = 32 << 10
	// MaxHeader is the most header bytes of one record.
	MaxHeader = 256 << 10
	// MaxBlock is the largest record block read: an article's limit plus
	// room for the HTTP header in front of it.
	MaxBlock = input.MaxBytes + 1<<20
)

// recordError is a record that could not be read; the reader resyncs to
// the next record and goes on.
type recordError struct {
	msg    string
	header bool // the header itself was broken: Content-Length is unknown
}

func (e *recordError) Error() string { return e.msg }

func broken(header bool, format string, a ...any) *recordError {
	return &recordError{msg: fmt.Sprintf(format, a...), header: header}
}

// errTooLarge is a response record too large to hold an article; it was
// skipped without being read.
var errTooLarge = errors.New("record too large")

// errNotWARC is a stream that does not start like a WARC record.
var errNotWARC = errors.New("not a WARC file")

// record is one parsed WARC record header, with its block when the reader
// kept it.
type record struct {
	offset int64
	fields map[string]string // lower-case names; first occurrence wins
	length int64
	block  []byte
}

func (r *record) get(name string) string { return r.fields[name] }

// reader reads records from a plain WARC stream, or a gzipped one made of
// one gzip member per record (as the standard recommends and every
// crawler writes); a single member holding many records is read too.
type reader struct {
	count *countReader
	raw   *bufio.Reader // the file
	gz    bool
	zr    *gzip.Reader
	br    *bufio.Reader // the records: raw, or the current gzip member
	start int64         // offset of the current member, in gzip mode
	eof   bool
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func newReader(r io.Reader) *reader {
	c := &countReader{r: r}
	rd := &reader{count: c, raw: bufio.NewReaderSize(c, 64<<10)}
	if b, _ := rd.raw.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		rd.gz = true
		rd.br = bufio.NewReaderSize(nil, 64<<10)
	} else {
		rd.br = rd.raw
	}
	return rd
}

// rawOffset is how far into the file the reader has consumed.
func (rd *reader) rawOffset() int64 { return rd.count.n - int64(rd.raw.Buffered()) }

// openMember starts the gzip member at the current position.
func (rd *reader) openMember() error {
	rd.start = rd.rawOffset()
	var err error
	if rd.zr == nil {
		rd.zr, err = gzip.NewReader(rd.raw)
	} else {
		err = rd.zr.Reset(rd.raw)
	}
	if err != nil {
		return err
	}
	rd.zr.Multistream(false)
	rd.br.Reset(rd.zr)
	return nil
}

// more says whether another record may follow, skipping the blank lines
// between records and opening the next gzip member when the current one
// is done. It returns io.EOF at the end of the file.
func (rd *reader) more() error {
	for {
		if rd.eof {
			return io.EOF
		}
		if rd.zr != nil || !rd.gz {
			ok, err := rd.skipBlank()
			if err != nil || ok {
				return err
			}
			if !rd.gz {
				return io.EOF
			}
		}
		if _, err := rd.raw.Peek(1); err != nil {
			if err == io.EOF {
				return io.EOF
			}
			return err
		}
		if err := rd.openMember(); err != nil {
			return broken(true, "bad gzip member: %s", short(err))
		}
	}
}

// skipBlank passes over line endings; it says whether anything else
// follows in the current stream (file or gzip member).
func (rd *reader) skipBlank() (bool, error) {
	for i := 0; i < 1024; i++ {
		b, err := rd.br.Peek(1)
		switch {
		case err == io.EOF:
			return false, nil
		case err != nil && rd.gz:
			return false, broken(true, "bad gzip data: %s", short(err))
		case err != nil:
			return false, err
		case b[0] != '\r' && b[0] != '\n':
			return true, nil
		}
		rd.br.ReadByte()
	}
	return true, nil // header() finds no record here
}

// next reads one record. Blocks of response records up to MaxBlock are
// kept; others are skipped as they are read. A *recordError leaves the
// reader mid-record: call resync before the next call.
func (rd *reader) next() (*record, error) {
	err := rd.more()
	rec := &record{offset: rd.rawOffset()}
	if rd.gz {
		rec.offset = rd.start
	}
	if err != nil {
		return rec, err
	}
	if err := rd.header(rec); err != nil {
		return rec, err
	}
	if !rd.keep(rec) {
		if err := rd.skip(rec.length); err != nil {
			return rec, err
		}
		if rec.get("warc-type") == "response" && rec.length > MaxBlock {
			return rec, errTooLarge
		}
		return rec, nil
	}
	var buf bytes.Buffer
	buf.Grow(int(min(rec.length, 1<<20)))
	n, err := io.Copy(&buf, io.LimitReader(rd.br, rec.length))
	if err != nil {
		return rec, broken(false, "unreadable block: %s", short(err))
	}
	if n < rec.length {
		return rec, broken(false, "block cut short (%d of %d bytes)", n, rec.length)
	}
	rec.block = buf.Bytes()
	return rec, nil
}

// keep says whether a record's block is worth reading into memory: an
// HTTP response small enough to hold an article. A larger one is an error
// of its own, reported without reading it.
func (rd *reader) keep(rec *record) bool {
	return rec.get("warc-type") == "response" &&
		strings.HasPrefix(strings.ToLower(rec.get("content-type")), "application/http") &&
		rec.length <= MaxBlock
}

// skip passes over a block the reader does not keep. A block too large
// to keep, in a gzip member, is not decompressed at all (a few megabytes
// can declare and hold gigabytes): the reader gives up on the member and
// finds the next one.
func (rd *reader) skip(n int64) error {
	if rd.gz && n > MaxBlock {
		rd.dropMember()
		return nil
	}
	got, err := io.CopyN(io.Discard, rd.br, n)
	if err != nil && err != io.EOF {
		return broken(false, "unreadable block: %s", short(err))
	}
	if got < n {
		return broken(false, "block cut short (%d of %d bytes)", got, n)
	}
	return nil
}

// header reads the version line and the named fields up to the empty
// line, with every line and the whole header bounded.
func (rd *reader) header(rec *record) error {
	line, err := rd.line()
	if err != nil {
		return errNotWARC
	}
	if v := string(line); v != "WARC/1.0" && v != "WARC/1.1" {
		return errNotWARC
	}
	rec.fields = map[string]string{}
	size, last := 0, ""
	for {
		line, err := rd.line()
		if err != nil {
			if e, ok := err.(*recordError); ok {
				return e
			}
			return broken(true, "header cut short")
		}
		if len(line) == 0 {
			break
		}
		if size += len(line); size > MaxHeader {
			return broken(true, "header over %d bytes", MaxHeader)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			rec.fields[last] += " " + strings.TrimSpace(string(line))
			continue
		}
		name, value, ok := strings.Cut(string(line), ":")
		if !ok {
			return broken(true, "header line without a colon")
		}
		last = strings.ToLower(strings.TrimSpace(name))
		if _, dup := rec.fields[last]; !dup {
			rec.fields[last] = strings.TrimSpace(value)
		} else {
			last = ""
		}
	}
	cl, ok := rec.fields["content-length"]
	if !ok {
		return broken(true, "no Content-Length")
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return broken(true, "Content-Length %.40q is not a byte count", cl)
	}
	rec.length = n
	return nil
}

// line reads one header line without its line ending. A line longer than
// MaxLine is an error, found without reading the rest of it.
func (rd *reader) line() ([]byte, error) {
	b, err := rd.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull || (err == nil && len(b) > MaxLine) {
		return nil, broken(true, "header line over %d bytes", MaxLine)
	}
	if err != nil {
		if err == io.EOF && len(b) > 0 {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return bytes.TrimRight(b, "\r\n"), nil
}

// resync moves past a broken record to the start of the next one.
func (rd *reader) resync(err *recordError) {
	switch {
	case rd.gz:
		rd.dropMember()
	case !err.header:
		// Plain file, header read: the block was cut short, so this
		// was the end of the file.
		rd.eof = true
	default:
		rd.scanPlain()
	}
}

// scanPlain skips lines of a plain file until one starts a record.
func (rd *reader) scanPlain() {
	for {
		b, err := rd.br.Peek(8)
		if len(b) == 8 && (string(b) == "WARC/1.0" || string(b) == "WARC/1.1") {
			return
		}
		if err != nil {
			rd.eof = true
			return
		}
		if _, err := rd.br.ReadSlice('\n'); err != nil && err != bufio.ErrBufferFull {
			rd.eof = true
			return
		}
	}
}

// dropMember abandons the current gzip member and finds the next one by
// its magic bytes, checking that it inflates to a WARC record before
// trusting it, so compressed bytes that happen to look like a gzip header
// are passed over.
func (rd *reader) dropMember() {
	rd.zr = nil
	from := rd.start + 1
	if off := rd.rawOffset(); off > from {
		from = off
	}
	if _, err := rd.raw.Discard(int(from - rd.rawOffset())); err != nil {
		rd.eof = true
		return
	}
	for {
		b, err := rd.raw.Peek(3)
		if len(b) < 3 {
			rd.eof = true
			return
		}
		if b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 && startsRecord(rd.raw) {
			return
		}
		if err != nil {
			rd.eof = true
			return
		}
		rd.raw.Discard(1)
	}
}

// startsRecord says whether the gzip member at the front of raw inflates
// to the start of a WARC record, without consuming it.
func startsRecord(raw *bufio.Reader) bool {
	win, _ := raw.Peek(raw.Size())
	zr, err := gzip.NewReader(bytes.NewReader(win))
	if err != nil {
		return false
	}
	var head [8]byte
	if _, err := io.ReadFull(zr, head[:]); err != nil {
		return false
	}
	return string(head[:]) == "WARC/1.0" || string(head[:]) == "WARC/1.1"
}
