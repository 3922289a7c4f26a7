package pdf_test

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/pdf"
)

func TestPages(t *testing.T) {
	text := "Title\n\nFirst page.\n\fA sentence that runs over\fthe break about 3,000 workers.\n\f"
	at := func(s string) int { return strings.Index(text, s) }
	for _, tc := range []struct {
		name          string
		start, figure int
		want          int
	}{
		{"first page", at("First"), 0, 1},
		{"second page", at("A sentence"), 0, 2},
		{"figure after a break inside the sentence", at("A sentence"), at("3,000"), 3},
	} {
		c := []flowwatch.Claim{{Start: tc.start, End: len(text) - 2, FigureStart: tc.figure, FigureEnd: tc.figure + 5}}
		if tc.figure == 0 {
			c[0].FigureEnd = 0
		}
		pdf.SetPages(text, c)
		if c[0].Page != tc.want {
			t.Errorf("%s: page %d, want %d", tc.name, c[0].Page, tc.want)
		}
	}
	if got := pdf.PageAt("no form feeds here", 3); got != 0 {
		t.Errorf("text not from a PDF: page %d, want 0", got)
	}
	c := []flowwatch.Claim{{Start: 2}}
	pdf.SetPages("plain text", c)
	if c[0].Page != 0 {
		t.Errorf("claim of plain text got page %d", c[0].Page)
	}
}
