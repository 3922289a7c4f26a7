package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// Korean numerals as machine translations write them: thousands grouped
// by a space, a space before the magnitude word.
func TestKindKoreanSpacedNumerals(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "보도에 따르면 북한은 러시아에 약 22 000명의 노동자를 보냈다.",
			[]string{"people workers sent 22000..22000 approx"}},
		{"ko", "북한은 지난해 러시아로 군인 8 천 명을 보냈다.",
			[]string{"people soldiers sent 8000..8000 exact"}},
		{"ko", "북한은 또 다른 14 천 명의 병사를 러시아에 보냈다.",
			[]string{"people soldiers sent 14000..14000 exact"}},
		// A year before a count is no first group.
		{"ko", "북한은 2024 300명의 노동자를 러시아에 보냈다.",
			[]string{"people workers sent 300..300 exact"}},
	})
}

// Korean events: a headline's bare 사상 after a count, reinforcements,
// a plan as a relative clause, a move still under way, and a movement
// verb that goes on to where the people stand.
func TestKindKoreanEventForms(t *testing.T) {
	runKinds(t, []kindCase{
		// Each figure of a headline takes the word after it.
		{"ko", "북한군 2천명 사상…지난달 1천명 추가 증원",
			[]string{"people soldiers wounded 2000..2000 exact", "people soldiers sent 1000..1000 exact"}},
		// 사상 as "ever" is no casualty word.
		{"ko", "북한 노동자 5천명, 사상 최대 규모로 러시아 체류", []string{"people workers present 5000..5000 exact"}},
		// "보내기로 한 N명": what was decided is a plan.
		{"ko", "북한이 러시아에 파견하기로 한 건설 노동자 2천명은 아직 출발하지 않았다.",
			[]string{"people workers planned 2000..2000 exact"}},
		// 옮겨가는 중: on the way, so sent.
		{"ko", "국정원은 북한 건설 인력 4천여 명이 러시아로 옮겨가는 중이라고 밝혔다.",
			[]string{"people workers sent 4000..4000 approx"}},
		// 배치돼 (있다 | … 서고 있다): where they stand.
		{"ko", "국정원은 북한군 7천여 명이 국경 지대에 배치되어 있다고 밝혔다.",
			[]string{"people soldiers present 7000..7000 approx"}},
		{"ko", "국정원은 북한군 7천여 명이 국경 지대에 전진 배치돼 경비를 서고 있다고 밝혔다.",
			[]string{"people soldiers present 7000..7000 approx"}},
		// 배치돼 … 벌여 왔다 reports the sending.
		{"ko", "국정원은 북한군 7천여 명이 쿠르스크에 배치돼 전투를 벌여 왔다고 밝혔다.",
			[]string{"people soldiers sent 7000..7000 approx"}},
	})
}

