// Package clean turns a scraped page (plain text, text with a key: value
// header, or HTML) into an article whose Text holds only the article.
//
// Entry points:
//
//   - Parse sniffs the input: HTML goes through ParseHTML, text with a
//     "key: value ... ---" header through the header path, anything else is
//     cleaned as scraped text.
//   - ParseWith is Parse with metadata the caller already knows (a feed
//     item's title and date, an HTTP response's URL). Metadata the input
//     states itself wins (a header block first, then the page's <meta>,
//     JSON-LD and <time> markup); Meta fills the gaps; a date read from the
//     text itself comes last. A header saying "published: unknown" or
//     "title: unknown" is a statement too: nothing fills it.
//   - ParseHTML and ParseText skip the sniffing, for callers that know what
//     they hold (ingest from feeds, HTTP and WARC records).
//
// Cleaning is line and block classification (see text.go, and prune.go for
// HTML blocks): each rule names a kind of boilerplate a reader can
// recognise (date strips, captions, bylines, promotions, "Related
// Articles" blocks, link lists), never a particular site.
//
// The returned Text is final: claim offsets index into it. It holds one
// paragraph per line, paragraphs separated by a blank line, whitespace
// runs folded to one space. Text from HTML opens with the headline as its
// own paragraph (the headline carries claims; BodyText leaves it out).
// Errors are *flowwatch.Error values whose one-line message starts with
// the input's name.
package clean

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

// MaxInput is the largest input accepted. Article pages are far smaller;
// the bound keeps a stray dump from taking the process down.
const MaxInput = 32 << 20

// Meta is what a caller knows about a page before reading it. Zero fields
// are unknown.
type Meta struct {
	URL       string
	Title     string
	Outlet    string
	Published flowwatch.Date
	Lang      string // ISO 639-1; empty means detect from the script
}

// Parse reads one input. name becomes Article.Name. It never panics; an
// input it cannot read as an article gives an error saying why.
func Parse(name string, raw []byte) (*flowwatch.Article, error) {
	return ParseWith(name, raw, Meta{})
}

// ParseWith is Parse with metadata known from elsewhere (see Meta).
func ParseWith(name string, raw []byte, m Meta) (a *flowwatch.Article, err error) {
	defer recoverErr(name, &err)
	raw, err = check(name, raw, true)
	if err != nil {
		return nil, err
	}
	// A header block comes first, whatever follows it.
	if utf8.Valid(raw) {
		text := normalizeNewlines(string(raw))
		if h, body, ok := splitHeader(text); ok {
			if looksHTML([]byte(body)) {
				return parseHTML(name, []byte(body), h, m)
			}
			return finish(name, cleanText(body, h.over(m).Title), h.over(m), h.unknownPub, h.unknownTitle)
		}
	}
	// HTML may be in a legacy charset: parseHTML decodes it.
	if looksHTML(raw) {
		return parseHTML(name, raw, header{}, m)
	}
	if err := checkUTF8(name, raw); err != nil {
		return nil, err
	}
	return finish(name, cleanText(normalizeNewlines(string(raw)), m.Title), m, false, false)
}

// ParseText cleans header-less scraped text with metadata known from
// elsewhere. It does not look for a header block or HTML.
func ParseText(name string, raw []byte, m Meta) (a *flowwatch.Article, err error) {
	defer recoverErr(name, &err)
	raw, err = check(name, raw, false)
	if err != nil {
		return nil, err
	}
	if err := checkUTF8(name, raw); err != nil {
		return nil, err
	}
	return finish(name, cleanText(normalizeNewlines(string(raw)), m.Title), m, false, false)
}

// ParseHTML extracts the article from an HTML page. pageURL (may be empty)
// resolves relative links and is the URL when the page names no canonical
// one.
func ParseHTML(name, pageURL string, raw []byte) (a *flowwatch.Article, err error) {
	defer recoverErr(name, &err)
	raw, err = check(name, raw, false)
	if err != nil {
		return nil, err
	}
	return parseHTML(name, raw, header{}, Meta{URL: pageURL})
}

