package extract_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// kindCase is one sentence of a kind of number the extractor must read
// (or must not read) and the claims it must give, each as
// "kind group event low..high qualifier [/per]"; an empty list means no
// claim. Every sentence here was written for these tests.
type kindCase struct {
	lang, text string
	want       []string
}

func shortClaim(c flowwatch.Claim) string {
	s := c.Kind + " " + c.Group + " " + c.Event + " " + num(c.Low) + ".." + num(c.High) + " " + c.Qualifier
	if c.Kind == flowwatch.KindMoney {
		per := c.Per
		if per == "" {
			per = "null"
		}
		s += " /" + per
	}
	return s
}

func runKinds(t *testing.T, cases []kindCase) {
	t.Helper()
	for _, tc := range cases {
		a := &flowwatch.Article{Name: "t", Text: tc.text, Lang: tc.lang}
		var got []string
		for _, c := range rules().Extract(a) {
			got = append(got, shortClaim(c))
		}
		want := append([]string(nil), tc.want...)
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s\n got  %q\n want %q", tc.text, got, want)
		}
	}
}

// Numbers written in ways a plain digit reader misses.
func TestKindNumberForms(t *testing.T) {
	runKinds(t, []kindCase{
		// Hyphenated scales, as transcripts and wire rewrites spell them.
		{"en", "Officials said 14-thousand North Korean workers entered Russia last year.",
			[]string{"people workers entered 14000..14000 exact"}},
		{"en", "Officials said 300 North Korean soldiers were killed, with another three-thousand-200 injured.",
			[]string{"people soldiers killed 300..300 exact", "people soldiers wounded 3200..3200 exact"}},
		{"en", "The agency said some 300 North Korean troops died and roughly 26-hundred were wounded.",
			[]string{"people soldiers killed 300..300 approx", "people soldiers wounded 2600..2600 approx"}},
		// "c." and "ca." are circa: an estimate, and no sentence ends there.
		{"en", "Analysts in Kyiv count c. 6,500 North Korean workers in Primorsky Krai.",
			[]string{"people workers present 6500..6500 approx"}},
		{"en", "Ukrainian officers said ca. 2,400 North Korean soldiers were killed in the spring.",
			[]string{"people soldiers killed 2400..2400 approx"}},
		// A scale after "another" or "a further" counts one of it.
		{"en", "Seoul said a further thousand or so North Korean sappers were clearing mines.",
			[]string{"people engineers present 1000..1000 approx"}},
		// "a couple thousand" is about two thousand; "a couple of" is no figure.
		{"en", "A Pentagon spokesman said a couple thousand North Korean troops are in Kursk.",
			[]string{"people soldiers present 2000..2000 approx"}},
		// "hundreds if not thousands": the lower word is the floor.
		{"en", "Hundreds if not thousands of North Korean laborers are working in Siberia, officials said.",
			[]string{"people workers present 100.. vague"}},
		// Money ranges: a dash of any kind, a currency on both ends, a
		// shared scale, and "anywhere from … to …".
		{"en", "Each North Korean worker sends an estimated $120‑$250 million home yearly.",
			[]string{"money workers  120000000..250000000 range /year"}},
		{"en", "North Korean IT workers bring in $300m-$700m annually for the regime.",
			[]string{"money it_workers  300000000..700000000 range /year"}},
		{"en", "North Korean laborers bring in anywhere from $100 million to $400 million a year.",
			[]string{"money workers  100000000..400000000 range /year"}},
		{"en", "North Korean IT workers earn from USD 6,500 to USD 9,000 a month.",
			[]string{"money it_workers  6500..9000 range /month"}},
		{"en", "North Korean workers were offered about US$3.20 per hour.",
			[]string{"money workers  3.2..3.2 approx /null"}},
		// Russian: separators written as a comma or a period, "пара тысяч".
		{"ru", "Разведка считает, что КНДР отправила в Россию около 12,000 солдат.",
			[]string{"people soldiers sent 12000..12000 approx"}},
		{"ru", "Украина сообщила о переброске 2.500 северокорейских спецназовцев.",
			[]string{"people soldiers sent 2500..2500 exact"}},
		{"ru", "Пентагон полагает, что пара тысяч солдат из Северной Кореи уже направлена в Курск.",
			[]string{"people soldiers sent 2000..2000 approx"}},
		// Korean: a range whose first end borrows the second's scale, and
		// cents after dollars; an hourly wage states no per.
		{"ko", "젤렌스키 대통령은 북한군 3~4000명이 쿠르스크에 배치됐다고 말했다.",
			[]string{"people soldiers sent 3000..4000 range"}},
		{"ko", "소식통은 북한 노동자 1인당 연간 6~9000달러를 국가에 낸다고 전했다.",
			[]string{"money workers  6000..9000 range /year"}},
		{"ko", "러시아 측은 북한 노동자들에게 시간당 약 3달러20센트를 약속했다.",
			[]string{"money workers  3.2..3.2 approx /null"}},
	})
}

