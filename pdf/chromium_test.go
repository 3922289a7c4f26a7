package pdf_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/pdf"
)

// A PDF made by another producer (Chromium's print to PDF, see
// testdata/chromium/make.sh): glyphs placed one by one under a flipped
// page matrix, subset TrueType fonts, CSS columns whose baselines do not
// line up, a table and a footnote under the columns.
func TestChromiumReport(t *testing.T) {
	data, err := os.ReadFile("testdata/chromium/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/chromium/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := pdf.Read(context.Background(), data, pdf.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if f1 := wordF1(d.Text, string(src)); f1 < 0.98 {
		t.Errorf("word F1 = %.3f, want ≥ 0.98\ngot:\n%s", f1, d.Text)
	}
	at := 0
	for _, s := range []string{
		"Report of the Monitoring Team",
		"sent about 11,000 troops",
		"employed on construction sites",
		"could not identify by name.",
		"\n\nAccording to the Member States consulted, the workers were paid",
		"in the coming months.",
		"более 13 тысяч граждан КНДР.",
		"| Troops sent | 10,000+ |",
		"| Workers present | 15,000 |",
		"3 Estimate based on information",
	} {
		i := strings.Index(d.Text[at:], s)
		if i < 0 {
			t.Fatalf("%q not found in order after offset %d:\n%s", s, at, d.Text)
		}
		at += i + len(s)
	}
	if strings.Contains(d.Text, "11,0003") {
		t.Errorf("footnote marker glued to the figure")
	}
	if d.Title != "Report of the Monitoring Team" || d.Issuer != "Multilateral Sanctions Monitoring Team" || d.Date != "2025-05-29" {
		t.Errorf("metadata: %q, %q, %q", d.Title, d.Issuer, d.Date)
	}
}
