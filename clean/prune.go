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
	// Sizes are counted once per pass, bottom-up, so that the decisions
	// stay linear however deep the markup nests. Furniture goes first, so
	// that a hover card's links do not make its paragraph look link-dense.
	sizes := map[*html.Node][2]int{}
	measure(root, false, sizes)
	pruneNode(root, sizes[root][0], sizes, furnitureOf)
	clear(sizes)
	measure(root, false, sizes)
	pruneNode(root, 0, sizes, linkDenseOf)
}

func furnitureOf(n *html.Node, total int, size [2]int) string {
	if furniture(n, total, size[0]) {
		return "prune-" + n.Data + "." + attr(n, "class")
	}
	return ""
}

func linkDenseOf(n *html.Node, _ int, size [2]int) string {
	if linkDense(n, size) {
		return "linkdense"
	}
	return ""
}

// measure fills sizes with each element's count of non-space characters
// and of those inside links, and returns the counts for n.
func measure(n *html.Node, inLink bool, sizes map[*html.Node][2]int) (all, link int) {
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if !unicode.IsSpace(r) {
				all++
			}
		}
		if inLink {
			link = all
		}
		return all, link
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		a, l := measure(c, inLink, sizes)
		all += a
		link += l
	}
	if n.Type == html.ElementNode || n.Type == html.DocumentNode {
		sizes[n] = [2]int{all, link}
	}
	return all, link
}

func pruneNode(n *html.Node, total int, sizes map[*html.Node][2]int, rule func(*html.Node, int, [2]int) string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if why := rule(c, total, sizes[c]); why != "" {
				if traceDrop != nil {
					traceDrop(render.InnerText(c), why)
				}
				if !keepTrigger(c) {
					n.RemoveChild(c)
				}
			} else {
				pruneNode(c, total, sizes, rule)
			}
		}
		c = next
	}
}

// keepTrigger handles a hover card: an inline element named as furniture
// whose first child is a link (a person's name) keeps that link, the text
// a reader sees, and loses the rest (the card). It reports whether n stays.
func keepTrigger(n *html.Node) bool {
	if n.DataAtom != atom.Span {
		return false
	}
	first := n.FirstChild
	if first == nil || first.Type != html.ElementNode || first.DataAtom != atom.A {
		return false
	}
	for c := first.NextSibling; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	return true
}

func furniture(n *html.Node, total, size int) bool {
	switch n.DataAtom {
	case atom.Figcaption, atom.Aside, atom.Nav, atom.Footer, atom.Form, atom.Button,
		atom.Input, atom.Select, atom.Textarea, atom.Label, atom.Noscript:
		return true
	case atom.Figure:
		return hasMedia(n) && size < 600
	}
	if furnitureName(attr(n, "class")) || furnitureName(attr(n, "id")) {
		return size*3 < total
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
	"timestamp": true, "dateline": true, "meta": true, "date": true, "print": true, "email": true,
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

// linkDense: a block whose text is mostly link text: lists of related
// stories, tag clouds, "more from" rows. A paragraph with a few inline
// links is far below the threshold.
func linkDense(n *html.Node, size [2]int) bool {
	all, link := size[0], size[1]
	if all == 0 || all >= linkDenseMaxChars {
		return false
	}
	switch n.DataAtom {
	case atom.P:
		// A paragraph that opens with a linked sentence (a roundup item)
		// is text; a short one that is mostly link is a "see also" line.
		return link*10 >= all*9 || (all < 200 && link*10 >= all*linkDenseTenths)
	case atom.Li, atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Dl, atom.Table,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return link*10 >= all*linkDenseTenths
	}
	return false
}

// Thresholds for linkDense: a block of under linkDenseMaxChars
// characters of which at least linkDenseTenths/10 are link text.
var (
	linkDenseTenths   = 6
	linkDenseMaxChars = 2000
)

func renderText(n *html.Node) string { return render.InnerText(n) }
