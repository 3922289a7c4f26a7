package extract_test

import "testing"

// A modal after "и" opens a second predicate of the subject ("держит ... и
// готовит им смену", "стоят у границы и могут пойти в наступление"): a plan
// for something else, not for the figure, whose clause reads as it would
// alone. A modal right before the figure's own verb still makes it a plan.
func TestKindRuSecondPredicate(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Пхеньян держит около 4 тыс. военных под Брянском и готовит им смену.",
			[]string{"people soldiers present 4000..4000 approx"}},
		{"ru", "Разведка: 7 тысяч солдат КНДР стоят у границы и вскоре могут пойти в наступление",
			[]string{"people soldiers present 7000..7000 exact"}},
		{"ru", "КНДР держит на стройках Приморья около 2 тыс. рабочих и планирует набирать новые бригады.",
			[]string{"people workers present 2000..2000 approx"}},
		// Two nouns joined by и: the modal is the figure's.
		{"ru", "Около 6 тысяч северокорейских рабочих и инженеров планируется в этом году.",
			[]string{"people workers planned 6000..6000 approx"}},
		{"ru", "Еще 3 тысячи солдат и саперов КНДР могут быть переброшены в Россию.",
			[]string{"people soldiers planned 3000..3000 exact"}},
	})
}

// A group adjective right before a unit noun ("инженерных бригад",
// "саперных батальона") makes the figure a count of the
// units, not of people; a group noun keeps it people.
func TestKindRuUnitsOfGroups(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Разведка насчитала у КНДР 12 инженерных бригад.",
			nil},
		{"ru", "Пхеньян готов выделить для разминирования два или три саперных батальона.",
			nil},
		{"ru", "КНДР перебросила в Курскую область около 2 тысяч инженерных войск.",
			[]string{"people engineers sent 2000..2000 approx"}},
	})
}

// A reporting verb, then the occasion (по итогам, на форуме, with a name in
// straight quotes), then the speaker's title and name: the name is the
// source, for a known source and an unknown person alike.
func TestSourceRuOccasionThenTitle(t *testing.T) {
	checkSources(t, []sourceCase{
		{"occasion, known", "ru", "Пхеньян решил направить в Россию 3 тыс. военных строителей, сообщил после переговоров с северокорейской стороной секретарь Совбеза Сергей Шойгу.", "Sergei Shoigu"},
		{"quoted occasion, unknown", "ru", `На стройках края работают около 4 тысяч рабочих из КНДР, рассказал на выставке "Стройка Востока" заместитель директора холдинга Иван Сидоренко.`, "Ivan Sidorenko"},
	})
}

// A second figure after a comma opens its own clause at that comma: a
// casualty noun that is its subject ("потери составили 4700") is not
// what befell the figure before.
func TestKindRuLossClauseAfterComma(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Пхеньян перебросил в Курскую область около 12 тысяч военных, общие потери составили около 3 тысяч человек.",
			[]string{"people soldiers sent 12000..12000 approx", "people soldiers wounded 3000..3000 approx"}},
		{"ru", "Из 9 тысяч северокорейских солдат, отправленных в Россию, 2 тысячи погибли.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers killed 2000..2000 exact"}},
	})
}

// Lexicon classes completed: officers are soldiers (as English
// "officers"); ждут is a word of expectation, a plan, as ожидают is.
func TestKindRuOfficersAndAwaited(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "При обстреле под Горловкой погибли четыре офицера из КНДР.",
			[]string{"people soldiers killed 4..4 exact"}},
		{"ru", "В Белгородской области ждут еще 2 тысячи северокорейских строителей.",
			[]string{"people workers planned 2000..2000 exact"}},
	})
}

// A defence ministry named by its country's adjective is that country's,
// not Russia's (as британское минобороны is the UK's); Ukraine's military
// intelligence by its full formal name is GUR, not Ukraine.
func TestSourceRuMinistryByAdjective(t *testing.T) {
	checkSources(t, []sourceCase{
		{"US adjective", "ru", "В американском минобороны считают, что КНДР перебросила около 7 тысяч солдат.", "Pentagon"},
		{"US adjective, full", "ru", "В американском министерстве обороны считают, что КНДР перебросила около 7 тысяч солдат.", "Pentagon"},
		{"South Korean adjective", "ru", "В южнокорейском минобороны заявили, что в России остаются 9 тысяч северокорейских военных.", "JCS"},
		{"GUR formal", "ru", "Главное управление разведки Министерства обороны Украины сообщило, что КНДР отправит еще 3 тысячи рабочих.", "GUR"},
	})
}

// A cardinal before a form of десяток counts tens ("двух десятков" is
// 20), a round count; десятки alone stay vague dozens.
func TestKindRuTens(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "По данным штаба, при ударе погибли более трех десятков военных КНДР.",
			[]string{"people soldiers killed 30.. at_least"}},
		{"ru", "В плен попали два десятка северокорейских солдат.",
			[]string{"people soldiers captured 20..20 approx"}},
		{"ru", "В боях погибли десятки северокорейских солдат.",
			[]string{"people soldiers killed 12.. vague"}},
	})
}

// A verb of growth in the future (вырастет, увеличится, достигнет,
// утроит) is a projection, a plan, as the future of a verb of movement
// is; so is a level of a number still to come. Its past stays present.
func TestKindRuFutureGrowth(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "К весне число северокорейских рабочих в Приморье достигнет 8 тысяч человек.",
			[]string{"people workers planned 8000..8000 exact"}},
		{"ru", "Пхеньян удвоит свой контингент, перебросив еще около 6 тысяч солдат.",
			[]string{"people soldiers planned 6000..6000 approx"}},
		{"ru", "Число северокорейских рабочих в Приморье достигло 8 тысяч человек.",
			[]string{"people workers present 8000..8000 exact"}},
	})
}