// Russian: losses of the dead, bounds before the preposition of an
// estimate, crossings counted in раз, the purpose of a trip, an aside
// with another source's count, an elliptic second conjunct, a bullet
// before a part of the people.
func TestKindRussianUnseenForms(t *testing.T) {
	runKinds(t, []kindCase{
		// безвозвратные потери are the dead; "примерно в" keeps its bound.
		{"ru", "По данным разведки, безвозвратные потери войск КНДР оцениваются примерно в 1,5 тыс. человек.",
			[]string{"people soldiers killed 1500..1500 approx"}},
		{"ru", "Разведка оценила число погибших военных КНДР как минимум в 450 человек.",
			[]string{"people soldiers killed 450.. at_least"}},
		// A participle of the sending between commas; the verb says they died.
		{"ru", "Около трех тысяч солдат КНДР, направленных в Курскую область, лишились жизни.",
			[]string{"people soldiers killed 3000..3000 approx"}},
		// "потерял погибшими": the loss is of the dead.
		{"ru", "Погибшими, по оценке Сеула, армия КНДР потеряла около 700 человек.",
			[]string{"people soldiers killed 700..700 approx"}},
		{"ru", "Убитыми и ранеными армия КНДР потеряла около 700 человек.",
			[]string{"people soldiers wounded 700..700 approx"}},
		// Crossings: "въезжали N раз" counts entries; "в N раз" is a multiple.
		{"ru", "В 2023 году граждане КНДР въезжали в Россию 2 480 раз, это в 3 раза больше, чем годом ранее.",
			[]string{"people nationals entered 2480..2480 exact"}},
		{"ru", "Граждане КНДР въехали в Россию около 500 раз за квартал.",
			[]string{"people nationals entered 500..500 approx"}},
		// The purpose of the trip a border service records.
		{"ru", "По данным ФСБ, 2 300 граждан КНДР указали целью поездки работу.",
			[]string{"people nationals entered 2300..2300 exact"}},
		// Another source's count in an aside after the group noun.
		{"ru", "КНДР направила в Россию около 9 тысяч военных (по другим оценкам – до 11 тысяч).",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers sent ..11000 at_most"}},
		// "а в 2024-м — уже свыше N": the verb and noun of the first conjunct.
		{"ru", "В 2022 году в Россию въехали 640 граждан КНДР, а в 2023-м — уже около 2 тысяч.",
			[]string{"people nationals entered 640..640 exact", "people nationals entered 2000..2000 approx"}},
		// A channel's bullet before "Из них".
		{"ru", "▪️ В Курской области находятся около 8 тыс. военных КНДР.\n▪️ Из них 500 — саперы.",
			[]string{"people soldiers present 8000..8000 approx", "people engineers present 500..500 exact"}},
	})
}

// Another people counted in one sentence stays the subject of the next
// when that one names no North Korean: the parts of Russian visitors to
// North Korea, the women and men among defectors who reached the South.
func TestKindKoreanOthersGoOn(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "지난해 북한을 방문한 러시아인은 4200명이었다.\n이 중 관광객은 2100명이었다.", nil},
		{"ko", "통일부는 지난해 국내에 들어온 북한이탈주민이 190명이라고 밝혔다.\n여성이 160명, 남성이 30명이었다.", nil},
		// A sentence that names North Koreans is theirs again.
		{"ko", "지난해 북한을 방문한 러시아인은 4200명이었다.\n같은 기간 북한 노동자 3천명이 러시아에 입국했다.",
			[]string{"people workers entered 3000..3000 exact"}},
	})
}

// Korean arrivals told as a story are people sent; 가량 glued to the
// counter and 채 안 된다 are bounds; two levels of a change are two
// figures.
func TestKindKoreanArrivalsAndLevels(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "소식통은 지난달 북한 노동자 수백 명이 하바롭스크로 들어왔다고 말했다.",
			[]string{"people workers sent 100.. vague"}},
		{"ko", "북한 노동자 220명가량은 버스로 이르쿠츠크에 들어갔다.",
			[]string{"people workers sent 220..220 approx"}},
		{"ko", "올해 러시아로 간 북한 노동자는 80명이 채 안 된다.",
			[]string{"people workers present ..80 at_most"}},
		{"ko", "북한 노동자 수가 2천명에서 4천명으로 늘었다.",
			[]string{"people workers present 2000..2000 exact", "people workers present 4000..4000 exact"}},
		// "A에서 B명으로 추정": a range of one estimate.
		{"ko", "국정원은 북한 노동자 규모를 2천에서 4천 명으로 추정했다.",
			[]string{"people workers present 2000..4000 range"}},
	})
}

