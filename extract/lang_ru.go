package extract

// The Russian module: mlSent ends, time expressions and the choice of
// group and event for a mlFig. Russian puts the counted noun right
// after the numeral in the genitive ("600 северокорейских солдат"),
// which the number reader already uses; the verb may come before
// ("направила в Россию около 5000") or after ("100 ... погибли").

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func newRUModule(d *domain.Domain) *mlModule {
	m, places := mlNewMatcher(false, d, "ru")
	return &mlModule{
		code:      "ru",
		m:         m,
		places:    places,
		implied:   ruImplied,
		split:     ruSplit,
		figures:   ruFigures,
		times:     ruTimes,
		group:     ruGroup,
		event:     ruEvent,
		subjectOK: ruSubjectOK,
		speaker:   ruSpeaker,
	}
}

var ruImplied = map[string]string{}

// ruSubjectOK: a place stands for its government as a source right before
// a reporting verb ("Южная Корея заявила", "В Сеуле говорят") or right
// after "по данным", "по оценкам" ("По оценкам Сеула").
func ruSubjectOK(s *mlSent, h mlHit) bool {
	for i, x := range s.hits {
		if x.start != h.start {
			continue
		}
		if i+1 < len(s.hits) && s.hits[i+1].cat == catSaid && strings.TrimSpace(s.text[h.end:s.hits[i+1].start]) == "" {
			return true
		}
		if i > 0 && s.hits[i-1].cat == catAccord && strings.TrimSpace(s.text[s.hits[i-1].end:h.start]) == "" {
			return true
		}
	}
	return false
}

// ruSpeaker is the source a sentence opens with: "По словам Ли, ...",
// "По данным ФСБ, ...", or the subject of its reporting verb ("Ли
// сообщил, что ...").
func ruSpeaker(s *mlSent) string {
	for i, h := range s.hits {
		if h.cat != catSource && h.cat != catPlace {
			continue
		}
		if h.cat == catPlace && !ruSubjectOK(s, h) {
			continue
		}
		if i > 0 && s.hits[i-1].cat == catAccord && strings.TrimSpace(s.text[s.hits[i-1].end:h.start]) == "" {
			return h.value
		}
		if i+1 < len(s.hits) && s.hits[i+1].cat == catSaid && strings.TrimSpace(s.text[h.end:s.hits[i+1].start]) == "" {
			return h.value
		}
	}
	return ""
}

// ruAbbrev are words written with a dot that do not end a mlSent.
var ruAbbrev = map[string]bool{"г": true, "гг": true, "тыс": true, "млн": true, "млрд": true, "руб": true, "долл": true,
	"т": true, "е": true, "им": true, "ул": true, "обл": true, "р": true, "н": true, "см": true, "др": true, "пр": true,
	"т.е": true, "т.к": true, "т.д": true, "т.п": true, "в": true, "мин": true, "ген": true, "св": true, "проф": true, "акад": true}

// ruSplit splits Russian text into sentences: at line ends and after
// . ! ? … followed by a space and a capital, digit, quote or dash, but not
// after abbreviations (г., тыс.) or initials (А. Хинштейн).
func ruSplit(text string) []mlSpan {
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
		case r == '.' || r == '!' || r == '?' || r == '…':
			next := i + sz
			// Closing quotes and brackets belong to the mlSent: ».
			for next < len(text) {
				q, qs := utf8.DecodeRuneInString(text[next:])
				if !strings.ContainsRune("»\"”)’", q) {
					break
				}
				next += qs
			}
			if next < len(text) && text[next] != ' ' && text[next] != '\n' {
				break
			}
			k := next
			for k < len(text) && text[k] == ' ' {
				k++
			}
			if k < len(text) && text[k] != '\n' {
				nr, _ := utf8.DecodeRuneInString(text[k:])
				if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("«\"“—–-(", nr)) {
					break
				}
			}
			if r == '.' {
				w := mlLastWord(text[start:i])
				if ruAbbrev[strings.ToLower(w)] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])) {
					break
				}
			}
			emit(start, next)
			start = next
		}
		i += sz
	}
	emit(start, len(text))
	return out
}

func mlLastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, sz := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= sz
	}
	return strings.Trim(s[i:end], ".")
}

