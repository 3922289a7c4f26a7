package clean

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/flowwatch/flowwatch"
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML path: parse once, read the page's own metadata, let
// go-readability find the main content, then prune what readability keeps
// but is not article text (prune.go), render it with paragraph breaks and
// run the text rules (text.go) over the result.

// pageMeta is what a page says about itself in its markup.
type pageMeta struct {
	ogTitle, docTitle, ldHeadline string
	siteName, ldPublisher         string
	canonical, ogURL              string
	published                     flowwatch.Date // meta tags and JSON-LD
	timeTag                       flowwatch.Date // first <time datetime> in the body
}

// parseHTML reads a page. Metadata comes, in order of trust, from stated
// (a header block around the page: a person's statement), the page's own
// markup, then known (the caller: a feed item, the fetched address).
func parseHTML(name string, raw []byte, stated header, known Meta) (*flowwatch.Article, error) {
	pageURL := firstNonEmpty(stated.URL, known.URL)
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	// dom.Parse detects the page's encoding and decodes to UTF-8, so pages
	// in legacy charsets read correctly; invalid bytes become U+FFFD.
	doc, err := dom.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: malformed HTML (%v)", name, err)
	}
	pm := readMeta(doc)

	p := readability.NewParser()
	p.KeepClasses = true // prune reads class names
	art, err := p.ParseAndMutate(doc, base)
	var body string
	if err == nil && art.Node != nil {
		prune(art.Node)
		body = renderText(art.Node)
	}
	if strings.TrimSpace(body) == "" {
		// Readability finds no article in short pages and fragments (a
		// feed item's HTML); their whole body, pruned, is the text.
		body = wholeBody(raw)
	}

	title := ""
	if !stated.unknownTitle {
		title = normalizeLine(firstNonEmpty(stated.Title, pm.ogTitle, pm.ldHeadline,
			stripSiteSuffix(pm.docTitle), art.Title(), known.Title))
	}
	// The page's canonical link names the article better than the address
	// it was fetched from, which may carry tracking or an AMP path.
	pageAddr := firstNonEmpty(stated.URL, resolve(base, pm.canonical), resolve(base, pm.ogURL), known.URL)
	c := cleanMode(body, textOpts{title: title, pageURL: pageAddr, fromHTML: true})
	// The headline carries claims; readability drops it from the body, so
	// it goes back as the first paragraph (BodyText strips it again).
	if title != "" && c.text != "" {
		first, _, _ := strings.Cut(c.text, "\n")
		if !strings.EqualFold(normalizeLine(first), title) {
			c.text = title + "\n\n" + c.text
		}
	}
	c.title = ""
	out := Meta{
		URL:       pageAddr,
		Title:     title,
		Outlet:    firstNonEmpty(stated.Outlet, pm.siteName, pm.ldPublisher, known.Outlet),
		Published: stated.Published,
		Lang:      firstNonEmpty(stated.Lang, known.Lang),
	}
	for _, d := range []flowwatch.Date{pm.published, pm.timeTag, known.Published} {
		if out.Published.IsZero() && !stated.unknownPub {
			out.Published = d
		}
	}
	return finish(name, c, out, stated.unknownPub, stated.unknownTitle)
}

// wholeBody renders the text of a page's <body> without scripts, styles
// and page furniture, for pages readability finds no article in.
func wholeBody(raw []byte) string {
	doc, err := dom.Parse(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	var drop []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Template, atom.Iframe, atom.Svg:
				drop = append(drop, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	prune(doc)
	return renderText(doc)
}

// BodyText is the article's text without the headline paragraph that
// ParseHTML puts first: the body as a page's reader sees it under the
// title. Useful for display, and what body-extraction benchmarks score.
func BodyText(a *flowwatch.Article) string {
	if a.Title == "" {
		return a.Text
	}
	first, rest, ok := strings.Cut(a.Text, "\n")
	if ok && strings.EqualFold(strings.TrimSpace(first), strings.TrimSpace(a.Title)) {
		return strings.TrimLeft(rest, "\n")
	}
	return a.Text
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// stripSiteSuffix removes " | Site" or " - Site" from a <title>: the part
// after the last separator when it is short.
func stripSiteSuffix(t string) string {
	t = normalizeLine(t)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 0 && wordCount(t[i+len(sep):]) <= 4 && wordCount(t[:i]) >= 3 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// readMeta walks the document once for the page's own metadata.
func readMeta(doc *html.Node) pageMeta {
	var pm pageMeta
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Body:
				inBody = true
			case atom.Title:
				if pm.docTitle == "" && !inBody {
					pm.docTitle = textOf(n, 1000)
				}
			case atom.Meta:
				readMetaTag(n, &pm)
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && pm.canonical == "" {
					pm.canonical = attr(n, "href")
				}
			case atom.Time:
				if pm.timeTag.IsZero() {
					if d, err := flowwatch.ParseDate(strings.TrimSpace(attr(n, "datetime"))); err == nil {
						pm.timeTag = d
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					readJSONLD(textOf(n, 1<<20), &pm)
				}
				return
			case atom.Style, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return pm
}

func readMetaTag(n *html.Node, pm *pageMeta) {
	key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	set := func(dst *string) {
		if *dst == "" {
			*dst = val
		}
	}
	switch key {
	case "og:title":
		set(&pm.ogTitle)
	case "og:site_name":
		set(&pm.siteName)
	case "og:url":
		set(&pm.ogURL)
	case "article:published_time", "datepublished", "og:published_time", "published_time",
		"pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "sailthru.date",
		"parsely-pub-date", "article.published", "date":
		if pm.published.IsZero() {
			if d, err := flowwatch.ParseDate(val); err == nil {
				pm.published = d
			}
		}
	}
}

// readJSONLD reads schema.org data: headline, datePublished, publisher
// name, from an object, an array or an @graph. (articleBody was tried as a
// cross-check on the HTML test set and dropped: pages often carry another
// version of the story there, and it removed only body text.)
func readJSONLD(src string, pm *pageMeta) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := t["headline"].(string); ok && pm.ldHeadline == "" {
				pm.ldHeadline = s
			}
			if s, ok := t["datePublished"].(string); ok && pm.published.IsZero() {
				if d, err := flowwatch.ParseDate(strings.TrimSpace(s)); err == nil {
					pm.published = d
				}
			}
			if p, ok := t["publisher"].(map[string]any); ok && pm.ldPublisher == "" {
				if s, ok := p["name"].(string); ok {
					pm.ldPublisher = s
				}
			}
			if g, ok := t["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text under n, at most max bytes.
func textOf(n *html.Node, max int) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if sb.Len() >= max {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