// finish fills the article from the cleaned text and the metadata, in the
// order of trust: stated metadata, then what the text itself shows.
// unknownPub and unknownTitle record a header that said "unknown": a human
// looked and found none, so the text is not asked.
func finish(name string, c cleaned, m Meta, unknownPub, unknownTitle bool) (*flowwatch.Article, error) {
	if strings.TrimSpace(c.text) == "" {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: no article text left after cleaning (empty page or only boilerplate)", name)
	}
	a := &flowwatch.Article{
		Name:      name,
		URL:       canonical(m.URL),
		Title:     m.Title,
		Outlet:    firstNonEmpty(m.Outlet, c.outlet),
		Published: m.Published,
		Lang:      m.Lang,
		Text:      c.text,
	}
	if a.Title == "" && !unknownTitle {
		a.Title = c.title
	}
	if a.Published.IsZero() && !unknownPub {
		a.Published = c.published
	}
	if a.Lang == "" {
		a.Lang = DetectLang(a.Text)
	}
	a.Hash = Hash(a.Text)
	return a, nil
}

// Hash is the hex SHA-256 of text, the article version's identity.
func Hash(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:])
}

func canonical(u string) string {
	if u == "" {
		return ""
	}
	return flowwatch.CanonicalURL(u)
}

// check rejects what cannot be an article whatever its form: too large,
// empty, binary. It strips a UTF-8 byte order mark.
func check(name string, raw []byte, _ bool) ([]byte, error) {
	if len(raw) > MaxInput {
		return nil, flowwatch.Errorf(flowwatch.ETOOLARGE, "%s: %d bytes is larger than the %d MB limit for one article", name, len(raw), MaxInput>>20)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: empty input", name)
	}
	if kind := binaryKind(raw); kind != "" {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: %s, not article text or HTML", name, kind)
	}
	return raw, nil
}

func checkUTF8(name string, raw []byte) error {
	if utf8.Valid(raw) {
		return nil
	}
	off := 0
	for off < len(raw) {
		r, n := utf8.DecodeRune(raw[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "%s: not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8 first", name, off)
}

// binaryKind names the kind of binary data raw holds, or "" for text.
// Known signatures give a precise message; otherwise NUL bytes or a high
// share of control characters in the first 8 KB mark binary data.
func binaryKind(raw []byte) string {
	sigs := []struct{ magic, kind string }{
		{"%PDF-", "a PDF file"},
		{"\x1f\x8b", "gzip-compressed data (decompress it first)"},
		{"PK\x03\x04", "a ZIP archive (Office document or archive)"},
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"\x7fELF", "an executable"},
		{"\xd0\xcf\x11\xe0", "an old Office document"},
	}
	for _, s := range sigs {
		if bytes.HasPrefix(raw, []byte(s.magic)) {
			return s.kind
		}
	}
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return "binary data (contains NUL bytes)"
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b:
			ctl++
		}
	}
	if ctl*20 > len(head) {
		return "binary data (mostly control bytes)"
	}
	return ""
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// looksHTML sniffs content, not names: a document start (<!doctype, <html,
// <head, <body), or markup dense enough that the input cannot be prose.
func looksHTML(raw []byte) bool {
	head := raw
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	start := bytes.TrimLeft(head, " \t\r\n\f")
	lower := bytes.ToLower(start[:min(len(start), 4096)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<?xml" || bytes.Contains(lower, []byte("<html"))
		}
	}
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) {
		return true
	}
	// Many tags: an HTML fragment (a feed item's content) has several
	// closing tags and a tag every 150 bytes or so; prose with an odd
	// "<name@example.com>" has neither.
	tags, closing := 0, 0
	for i := 0; i+1 < len(head); i++ {
		if head[i] == '<' {
			c := head[i+1]
			if c == '/' {
				closing++
			}
			if c == '/' || c == '!' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
				tags++
			}
		}
	}
	return (tags >= 10 && tags*300 >= len(head)) || (closing >= 2 && tags >= 6 && tags*150 >= len(head))
}

// recoverErr turns a panic in a parser (a bug, or a dependency failing on
// hostile markup) into an error naming the input, so one bad page does
// not stop a batch.
func recoverErr(name string, err *error) {
	if r := recover(); r != nil {
		*err = flowwatch.Errorf(flowwatch.EINVALID, "%s: could not read this page (%v)", name, r)
	}
}