// ruGroup: the noun right after the numeral is read by the number reader;
// otherwise the nearest group noun before the mlFig, else the first after.
func ruGroup(s *mlSent, f *mlFig) int {
	isG := func(h mlHit) bool {
		return (h.cat == catGroup && h.value != "" && h.value != "person") || h.cat == catForeign
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

// ruEventRank orders events when a clause names several: what happened
// to the people counted (killed) says more than how they got there
// (deployed).
var ruEventRank = map[string]int{
	flowwatch.EventKilled: 9, flowwatch.EventWounded: 8, flowwatch.EventCaptured: 7, flowwatch.EventWithdrawn: 6,
	flowwatch.EventPlanned: 5, flowwatch.EventEntered: 4, flowwatch.EventRecruited: 3, flowwatch.EventSent: 2, flowwatch.EventPresent: 1,
}

// ruClauseEnd finds where the mlFig's clause ends: at ", а", ", но",
// ";" or a dash between clauses.
func ruClauseBounds(t string, a, b int) (int, int) {
	seps := []string{", а ", ", но ", "; ", " — ", " – "}
	end := len(t)
	for _, sep := range seps {
		if k := strings.Index(t[b:], sep); k >= 0 && b+k < end {
			end = b + k
		}
	}
	start := 0
	for _, sep := range seps {
		if k := strings.LastIndex(t[:a], sep); k >= 0 && k+len(sep) > start {
			start = k + len(sep)
		}
	}
	return start, end
}

// ruEvent: the most telling event word from the mlFig to its clause
// end, else the nearest before it in the clause, else in the mlSent.
// Planning words before the mlFig ("о планах отправить", "должны
// прибыть") make a movement planned.
func ruEvent(s *mlSent, f *mlFig) (string, int) {
	cs, ce := ruClauseBounds(s.text, f.start, f.end)
	ev, at := "", -1
	for i, h := range s.hits {
		if h.cat == catEvent && h.start >= f.end && h.end <= ce && (at < 0 || ruEventRank[h.value] > ruEventRank[ev]) {
			ev, at = h.value, i
		}
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.cat == catEvent && h.end <= f.start && h.start >= cs {
				ev, at = h.value, i
			}
		}
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.cat == catEvent && h.end <= f.start {
				ev, at = h.value, i
			}
		}
	}
	switch ev {
	case "", flowwatch.EventSent, flowwatch.EventEntered, flowwatch.EventRecruited:
		for _, h := range s.hits {
			if h.cat != catPlan {
				continue
			}
			if h.end <= f.start && h.start >= cs {
				return flowwatch.EventPlanned, at
			}
			if ev == "" && h.start >= f.end && h.end <= ce {
				return flowwatch.EventPlanned, at
			}
		}
	}
	return ev, at
}

const ruMonthRE = `(январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*`

var (
	ruTimeRE = regexp.MustCompile(
		`(\d{1,2})\s+` + ruMonthRE + `\s+(\d{4})` + // 1 2 3
			`|(?:с|со)\s+` + ruMonthRE + `\s+по\s+` + ruMonthRE + `(?:\s+(\d{4}))?` + // 4 5 6
			`|(?:с|со)\s+` + ruMonthRE + `(?:\s+(\d{4})\s*(?:года|г\.?)|\s+(прошлого|этого|текущего) года)?` + // 7 8 9
			`|` + ruMonthRE + `\s+(\d{4})` + // 10 11
			`|в\s+` + ruMonthRE + `(?:\s+(\d{4})|\s+(прошлого|этого|текущего) года)?` + // 12 13 14
			`|(?:с|со)\s+(\d{4})\s*(?:года|г\.)` + // 15
			`|(\d{4})\s*(?:году|года|год|г\.)` + // 16
			`|в\s+(прошлом|минувшем|прошедшем|позапрошлом|этом|текущем|нынешнем)\s+году` + // 17
			`|за\s+(прошлый|минувший)\s+год` + // 18
			`|в\s+(первом|втором|третьем|четвертом)\s+квартале(?:\s+(\d{4})\s+года|\s+(прошлого|этого) года)?` + // 19 20 21
			`|(сейчас|в настоящее время|на данный момент|на сегодняшний день|к настоящему времени|на текущий момент|на сегодня|в данный момент|на сегодняшний момент|по состоянию на сегодня)`) // 22
	ruQuarters = map[string]int{"первом": 1, "втором": 2, "третьем": 3, "четвертом": 4}
	ruMonths   = []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"}
)