// Tables written as text in Korean and Russian: a row's figure counts
// what its column's header names, at the time of its first cell; a
// column that names nothing goes on with the one before; the caption
// says whose people and the line after the table whose data.
func TestKindKoRuTables(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "연도별 러시아 입국 북한 주민 수는 다음과 같다.\n| 연도 | 입국 북한 주민 | 비고 |\n|---|---|---|\n| 2018 | 약 1만8000명 | 최대 |\n| 2022 | 640명 | 학생 410명 |\n자료: FSB 국경관리국",
			[]string{"people nationals entered 18000..18000 approx", "people nationals entered 640..640 exact", "people nationals entered 410..410 exact"}},
		{"ru", "Въезды граждан КНДР в Россию (данные погранслужбы ФСБ)\nГод | Всего въездов | в т. ч. на учебу\n2018 | 16 400 | 2 100\nII квартал 2023 | 480 | нет данных",
			[]string{"people nationals entered 16400..16400 exact", "people nationals entered 2100..2100 exact", "people nationals entered 480..480 exact"}},
		// A line with separators but no header over it is no table.
		{"ru", "Общество | Приморье | 20 января 2026\n2019 | 3 200", nil},
		// A header may name a year in words; a table of several countries
		// whose header and caption do not say North Korean counts North
		// Koreans only in the row naming North Korea; "в 2,4 раза" is a
		// ratio.
		{"ru", "Рабочие визы, выданные в первом полугодии 2024 г.\nГосударство | Выдано виз | Рост к 2023 г.\nТаджикистан | 48 200 | +5%\nМонголия | 3 900 | −2%\nКНДР | 2 740 | в 2,4 раза",
			[]string{"people nationals entered 2740..2740 exact"}},
		// Each cell reads alone: a remark's soldiers, sending or return
		// are its own figure's, never the count beside it.
		{"ko", "<표> 연도별 북한 인력 현황\n연도 | 러시아 내 북한 노동자 | 비고\n2018 | 약 2만명 | 노동자 송환 시작\n2024 | 8천명 이상 | 북한군 9천여명 파병\n자료: 통일부",
			[]string{"people workers present 20000..20000 approx", "people workers present 8000.. at_least", "people soldiers sent 9000..9000 approx"}},
		{"ru", "Граждане КНДР в России по годам\nГод | Работники из КНДР | Примечание\n2019 | около 4 тысяч | возвращение на родину\n2024 | 12 тысяч | направлено 10 тысяч военных",
			[]string{"people workers present 4000..4000 approx", "people workers present 12000..12000 exact", "people soldiers sent 10000..10000 exact"}},
	})
}

// Korean sources: a think tank named in Korean, a military official, and
// a source that is the topic of a reporting verb in the sentence before,
// whose report the next sentence goes on with.
func TestKindKoreanSourcesUnseen(t *testing.T) {
	checkSources(t, []sourceCase{
		{"inss", "ko", "국가안보전략연구원은 북한군 3천 명이 추가로 파병됐다고 분석했다.", "INSS"},
		{"kida", "ko", "한국국방연구원은 북한 노동자 2만 명이 러시아에 체류 중이라고 밝혔다.", "KIDA"},
		{"official", "ko", "앞서 국정원은 규모를 확인 중이라고 했는데, 당시 군 관계자는 북한군 파병 인원을 2천 명 이상으로 추정했다.", "JCS"},
		{"goes-on", "ko", "한국국방연구원은 지난해 보고서에서 북한군의 규모를 따로 분석했다.\n2024년 가을 9천여 명이 먼저 건너갔다는 것이다.", "KIDA"},
	})
}

// Russian sources named back: "та же служба" after an unnamed report
// ("Ранее сообщалось"), "Как отмечается" and "Кроме того" going on with
// the report before.
func TestKindRussianSourcesBack(t *testing.T) {
	checkSources(t, []sourceCase{
		{"same-service", "ru", "По оценке южнокорейской разведки, КНДР направила в Россию 5 тысяч военных.\nРанее сообщалось, что в марте та же служба оценивала число погибших военных КНДР в 400 человек.", "NIS"},
		{"as-noted", "ru", "По оценке южнокорейской разведки, КНДР направила в Россию 5 тысяч военных.\nКак отмечается, около 700 саперов КНДР уже работают в Курской области.", "NIS"},
	})
}

// "будут работать": what the people will do is a plan, where "могут
// находиться" is a present that may be.
func TestKindRussianFutureWork(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Речь идет о трех тысячах специалистов из КНДР, которые будут работать на стройках Приморья.",
			[]string{"people workers planned 3000..3000 exact"}},
		{"ru", "Около 7 тысяч военных КНДР могут находиться в Курской области.",
			[]string{"people soldiers present 7000..7000 approx"}},
	})
}

// A dash standing for "are" after a part: each part counts the noun
// after its dash.
func TestKindRussianDashCopula(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "В Курской области находятся около 9 тыс. военных КНДР.\nИз них 8 тыс. — линейные части, ещё 600 — саперы.",
			[]string{"people soldiers present 9000..9000 approx", "people soldiers present 8000..8000 exact", "people engineers present 600..600 exact"}},
	})
}

