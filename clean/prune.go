package clean

import (
	"strings"
	"unicode"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prune removes from readability's content the blocks that are not
// article text. Rules, each measured on the HTML test set:
//
//   - furniture elements: figcaption, aside, nav, footer, form and form
//     controls, buttons;
//   - figures around an image, video or embed (their text is a caption);
//   - elements whose class or id names a kind of furniture ("caption",
//     "related", "share", "newsletter", "author", "promo", ...), when they
//     hold less than a third of the content's text (so a page that wraps
//     the whole article in a class="author-post" keeps it);
//   - blocks made mostly of link text (related lists, tag clouds).
func prune(root *html.Node) {
	total := textLen(root)
	pruneNode(root, total)
	if !exp("nolinkdense") {
		pruneLinkDense(root)
	}
}

func pruneNode(n *html.Node, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && furniture(c, total) {
			if traceDrop != nil {
				traceDrop(render.InnerText(c), "prune-"+c.Data+"."+attr(c, "class"))
			}
			n.RemoveChild(c)
		} else {
			pruneNode(c, total)
		}
		c = next
	}
}

func furniture(n *html.Node, total int) bool {
	switch n.DataAtom {
	case atom.Figcaption, atom.Aside, atom.Nav, atom.Footer, atom.Form, atom.Button,
		atom.Input, atom.Select, atom.Textarea, atom.Label, atom.Noscript:
		return !exp("notags")
	case atom.Figure:
		return !exp("nofigure") && hasMedia(n) && wordCount(render.InnerText(n)) < 80
	}
	if exp("noclass") {
		return false
	}
	if furnitureName(attr(n, "class")) || furnitureName(attr(n, "id")) {
		return textLen(n)*3 < total
	}
	return false
}

// furnitureWords are class and id tokens that name page furniture.
var furnitureWords = map[string]bool{
	"caption": true, "captions": true, "credit": true, "credits": true,
	"related": true, "share": true, "sharing": true, "social": true, "sharebar": true,
	"newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"promo": true, "promotion": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"sponsor": true, "sponsored": true, "byline": true, "author": true, "bio": true,
	"tags": true, "comments": true, "comment": true, "recommended": true, "recommendations": true,
	"outbrain": true, "taboola": true, "rollover": true, "hovercard": true, "tooltip": true,
	"popup": true, "modal": true, "cookie": true, "cookies": true, "breadcrumb": true, "breadcrumbs": true,
	"toolbar": true, "disclaimer": true, "readmore": true, "trending": true, "popular": true,
}

func furnitureName(s string) bool {
	if s == "" {
		return false
	}
	for _, tok := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if furnitureWords[tok] {
			return true
		}
	}
	return false
}

func hasMedia(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Img, atom.Picture, atom.Video, atom.Iframe, atom.Svg, atom.Audio, atom.Object, atom.Embed:
				found = true
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

// pruneLinkDense removes blocks whose text is mostly link text: lists of
// related stories, tag clouds, "more from" rows. A paragraph with a few
// inline links is far below the threshold.
func pruneLinkDense(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.P, atom.Li, atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Dl, atom.Table,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				all, link := linkText(c)
				if all > 0 && link*10 >= all*linkDenseTenths && all < linkDenseMaxChars {
					if traceDrop != nil {
						traceDrop(render.InnerText(c), "linkdense")
					}
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			pruneLinkDense(c)
		}
		c = next
	}
}

// Thresholds for pruneLinkDense: a block of under linkDenseMaxChars
// characters of which at least linkDenseTenths/10 are link text.
var (
	linkDenseTenths   = 6
	linkDenseMaxChars = 2000
)

// linkText counts the non-space characters under n, and those inside <a>.
func linkText(n *html.Node) (all, link int) {
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := 0
			for _, r := range n.Data {
				if !unicode.IsSpace(r) {
					k++
				}
			}
			all += k
			if inLink {
				link += k
			}
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return all, link
}

func textLen(n *html.Node) int {
	all, _ := linkText(n)
	return all
}

func renderText(n *html.Node) string { return render.InnerText(n) }