func ruMonth(stem string) int {
	for i, m := range ruMonths {
		if strings.HasPrefix(stem, m) {
			return i + 1
		}
	}
	return 0
}

// ruRelYear resolves "прошлого года", "этого года" against pub.
func ruRelYear(w string, pub flowwatch.Date) (int, bool) {
	if pub.IsZero() {
		return 0, false
	}
	switch w {
	case "прошлого", "прошлом", "минувшем", "прошедшем", "прошлый", "минувший":
		return pub.Year - 1, true
	case "позапрошлом":
		return pub.Year - 2, true
	}
	return pub.Year, true
}

// ruTimes finds the time expressions of a Russian mlSent.
func ruTimes(s *mlSent, pub flowwatch.Date) []mlTime {
	t := mlLower(s.text)
	var out []mlTime
	for _, m := range ruTimeRE.FindAllStringSubmatchIndex(t, -1) {
		if m[0] > 0 {
			if r := mlPrevRune(t, m[0]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return t[m[2*k]:m[2*k+1]]
		}
		atoi := func(k int) int { n, _ := strconv.Atoi(g(k)); return n }
		var p *flowwatch.Period
		switch {
		case g(1) != "":
			d := flowwatch.NewDate(atoi(3), time.Month(ruMonth(g(2))), atoi(1))
			p = &flowwatch.Period{From: d, To: d}
		case g(4) != "":
			y, ok := atoi(6), g(6) != ""
			if !ok && !pub.IsZero() {
				y, ok = pub.Year, true
			}
			if ok {
				p = mlMonths(y, ruMonth(g(4)), y, ruMonth(g(5)))
			}
		case g(7) != "":
			mo := ruMonth(g(7))
			var y int
			ok := false
			switch {
			case g(8) != "":
				y, ok = atoi(8), true
			case g(9) != "":
				y, ok = ruRelYear(g(9), pub)
			case !pub.IsZero():
				y, ok = mlLatestYear(mo, pub), true
			}
			if ok && !pub.IsZero() {
				from := mlMonths(y, mo, y, mo)
				if from != nil {
					p = &flowwatch.Period{From: from.From, To: pub}
				}
			}
		case g(10) != "":
			p = mlMonths(atoi(11), ruMonth(g(10)), atoi(11), ruMonth(g(10)))
		case g(12) != "":
			mo := ruMonth(g(12))
			switch {
			case g(13) != "":
				p = mlMonths(atoi(13), mo, atoi(13), mo)
			case g(14) != "":
				if y, ok := ruRelYear(g(14), pub); ok {
					p = mlMonths(y, mo, y, mo)
				}
			case !pub.IsZero():
				y := mlLatestYear(mo, pub)
				p = mlMonths(y, mo, y, mo)
			}
		case g(15) != "":
			if !pub.IsZero() {
				p = &flowwatch.Period{From: flowwatch.NewDate(atoi(15), 1, 1), To: pub}
			}
		case g(16) != "":
			p = mlYear(atoi(16))
		case g(17) != "":
			if y, ok := ruRelYear(g(17), pub); ok {
				p = mlYear(y)
			}
		case g(18) != "":
			if y, ok := ruRelYear(g(18), pub); ok {
				p = mlYear(y)
			}
		case g(19) != "":
			q := ruQuarters[g(19)]
			switch {
			case g(20) != "":
				p = mlQuarter(atoi(20), q)
			case g(21) != "":
				if y, ok := ruRelYear(g(21), pub); ok {
					p = mlQuarter(y, q)
				}
			case !pub.IsZero():
				p = mlQuarter(pub.Year, q)
			}
		case g(22) != "":
			if !pub.IsZero() {
				p = &flowwatch.Period{From: pub, To: pub}
			}
		}
		out = append(out, mlTime{start: m[0], end: m[1], period: p})
	}
	return out
}
