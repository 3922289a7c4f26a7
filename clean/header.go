package clean

import (
	"strings"

	"github.com/flowwatch/flowwatch"
)

// header is a parsed "key: value" block closed by a line "---".
type header struct {
	Meta
	unknownPub   bool // "published: unknown": stated as unknown, do not infer
	unknownTitle bool // "title: unknown"
}

// maxHeaderLines bounds the search for the closing "---", so a text that
// merely starts with a "Word: something" line is not scanned to its end.
const maxHeaderLines = 40

var headerKey = lazyRE(`^([A-Za-z][A-Za-z0-9_-]{0,30}):(?:\s+(.*))?$`)

// titleNote is an editor's bracketed remark about the title itself, e.g.
// "[title from URL slug]", which is not part of the headline.
var titleNote = lazyRE(`(?i)\s*\[[^\[\]]*\b(?:title|headline)\b[^\[\]]*\]\s*$`)

// splitHeader recognises a header: every line before the first "---" is
// "key: value" (blank lines allowed) and at least one key is known. Unknown
// keys (e.g. "sample: true") are ignored.
func splitHeader(text string) (h header, body string, ok bool) {
	rest := text
	known := false
	for i := 0; i < maxHeaderLines && rest != ""; i++ {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		t := strings.TrimSpace(line)
		if t == "---" {
			if !known {
				return header{}, "", false
			}
			return h, rest, true
		}
		if t == "" {
			continue
		}
		m := headerKey.FindStringSubmatch(t)
		if m == nil {
			return header{}, "", false
		}
		v := strings.TrimSpace(m[2])
		unknown := strings.EqualFold(v, "unknown") || v == ""
		switch strings.ToLower(m[1]) {
		case "url":
			known = true
			if !unknown {
				h.URL = v
			}
		case "title":
			known = true
			if unknown {
				h.unknownTitle = true
			} else {
				h.Title = strings.TrimSpace(titleNote.ReplaceAllString(v, ""))
			}
		case "outlet":
			known = true
			if !unknown {
				h.Outlet = v
			}
		case "published", "date":
			known = true
			if unknown {
				h.unknownPub = true
			} else if d, err := flowwatch.ParseDate(v); err == nil {
				h.Published = d
			} else if d, ok := dateInLine(v); ok {
				h.Published = d
			}
		case "lang", "language":
			known = true
			if !unknown {
				h.Lang = strings.ToLower(v)
			}
		}
	}
	return header{}, "", false
}

// over lays the header on the caller's metadata: what the file itself
// states wins.
func (h header) over(m Meta) Meta {
	out := m
	if h.URL != "" {
		out.URL = h.URL
	}
	if h.Title != "" {
		out.Title = h.Title
	}
	if h.Outlet != "" {
		out.Outlet = h.Outlet
	}
	if !h.Published.IsZero() {
		out.Published = h.Published
	}
	if h.Lang != "" {
		out.Lang = h.Lang
	}
	return out
}
