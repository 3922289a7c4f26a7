package clean

import (
	"bytes"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/flowwatch/flowwatch"
)

func parseHTML(name, pageURL string, raw []byte, m Meta) (*flowwatch.Article, error) {
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	p := readability.NewParser()
	art, err := p.Parse(bytes.NewReader(raw), u)
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: no article found in HTML (%v)", name, err)
	}
	var sb strings.Builder
	if err := art.RenderText(&sb); err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s: %v", name, err)
	}
	if m.Title == "" {
		m.Title = art.Title()
	}
	return finish(name, cleanText(sb.String(), m.Title), m, false, false)
}
