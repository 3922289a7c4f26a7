package feed

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	long := strings.Repeat("North Korean workers were seen at the site again this week. ", 12)
	tests := []struct {
		name, in   string
		wantErr    string
		items      int
		title      string
		firstFull  bool
		firstKey   string
		firstDated bool
	}{
		{name: "rss with full content", in: `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>A</title><link>https://e.org/a</link><guid>ga</guid><pubDate>Tue, 11 Feb 2025 10:00:00 +0900</pubDate><description>teaser</description><content:encoded><![CDATA[<p>` + long + `</p>]]></content:encoded></item>
<item><title>B</title><link>https://e.org/b</link><description>teaser only</description></item></channel></rss>`,
			items: 2, title: "Wire", firstFull: true, firstKey: "ga", firstDated: true},
		{name: "atom", in: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>C</title><link href="https://e.org/c"/><id>urn:c</id><updated>2025-02-11T10:00:00Z</updated><summary>short</summary></entry></feed>`,
			items: 1, title: "Atom Wire", firstKey: "urn:c", firstDated: true},
		{name: "json feed", in: `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire","items":[{"id":"j1","url":"https://e.org/j1","content_html":"<p>hi</p>"}]}`,
			items: 1, title: "JSON Wire", firstKey: "j1"},
		{name: "malformed", in: `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>oops</channel>`, wantErr: "feed"},
		{name: "html page", in: `<!DOCTYPE html><html><body><p>not a feed</p></body></html>`, wantErr: "not an RSS"},
		{name: "empty", in: "  \n", wantErr: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != tt.items || f.Title != tt.title {
				t.Fatalf("feed %q with %d items", f.Title, len(f.Items))
			}
			first := f.Items[0]
			if first.Full != tt.firstFull || first.Key != tt.firstKey || first.Published.IsZero() == tt.firstDated {
				t.Errorf("first item %+v", first)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		data, ct string
		want     bool
	}{
		{`<?xml version="1.0"?><rss version="2.0">`, "", true},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, "", true},
		{`<html><body>rss and feeds</body></html>`, "text/html", false},
		{`anything`, "application/atom+xml; charset=utf-8", true},
		{`plain text about a feed`, "text/plain", false},
	} {
		if got := Sniff([]byte(tt.data), tt.ct); got != tt.want {
			t.Errorf("Sniff(%q, %q) = %v", tt.data, tt.ct, got)
		}
	}
}
