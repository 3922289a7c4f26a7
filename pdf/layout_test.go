package pdf_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

// The layout rules, each on the fixture made for it: what must be read
// (in this order) and what must not appear.
func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		rule    string
		fx      pdftest.Fixture
		inOrder []string
		absent  []string
	}{
		{"footnote marker does not glue to the figure", pdftest.Report(),
			[]string{"about 11,000 troops to the Kursk region"}, []string{"11,0003", "11,000 3"}},
		{"hyphenated break joined", pdftest.Report(),
			[]string{"employed on construction sites"}, []string{"con-", "con struction"}},
		{"table rows are lines with cells", pdftest.Report(),
			[]string{"Table 1. Figures reported to the team\n\n| Troops sent | 10,000+ |\n\n| Workers present | 15,000 |\n\n| Casualties | 4,000 |"}, nil},
		{"running headers, footers and page numbers removed", pdftest.Report(),
			[]string{"Report on Labour and Troops", "5,000 North Korean workers"}, []string{"Monitoring Team Report on Cooperation", "Page 1 of 3", "Page 2"}},
		{"paragraph runs on over a page break", pdftest.Report(),
			[]string{"in the first half of 2025, a\fpractice the team will continue to monitor."}, nil},
		{"footnote text kept at the foot of its page", pdftest.Report(),
			[]string{"| Casualties | 4,000 |", "3 Estimate based on information", "\f"}, nil},
		{"two columns read column by column", pdftest.TwoColumn(),
			[]string{"Workers and Troops", "since 2023, officials in Seoul", "killed or wounded by January, a figure that Ukrainian officials later said was too low.", "fish processing plants", "\f", "replace the losses", "which did not say how it knew."},
			[]string{"|"}},
		{"spaces inferred from gaps", pdftest.Spacing(),
			[]string{"About 2,000 North Korean workers arrived in Vladivostok", "Officials said the workers would stay for two years."}, nil},
		{"Korean from a Type0 font", pdftest.Korean(),
			[]string{"약 1만 1천 명의 병력을", "\n\n정보당국은"}, nil},
		{"Russian from a Type0 font", pdftest.Russian(),
			[]string{"около 11 тысяч военнослужащих", "более 13 тысяч граждан КНДР"}, nil},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			d, err := pdf.Read(context.Background(), tc.fx.PDF, pdf.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			at := 0
			for _, s := range tc.inOrder {
				i := strings.Index(d.Text[at:], s)
				if i < 0 {
					t.Fatalf("%q not found after offset %d in:\n%q", s, at, d.Text)
				}
				at += i + len(s)
			}
			for _, s := range tc.absent {
				if strings.Contains(d.Text, s) {
					t.Errorf("%q should not appear in:\n%q", s, d.Text)
				}
			}
		})
	}
}

// cover is a report without metadata: its first page says it all.
func cover() pdftest.Fixture {
	d := &pdftest.Doc{Info: map[string]string{"Title": "Microsoft Word - final draft v3.docx"}}
	p := d.NewPage()
	p.Text(pdftest.HelveticaBold, 18, 60, 760, "Final Report of the Panel")
	p.Text(pdftest.Helvetica, 11, 60, 730, "United Nations Panel of Experts")
	p.Text(pdftest.Helvetica, 11, 60, 715, "March 2024")
	p.Text(pdftest.Helvetica, 10, 60, 680, "The Panel investigated reports that North Korean workers were sent abroad.")
	return pdftest.Fixture{Name: "cover", PDF: d.Bytes()}
}

func TestMetadata(t *testing.T) {
	for _, tc := range []struct {
		fx                  pdftest.Fixture
		title, issuer, date string
	}{
		{pdftest.Report(), "Report on Labour and Troops", "Multilateral Monitoring Team", "2025-05-29"},
		{pdftest.TwoColumn(), "Workers and Troops: A Two-Column Briefing", "", ""},
		{pdftest.Russian(), "Доклад о рабочих", "", ""},
		{cover(), "Final Report of the Panel", "United Nations Panel of Experts", "2024-03-01"},
	} {
		d, err := pdf.Read(context.Background(), tc.fx.PDF, pdf.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tc.title || d.Issuer != tc.issuer || d.Date != tc.date {
			t.Errorf("%s: title %q, issuer %q, date %q; want %q, %q, %q", tc.fx.Name, d.Title, d.Issuer, d.Date, tc.title, tc.issuer, tc.date)
		}
	}
}