// A figure after a comma opens a clause with its own verb: the verb of
// the second figure is not the first's.
func TestKindRussianNextFigureClause(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Погибли в боях, по оценке Киева, не менее 400 военных КНДР, сотни получили ранения.",
			[]string{"people soldiers killed 400.. at_least", "people soldiers wounded 100.. vague"}},
		{"ru", "В Курскую область прибыли 9 тысяч военных КНДР, и к весне 2 тысячи из них погибли.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers killed 2000..2000 exact"}},
		// An aside's bound of two words.
		{"ru", "КНДР направила в Россию около 9 тысяч военных (по иным подсчетам — вплоть до 11 тысяч).",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers sent ..11000 at_most"}},
		// The singular future of завезти plans.
		{"ru", "Россия завезет 4 тысячи рабочих из КНДР на стройки Приморья.",
			[]string{"people workers planned 4000..4000 exact"}},
	})
}

// Korean: a sentence after the figures that says whose work they were
// ("… 분석한 결과다"), and crossing into Russia (러시아로 넘어가고).
func TestKindKoreanBackAndCrossing(t *testing.T) {
	checkSources(t, []sourceCase{
		{"result", "ko", "지난해 러시아에 입국한 북한 주민은 8천 명으로 집계됐다. 자유아시아방송(RFA)이 러시아 통계청 자료를 분석한 결과다.", "RFA"},
	})
	runKinds(t, []kindCase{
		{"ko", "북한군 건설부대 3천여 명이 지난달부터 차례로 러시아로 넘어가고 있다고 국정원이 밝혔다.",
			[]string{"people soldiers sent 3000..3000 approx"}},
		// 넘어가 after an object particle exceeds a level.
		{"ko", "러시아의 북한 노동자 수가 1만 명을 넘어가는 것으로 추정된다.",
			[]string{"people workers present 10000.. at_least"}},
	})
}

// A dash gives a noun its value: an estimate's figure, or how many met
// what befell them.
func TestKindRussianDashValue(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "По данным Сеула, в Россию прибыли около 9 тысяч военных КНДР.\nВ Киеве называли похожую цифру — около 10 тысяч.",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers sent 10000..10000 approx"}},
		{"ru", "По оценке Киева, погибли не менее 300 северокорейских солдат, раненых — сотни.",
			[]string{"people soldiers killed 300.. at_least", "people soldiers wounded 100.. vague"}},
		// A bare number after a dash with no such noun is none.
		{"ru", "В Курскую область прибыли военные КНДР — 2025 год стал для них первым.", nil},
	})
}

// "оружия массового уничтожения" is no death of the people counted.
func TestKindRussianMassDestruction(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Власти КНДР направляют за рубеж тысячи IT-специалистов, чтобы финансировать программы создания оружия массового уничтожения.",
			[]string{"people it_workers sent 1000.. vague"}},
	})
}

// A Korean whole before 중 or 가운데 that no verb describes, with a
// casualty part after it, is the contingent sent; a verb of its own
// still decides.
func TestKindKoreanCasualtyWhole(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "국방부 \"북한군 9천명 중 2천명 사상…전선 재배치\"",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers wounded 2000..2000 exact"}},
		{"ko", "국방부는 북한 노동자 3천 명 가운데 40명이 숨졌다고 밝혔다.",
			[]string{"people workers sent 3000..3000 exact", "people workers killed 40..40 exact"}},
		{"ko", "포로로 잡힌 북한군 12명 가운데 3명이 숨졌다.",
			[]string{"people soldiers captured 12..12 exact", "people soldiers killed 3..3 exact"}},
	})
}

// A Korean count right before a verb of condition is the premise of a
// hypothesis, an optional plan; the figures of the main clause keep their
// own reading, and 면서 ("while") is no condition.
func TestKindKoreanConditional(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "전문가들은 북한이 병력 5천 명을 더 파병하면 러시아가 매달 1억 달러를 지급할 것으로 본다.",
			[]string{"money soldiers  100000000..100000000 exact /month", "people soldiers planned 5000..5000 exact"}},
		{"ko", "북한이 러시아에 노동자 8천 명을 더 보내면서 외화 수입이 늘었다.",
			[]string{"people workers sent 8000..8000 exact"}},
		{"ko", "이런 손실이 이어진다면 북한군 약 9천 명은 여름까지 모두 전선에서 사라질 것이다.",
			[]string{"people soldiers present 9000..9000 approx"}},
	})
}

