package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// Russian events and groups: a plan reaching every object of its verb,
// modals a few words from their verb, a modal that belongs to another
// figure, and North Koreans who go or are there to work.
func TestKindRussianLabels(t *testing.T) {
	runKinds(t, []kindCase{
		// ", а также" adds an object to the same verb, not a new clause.
		{"ru", "Пхеньян решил направить в Россию 800 саперов, а также три тысячи военных строителей из КНДР.",
			[]string{"people engineers planned 800..800 exact", "people workers planned 3000..3000 exact"}},
		{"ru", "Принято решение отправить 2 тысячи северокорейских военных, а также 400 инженеров.",
			[]string{"people soldiers planned 2000..2000 exact", "people engineers planned 400..400 exact"}},
		// A modal two words before its verb.
		{"ru", "По данным разведки, около 2 тысяч северокорейских военных могут быть вновь направлены в Россию.",
			[]string{"people soldiers planned 2000..2000 approx"}},
		{"ru", "Еще 3 тысячи солдат КНДР могут быть затем переброшены в Курскую область.",
			[]string{"people soldiers planned 3000..3000 exact"}},
		// A modal before another figure is not this one's when this one
		// has its verb after it.
		{"ru", "КНДР планирует дополнительно отправить 4 тыс. солдат, около 700 северокорейских саперов уже прибыли в Россию.",
			[]string{"people soldiers planned 4000..4000 exact", "people engineers sent 700..700 approx"}},
		// North Koreans who go or are there to work are workers.
		{"ru", "На заработки в Россию отправились тысячи северокорейцев.",
			[]string{"people workers sent 1000.. vague"}},
		{"ru", "В Приморье трудилось около 8 тыс. граждан КНДР.",
			[]string{"people workers present 8000..8000 approx"}},
		{"ru", "Тысячи граждан КНДР ежегодно приезжают работать на стройках России.",
			[]string{"people workers sent 1000.. vague"}},
		// Quotas: places a quota gives are people planned; approval of
		// hiring is a quota too.
		{"ru", "Минобрнауки увеличило квоту для студентов из КНДР до 240 мест.",
			[]string{"people nationals planned 240..240 exact"}},
		{"ru", "Квота КНДР на следующий год составляет 320 мест.",
			[]string{"people nationals planned 320..320 exact"}},
		{"ru", "Для Приморья согласовано привлечение 4 500 работников из КНДР.",
			[]string{"people workers planned 4500..4500 exact"}},
		// Places without a quota are no people.
		{"ru", "В общежитии для рабочих из КНДР подготовили 300 мест.", nil},
		// Feminine workers, and the present tense of трудиться.
		{"ru", "Сотни работниц из КНДР завезут на швейные фабрики.",
			[]string{"people workers planned 100.. vague"}},
		{"ru", "Сейчас в области трудится около 2 тыс. рабочих из КНДР.",
			[]string{"people workers present 2000..2000 approx"}},
		// The total after "из около" is not what befell the part.
		{"ru", "Из около 12 тысяч военных КНДР, которых отправили в Россию, более 3 тысяч погибли.",
			[]string{"people soldiers sent 12000..12000 approx", "people soldiers killed 3000.. at_least"}},
		// A part of the people before: "Из них около N".
		{"ru", "В Курскую область направили 9 тысяч военных КНДР.\nИз них около 1 тысячи вернули в КНДР поездами.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers withdrawn 1000..1000 approx"}},
		// A figure in quotation marks of its own still counts the noun after.
		{"ru", "Пентагон сообщил, что ВСУ ранили \"несколько сотен\" северокорейских солдат.",
			[]string{"people soldiers wounded 300.. vague"}},
		// Men and women are people; their group comes from the context.
		{"ru", "КНДР направит в Донбасс строителей.\nОжидается, что от 200 до 400 молодых мужчин прибудут в ДНР весной.",
			[]string{"people workers planned 200..400 range"}},
		// Nationals the sentence before counted, at work.
		{"ru", "В области живут 4 тысячи граждан КНДР.\nОни трудятся на стройках, чтобы заработать несколько тысяч долларов.",
			[]string{"people nationals present 4000..4000 exact", "money workers  3000.. vague /total"}},
		// Employment contracts recruit.
		{"ru", "Агентство заключило договор на трудоустройство 300 строителей из КНДР.",
			[]string{"people workers recruited 300..300 exact"}},
		// "ок." abbreviates около and ends no sentence.
		{"ru", "По данным разведки, КНДР отправила в Россию ок. 2.500 военных.",
			[]string{"people soldiers sent 2500..2500 approx"}},
		// A bare number with "их" or "это количество" before it counts
		// the people of the sentence before.
		{"ru", "В Курскую область прибыли военные КНДР.\nПо некоторым данным их от 7 до 9 тысяч.",
			[]string{"people soldiers present 7000..9000 range"}},
		{"ru", "Квота для студентов из КНДР выросла до 240 мест.\nВ прошлом году это количество составляло 150.",
			[]string{"people nationals planned 240..240 exact", "people nationals planned 150..150 exact"}},
		// A bare number without them is no count of people.
		{"ru", "В Курскую область прибыли военные КНДР.\nВ регионе их техника прошла 300 километров.", nil},
		// Specialists are people; their group comes from the context.
		{"ru", "Северокорейские саперы уже работают в Курской области.\nВсего КНДР направит туда четыре тысячи специалистов.",
			[]string{"people engineers planned 4000..4000 exact"}},
		// A number that ends its clause right after a group noun, in
		// brackets or after a bound, counts that group; превысить bounds.
		{"ru", "КНДР может направить в Россию строителей (до 12 тысяч) уже летом.",
			[]string{"people workers planned ..12000 at_most"}},
		{"ru", "Точных данных нет, но северокорейских рабочих там меньше восьми тысяч.",
			[]string{"people workers present ..8000 at_most"}},
		{"ru", "Число северокорейских рабочих в регионе может превысить 40 тысяч.",
			[]string{"people workers planned 40000.. at_least"}},
		// A bracketed number after another noun is none.
		{"ru", "Северокорейские рабочие построили дома (до 15 этажей) в Приморье.", nil},
		// A decimal before a range whose end has the magnitude.
		{"ru", "В Приморье прибыли 1,5-2 тысячи рабочих из КНДР.",
			[]string{"people workers sent 1500..2000 range"}},
		{"ru", "В регионе их дефицит составляет 4,5–5 тыс. рабочих, сообщил министр, поэтому наймут 900 строителей из КНДР.",
			[]string{"people workers planned 900..900 exact"}},
		// Without a work word they stay nationals, counted at the border.
		{"ru", "В прошлом году в Россию въехали 9 тысяч граждан КНДР.",
			[]string{"people nationals entered 9000..9000 exact"}},
	})
}

