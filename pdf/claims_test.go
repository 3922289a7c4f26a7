package pdf_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

// The claims read from a PDF are the claims read from the same text as a
// .txt file (with the same title, outlet and date in its header), apart
// from the page. Offsets differ with the text around them (the PDF's
// text is laid out by pages), so Start, End and the figure's offsets are
// compared through the quote they point at; a page break inside a quote reads as a space.
func TestClaimsMatchText(t *testing.T) {
	x := extract.New(domain.Default())
	for _, fx := range pdftest.All() {
		t.Run(fx.Name, func(t *testing.T) {
			a, err := pdf.Article(context.Background(), fx.Name, fx.PDF, clean.Meta{})
			if err != nil {
				t.Fatal(err)
			}
			fromPDF := x.Extract(a)
			pdf.SetPages(a.Text, fromPDF)

			header := fmt.Sprintf("title: %s\noutlet: %s\npublished: %s\n---\n", orUnknown(a.Title), orUnknown(a.Outlet), orUnknown(a.Published.String()))
			ta, err := clean.Parse(fx.Name, []byte(header+fx.Source))
			if err != nil {
				t.Fatal(err)
			}
			fromText := x.Extract(ta)

			if len(fromPDF) == 0 && fx.Name != "spacing" && fx.Name != "long" {
				t.Errorf("no claims read from the PDF")
			}
			got, want := comparable(t, a.Text, fromPDF), comparable(t, ta.Text, fromText)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("claims differ\nPDF:\n%s\ntext:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for _, c := range fromPDF {
				if c.Page < 1 || c.Page > fx.Pages {
					t.Errorf("claim %q has page %d, want 1..%d", c.Quote, c.Page, fx.Pages)
				}
				if q := a.Text[c.Start:c.End]; q != c.Quote {
					t.Errorf("offsets point at %q, quote is %q", q, c.Quote)
				}
			}
		})
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func comparable(t *testing.T, text string, claims []flowwatch.Claim) []string {
	var out []string
	for _, c := range claims {
		c.Page, c.Start, c.End, c.FigureStart, c.FigureEnd = 0, 0, 0, 0, 0
		c.Quote = strings.ReplaceAll(c.Quote, "\f", " ")
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}
