package extract

// The Korean module: mlSent ends, time expressions and the choice of
// group and event for a mlFig. Korean is verb-final: the verb that says
// what happened to the people counted usually follows the count
// ("1000여명만 남기고 돌려보냈다"), the group noun comes before it
// ("노동자는 4000여명") or right after it with 의 ("5000명의 건설 노동자").

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func newKOModule(d *domain.Domain) *mlModule {
	m, places := mlNewMatcher(true, d, "ko")
	return &mlModule{
		code:      "ko",
		m:         m,
		places:    places,
		implied:   koImplied,
		split:     koSplit,
		figures:   koFigures,
		times:     koTimes,
		group:     koGroup,
		event:     koEvent,
		subjectOK: koSubjectOK,
	}
}

// koSplit splits Korean text into sentences: at line ends, and after
// . ? ! that close a Hangul word or a quotation (…했다. …까? …”.),
// never inside numbers (2025.9.9).
func koSplit(text string) []mlSpan {
	var out []mlSpan
	emit := func(a, b int) {
		for a < b && mlIsSpace(text[a]) {
			a++
		}
		for b > a && mlIsSpace(text[b-1]) {
			b--
		}
		if a < b {
			out = append(out, mlSpan{a, b})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			emit(start, i)
			start = i + 1
		case r == '.' || r == '?' || r == '!' || r == '。':
			if i > start {
				p := mlPrevRune(text, i)
				next := i + sz
				if (mlIsHangul(p) || strings.ContainsRune("”’\"')]", p)) && (next >= len(text) || text[next] == ' ' || text[next] == '\n' || text[next] == '\t') {
					emit(start, next)
					start = next
				}
			}
		}
		i += sz
	}
	emit(start, len(text))
	return out
}

func mlIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// koGroup picks the group of a mlFig: the noun after "명의", else the
// nearest group noun before the mlFig, else the first after it.
func koGroup(s *mlSent, f *mlFig) int {
	isG := func(h mlHit) bool { return (h.cat == catGroup && h.value != "") || h.cat == catForeign }
	t := s.text
	if strings.HasPrefix(t[f.end:], "의") {
		limit := f.end + 40
		for i, h := range s.hits {
			if h.start >= f.end && h.start < limit && isG(h) && !mlFigureBetween(s, f.end, h.start) {
				return i
			}
		}
	}
	best := -1
	for i, h := range s.hits {
		if h.end <= f.start && isG(h) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for i, h := range s.hits {
		if h.start >= f.end && isG(h) {
			return i
		}
	}
	return -1
}

// mlFigureBetween reports whether another mlFig starts in [a, b).
func mlFigureBetween(s *mlSent, a, b int) bool {
	for _, f := range s.figs {
		if f.start >= a && f.start < b {
			return true
		}
	}
	return false
}

// koEvent: the first event word after the mlFig, else the nearest before
// it; a word of planning anywhere after the mlFig (파견하라고 지시,
// 보낼 예정) makes a movement planned.
func koEvent(s *mlSent, f *mlFig) (string, int) {
	ev, at := "", -1
	for i, h := range s.hits {
		if h.start >= f.end && h.cat == catEvent {
			ev, at = h.value, i
			break
		}
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.end <= f.start && h.cat == catEvent {
				ev, at = h.value, i
			}
		}
	}
	switch ev {
	case "", flowwatch.EventSent, flowwatch.EventRecruited:
		for _, h := range s.hits {
			if h.cat == catPlan && h.start >= f.end {
				return flowwatch.EventPlanned, at
			}
		}
	}
	return ev, at
}

// koImplied: event words that name the group when the sentence names
// none (파병 is sending troops).
var koImplied = map[string]string{"파병": "soldiers", "파병군": "soldiers", "전사": "soldiers"}

