package extract

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// fig renders a figure as "kind low..high qualifier unit" for comparison.
func fmtFig(f mlFig) string {
	n := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	s := fmt.Sprintf("%s %s..%s %s %s", f.kind, n(f.low), n(f.high), f.qual, f.unit)
	if f.per != "" {
		s += " /" + f.per
	}
	return s
}

func koFigs(text string) []string {
	m := mlModulesFor(domain.Default()).ko
	s := &mlSent{text: text}
	s.hits = m.m.find(text, nil)
	var out []string
	for _, f := range m.figures(s) {
		out = append(out, fmtFig(f))
	}
	return out
}

// Every sentence here was written for this test; the figures echo the
// kind of numbers Korean reporting uses.
func TestKONumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Hangul magnitudes mixed with digits, and the approximating 여.
		{"북한군 1만1천여 명이 전선에 있다.", []string{"people 11000..11000 approx people"}},
		{"노동자 6천 명이 들어왔다.", []string{"people 6000..6000 exact people"}},
		{"병력 2,700여명이 다쳤다.", []string{"people 2700..2700 approx people"}},
		{"입국자는 1만 3천 221명이었다.", []string{"people 13221..13221 exact people"}},
		{"전 분기 천700명보다 늘었다.", []string{"people 1700..1700 exact people"}},
		{"유학생 7천887명이 등록했다.", []string{"people 7887..7887 exact people"}},
		{"약 2만 1천 명이 머문다.", []string{"people 21000..21000 approx people"}},
		// Vague counts: 수천 is several thousand, recorded as its floor.
		{"노동자 수천 명이 일한다.", []string{"people 1000..- vague people"}},
		{"수 천여명이 떠났다.", []string{"people 1000..- vague people"}},
		{"병사 수백 명이 숨졌다.", []string{"people 100..- vague people"}},
		{"수만 명이 동원됐다.", []string{"people 10000..- vague people"}},
		// Ranges, with a magnitude shared by both ends.
		{"병력은 만~만천 명으로 추정된다.", []string{"people 10000..11000 range people"}},
		{"1~2만 명이 추가로 갈 수 있다.", []string{"people 10000..20000 range people"}},
		{"5천~6천 명 규모다.", []string{"people 5000..6000 range people"}},
		{"1만1000명~1만2000명이 파병됐다.", []string{"people 11000..12000 range people"}},
		{"최소 1만 명에서 최대 1만2천 명이 있다.", []string{"people 10000..12000 range people"}},
		// Bounds before and after.
		{"최대 1만5천 명을 보낸다.", []string{"people -..15000 at_most people"}},
		{"최소 100명이 사망했다.", []string{"people 100..- at_least people"}},
		// A bound right after an opening quotation mark, curly or straight.
		{"그는 “최소 2천 명이 숨졌다”고 말했다.", []string{"people 2000..- at_least people"}},
		{"그는 ‘약 3천 명’이라고 말했다.", []string{"people 3000..3000 approx people"}},
		{"그는 \"최대 4천 명\"이라고 말했다.", []string{"people -..4000 at_most people"}},
		{"1천 명 이상이 다쳤다.", []string{"people 1000..- at_least people"}},
		{"방문자가 1만3천 명을 넘어섰다.", []string{"people 13000..- at_least people"}},
		{"노동자는 1만 명 안팎이다.", []string{"people 10000..10000 approx people"}},
		{"학생은 130여 명에 불과했다.", []string{"people 130..130 approx people"}},
		// Money and shares.
		{"월급은 월 800달러다.", []string{"money 800..800 exact USD /month"}},
		{"급여 수준이 2000달러다.", []string{"money 2000..2000 approx USD /total"}},
		{"연간 5억 달러를 번다.", []string{"money 5e+08..5e+08 exact USD /year"}},
		{"임금의 90%를 떼인다.", []string{"share 90..90 exact percent"}},
		// Not figures: years, dates, ratios, ordinals, counts of things.
		{"2024년 12월 10일 조약이 발효됐다.", nil},
		{"방문자가 12배 늘었다.", nil},
		{"결의 2375호는 고용을 금지한다.", nil},
		{"122개 마을 중 60곳이 정리됐다.", nil},
		{"가격은 천천히 올랐다.", nil},
		{"명단에 3명단이", nil},
	}
	for _, tt := range tests {
		got := koFigs(tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestKOSplit(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"국정원은 이렇게 밝혔다. 북한은 반발했다.", []string{"국정원은 이렇게 밝혔다.", "북한은 반발했다."}},
		// A date with dots is not a sentence end; a quotation ends with ”고.
		{"2025.9.9. 보도했다", []string{"2025.9.9. 보도했다"}},
		{"그는 “곧 도착한다.”고 말했다. 다음 문장이다.", []string{"그는 “곧 도착한다.”고 말했다.", "다음 문장이다."}},
		{"제목 한 줄\n본문이다? 그렇다!", []string{"제목 한 줄", "본문이다?", "그렇다!"}},
		{"금액은 1.5배다. 끝.", []string{"금액은 1.5배다.", "끝."}},
		{"비율은 90%. 다음이다.", []string{"비율은 90%.", "다음이다."}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range koSplit(tt.text) {
			got = append(got, tt.text[sp.start:sp.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func fmtPeriod(p *flowwatch.Period) string {
	if p == nil {
		return "nil"
	}
	return p.From.String() + ".." + p.To.String()
}

func TestKOTimes(t *testing.T) {
	pub := flowwatch.NewDate(2025, 1, 30)
	tests := []struct {
		text string
		pub  flowwatch.Date
		want []string
	}{
		{"지난해 10월 파견됐다.", pub, []string{"2024-10-01..2024-10-31"}},
		{"지난해 10월 이후 늘었다.", pub, []string{"2024-10-01..2025-01-30"}},
		{"오늘(30일) 밝혔다.", pub, []string{"2025-01-30..2025-01-30"}},
		{"올해 1~2월 보냈다.", pub, []string{"2025-01-01..2025-02-28"}},
		{"지난해 늘었다.", pub, []string{"2024-01-01..2024-12-31"}},
		{"2019년 말 남았다.", pub, []string{"2019-12-01..2019-12-31"}},
		{"2017년 당시 많았다.", pub, []string{"2017-01-01..2017-12-31"}},
		{"지난 6월 지시했다.", flowwatch.NewDate(2025, 9, 9), []string{"2025-06-01..2025-06-30"}},
		// A month after the publication month is last year's.
		{"11월에 들어왔다.", pub, []string{"2024-11-01..2024-11-30"}},
		{"올해 3분기 늘었고 직전 분기는 적었다.", flowwatch.NewDate(2024, 11, 13), []string{"2024-07-01..2024-09-30", "2024-04-01..2024-06-30"}},
		{"지난 7~9월 입국했다.", flowwatch.NewDate(2024, 11, 13), []string{"2024-07-01..2024-09-30"}},
		{"현재 머물고 있다.", pub, []string{"2025-01-30..2025-01-30"}},
		{"1월 5일 기준 머물고 있다.", pub, []string{"2025-01-05..2025-01-05"}},
		{"12월 5일 도착했다.", pub, []string{"2024-12-05..2024-12-05"}},
		// Relative times stay unresolved without a publication date.
		{"지난해 늘었다.", flowwatch.Date{}, []string{"nil"}},
		{"직전 분기에 늘었다.", pub, []string{"nil"}},
		// A baseline of comparison is not a time of the figure.
		{"지난해 대비 늘었다.", pub, nil},
		// A decade is not a year.
		{"2020년대 들어 늘었다.", pub, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range koTimes(&mlSent{text: tt.text}, tt.pub) {
			got = append(got, fmtPeriod(x.period))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s (pub %s)\n got %q\nwant %q", tt.text, tt.pub, got, tt.want)
		}
	}
}

// claimLine is a claim in one line: what the tests compare.
func claimLine(c flowwatch.Claim) string {
	n := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	when := "-"
	if c.When != nil {
		when = c.When.From.String() + ".." + c.When.To.String()
	}
	src := c.Source
	if src == "" {
		src = "-"
	}
	if c.Via != "" {
		src += " via " + c.Via
	}
	return fmt.Sprintf("%s %s %s %s..%s %s [%s] %s %s", c.Kind, c.Group, c.Event, n(c.Low), n(c.High), c.Qualifier, strings.Join(c.Place, ","), when, src)
}

var (
	mlTestOnce sync.Once
	mlTestX    *Extractor
)

func runLang(lang, text, pub string) []string {
	a := &flowwatch.Article{Name: "t", Text: text, Lang: lang}
	if pub != "" {
		a.Published, _ = flowwatch.ParseDate(pub)
	}
	var out []string
	mlTestOnce.Do(func() { mlTestX = New(domain.Default()); mlTestX.SetModel(nil) }) // the rule stages, as in extract_test.go
	for _, c := range mlTestX.Extract(a) {
		out = append(out, claimLine(c))
	}
	return out
}

// TestKOClaims checks group, event, place, time and source on sentences
// written for the test, one construction each.
func TestKOClaims(t *testing.T) {
	tests := []struct {
		name, text, pub string
		want            []string
	}{
		{"attribution 은…밝혔다", "국정원은 북한이 지난해 러시아에 노동자 4천 명을 보냈다고 밝혔다.", "2025-02-01",
			[]string{"people workers sent 4000..4000 exact [Russia] 2024-01-01..2024-12-31 NIS"}},
		{"attribution 에 따르면", "데일리NK에 따르면 북한 근로자 3천 명이 블라디보스토크에서 일하고 있다.", "",
			[]string{"people workers present 3000..3000 exact [Vladivostok] - Daily NK"}},
		{"group after 명의", "북한은 쿠르스크에 6천 명의 공병을 보낼 예정이다.", "",
			[]string{"people engineers planned 6000..6000 exact [Kursk Oblast] - -"}},
		{"two groups, one verb", "북한 당국은 1천 명의 노동자와 500명의 공병을 파견하라고 지시했다.", "",
			[]string{"people workers planned 1000..1000 exact [] - -", "people engineers planned 500..500 exact [] - -"}},
		{"casualties", "북한군 가운데 300여 명이 전사하고 2,700여명이 부상했다.", "",
			[]string{"people soldiers killed 300..300 approx [] - -", "people soldiers wounded 2700..2700 approx [] - -"}},
		{"파병 names the group", "북한은 러시아에 1만1천여 명을 파병했다.", "",
			[]string{"people soldiers sent 11000..11000 approx [Russia] - -"}},
		{"entries", "올해 1~2월 러시아에 입국한 북한 주민은 2천 명이다.", "2025-03-05",
			[]string{"people nationals entered 2000..2000 exact [Russia] 2025-01-01..2025-02-28 -"}},
		{"left behind is present", "러시아는 북한 노동자 500여명만 남기고 모두 돌려보냈다고 보고했다.", "",
			[]string{"people workers present 500..500 approx [Russia] - Russia"}},
		{"withdrawn", "북한군 2천 명이 본국으로 귀환했다.", "",
			[]string{"people soldiers withdrawn 2000..2000 exact [] - -"}},
		{"captured", "우크라이나군은 북한군 2명을 생포했다고 밝혔다.", "",
			[]string{"people soldiers captured 2..2 exact [] - -"}},
		{"a status noun before the count", "북한군 포로 2명이 키이우로 이송됐다.", "",
			[]string{"people soldiers captured 2..2 exact [Kyiv] - -"}},
		{"planned: 기로 했다", "북한은 공병 1천 명을 쿠르스크에 보내기로 했다.", "",
			[]string{"people engineers planned 1000..1000 exact [Kursk Oblast] - -"}},
		{"a total and its part", "파병된 북한군 1만5천여 명 가운데 4천여 명이 사상했다.", "",
			[]string{"people soldiers sent 15000..15000 approx [] - -", "people soldiers wounded 4000..4000 approx [] - -"}}, // 사상: casualties, recorded as wounded (doc.go)
		{"foreign people are not claims", "러시아군 사상자 수천 명이 발생했다.", "", nil},
		{"unnamed people are not claims", "행사에 300명이 참석했다.", "", nil},
		{"series: the next sentence goes on", "NK뉴스에 따르면 올해 1분기 입국한 북한인은 800명이다.\n직전 분기 500명에 비해 늘었다.", "2024-06-01",
			[]string{"people nationals entered 800..800 exact [] 2024-01-01..2024-03-31 NK News",
				"people nationals entered 500..500 exact [] - NK News"}},
		{"an outlet citing its source", "연합뉴스는 국정원을 인용해 북한군 1만 명이 러시아에 있다고 보도했다.", "",
			[]string{"people soldiers present 10000..10000 exact [Russia] - NIS via Yonhap"}},
		{"money per month", "북한 노동자 월급은 월 700달러 정도다.", "",
			[]string{"money workers  700..700 approx [] - -"}},
		{"a headline's clause after … dates its own figures", "합참 \"북한군 9천명 중 2천명 사상…3∼4월 1천명 넘게 증원\"", "2025-05-02",
			[]string{"people soldiers sent 9000..9000 exact [] - JCS", "people soldiers wounded 2000..2000 exact [] - JCS",
				"people soldiers sent 1000..- at_least [] 2025-03-01..2025-04-30 JCS"}},
	}
	for _, tt := range tests {
		got := runLang("ko", tt.text, tt.pub)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: %s\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}
