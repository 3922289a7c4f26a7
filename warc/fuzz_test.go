package warc

import (
	"bytes"
	"context"
	"testing"

	"github.com/flowwatch/flowwatch/input"
	"github.com/flowwatch/flowwatch/warc/warctest"
)

// FuzzRead: whatever the bytes, Read returns (no panic, no hang), every
// page either carries an error or a body within the article limit, and
// pages come in file order.
func FuzzRead(f *testing.F) {
	for _, gz := range []bool{false, true} {
		b := &warctest.Builder{Gzip: gz}
		b.Info()
		b.Response("https://news.example.org/a", 200, "text/html", []byte("<html><body><p>a page</p></body></html>"))
		b.Response("https://news.example.org/b", 404, "text/html", []byte("gone"))
		f.Add(b.Bytes())
	}
	for _, s := range []string{
		"WARC/\n0",
		"WARC/1.0\r\n\r\n",
		"WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n",
		"WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\n\nhi\r\n\r\n",
		"WARC/1.0\r\nWARC-Type: response\r\n folded\r\nContent-Length: 0\r\n\r\nWARC/1.0\r\n",
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
		"\r\n\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var last int64 = -1
		Read(context.Background(), bytes.NewReader(data), func(p Page) error {
			if p.Err == nil && len(p.Body) > input.MaxBytes {
				t.Fatalf("page body of %d bytes", len(p.Body))
			}
			if p.Offset < last || p.Offset > int64(len(data)) {
				t.Fatalf("offset %d after %d (file of %d bytes)", p.Offset, last, len(data))
			}
			last = p.Offset
			return nil
		})
	})
}