// Conditionals of discourse read a figure; they posit none.
func TestKindKoreanDiscourseConditional(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "북한 주민의 러시아 입국은 지난해 9천 명이었다. 전년의 800명과 비교하면 열 배 넘게 늘었다.",
			[]string{"people nationals entered 9000..9000 exact", "people nationals entered 800..800 exact"}},
	})
}

// A Korean sum with no group of its own belongs to the people a figure of
// its sentence counts, even when nothing before names them.
func TestKindKoreanSumOfSentencePeople(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "전망은 엇갈린다.\n한 연구소는 파병 규모가 2만 명으로 늘어나면 북한이 해마다 9천억 원을 더 벌 것으로 내다봤다.",
			[]string{"people soldiers planned 20000..20000 exact", "money soldiers  900000000000..900000000000 exact /year"}},
	})
}

// Papers issued to North Koreans are entry statistics whatever verb
// issues them (оформило, выдано), work permits and work visas count
// workers. "N с лишним" is "N-odd", an estimate as the spec reads Korean
// 1만1천여 명; "и более" after a number is a floor.
func TestKindRussianDocumentsAndFloorsAfter(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "За полгода миграционная служба края оформила гражданам КНДР 460 разрешений на работу.",
			[]string{"people workers entered 460..460 exact"}},
		{"ru", "Миграционная служба выдала выходцам из КНДР две тысячи с лишним трудовых патентов.",
			[]string{"people workers entered 2000..2000 approx"}},
		{"ru", "Северокорейцам в Хабаровском крае выписали около 900 трудовых патентов.",
			[]string{"people workers entered 900..900 approx"}},
		// A quota of permits is still a plan.
		{"ru", "На будущий год край планирует выдать гражданам КНДР 1 400 разрешений на работу.",
			[]string{"people workers planned 1400..1400 exact"}},
		// People working on permits are there, not papers.
		{"ru", "По рабочим визам в области трудятся около 650 граждан КНДР.",
			[]string{"people workers present 650..650 approx"}},
		{"ru", "На стройках Хабаровска работает тысяча с небольшим рабочих из КНДР.",
			[]string{"people workers present 1000..1000 approx"}},
		{"ru", "В Курскую область прибыли 400 и более северокорейских саперов.",
			[]string{"people engineers sent 400.. at_least"}},
	})
}

// People counted with the papers they hold are people, not papers.
func TestKindRussianPeopleWithDocuments(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Сейчас в крае находятся 380 граждан КНДР по рабочим визам.",
			[]string{"people nationals present 380..380 exact"}},
	})
}

// Papers counted in one sentence lend no event to the people of the
// next: those workers are there, not entering.
func TestKindRussianDocumentsLendNoEvent(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "В прошлом году гражданам КНДР оформили 1 300 разрешений на работу.\nВ Хабаровске сейчас около 400 рабочих из КНДР.",
			[]string{"people workers entered 1300..1300 exact", "people workers present 400..400 approx"}},
	})
}

// Parts of a figure listed after "включая" or "в том числе", and the
// parts the list adds with "и", count its people; "едут" is a movement
// under way, "поедут" one to come; Приамурье is Amur Oblast.
func TestKindRussianPartsAndMovements(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Пхеньян отправил в Россию около 14 тысяч военных, в том числе 10 000 осенью и примерно 4 000 зимой.",
			[]string{"people soldiers sent 14000..14000 approx", "people soldiers sent 10000..10000 exact", "people soldiers sent 4000..4000 approx"}},
		// A number after the part's clause closes is no part.
		{"ru", "КНДР направила 6 тысяч рабочих, включая строителей; срок контракта 3 года.",
			[]string{"people workers sent 6000..6000 exact"}},
		{"ru", "На стройки Хабаровска едут сотни рабочих из КНДР.",
			[]string{"people workers sent 100.. vague"}},
		{"ru", "Летом в Приамурье поедут еще 600 северокорейских лесорубов.",
			[]string{"people workers planned 600..600 exact"}},
	})
}

