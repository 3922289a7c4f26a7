// Package warc reads archived web pages out of WARC files (plain or
// gzipped record by record, as Common Crawl's CC-NEWS publishes them),
// via nlnwa/gowarc. Only HTTP 200 responses with an HTML or text payload
// are pages; requests, metadata, revisits and other records are skipped.
package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/nlnwa/gowarc"

	"github.com/flowwatch/flowwatch/input"
)

// Page is one archived HTML or text response.
type Page struct {
	URL         string // WARC-Target-URI
	Offset      int64  // of the record in the file, for error lines
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

// Read calls fn for every page in the WARC stream r, in file order. It
// returns fn's error, ctx's, or an error when the file itself is broken
// past the point where the next record can be found.
func Read(ctx context.Context, r io.Reader, fn func(Page) error) (err error) {
	// An archive is untrusted input: a parser bug it triggers fails this
	// file, not the process.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("broken WARC file (the reader gave up: %v)", r)
		}
	}()
	wf, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithAddMissingDigest(false),
		gowarc.WithFixDigest(false),
		gowarc.WithAddMissingRecordId(false),
	)
	if err != nil {
		return fmt.Errorf("open WARC: %w", err)
	}
	defer wf.Close()
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, off, _, err := wf.Next()
		if err == io.EOF {
			if n == 0 {
				return errors.New("no WARC records found (not a WARC file?)")
			}
			return nil
		}
		if err != nil {
			if rec == nil {
				if n == 0 {
					return fmt.Errorf("not a WARC file (%s)", short(err))
				}
				return fmt.Errorf("broken WARC record at byte %d: %s", off, short(err))
			}
			// The record's block could not be parsed (a bad HTTP
			// header): skip it alone.
			n++
			if rec.Type() == gowarc.Response {
				if err := fn(Page{URL: rec.WarcHeader().Get(gowarc.WarcTargetURI), Offset: off, Err: fmt.Errorf("unreadable response record: %s", short(err))}); err != nil {
					return err
				}
			}
			continue
		}
		n++
		if rec.Type() != gowarc.Response {
			continue
		}
		p, ok := page(rec, off)
		if !ok {
			continue
		}
		if err := fn(p); err != nil {
			return err
		}
	}
}

func page(rec gowarc.WarcRecord, off int64) (Page, bool) {
	p := Page{URL: rec.WarcHeader().Get(gowarc.WarcTargetURI), Offset: off}
	hb, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return p, false // a response to something other than HTTP (dns:, ...)
	}
	if hb.HttpStatusCode() != http.StatusOK {
		return p, false
	}
	h := hb.HttpHeader()
	if h != nil {
		p.ContentType = h.Get("Content-Type")
	}
	if mt, _, err := mime.ParseMediaType(p.ContentType); err == nil && p.ContentType != "" {
		if mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
			return p, false // images, PDFs, scripts
		}
	}
	body, err := hb.PayloadBytes()
	if err != nil {
		p.Err = fmt.Errorf("unreadable payload: %s", short(err))
		return p, true
	}
	data, err := io.ReadAll(io.LimitReader(body, input.MaxBytes+1))
	if err != nil {
		p.Err = fmt.Errorf("unreadable payload: %s", short(err))
		return p, true
	}
	if len(data) > input.MaxBytes {
		p.Err = fmt.Errorf("payload too large (over %d bytes)", input.MaxBytes)
		return p, true
	}
	// Crawlers usually store payloads decoded, but not always.
	if h != nil && strings.EqualFold(h.Get("Content-Encoding"), "gzip") && len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err == nil {
			d, err := io.ReadAll(io.LimitReader(zr, input.MaxBytes+1))
			if err == nil && len(d) <= input.MaxBytes {
				data = d
			}
		}
	}
	p.Body = data
	return p, true
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
