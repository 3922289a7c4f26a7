// Package warctest writes small WARC files shaped like Common Crawl's
// CC-NEWS archives (WARC/1.0, one gzip member per record, warcinfo then
// request/response/metadata records), for tests.
package warctest

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"fmt"
	"time"
)

// Builder accumulates records.
type Builder struct {
	buf  bytes.Buffer
	Gzip bool
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Record appends one record of type typ with the given block.
func (b *Builder) Record(typ, uri, contentType string, block []byte) {
	var r bytes.Buffer
	fmt.Fprintf(&r, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n",
		typ, time.Date(2025, 2, 13, 10, 0, 0, 0, time.UTC).Format(time.RFC3339), uuid())
	if uri != "" {
		fmt.Fprintf(&r, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&r, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	r.Write(block)
	r.WriteString("\r\n\r\n")
	if !b.Gzip {
		b.buf.Write(r.Bytes())
		return
	}
	zw := gzip.NewWriter(&b.buf)
	zw.Write(r.Bytes())
	zw.Close()
}

// Info appends a warcinfo record.
func (b *Builder) Info() {
	b.Record("warcinfo", "", "application/warc-fields", []byte("software: flowwatch-test\r\nformat: WARC File Format 1.0\r\n"))
}

// Response appends a request record and the HTTP response to it.
func (b *Builder) Response(uri string, status int, contentType string, body []byte) {
	b.Record("request", uri, "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"))
	var h bytes.Buffer
	fmt.Fprintf(&h, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, statusText(status), contentType, len(body))
	h.Write(body)
	b.Record("response", uri, "application/http; msgtype=response", h.Bytes())
	b.Record("metadata", uri, "application/warc-fields", []byte("fetchTimeMs: 12\r\n"))
}

func statusText(s int) string {
	switch s {
	case 200:
		return "OK"
	case 404:
		return "Not Found"
	case 301:
		return "Moved Permanently"
	}
	return "Status"
}

// Bytes is the archive so far.
func (b *Builder) Bytes() []byte { return b.buf.Bytes() }