// koSubjectOK: a country is a source only as the subject of a reporting
// verb (러시아는 … 보고했다), not as a destination (러시아에) or an owner
// (러시아의).
func koSubjectOK(s *mlSent, h mlHit) bool {
	r, _ := utf8.DecodeRuneInString(s.text[h.end:])
	if r != '은' && r != '는' && r != '이' && r != '가' {
		return false
	}
	for _, x := range s.hits {
		if x.cat == catSaid && x.start > h.end {
			return true
		}
	}
	return false
}

var (
	koRelYear = `(지난해|작년|올해|금년|내년|재작년|올)`
	koTimeRE  = regexp.MustCompile(
		`(\d{4})년\s*(\d{1,2})\s*[~∼-]\s*(\d{1,2})월` + // 1 2 3
			`|(\d{4})년\s*(\d{1,2})월(?:\s*(\d{1,2})일)?` + // 4 5 6
			`|(\d{4})년\s*(\d)\s*분기` + // 7 8
			`|(\d{4})년\s*(상반기|하반기|말|초|연말|연초)` + // 9 10
			`|(\d{4})년` + // 11
			`|` + koRelYear + `\s*(\d{1,2})\s*[~∼-]\s*(\d{1,2})월` + // 12 13 14
			`|` + koRelYear + `\s*(\d{1,2})월` + // 15 16
			`|` + koRelYear + `\s*(\d)\s*분기` + // 17 18
			`|` + koRelYear + `\s*(상반기|하반기|말|초|연말|연초)` + // 19 20
			`|` + koRelYear + // 21
			`|(?:지난\s*)?(\d{1,2})\s*[~∼-]\s*(\d{1,2})월` + // 22 23
			`|(?:지난\s*)?(\d{1,2})월` + // 24
			`|(직전|지난|이전|앞)\s*분기` + // 25
			`|(오늘|현재|지금|현재까지|지금까지|최근 현재)`) // 26
	koSince = regexp.MustCompile(`^\s*(이후|부터|以來|이래)`)
	// A time followed by 대비 or 보다 is the baseline of a comparison.
	koBaseline = regexp.MustCompile(`^\s*(대비|보다|에 비해|에 비하면)`)
)

// koTimes finds the time expressions of a Korean mlSent, resolved
// against the publication date.
func koTimes(s *mlSent, pub flowwatch.Date) []mlTime {
	var out []mlTime
	t := s.text
	var lastQuarter *flowwatch.Period
	for _, m := range koTimeRE.FindAllStringSubmatchIndex(t, -1) {
		if m[0] > 0 && mlIsDigit(mlPrevRune(t, m[0])) {
			continue
		}
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return t[m[2*k]:m[2*k+1]]
		}
		atoi := func(k int) int { n, _ := strconv.Atoi(g(k)); return n }
		e := m[1]
		// 2020년대 is a decade, 2017년생 a birth year: not a time.
		if r, _ := utf8.DecodeRuneInString(t[e:]); g(11) != "" && (r == '대' || r == '생') {
			continue
		}
		if koBaseline.MatchString(t[e:]) {
			continue
		}
		var p *flowwatch.Period
		switch {
		case g(1) != "":
			p = mlMonths(atoi(1), atoi(2), atoi(1), atoi(3))
		case g(4) != "":
			if g(6) != "" {
				d := flowwatch.NewDate(atoi(4), time.Month(atoi(5)), atoi(6))
				p = &flowwatch.Period{From: d, To: d}
			} else {
				p = mlMonths(atoi(4), atoi(5), atoi(4), atoi(5))
			}
		case g(7) != "":
			p = mlQuarter(atoi(7), atoi(8))
		case g(9) != "":
			p = mlPart(atoi(9), g(10))
		case g(11) != "":
			p = mlYear(atoi(11))
		case g(12) != "":
			if y, ok := koRelYearOf(g(12), pub); ok {
				p = mlMonths(y, atoi(13), y, atoi(14))
			}
		case g(15) != "":
			if y, ok := koRelYearOf(g(15), pub); ok {
				p = mlMonths(y, atoi(16), y, atoi(16))
			}
		case g(17) != "":
			if y, ok := koRelYearOf(g(17), pub); ok {
				p = mlQuarter(y, atoi(18))
			}
		case g(19) != "":
			if y, ok := koRelYearOf(g(19), pub); ok {
				p = mlPart(y, g(20))
			}
		case g(21) != "":
			if g(21) == "올" && !strings.HasPrefix(t[e:], " ") {
				continue // 올라, 올림픽
			}
			if y, ok := koRelYearOf(g(21), pub); ok {
				p = mlYear(y)
			}
		case g(22) != "":
			if !pub.IsZero() {
				a, b := atoi(22), atoi(23)
				y := mlLatestYear(b, pub)
				p = mlMonths(y, a, y, b)
			}
		case g(24) != "":
			if !pub.IsZero() {
				mo := atoi(24)
				p = mlMonths(mlLatestYear(mo, pub), mo, mlLatestYear(mo, pub), mo)
			}
		case g(25) != "":
			if lastQuarter != nil {
				q := mlPrevQuarter(*lastQuarter)
				p = &q
			}
		case g(26) != "":
			if !pub.IsZero() {
				p = &flowwatch.Period{From: pub, To: pub}
			}
		}
		if p != nil && (p.From.Month < 1 || p.From.Month > 12 || p.To.Month < 1 || p.To.Month > 12) {
			continue
		}
		if p != nil && p.From.Day == 1 && p.To.Month-p.From.Month == 2 && (p.From.Month-1)%3 == 0 && p.From.Year == p.To.Year {
			lastQuarter = p
		}
		if p != nil && !pub.IsZero() {
			if loc := koSince.FindStringIndex(t[e:]); loc != nil {
				// "지난해 10월 이후": from then to publication.
				p = &flowwatch.Period{From: p.From, To: pub}
				e += loc[1]
			}
		}
		out = append(out, mlTime{start: m[0], end: e, period: p})
	}
	return out
}