// Korean sentences run together, verbs of planning after the figure,
// another army's losses a figure is weighed against, and headlines whose
// planning verb names the group.
func TestKindKoreanLabels(t *testing.T) {
	runKinds(t, []kindCase{
		// No space after the full stop: each sentence keeps its own verb.
		{"ko", "북한군 포로가 확인된 건 처음이다.국정원은 북한군 300명이 추가로 파병됐다고 밝혔다.",
			[]string{"people soldiers sent 300..300 exact"}},
		{"ko", "러시아는 이를 부인했습니다.우크라이나 당국은 북한 노동자 2000명이 러시아에 도착했다고 분석했습니다.",
			[]string{"people workers sent 2000..2000 exact"}},
		// Transcripts without full stops: the formal ending closes.
		{"ko", "러시아 외무부는 강하게 경고했습니다 국정원은 북한군 1500명이 이동했다고 전했습니다",
			[]string{"people soldiers sent 1500..1500 exact"}},
		// A verb of planning after the figure outranks a standing before it.
		{"ko", "북한 당국이 러시아에 체류하고 있는 노동자 300여 명을 도네츠크로 파견할 것이라고 매체는 전했다.",
			[]string{"people workers planned 300..300 approx"}},
		{"ko", "북한이 재건 작업을 수행할 건설 노동자 4000명을 쿠르스크에 보낼 예정이라고 보도했다.",
			[]string{"people workers planned 4000..4000 exact"}},
		// Another army's casualties are not what befell the figure.
		{"ko", "전선으로 향하는 북한군 7000명은 러시아의 일주일 사상자에 불과하다.",
			[]string{"people soldiers sent 7000..7000 exact"}},
		{"ko", "전투를 준비하는 북한군 6000명은 하루 러시아군 사상자 규모와 비슷하다.",
			[]string{"people soldiers present 6000..6000 exact"}},
		// Troops in training or a force North Korea holds are where they
		// are, not sent or planned.
		{"ko", "북한군 3천 명 다음 달 전선 투입될 듯\n러시아 극동에서 훈련받는 북한군 5천 명",
			[]string{"people soldiers planned 3000..3000 exact", "people soldiers present 5000..5000 exact"}},
		{"ko", "북한군 3천 명이 다음 달 전선에 투입될 예정이다. 나머지 2천 명은 연해주에서 훈련을 받고 있다.",
			[]string{"people soldiers planned 3000..3000 exact", "people soldiers present 2000..2000 exact"}},
		{"ko", "북한군 4천 명이 다쳤다. 북한은 여전히 10만 명의 특수부대 병력을 보유하고 있다.",
			[]string{"people soldiers wounded 4000..4000 exact", "people soldiers present 100000..100000 exact"}},
		// A casualty word after the figure with no other people stays.
		{"ko", "북한군 2000명이 사상했다고 국정원은 밝혔다.",
			[]string{"people soldiers wounded 2000..2000 exact"}},
		// What they go for is no event; 송출 dispatches.
		{"ko", "북한 노동자 수백 명이 공장에서 일하기 위해 러시아로 향하고 있다.",
			[]string{"people workers sent 100.. vague"}},
		{"ko", "국정원은 북한 노동자 약 9천 명이 러시아에 송출된 것으로 추정했다.",
			[]string{"people workers sent 9000..9000 approx"}},
		// North Koreans sent to earn money are workers.
		{"ko", "추정 3만명의 북한인이 외화를 벌기 위해 러시아에 파견되었다.",
			[]string{"people workers sent 30000..30000 approx"}},
		// A plan after another event word is that event's.
		{"ko", "북한 공병 800명이 현지에 도착해 투입을 준비 중이라고 국정원은 밝혔다.",
			[]string{"people engineers sent 800..800 exact"}},
		{"ko", "북한은 노동자 5천 명을 러시아에 보내기로 했다.",
			[]string{"people workers planned 5000..5000 exact"}},
		// The partner of a fight is not whom the figure counts.
		{"ko", "북한군이 우크라이나군과의 전투에서 약 700명의 사망자를 냈다고 관리들은 말했다.",
			[]string{"people soldiers killed 700..700 approx"}},
		// The country that issues visas counts North Koreans' entries.
		{"ko", "북한 주민의 입국이 늘었다. 같은 해 러시아가 발급한 학생 비자는 6200건을 넘는다.",
			[]string{"people nationals entered 6200.. at_least"}},
		// Visas given to another country are that country's.
		{"ko", "북한 주민의 입국이 늘었다. 이는 러시아가 중국에 발급한 31만 건에 비하면 적다.", nil},
		// What follows a pointer to a part (이 가운데) is the part's.
		{"ko", "연구원은 북한의 파병 규모를 9천 명으로 봤는데, 이 가운데 전사자는 약 700명으로 보인다고 했다.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers killed 700..700 approx"}},
		// A promise plans; lives lost and those who died are killed.
		{"ko", "북한은 건설 노동자 3,000명도 파견 약속을 받았다고 밝혔다.",
			[]string{"people workers planned 3000..3000 exact"}},
		{"ko", "북한군 공병 부대가 평양에 귀환했다. 김 위원장은 부대를 맞으며 \"7명의 생명을 잃은 손실\"을 언급했다.",
			[]string{"people soldiers killed 7..7 exact"}},
		{"ko", "파병된 북한군 약 9000명 중 2300여 명이 죽거나 다쳤다.",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers killed 2300..2300 approx"}},
		// A need in a clause of its own, a comma before the figure, is
		// not the figure's.
		{"ko", "러시아는 노동력 부족에 직면한 가운데, 최소 6,000명의 북한 군인을 전선에 배치했다.",
			[]string{"people soldiers sent 6000.. at_least"}},
		{"ko", "러시아 기업들은 북한 노동자 3천 명이 부족하다고 호소했다.", nil},
		// Hiring and importing people recruit them.
		{"ko", "건설 인력이 부족한 러시아 연해주는 북한 노동자 1천 명 정도를 고용할 계획이다.",
			[]string{"people workers planned 1000..1000 approx"}},
		{"ko", "러시아는 수천 명의 북한 노동자를 수입하고 있다.",
			[]string{"people workers recruited 1000.. vague"}},
		// 천명하다 declares; it counts no one.
		{"ko", "북한은 러시아와의 동맹을 천명하고 북한군 파병을 이어갔다.", nil},
		// 파병할 names troops even as a verb of planning.
		{"ko", "우크라이나 \"北, 러시아에 2000명 추가 파병할 듯\"",
			[]string{"people soldiers planned 2000..2000 exact"}},
	})
}

