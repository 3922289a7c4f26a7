package pdf_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

// wordF1 is the word-level F1 of got against want: words compared as
// multisets, so order is the layout tests' business, not this one's.
func wordF1(got, want string) float64 {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, x := range w {
		count[x]++
	}
	match := 0
	for _, x := range g {
		if count[x] > 0 {
			count[x]--
			match++
		}
	}
	p, r := float64(match)/float64(len(g)), float64(match)/float64(len(w))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func TestFixturesF1(t *testing.T) {
	for _, fx := range pdftest.All() {
		t.Run(fx.Name, func(t *testing.T) {
			d, err := pdf.Read(context.Background(), fx.PDF, pdf.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Pages != fx.Pages {
				t.Errorf("pages = %d, want %d", d.Pages, fx.Pages)
			}
			if n := strings.Count(d.Text, "\f"); n != fx.Pages {
				t.Errorf("%d form feeds, want one per page (%d)", n, fx.Pages)
			}
			if f1 := wordF1(d.Text, fx.Source); f1 < 0.98 {
				t.Errorf("word F1 = %.3f, want ≥ 0.98\ngot:\n%s\nwant:\n%s", f1, d.Text, fx.Source)
			}
		})
	}
}