func koRelYearOf(w string, pub flowwatch.Date) (int, bool) {
	if pub.IsZero() {
		return 0, false
	}
	switch w {
	case "지난해", "작년":
		return pub.Year - 1, true
	case "재작년":
		return pub.Year - 2, true
	case "내년":
		return pub.Year + 1, true
	}
	return pub.Year, true
}

// mlLatestYear is the year of the latest month mo not after pub:
// "in June" in an article of September is this June, in one of March
// last June.
func mlLatestYear(mo int, pub flowwatch.Date) int {
	if time.Month(mo) > pub.Month {
		return pub.Year - 1
	}
	return pub.Year
}

func mlYear(y int) *flowwatch.Period {
	return &flowwatch.Period{From: flowwatch.NewDate(y, 1, 1), To: flowwatch.NewDate(y, 12, 31)}
}

func mlMonths(y1, m1, y2, m2 int) *flowwatch.Period {
	if m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 {
		return nil
	}
	return &flowwatch.Period{From: flowwatch.NewDate(y1, time.Month(m1), 1), To: flowwatch.NewDate(y2, time.Month(m2)+1, 0)}
}

func mlQuarter(y, q int) *flowwatch.Period {
	if q < 1 || q > 4 {
		return nil
	}
	return mlMonths(y, 3*q-2, y, 3*q)
}

func mlPrevQuarter(p flowwatch.Period) flowwatch.Period {
	from := flowwatch.NewDate(p.From.Year, p.From.Month-3, 1)
	return flowwatch.Period{From: from, To: flowwatch.NewDate(from.Year, from.Month+3, 0)}
}

// mlPart is a part of a year: 상반기 first half, 말 its end (December),
// 초 its start (January).
func mlPart(y int, part string) *flowwatch.Period {
	switch part {
	case "상반기":
		return mlMonths(y, 1, y, 6)
	case "하반기":
		return mlMonths(y, 7, y, 12)
	case "말", "연말":
		return mlMonths(y, 12, y, 12)
	case "초", "연초":
		return mlMonths(y, 1, y, 1)
	}
	return mlYear(y)
}