// People an article about North Koreans in Russia counts beside them but
// outside its subject: defectors reaching South Korea, Russian tourists
// visiting the North, the Russian army's own losses. Each keeps the
// North Korean figure of its article.
func TestKindNearMissPeople(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korea sent 2,000 workers to Russia this year. The number of North Korean defectors who reached Seoul fell to 120, the ministry said.",
			[]string{"people workers sent 2000..2000 exact"}},
		{"ko", "북한은 올해 러시아에 노동자 2천 명을 보냈다. 한편 올해 한국에 입국한 탈북민은 120명으로 집계됐다.",
			[]string{"people workers sent 2000..2000 exact"}},
		{"ko", "북한은 올해 러시아에 노동자 2천 명을 보냈다. 한편 올해 북한을 찾은 러시아 관광객은 900명을 넘었다.",
			[]string{"people workers sent 2000..2000 exact"}},
		{"ru", "КНДР направила в Россию 2 тысячи рабочих. Потери армии РФ за неделю составили 800 человек.",
			[]string{"people workers sent 2000..2000 exact"}},
	})
}

// Russian: a part after ", из них" counts the people before it, whatever
// stands after the figure (a dash, an adverb).
func TestKindRussianPartAfterComma(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "В прошлом году в Россию въехали 12 400 граждан КНДР, из них около 7 тысяч — по учебным визам.",
			[]string{"people nationals entered 12400..12400 exact", "people nationals entered 7000..7000 approx"}},
	})
}

