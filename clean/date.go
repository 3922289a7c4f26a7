package clean

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/flowwatch/flowwatch"
)

// Month names as pages print them (full, abbreviated, with or without a
// period), English and Russian (genitive and nominative stems).
var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
	"января": 1, "январь": 1, "февраля": 2, "февраль": 2, "марта": 3, "март": 3,
	"апреля": 4, "апрель": 4, "мая": 5, "май": 5, "июня": 6, "июнь": 6,
	"июля": 7, "июль": 7, "августа": 8, "август": 8, "сентября": 9, "сентябрь": 9,
	"октября": 10, "октябрь": 10, "ноября": 11, "ноябрь": 11, "декабря": 12, "декабрь": 12,
}

const monthRe = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)\.?`

// Date forms found in date strips, in the order tried. Each names which
// submatch is year, month and day. Numeric day-first forms follow the
// spec: "09-02-2025" is 9 February 2025 unless the first part cannot be a
// day... or the second cannot be a month.
var datePatterns = []struct {
	re         *lazyRegexp
	y, m, d    int
	numMonth   bool
	dayFirstOK bool // numeric D-M-Y: swap when the middle part exceeds 12
}{
	{re: lazyRE(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), y: 3, m: 1, d: 2},
	{re: lazyRE(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `,?\s+(\d{4})`), y: 3, m: 2, d: 1},
	{re: lazyRE(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`), y: 1, m: 2, d: 3, numMonth: true},
	{re: lazyRE(`\b(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\b`), y: 1, m: 2, d: 3, numMonth: true},
	{re: lazyRE(`(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일`), y: 1, m: 2, d: 3, numMonth: true},
	{re: lazyRE(`(?:^|\D)(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})\b`), y: 3, m: 2, d: 1, numMonth: true, dayFirstOK: true},
	{re: lazyRE(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`), y: 1, m: 2, d: 3, numMonth: true},
}

// dateInLine finds the first full calendar date (day, month and year) in s.
func dateInLine(s string) (flowwatch.Date, bool) {
	d, _, ok := findDate(s)
	return d, ok
}

// findDate returns the first full date and the byte span of every date
// match in s, so a caller can see what is left once dates are removed.
func findDate(s string) (flowwatch.Date, [][2]int, bool) {
	var (
		best     flowwatch.Date
		bestAt   = -1
		spans    [][2]int
		lower    = strings.ToLower(s)
		occupied = func(a, b int) bool {
			for _, sp := range spans {
				if a < sp[1] && sp[0] < b {
					return true
				}
			}
			return false
		}
	)
	named := hasMonthName(lower)
	for _, p := range datePatterns {
		if !p.numMonth && !named {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(lower, 4) {
			if occupied(m[0], m[1]) {
				continue
			}
			part := func(i int) string { return lower[m[2*i]:m[2*i+1]] }
			y, _ := strconv.Atoi(part(p.y))
			day, _ := strconv.Atoi(part(p.d))
			var mon int
			if p.numMonth {
				mon, _ = strconv.Atoi(part(p.m))
			} else {
				mon = int(monthNames[strings.TrimSuffix(part(p.m), ".")])
			}
			if p.dayFirstOK && mon > 12 && day <= 12 {
				mon, day = day, mon
			}
			if y < 1900 || y > 2200 || mon < 1 || mon > 12 || day < 1 || day > daysIn(time.Month(mon), y) {
				continue
			}
			// The match may include one leading non-digit (the D-M-Y form
			// cannot use \b after a letter); the date starts at its first group.
			start := min(m[2], m[4], m[6])
			spans = append(spans, [2]int{start, m[1]})
			if bestAt < 0 || start < bestAt {
				best, bestAt = flowwatch.Date{Year: y, Month: time.Month(mon), Day: day}, start
			}
		}
	}
	return best, spans, bestAt >= 0
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var (
	timeOfDay = lazyRE(`(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?`)
	// "GMT+9", "UTC+09:00", "GMT-0500": a zone's offset after a time of day.
	zoneOffset = lazyRE(`(?i)\b(?:gmt|utc)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?\b`)
	// Words a date strip carries besides the date itself.
	dateWords = map[string]bool{
		"published": true, "posted": true, "updated": true, "modified": true, "last": true,
		"on": true, "at": true, "date": true, "time": true, "am": true, "pm": true,
		"kst": true, "gmt": true, "utc": true, "et": true, "est": true, "edt": true, "pst": true, "msk": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
		"fri": true, "sat": true, "sun": true, "issued": true, "created": true, "edited": true,
		"등록": true, "수정": true, "입력": true, "기사입력": true, "최종수정": true, "업데이트": true,
		"오전": true, "오후": true, "기자": true, "송고": true, "승인": true,
		"обновлено": true, "опубликовано": true, "обновлен": true, "дата": true, "публикации": true,
		"г": true, "года": true,
	}
)

// dateStrip reports whether line is a date strip: a short line that is a
// date plus at most two other words (an outlet, a byline name) once times
// of day and date words ("Published", "Updated", weekdays) are removed.
// glued is the text directly attached to the date ("Korea Herald09-02-2025"),
// which names the outlet.
func dateStrip(line string) (d flowwatch.Date, glued string, ok bool) {
	if len(line) > 160 || wordCount(line) > 14 || !hasYear(line) {
		return d, "", false
	}
	d, spans, found := findDate(line)
	if !found {
		return d, "", false
	}
	lower := strings.ToLower(line)
	var rest strings.Builder
	first := len(line)
	for _, sp := range spans {
		if sp[0] < first {
			first = sp[0]
		}
	}
	// Spans come from several patterns; blank them out in a copy.
	b := []byte(lower)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			b[i] = ' '
		}
	}
	rest.Write(timeOfDay.ReplaceAll(zoneOffset.ReplaceAll(b, []byte(" ")), []byte(" ")))
	words := strings.FieldsFunc(rest.String(), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	left := 0
	for _, w := range words {
		if !dateWords[w] {
			left++
			// A figure besides the date makes it a sentence, not a
			// strip: "March 3, 2024 - 300 killed".
			if hasDigit(w) {
				return d, "", false
			}
		}
	}
	if left > 2 && !metaCells(line, first) {
		return d, "", false
	}
	// Text glued to the date without a space is the outlet's name.
	if first > 0 && first <= len(line) && len(lower) == len(line) {
		pre := strings.TrimRightFunc(line[:first], unicode.IsDigit)
		if pre != "" {
			r := []rune(pre)
			if unicode.IsLetter(r[len(r)-1]) {
				glued = strings.TrimSpace(pre)
			}
		}
	}
	return d, glued, true
}

// metaCells reports whether line is a strip of short cells set apart by
// " | " whose first cell holds the date, which starts at byte first
// ("12.06.2025 08:05 | Источник: ТАСС | Машинный перевод"): an aggregator's date, source and notes, not prose.
func metaCells(line string, first int) bool {
	cells := strings.Split(line, " | ")
	if len(cells) < 2 || first >= len(cells[0]) {
		return false
	}
	for _, c := range cells[1:] {
		if wordCount(c) > 5 || endsSentence(c) {
			return false
		}
	}
	return true
}

// hasYear reports a run of exactly four digits, which every date form
// here contains; it spares the date patterns most lines.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return false
}

// monthStems are the first letters of every month name monthRe knows; a
// line without any of them cannot hold a named-month date.
var monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}

func hasMonthName(lower string) bool {
	for _, m := range monthStems {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}