// Migrants and foreign workers in general are other people; a figure the
// text denies is none.
func TestKindRussianOthersAndDenials(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "На стройках Хабаровска работают рабочие из КНДР, а доля мигрантов в отрасли достигла 35%.",
			nil},
		{"ru", "Рабочие из КНДР прибыли в край. Всего в регионе трудятся около 16 тысяч иностранных работников.",
			nil},
		{"ru", "Власти области отвергли сообщения СМИ: никаких «семи тысяч северокорейских строителей» в регионе нет.",
			nil},
	})
}

// A time right after a part's figure is that part's; the part after it
// takes its own, not the one before ("около 9 000 в прошлом году и еще
// 3 000 весной").
func TestKindRussianPartTimes(t *testing.T) {
	text := "КНДР направила в Россию около 12 тысяч военных, включая 9 000 в 2024 году и еще 3 000 в начале 2025 года."
	a := &flowwatch.Article{Name: "t", Text: text, Lang: "ru", Published: flowwatch.NewDate(2025, 6, 1)}
	want := map[float64]string{9000: "2024-01-01..2024-12-31", 3000: "2025-01-01..2025-03-31"}
	got := map[float64]string{}
	for _, c := range rules().Extract(a) {
		if c.Low != nil && c.When != nil {
			got[*c.Low] = c.When.From.String() + ".." + c.When.To.String()
		}
	}
	for v, w := range want {
		if got[v] != w {
			t.Errorf("%v: when %q, want %q", v, got[v], w)
		}
	}
}

// A figure set off by dashes takes the verb right after the closing dash.
func TestKindRussianDashApposition(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Вторая смена — около 450 рабочих из КНДР — приехала на стройку в марте.",
			[]string{"people workers sent 450..450 approx"}},
		{"ru", "Последний эшелон — 800 северокорейских военных — вернулся домой в декабре.",
			[]string{"people soldiers withdrawn 800..800 exact"}},
	})
}

// One who told an outlet (dative after the reporting verb) is the
// source, the outlet only relays him; an indeclinable outlet after the
// verb is still the one who reports.
func TestKindRussianToldOutlet(t *testing.T) {
	checkSources(t, []sourceCase{
		{"told-outlet", "ru", "Директор стройтреста Олег Карпов рассказал «Известиям», что на объектах заняты 350 рабочих из КНДР.", "Oleg Karpov"},
		{"told-agency", "ru", "Председатель союза Игорь Мельников сообщил Интерфаксу, что в области трудятся около 700 граждан КНДР.", "Igor Melnikov"},
		{"outlet-reports", "ru", "В Приморье работают около 2 тысяч рабочих из КНДР, сообщает ТАСС.", "TASS"},
	})
}

// The whole staff of a plant or firm (전체 직원, 임직원) counts every
// nationality at work there: no figure of North Koreans, even right
// after a sentence about the North Koreans sent to it. A North Korean
// count set against the staff keeps its own group.
func TestKindKoreanWholeStaff(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "북한은 이 조선소에 노동자 800명을 보낼 예정이다. 조선소의 전체 직원은 2만 명가량으로 알려졌다.",
			[]string{"people workers planned 800..800 exact"}},
		{"ko", "현지 매체는 북한 노동자 3천 명이 일하는 이 공장의 임직원이 모두 1만5천 명이라고 전했다.",
			[]string{"people workers present 3000..3000 exact"}},
	})
}

// A headline's part whose count is its topic (N명은) is set against the
// part after the break (…): the other part's count is another set of
// people and takes no group from it; without the topic it goes on with
// the same people.
func TestKindKoreanHeadlineTopicParts(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "北 공병 600명은 교량 복구…후방 기지엔 9천여명 주둔", []string{"people engineers present 600..600 exact"}},
		{"ko", "북한군 3천명 사상…올해 2천명 추가 파병",
			[]string{"people soldiers wounded 3000..3000 exact", "people soldiers sent 2000..2000 exact"}},
	})
}