// Numbers that are dates, times, ordinals, names or single persons.
func TestKindNotFigures(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "The sanctions enforce UN Security Council Resolutions 2321 and 2397 against North Korean workers.", nil},
		{"en", "The sanctions enforce Resolutions 2270, 2321 and 2397 on North Korean laborers.", nil},
		{"en", "A couple of North Korean soldiers were seen near the village.", nil},
		{"ru", "date 2025-10-21 Северокорейские военные в Курской области.", nil},
		{"ru", "12 марта 2025 14:40 Северокорейские рабочие на стройке.", nil},
		{"ru", "Военнослужащие 529-го инженерного полка КНДР вернулись домой.", nil},
		{"ru", "Северокорейский спецназ в 60–70-е воевал в Африке.", nil},
		{"ru", "Телевидение КНДР показало 30-минутный фильм о солдатах КНДР.", nil},
		{"ru", "Один из рабочих из КНДР рассказал о своей жизни.", nil},
		{"ru", "Одного из северокорейских солдат допросили следователи.", nil},
		{"ru", "К лету в регионе не останется ни одного северокорейского рабочего.", nil},
		{"ko", "2025.4.7 북한군 병사 관련 기사입니다.", nil},
	})
}

// Intention versus movement versus presence, as Korean and Russian word
// order states them.
func TestKindEventsKORU(t *testing.T) {
	runKinds(t, []kindCase{
		// Korean: future and conjecture endings plan; a past relative
		// clause before the count is what happened to those counted.
		{"ko", "정보당국은 북한군 2천 명이 내년 초까지 추가 파병될 것이라고 밝혔다.",
			[]string{"people soldiers planned 2000..2000 exact"}},
		{"ko", "러시아 공장에 북한 노동자 5천여 명 파견될 듯",
			[]string{"people workers planned 5000..5000 approx"}},
		{"ko", "북한이 러시아에 공병 2천 명을 파견한다.",
			[]string{"people engineers planned 2000..2000 exact"}},
		{"ko", "국정원은 쿠르스크에 배치된 9000여 명의 북한군 가운데 일부가 전투에 투입되기 시작했다고 밝혔다.",
			[]string{"people soldiers sent 9000..9000 approx"}},
		{"ko", "전선으로 이동 중인 북한군 7000명이 곧 전투에 투입될 예정이다.",
			[]string{"people soldiers sent 7000..7000 exact"}},
		// Russian: a decision or an agreement to send plans; a future
		// perfective plans; the verb before its counted subject is its
		// event; training and standing are presence.
		{"ru", "Принято решение направить в Россию две тысячи саперов из КНДР.",
			[]string{"people engineers planned 2000..2000 exact"}},
		{"ru", "Достигнута договоренность о направлении в Россию 4 тыс. военных строителей из КНДР.",
			[]string{"people workers planned 4000..4000 exact"}},
		{"ru", "Региональные власти наймут 3 тысячи рабочих из КНДР.",
			[]string{"people workers planned 3000..3000 exact"}},
		{"ru", "Всего в России находится около 9 000 северокорейских солдат, и часть из них переброшена в Курскую область.",
			[]string{"people soldiers present 9000..9000 approx"}},
		{"ru", "Около 7 тысяч северокорейских пехотинцев сейчас обучаются на Дальнем Востоке перед отправкой на фронт.",
			[]string{"people soldiers present 7000..7000 approx"}},
		{"ru", "В прошлом году в Россию прибыли тысячи северокорейских рабочих, чтобы работать на стройках.",
			[]string{"people workers sent 1000.. vague"}},
	})
}

