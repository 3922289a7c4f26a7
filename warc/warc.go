// Package warc reads archived web pages out of WARC files (WARC/1.0 and
// 1.1, plain or gzipped record by record, as Common Crawl's CC-NEWS
// publishes them). Only HTTP 200 responses with an HTML or text payload
// are pages; requests, metadata, revisits and other records are skipped.
//
// Archives are untrusted: header lines, headers and declared lengths are
// bounded before anything is read (see MaxLine, MaxHeader, MaxBlock), no
// block larger than an article is held in memory or written anywhere, and
// a broken record fails alone: the reader finds the next record and goes
// on.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch/input"
)

// Page is one archived HTML or text response.
type Page struct {
	URL         string // WARC-Target-URI
	Offset      int64  // of the record in the file (of its gzip member), for error lines
	ContentType string
	Body        []byte // the HTTP payload, decoded from gzip if need be
	Err         error  // this record could not be read; the file goes on
}

// IsWARC says whether a file name looks like a WARC archive.
func IsWARC(name string) bool {
	l := strings.ToLower(name)
	return strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".warc.gz")
}

// Exts are the endings of WARC files, for directory walks.
var Exts = map[string]bool{".warc": true, ".warc.gz": true}

// Read calls fn for every page in the WARC stream r, in file order, and
// for every broken or oversized record (with Err set). It returns fn's
// error, ctx's, an error reading r, or an error when r holds no WARC
// record at all.
func Read(ctx context.Context, r io.Reader, fn func(Page) error) error {
	rd := newReader(r)
	good := 0
	var held []Page // errors before the first good record: maybe not a WARC file at all
	emit := func(p Page) error {
		if good == 0 {
			held = append(held, p)
			return nil
		}
		for _, h := range held {
			if err := fn(h); err != nil {
				return err
			}
		}
		held = nil
		return fn(p)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.next()
		if errors.Is(err, errNotWARC) {
			err = broken(true, "no WARC/1.0 or WARC/1.1 record starts here")
		}
		var re *recordError
		switch {
		case err == io.EOF:
			if good == 0 && len(held) > 0 {
				return fmt.Errorf("not a WARC file (%s)", held[0].Err)
			}
			if good == 0 {
				return errors.New("no WARC records found (not a WARC file?)")
			}
			return nil
		case errors.As(err, &re):
			rd.resync(re)
			if err := emit(Page{URL: rec.get("warc-target-uri"), Offset: rec.offset, Err: fmt.Errorf("broken WARC record: %s", re.msg)}); err != nil {
				return err
			}
			continue
		case errors.Is(err, errTooLarge):
			good++
			e := fmt.Errorf("response record of %d bytes is over the %d-byte limit; skipped unread", rec.length, MaxBlock)
			if err := emit(Page{URL: rec.get("warc-target-uri"), Offset: rec.offset, Err: e}); err != nil {
				return err
			}
			continue
		case err != nil:
			return fmt.Errorf("read WARC: %w", err)
		}
		good++
		if rec.block == nil {
			continue
		}
		p, ok := page(rec)
		if !ok {
			continue
		}
		if err := emit(p); err != nil {
			return err
		}
	}
}

// page reads the HTTP response a record holds.
func page(rec *record) (Page, bool) {
	p := Page{URL: rec.get("warc-target-uri"), Offset: rec.offset}
	status, h, payload, err := parseHTTP(rec.block)
	if err != nil {
		p.Err = fmt.Errorf("unreadable response record: %s", err)
		return p, true
	}
	if status != 200 {
		return p, false
	}
	p.ContentType = h.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(p.ContentType); err == nil && p.ContentType != "" {
		if mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
			return p, false // images, PDFs, scripts
		}
	}
	if strings.EqualFold(h.Get("Transfer-Encoding"), "chunked") {
		if d, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(payload)), input.MaxBytes+1)); err == nil {
			payload = d
		}
	}
	// Crawlers usually store payloads decoded, but not always.
	if strings.EqualFold(h.Get("Content-Encoding"), "gzip") && len(payload) > 2 && payload[0] == 0x1f && payload[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(payload)); err == nil {
			if d, err := io.ReadAll(io.LimitReader(zr, input.MaxBytes+1)); err == nil {
				payload = d
			}
		}
	}
	if len(payload) > input.MaxBytes {
		p.Err = fmt.Errorf("payload too large (over %d bytes)", input.MaxBytes)
		return p, true
	}
	p.Body = payload
	return p, true
}

// parseHTTP splits an HTTP response held in memory into its status,
// header and payload (everything after the header, whatever
// Content-Length says: archived payloads are often stored decoded).
func parseHTTP(block []byte) (int, textproto.MIMEHeader, []byte, error) {
	end, sep := bytes.Index(block, []byte("\r\n\r\n")), 4
	if lf := bytes.Index(block, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
		end, sep = lf, 2
	}
	if end < 0 {
		return 0, nil, nil, errors.New("no end to the HTTP header")
	}
	head, payload := block[:end], block[end+sep:]
	statusLine, rest, _ := bytes.Cut(head, []byte("\n"))
	proto, code, _ := strings.Cut(strings.TrimSpace(string(statusLine)), " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return 0, nil, nil, errors.New("no HTTP status line")
	}
	code, _, _ = strings.Cut(code, " ")
	status, err := strconv.Atoi(code)
	if err != nil || status < 100 || status > 999 {
		return 0, nil, nil, errors.New("bad HTTP status")
	}
	tr := textproto.NewReader(bufio.NewReader(io.MultiReader(bytes.NewReader(rest), strings.NewReader("\r\n\r\n"))))
	h, err := tr.ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		h = textproto.MIMEHeader{} // a broken header still has a payload worth reading
	}
	return status, h, payload, nil
}

func short(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
