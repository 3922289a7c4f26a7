// Package feed reads RSS, Atom and JSON feeds (via mmcdole/gofeed) into
// the items flowwatch ingests.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	Link  string
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	Key       string // GUID, else link: what says two polls saw the same item
	Link      string
	Title     string
	Published time.Time // zero when the feed does not say
	// Content is the item's full HTML body when the feed carries one
	// (content:encoded, Atom content), else its summary.
	Content string
	// Full says Content looks like the whole article rather than a
	// teaser, so the linked page need not be fetched.
	Full bool
	// PDF is the URL of the item's PDF enclosure (a report the item
	// announces), or empty.
	PDF string
}

// FullTextChars is how much text (tags stripped) an item's content must
// have to count as the article itself rather than a summary.
const FullTextChars = 600

// Sniff says whether data looks like a feed rather than a page.
func Sniff(data []byte, contentType string) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json") {
		return true
	}
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = bytes.ToLower(head)
	if bytes.Contains(head, []byte("<html")) {
		return false
	}
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) ||
		bytes.Contains(head, []byte("<rdf:rdf")) || bytes.Contains(head, []byte("jsonfeed.org/version"))
}

// Parse reads a feed. A document that is not a feed, or a broken one,
// gives a one-line error.
func Parse(data []byte) (feed *Feed, err error) {
	// A feed is untrusted input: a parser bug it triggers fails this
	// feed, not the process.
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("malformed feed (the parser gave up: %v)", r)
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty feed")
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errors.New("not an RSS, Atom or JSON feed")
		}
		return nil, fmt.Errorf("malformed feed: %s", firstLine(err.Error()))
	}
	out := &Feed{Title: strings.TrimSpace(f.Title), Link: f.Link}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{Link: strings.TrimSpace(it.Link), Title: strings.TrimSpace(it.Title)}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		item.Key = strings.TrimSpace(it.GUID)
		if item.Key == "" {
			item.Key = item.Link
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		item.Content = it.Content
		if strings.TrimSpace(item.Content) == "" {
			item.Content = it.Description
		}
		item.Full = textLen(item.Content) >= FullTextChars
		item.PDF = pdfEnclosure(it.Enclosures)
		if item.Key == "" && item.Content == "" {
			continue // nothing to identify or read
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// pdfEnclosure is the URL of the first enclosure that is a PDF, by its
// type or, when the feed gives none, its ending.
func pdfEnclosure(es []*gofeed.Enclosure) string {
	for _, e := range es {
		if e == nil {
			continue
		}
		u := strings.TrimSpace(e.URL)
		typ := strings.ToLower(e.Type)
		path := strings.ToLower(u)
		if i := strings.IndexAny(path, "?#"); i >= 0 {
			path = path[:i]
		}
		if u != "" && (strings.Contains(typ, "pdf") || (typ == "" && strings.HasSuffix(path, ".pdf"))) {
			return u
		}
	}
	return ""
}

// textLen counts the characters of s outside tags, roughly.
func textLen(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			n++
		}
	}
	return n
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