// Intention versus movement, captures, and the whole a part is taken
// from, in English.
func TestKindEventsEN(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Pyongyang is considering sending about 8,000 North Korean workers to Russia.",
			[]string{"people workers planned 8000..8000 approx"}},
		{"en", "Analysts warned of a possible deployment of up to 20,000 North Korean troops.",
			[]string{"people soldiers planned ..20000 at_most"}},
		{"en", "Officials said 6,000 North Korean troops are being readied to join Russian units.",
			[]string{"people soldiers planned 6000..6000 exact"}},
		{"en", "An official said several thousand North Korean soldiers are undergoing training in Russia.",
			[]string{"people soldiers present 3000.. vague"}},
		{"en", "A general said more than 9,000 North Korean soldiers were assigned to Kursk.",
			[]string{"people soldiers sent 9000.. at_least"}},
		{"en", "Ukrainian drones struck a column, killing 300 North Korean soldiers, the army said.",
			[]string{"people soldiers killed 300..300 exact"}},
		// A capture verb before a wounded adjective: the wounded were captured.
		{"en", "Ukraine said it had captured three wounded North Korean soldiers near the border.",
			[]string{"people soldiers captured 3..3 exact"}},
		{"en", "Kyiv announced the capture of two North Korean soldiers in the region.",
			[]string{"people soldiers captured 2..2 exact"}},
		// The whole a part is taken from is described by its participle.
		{"en", "Officials said over 5,000 of the roughly 10,000 North Korean troops sent to the front have become casualties.",
			[]string{"people soldiers wounded 5000.. at_least", "people soldiers sent 10000..10000 approx"}},
		{"en", "North Korea suffered about 3,000 casualties from the 10,000 troops it deployed last year.",
			[]string{"people soldiers wounded 3000..3000 approx", "people soldiers sent 10000..10000 exact"}},
	})
}

// Coordinated casualty counts, documents and crossings, vague sums of
// money, in English.
func TestKindCoordinationEN(t *testing.T) {
	runKinds(t, []kindCase{
		// The verb whose object a figure is names its event; a bare
		// figure coordinated with a later one shares its noun.
		{"en", "The brigade said it had killed 60 and wounded as many as 35 North Korean soldiers in two days.",
			[]string{"people soldiers killed 60..60 exact", "people soldiers wounded ..35 at_most"}},
		{"en", "Drone crews killed 40 North Korean soldiers and injured 25 others over two days.",
			[]string{"people soldiers killed 40..40 exact", "people soldiers wounded 25..25 exact"}},
		{"en", "Some 400 North Korean soldiers have been killed, while 3,100 have been wounded.",
			[]string{"people soldiers killed 400..400 approx", "people soldiers wounded 3100..3100 exact"}},
		// A participle right after the noun says what befell them.
		{"en", "Pyongyang has lost about 900 soldiers killed, the agency said.",
			[]string{"people soldiers killed 900..900 approx"}},
		{"en", "Nine members of the regiment died during the mission in Kursk, KCNA said of the North Korean unit.",
			[]string{"people soldiers killed 9..9 exact"}},
		// Documents and crossings are entries; a noun after a participle
		// is the verb's object, not the figure's people.
		{"en", "At least 600 new work permits were issued to North Korean laborers this year.",
			[]string{"people workers entered 600.. at_least"}},
		{"en", "Russia grants between 11,000 and 14,000 work visas to North Korean citizens every year.",
			[]string{"people workers entered 11000..14000 range"}},
		{"en", "In 2022 over 5,000 North Koreans arrived in Russia, border statistics show, including 900 holding work visas.",
			[]string{"people nationals entered 5000.. at_least", "people nationals entered 900..900 exact"}},
		// Vague sums of money; "millions" alone counts no people.
		{"en", "North Korean IT workers earn thousands of dollars a month, the report says.",
			[]string{"money it_workers  1000.. vague /month"}},
		{"en", "The scheme brings hundreds of millions of dollars a year to North Korea from its workers abroad.",
			[]string{"money workers  100000000.. vague /year"}},
		{"en", "North Korean hackers stole crypto worth billions last year.", nil},
	})
}