// Russian: people a generic noun counts are North Koreans by their own
// words ("специалистов из КНДР") even after a sentence about others; and
// "выбыли убитыми и ранеными" counts casualties.
func TestKindRussianOwnOrigin(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Дороги в районе пострадали от обстрелов ВСУ. Сейчас там работают около 800 специалистов из КНДР.",
			[]string{"people workers present 800..800 approx"}},
		{"ru", "В Курской области остаются около 9 тысяч военных КНДР. Ещё около 2 тысяч выбыли убитыми и ранеными.",
			[]string{"people soldiers present 9000..9000 approx", "people soldiers wounded 2000..2000 approx"}},
	})
}

// Korean: 머물다 loses its ㄹ before -는 and -ㄴ (머무는, 머문): those who
// stay are present, whatever else the sentence says should have happened.
func TestKindKoreanStay(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "제재에 따라 모두 돌아갔어야 하지만 연해주에는 여전히 북한 노동자 수백 명이 머무는 것으로 전해졌다.",
			[]string{"people workers present 100.. vague"}},
	})
}

// Korean: a past relative clause right before the counted noun says
// what befell them, a casualty or a capture too (포로로 잡힌 북한군 2명,
// 다친 북한군 30명), and 건너가다 is going there.
func TestKindKoreanModifierEvents(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "국정원은 포로로 잡힌 북한군 3명의 송환 협의가 진행 중이라고 밝혔다.",
			[]string{"people soldiers captured 3..3 exact"}},
		// A plan noun right after the movement noun plans it.
		{"ko", "북한 노동자들이 러시아에 파견됐다. 쿠르스크 파견 예정 북한 건설 인력은 4,000명이다.",
			[]string{"people workers planned 4000..4000 exact"}},
		// The army that captured them is not whose they are.
		{"ko", "북한군이 쿠르스크에 파병됐다. 우크라이나군에 붙잡힌 포로는 3명으로 알려졌다.",
			[]string{"people soldiers captured 3..3 exact"}},
		{"ko", "국정원은 지난해 러시아로 건너간 북한 노동자가 1만 명을 넘는다고 밝혔다.",
			[]string{"people workers sent 10000.. at_least"}},
	})
}

