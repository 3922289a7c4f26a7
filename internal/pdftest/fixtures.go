package pdftest

import (
	"fmt"
	"strings"
)

// Fixture is a generated PDF and the text a reader should get from it:
// paragraphs separated by blank lines, table rows as "| a | b |", no
// running headers, footers, page numbers or footnote markers.
type Fixture struct {
	Name   string
	PDF    []byte
	Source string
	Pages  int
}

// The sentences are the project's own, written for these tests.
const (
	header = "Monitoring Team Report on Cooperation"
	body   = 10.0
	lead   = 13.0
	left   = 60.0
)

func footer(p *Page, n, total int) {
	p.Text(Helvetica, 8, 270, 40, fmt.Sprintf("Page %d of %d", n, total))
}

func runningHeader(p *Page) {
	p.Text(Helvetica, 8, left, 805, header)
}

// lines sets each line at its own baseline and returns the next one.
func lines(p *Page, f Font, size, x, y float64, ls ...string) float64 {
	for _, l := range ls {
		p.Text(f, size, x, y, l)
		y -= lead
	}
	return y
}

// Report is a three-page single-column report with a cover title,
// running headers and footers, a footnote marker after a figure, a
// hyphenated break, a table and a paragraph that runs on over a page
// break.
func Report() Fixture {
	d := &Doc{Info: map[string]string{"Title": "Report on Labour and Troops", "Author": "Multilateral Monitoring Team", "CreationDate": "D:20250529090000Z"}, Compress: true}
	var src []string
	add := func(s ...string) { src = append(src, s...) }

	p := d.NewPage()
	p.Text(HelveticaBold, 20, left, 760, "Report on Labour and Troops")
	add("Report on Labour and Troops")
	p.Text(Helvetica, 11, left, 735, "Multilateral Monitoring Team")
	add("Multilateral Monitoring Team")
	p.Text(Helvetica, 11, left, 720, "29 May 2025")
	add("29 May 2025")
	y := 680.0
	// A figure followed by a footnote marker.
	p.Text(Helvetica, body, left, y, "The team assesses that North Korea sent about 11,000")
	x := left + TextWidth(Helvetica, body, "The team assesses that North Korea sent about 11,000")
	p.TextRise(Helvetica, 6, x, y, 4, "3")
	p.Text(Helvetica, body, x+TextWidth(Helvetica, 6, "3")+TextWidth(Helvetica, body, " "), y, "troops to the Kursk region in late")
	y = lines(p, Helvetica, body, left, y-lead,
		"2024, and that the troops arrived by train and by air.")
	add("The team assesses that North Korea sent about 11,000 troops to the Kursk region in late 2024, and that the troops arrived by train and by air.")
	y -= 8
	y = lines(p, Helvetica, body, left, y,
		"Thousands of North Korean workers were employed on con-",
		"struction sites in the Russian Far East during the same period,",
		"the team found, most of them hired through intermediaries.")
	add("Thousands of North Korean workers were employed on construction sites in the Russian Far East during the same period, the team found, most of them hired through intermediaries.")
	y -= 8
	p.Text(HelveticaBold, body, left, y, "Table 1. Figures reported to the team")
	add("Table 1. Figures reported to the team")
	y -= lead + 4
	for _, row := range [][2]string{{"Troops sent", "10,000+"}, {"Workers present", "15,000"}, {"Casualties", "4,000"}} {
		p.Text(Helvetica, body, left, y, row[0])
		p.Text(Helvetica, body, 300, y, row[1])
		add("| " + row[0] + " | " + row[1] + " |")
		y -= lead
	}
	p.Text(Helvetica, 7, left, 80, "3 Estimate based on information provided by two Member States.")
	add("3 Estimate based on information provided by two Member States.")
	footer(p, 1, 3)

	p = d.NewPage()
	runningHeader(p)
	y = lines(p, Helvetica, body, left, 760,
		"According to the Member States consulted, the workers were paid",
		"far less than Russian workers, and part of their wages went to",
		"the state. One Member State reported that at least 5,000 North",
		"Korean workers had entered Russia on student visas in the first")
	last := "half of 2025, a"
	p.Text(Helvetica, body, left, y, last)
	add("According to the Member States consulted, the workers were paid far less than Russian workers, and part of their wages went to the state. One Member State reported that at least 5,000 North Korean workers had entered Russia on student visas in the first half of 2025, a practice the team will continue to monitor.")
	footer(p, 2, 3)

	p = d.NewPage()
	runningHeader(p)
	y = lines(p, Helvetica, body, left, 760, "practice the team will continue to monitor.")
	y -= 8
	lines(p, Helvetica, body, left, y,
		"The team also received reports that North Korean engineers had",
		"travelled to Russia to help repair equipment.")
	add("The team also received reports that North Korean engineers had travelled to Russia to help repair equipment.")
	footer(p, 3, 3)
	return Fixture{Name: "report", PDF: d.Bytes(), Source: strings.Join(src, "\n\n"), Pages: 3}
}