// Russian ranges, casualties, documents and unit counts.
func TestKindRussian(t *testing.T) {
	runKinds(t, []kindCase{
		// A range written with the minus sign or a non-breaking hyphen.
		{"ru", "В стране работают 20−25 тысяч северокорейских рабочих.",
			[]string{"people workers present 20000..25000 range"}},
		// A casualty verb before its subject, a bound between them.
		{"ru", "По оценкам разведки, в боях погибли по меньшей мере 500 северокорейских солдат.",
			[]string{"people soldiers killed 500.. at_least"}},
		// Visas and work permits issued are entries.
		{"ru", "По словам посла, Россия ежегодно выдает гражданам КНДР 10-14 тыс. виз.",
			[]string{"people nationals entered 10000..14000 range"}},
		{"ru", "В 2023 году 6500 северных корейцев въехали в Россию с целью учебы.",
			[]string{"people nationals entered 6500..6500 exact"}},
		// Movement in the present tense is movement.
		{"ru", "С осени около 4000 северокорейских военных поэтапно перебрасываются в Россию.",
			[]string{"people soldiers sent 4000..4000 approx"}},
		// A plan does not reach past ", при этом" to those already there.
		{"ru", "Пхеньян планирует отправить еще 5 тыс. военных КНДР, при этом около 900 северокорейских саперов уже прибыли в Россию.",
			[]string{"people soldiers planned 5000..5000 exact", "people engineers sent 900..900 approx"}},
		// Units are no people: "четырех бригадах военных".
		{"ru", "Речь идет о трех бригадах военных КНДР, включая спецназ.", nil},
	})
}

// Korean documents, coordinated casualties and presence.
func TestKindKorean(t *testing.T) {
	runKinds(t, []kindCase{
		// Visas counted by 건 are entries; 건 in other words is no counter.
		{"ko", "러시아가 지난해 북한 국적자에게 발급한 비자는 7500건이었다.",
			[]string{"people nationals entered 7500..7500 exact"}},
		{"ko", "지난해 북한에 발급된 비자는 총 6100건에 달했다.",
			[]string{"people nationals entered 6100..6100 exact"}},
		{"ko", "러시아가 북한에 발급한 비자는 중국에 발급한 31만여 건에 비하면 적다.", nil},
		// A casualty noun before its count names the event; a casualty
		// verb's connective ending does not reach the next clause.
		{"ko", "국정원은 북한군 사망자가 200여 명에 이르고 부상자는 1800명 수준이라고 밝혔다.",
			[]string{"people soldiers killed 200..200 approx", "people soldiers wounded 1800..1800 approx"}},
		{"ko", "정보당국은 북한군 사상자를 3천200여 명으로 집계했고 그중 사망자를 500여 명으로 봤다.",
			[]string{"people soldiers wounded 3200..3200 approx", "people soldiers killed 500..500 approx"}},
		{"ko", "국정원은 400명의 북한군이 숨졌고 2500명이 다쳤다고 밝혔다.",
			[]string{"people soldiers killed 400..400 exact", "people soldiers wounded 2500..2500 exact"}},
		// Being somewhere is presence; preparing to send plans.
		{"ko", "젤렌스키 대통령은 북한 병사 약 4천 명이 이미 러시아 영토에 있다고 말했다.",
			[]string{"people soldiers present 4000..4000 approx"}},
		{"ko", "북한, 2만 병력 추가 파병 준비",
			[]string{"people soldiers planned 20000..20000 exact"}},
		// IT workers written without a space stay IT workers.
		{"ko", "북한 해외 IT인력 약 1~2천 명이 중국에 체류 중이라고 보고서는 밝혔다.",
			[]string{"people it_workers present 1000..2000 range"}},
	})
}

// Deployed forces that face casualties, and casualty totals that exceed.
func TestKindForcesAndTotalsEN(t *testing.T) {
	runKinds(t, []kindCase{
		// A movement participle after the noun beats a later casualty noun
		// with no figure of its own; a casualty verb still wins.
		{"en", "Roughly 9,000 North Korean soldiers deployed in the Kursk region could face heavy casualties, the institute said.",
			[]string{"people soldiers sent 9000..9000 approx"}},
		{"en", "Around 1,500 North Korean soldiers deployed to the front are believed to have been killed, lawmakers said.",
			[]string{"people soldiers killed 1500..1500 approx"}},
		// "exceeded" bounds from below; coordinated casualty words.
		{"en", "Kyiv said North Korean casualties in the region exceeded 2,500.",
			[]string{"people soldiers wounded 2500.. at_least"}},
		{"en", "He said there are already over two thousand wounded and killed North Korean soldiers.",
			[]string{"people soldiers wounded 2000.. at_least"}},
	})
}
