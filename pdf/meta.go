package pdf

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	lpdf "github.com/ledongthuc/pdf"
)

// issuerWords are words that make a first-page line an organisation's
// name ("Multilateral Sanctions Monitoring Team", "Ministry of ...").
//
//go:embed issuers.txt
var issuerFile string

var issuerWords = func() []string {
	var out []string
	for _, l := range strings.Split(issuerFile, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, strings.ToLower(l))
		}
	}
	return out
}()

// meta fills the title, issuer and date: the first page's own words
// first for the date (what the report says it is), the metadata first for
// the title and issuer (when it is not a file name).
func meta(d *Document, info lpdf.Value, first []line) {
	d.Title = cleanTitle(info.Key("Title").Text())
	if d.Title == "" {
		d.Title = firstPageTitle(first)
	}
	d.Issuer = strings.TrimSpace(info.Key("Author").Text())
	if d.Issuer == "" {
		d.Issuer = firstPageIssuer(first, firstPageTitle(first))
	}
	for _, l := range first {
		if t, ok := findDate(l.text); ok {
			d.Date = t
			break
		}
	}
	if d.Date == "" {
		d.Date = infoDate(info.Key("CreationDate").Text())
	}
}

// cleanTitle drops titles that are a producer's file name
// ("Microsoft Word - draft3.docx").
func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	low := strings.ToLower(t)
	if strings.HasPrefix(low, "microsoft word - ") || strings.HasSuffix(low, ".doc") || strings.HasSuffix(low, ".docx") || strings.HasSuffix(low, ".pdf") || strings.EqualFold(t, "untitled") {
		return ""
	}
	return t
}

// firstPageTitle is the text in the largest type on the first page, when
// it stands out from the body.
func firstPageTitle(first []line) string {
	if len(first) == 0 {
		return ""
	}
	sizes := make([]float64, 0, len(first))
	big := 0.0
	for _, l := range first {
		sizes = append(sizes, l.size)
		big = max(big, l.size)
	}
	body := median(sizes)
	if big < 1.15*body {
		return ""
	}
	var parts []string
	for _, l := range first {
		if similar(l.size, big) && !l.table {
			parts = append(parts, l.text)
		} else if len(parts) > 0 {
			break
		}
	}
	t := strings.Join(parts, " ")
	if len(t) > 300 {
		return ""
	}
	return t
}

func median(v []float64) float64 {
	c := append([]float64(nil), v...)
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c[len(c)/2]
}

// firstPageIssuer is a line near the top of the first page, other than
// the title, that names an organisation.
func firstPageIssuer(first []line, title string) string {
	for i, l := range first {
		if i > 12 || len(l.text) > 120 || (title != "" && strings.Contains(title, l.text)) {
			continue
		}
		if !nameLike(l.text) {
			continue
		}
		low := strings.ToLower(l.text)
		for _, w := range issuerWords {
			if strings.Contains(" "+low+" ", " "+w+" ") {
				return strings.Trim(l.text, "| ")
			}
		}
	}
	return ""
}

var (
	monthNames = `(January|February|March|April|May|June|July|August|September|October|November|December)`
	dateDMY    = regexp.MustCompile(`\b(\d{1,2}) ` + monthNames + ` (\d{4})\b`)
	dateMDY    = regexp.MustCompile(`\b` + monthNames + ` (\d{1,2}), (\d{4})\b`)
	dateMY     = regexp.MustCompile(`^` + monthNames + ` (\d{4})$`)
	dateISO    = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dateKO     = regexp.MustCompile(`(\d{4})년\s*(\d{1,2})월(?:\s*(\d{1,2})일)?`)
)

// findDate reads a date a report prints on its cover: "29 May 2025",
// "May 29, 2025", "May 2025" alone on its line (the 1st), "2025-05-29",
// "2025년 5월 29일".
func findDate(s string) (string, bool) {
	month := func(name string) int {
		t, err := time.Parse("January", name)
		if err != nil {
			return 0
		}
		return int(t.Month())
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := dateDMY.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[3]), month(m[2]), atoi(m[1]))
	}
	if m := dateMDY.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[3]), month(m[1]), atoi(m[2]))
	}
	if m := dateMY.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return ymd(atoi(m[2]), month(m[1]), 1)
	}
	if m := dateISO.FindStringSubmatch(s); m != nil {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := dateKO.FindStringSubmatch(s); m != nil {
		d := 1
		if m[3] != "" {
			d = atoi(m[3])
		}
		return ymd(atoi(m[1]), atoi(m[2]), d)
	}
	return "", false
}

func ymd(y, m, d int) (string, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// infoDate reads the metadata's date, "D:20250529120000+09'00'".
func infoDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return ""
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[4:6])
	d, err3 := strconv.Atoi(s[6:8])
	if err1 != nil || err2 != nil || err3 != nil {
		return ""
	}
	out, _ := ymd(y, m, d)
	return out
}

// nameLike tells an organisation's name from a sentence: a few words,
// most of them capitalised, no figures, no full stop.
func nameLike(s string) bool {
	words := strings.Fields(strings.Trim(s, "| "))
	if len(words) == 0 || len(words) > 10 || strings.ContainsAny(s, "0123456789.") {
		return false
	}
	caps, counted := 0, 0
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "and", "the", "on", "for", "in", "to", "de", "du", "des":
			continue
		}
		counted++
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			caps++
		}
	}
	return counted > 0 && caps*10 >= counted*8
}