// A need for people the rules set aside (a labour demand) is read as a
// hire to come, so that if the fitted stage takes it back it is planned.
func TestDemandIsPlanned(t *testing.T) {
	for _, tc := range []struct{ lang, text string }{
		{"en", "Builders in the region say they need 3,000 North Korean workers next year."},
		{"ru", "Работодатели края заявили потребность в 3 000 рабочих из КНДР на следующий год."},
	} {
		found := false
		for _, c := range rules().Candidates(&flowwatch.Article{Name: "t", Lang: tc.lang, Text: tc.text}) {
			if c.Dropped == "demand" {
				found = true
				if c.Event != "planned" {
					t.Errorf("%s: demand candidate has event %q, want planned", tc.text, c.Event)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure set aside as a demand", tc.text)
		}
	}
}

// Russian shapes of 2025–26 reporting: a bound after the number ("с
// лишним"), a dash that says what befell a part, verbs of sending by
// ferrying or by "прислать", a loss that belongs to the units being
// replenished, work permits issued, another country's migrants, an
// enemy grouping's losses, and the North Korean army by name.
func TestKindRussianShapes2025(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "По данным Сеула, КНДР направила в Россию 4 тысячи с лишним военных.",
			[]string{"people soldiers sent 4000..4000 approx"}},
		{"ru", "По данным разведки, потери КНДР составили около 2600 человек, из них примерно 400 — погибшие.",
			[]string{"people soldiers wounded 2600..2600 approx", "people soldiers killed 400..400 approx"}},
		{"ru", "Пхеньян переправил в Приморье около 1 200 северокорейских строителей.",
			[]string{"people workers sent 1200..1200 approx"}},
		{"ru", "Весной КНДР прислала в Курскую область еще 2 тысячи военных.",
			[]string{"people soldiers sent 2000..2000 exact"}},
		{"ru", "КНДР готовит отправку еще нескольких тысяч солдат для усиления частей, понесших тяжелые потери.",
			[]string{"people soldiers planned 3000.. vague"}},
		{"ru", "Краевое управление МВД за прошлый год оформило северокорейцам 800 разрешений на работу.",
			[]string{"people workers entered 800..800 exact"}},
		{"ru", "На стройках Приморья работают рабочие из КНДР.\nЗа полгода на учет встали 3 700 трудовых мигрантов из Киргизии.", nil},
		{"ru", "На стройках Приморья работают рабочие из КНДР.\nТуда же приехали 500 строителей из Северной Кореи и Вьетнама.",
			[]string{"people workers sent 500..500 exact"}},
		{"ru", "Военные КНДР воюют под Курском.\nПо словам генерала, украинская группировка потеряла там более 30 тысяч военнослужащих.", nil},
		{"ru", "Разведка: северокорейская армия потеряла убитыми 250 человек.",
			[]string{"people soldiers killed 250..250 exact"}},
	})
}

// Korean lawmakers' and informants' quotations: a quotation closed by 며
// ends the figure's clause (the next quotation's verb is its own); talks
// (협의) on a supply of people plan it; discharged soldiers picked for work
// abroad are workers. Russian: the one a rate is per is no count.
func TestKindQuotationsAndTalks(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", `김 의원은 "러시아에 머무는 북한 노동자는 2만명을 넘는다"며 "대부분 연수생 비자로 입국했다"고 말했다.`,
			[]string{"people workers present 20000.. at_least"}},
		{"ko", `정부 관계자는 "북한이 건설 인력 수천 명 규모의 파견 협의를 러시아와 벌이고 있다"고 전했다.`,
			[]string{"people workers planned 1000.. vague"}},
		{"ko", `소식통은 "북한 당국이 올해 안에 하바롭스크로 약 800명을 더 송출할 계획이며 제대군인들이 먼저 뽑힌다"고 말했다.`,
			[]string{"people workers planned 800..800 approx"}},
		{"ru", "За одного рабочего из КНДР застройщик перечисляет 90 тыс. руб. в месяц.",
			[]string{"money workers  90000..90000 exact /month"}},
	})
}

// An informant mentioned again (소식통은, 소식통에 따르면) is the one who
// told the outlet the article named with him before; "한 소식통" is
// another.
func TestSourceInformantAgainKo(t *testing.T) {
	got := sourcesOf("ko", "평양 소식통은 지난달 NK뉴스에 \"북한군 500명이 쿠르스크에 도착했다\"고 말했다.\n소식통은 현재 하바롭스크에서 일하는 북한 노동자가 2천명이 넘는다고 전했다.")
	if len(got) != 2 || got[0] != "NK News" || got[1] != "NK News" {
		t.Errorf("got %q, want both NK News", got)
	}
	// "한 소식통" (a source) is a new informant, not the one before.
	got = sourcesOf("ko", "평양 소식통은 지난달 NK뉴스에 \"북한군 500명이 쿠르스크에 도착했다\"고 말했다.\n한 소식통은 하바롭스크에서 일하는 북한 노동자가 2천명이 넘는다고 전했다.")
	if len(got) != 2 || got[0] != "NK News" || got[1] != "-" {
		t.Errorf("got %q, want NK News, -", got)
	}
}
