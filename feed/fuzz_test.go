package feed

import (
	"testing"
)

// FuzzParse: any bytes give a feed or a one-line error, never a panic,
// and every item has something to identify or read.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://example.org/a</link><guid>a</guid><description>Teaser.</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>x</id><link href="https://example.org/x"/><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://example.org/1","content_html":"<p>x</p>"}]}`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://example.org/r</link></item></rdf:RDF>`,
		`<rss><channel><item><title>&#x202e;dias SIN eht</title></item>`,
		`<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`,
		"",
		"<rss",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err != nil {
			if feed != nil {
				t.Fatal("a feed and an error")
			}
			msg := err.Error()
			for _, r := range msg {
				if r == '\n' {
					t.Fatalf("error of more than one line: %q", msg)
				}
			}
			if len(msg) > 300 {
				t.Fatalf("error too long: %d bytes", len(msg))
			}
			return
		}
		for _, it := range feed.Items {
			if it.Key == "" && it.Content == "" {
				t.Fatalf("item with neither key nor content: %+v", it)
			}
		}
	})
}
