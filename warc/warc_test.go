package warc

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/warc/warctest"
)

func TestRead(t *testing.T) {
	for _, gz := range []bool{true, false} {
		b := &warctest.Builder{Gzip: gz}
		b.Info()
		b.Response("https://news.example.org/a1", 200, "text/html; charset=utf-8", []byte("<html><body><p>first page</p></body></html>"))
		b.Response("https://news.example.org/missing", 404, "text/html", []byte("<html>gone</html>"))
		b.Response("https://news.example.org/logo.png", 200, "image/png", []byte("\x89PNG...."))
		b.Response("https://news.example.org/a2", 200, "text/html", []byte("<html><body><p>second page</p></body></html>"))
		var got []Page
		err := Read(context.Background(), bytes.NewReader(b.Bytes()), func(p Page) error {
			got = append(got, p)
			return nil
		})
		if err != nil {
			t.Fatalf("gzip=%v: %v", gz, err)
		}
		// Only the two HTML pages with status 200 are pages.
		if len(got) != 2 || got[0].URL != "https://news.example.org/a1" || got[1].URL != "https://news.example.org/a2" {
			t.Fatalf("gzip=%v: pages = %+v", gz, got)
		}
		if !strings.Contains(string(got[1].Body), "second page") || strings.Contains(string(got[1].Body), "HTTP/1.1") {
			t.Fatalf("gzip=%v: body = %q, want the payload without HTTP headers", gz, got[1].Body)
		}
	}
}

func TestReadNotWARC(t *testing.T) {
	for _, in := range []string{"", "just some text, no records here\n", "\x1f\x8b\x08garbage"} {
		err := Read(context.Background(), strings.NewReader(in), func(Page) error { return nil })
		if err == nil {
			t.Errorf("Read(%q) = nil, want an error", in)
		}
	}
}
