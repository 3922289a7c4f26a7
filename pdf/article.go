package pdf

import (
	"context"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
)

// Article reads a PDF into an article named name. m holds what the
// caller already knows (the URL it came from, a feed's title); the
// report's own metadata and first page fill the gaps.
func Article(ctx context.Context, name string, data []byte, m clean.Meta) (*flowwatch.Article, error) {
	d, err := Read(ctx, data, Limits{})
	if err != nil {
		return nil, err
	}
	a := &flowwatch.Article{
		Name:      name,
		URL:       m.URL,
		Title:     first(m.Title, d.Title),
		Outlet:    first(m.Outlet, d.Issuer),
		Published: m.Published,
		Lang:      m.Lang,
		Text:      d.Text,
	}
	if a.Published.IsZero() && d.Date != "" {
		a.Published, _ = flowwatch.ParseDate(d.Date)
	}
	if a.Lang == "" {
		a.Lang = clean.DetectLang(strings.ReplaceAll(d.Text, "\f", " "))
	}
	a.Hash = clean.Hash(a.Text)
	return a, nil
}

func first(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// PageAt is the 1-based page of a byte offset in text read from a PDF:
// one more than the form feeds before it. Text without form feeds was not
// read from a PDF and has no pages: PageAt returns 0.
func PageAt(text string, offset int) int {
	if strings.IndexByte(text, '\f') < 0 {
		return 0
	}
	offset = max(0, min(offset, len(text)))
	return 1 + strings.Count(text[:offset], "\f")
}

// SetPages sets the page of each claim read from text (an article's
// Text): the page its figure is on (a sentence may run over a page
// break), else the page its quote starts on. Claims of other text keep 0.
func SetPages(text string, claims []flowwatch.Claim) {
	if strings.IndexByte(text, '\f') < 0 {
		return
	}
	// Offsets come in order mostly; one pass over the feeds serves all.
	feeds := []int{}
	for i := 0; i < len(text); i++ {
		if text[i] == '\f' {
			feeds = append(feeds, i)
		}
	}
	for i := range claims {
		c := &claims[i]
		at := c.Start
		if c.FigureEnd > c.FigureStart && c.FigureStart >= c.Start {
			at = c.FigureStart
		}
		c.Page = 1 + countBefore(feeds, at)
	}
}

func countBefore(sorted []int, off int) int {
	lo, hi := 0, len(sorted)
	for lo < hi {
		mid := (lo + hi) / 2
		if sorted[mid] < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