// TwoColumn is a two-page document with a full-width title over two
// columns; a paragraph runs from the foot of the left column to the top
// of the right one.
func TwoColumn() Fixture {
	d := &Doc{Info: map[string]string{}}
	var src []string
	col := [2]float64{50, 315}
	const colW = 230.0
	title := "Workers and Troops: A Two-Column Briefing"
	page := func(n int, leftParas, rightParas []string) {
		p := d.NewPage()
		runningHeader(p)
		y0 := 760.0
		if n == 1 {
			p.Text(HelveticaBold, 16, 50, 770, title)
			y0 = 735
		}
		for c, paras := range [][]string{leftParas, rightParas} {
			y := y0
			for _, para := range paras {
				y = p.Flow(Helvetica, body, lead, col[c], y, colW, para) - 8
			}
		}
		footer(p, n, 2)
	}
	p1l := []string{
		"Russia has taken in thousands of North Korean labourers since 2023, officials in Seoul said this week.",
		"South Korea's spy agency said that about 3,000 North Korean soldiers had been killed or wounded by January, a figure",
	}
	p1r := []string{
		"that Ukrainian officials later said was too low.",
		"The workers are sent to building sites, farms and fish processing plants across the country.",
	}
	p2l := []string{"Officials said another 3,000 troops were sent to Russia in early 2025 to replace the losses, and that more could follow in the spring."}
	p2r := []string{"Most of the new troops were deployed in the Kursk region, according to the agency, which did not say how it knew."}
	page(1, p1l, p1r)
	page(2, p2l, p2r)
	src = append(src, title, p1l[0], p1l[1]+" "+p1r[0], p1r[1], p2l[0], p2r[0])
	return Fixture{Name: "twocolumn", PDF: d.Bytes(), Source: strings.Join(src, "\n\n"), Pages: 2}
}

// Korean is a page of Korean text in a Type0 font.
func Korean() Fixture {
	d := &Doc{Info: map[string]string{"Title": "북한 노동자 보고서"}, Compress: true}
	p := d.NewPage()
	paras := []string{
		"국가정보원은 북한이 2024년 가을 러시아에 약 1만 1천 명의 병력을 파견했다고 밝혔다.",
		"정보당국은 또 북한 노동자 1만 5천 명이 지난해 러시아 건설 현장에 투입됐다고 설명했다.",
	}
	y := 760.0
	for _, s := range paras {
		y = p.Flow(Unicode, 11, 15, left, y, 470, s) - 8
	}
	return Fixture{Name: "korean", PDF: d.Bytes(), Source: strings.Join(paras, "\n\n"), Pages: 1}
}

// Russian is a page of Russian text in a Type0 font.
func Russian() Fixture {
	d := &Doc{Info: map[string]string{"Title": "Доклад о рабочих"}}
	p := d.NewPage()
	paras := []string{
		"По данным разведки, КНДР направила в Россию около 11 тысяч военнослужащих осенью 2024 года.",
		"Кроме того, в прошлом году в Россию въехали более 13 тысяч граждан КНДР, сообщило ведомство.",
	}
	y := 760.0
	for _, s := range paras {
		y = p.Flow(Unicode, 11, 15, left, y, 470, s) - 8
	}
	return Fixture{Name: "russian", PDF: d.Bytes(), Source: strings.Join(paras, "\n\n"), Pages: 1}
}

// Spacing is a page whose words are placed one by one (no space
// characters) and one line set with kerned TJ arrays.
func Spacing() Fixture {
	d := &Doc{}
	p := d.NewPage()
	a := "About 2,000 North Korean workers arrived in Vladivostok in March, the regional government said."
	b := "Officials said the workers would stay for two years."
	p.Words(Helvetica, body, left, 760, a)
	p.Kerned(Helvetica, body, left, 740, b)
	return Fixture{Name: "spacing", PDF: d.Bytes(), Source: a + "\n\n" + b, Pages: 1}
}

// Encrypted is a report that needs a password to open.
func Encrypted() Fixture {
	d := &Doc{UserPassword: "secret", OwnerPassword: "owner"}
	d.NewPage().Text(Helvetica, body, left, 760, "This text is locked.")
	return Fixture{Name: "encrypted", PDF: d.Bytes(), Source: "This text is locked.", Pages: 1}
}

// OpenEncrypted is encrypted with an empty user password: anyone can
// open it, as with many agencies' permission-protected reports.
func OpenEncrypted() Fixture {
	d := &Doc{Encrypt: true, OwnerPassword: "owner", Compress: true}
	s := "Officials said about 1,500 North Korean workers were employed in the region."
	d.NewPage().Text(Helvetica, body, left, 760, s)
	return Fixture{Name: "open-encrypted", PDF: d.Bytes(), Source: s, Pages: 1}
}

// Scanned is a page with an image and no text layer.
func Scanned() Fixture {
	d := &Doc{}
	d.NewPage().Raw("q 500 0 0 700 50 70 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q\n")
	return Fixture{Name: "scanned", PDF: d.Bytes(), Pages: 1}
}

// LongReport is an n-page report: a title page, then pages of two
// paragraphs with running headers and page numbers.
func LongReport(n int) Fixture {
	d := &Doc{Info: map[string]string{"Title": "Long Report"}, Compress: true}
	var src []string
	for i := 1; i <= n; i++ {
		p := d.NewPage()
		runningHeader(p)
		y := 760.0
		for k := 0; k < 4; k++ {
			s := fmt.Sprintf("Section %d.%d. The team received information that about %d North Korean workers were employed at sites in the region during the period under review, and that their wages were transferred to accounts controlled by the state.", i, k+1, 100+i*10+k)
			y = p.Flow(Helvetica, body, lead, left, y, 470, s) - 8
			src = append(src, s)
		}
		footer(p, i, n)
	}
	return Fixture{Name: "long", PDF: d.Bytes(), Source: strings.Join(src, "\n\n"), Pages: n}
}

// All are the fixtures with text.
func All() []Fixture {
	return []Fixture{Report(), TwoColumn(), Korean(), Russian(), Spacing(), OpenEncrypted(), LongReport(6)}
}
