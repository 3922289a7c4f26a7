package extract

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func ruFigs(text string) []string {
	m := mlModulesFor(domain.Default()).ru
	s := &mlSent{text: text, toks: mlTokenize(text)}
	s.hits = m.m.find(text, s.toks)
	var out []string
	for _, f := range m.figures(s) {
		out = append(out, fmtFig(f))
	}
	return out
}

// Every sentence here was written for this test.
func TestRUNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Spaces as thousands separators, and number words in every case.
		{"В Россию въехали 13 221 гражданин КНДР.", []string{"people 13221..13221 exact people"}},
		{"Прибыли 10 000 военных.", []string{"people 10000..10000 exact people"}},
		{"Отправят 6 тысяч рабочих.", []string{"people 6000..6000 exact people"}},
		{"Прибудут порядка пяти тысяч солдат.", []string{"people 5000..5000 approx people"}},
		{"С пятью тысячами военных прибыли инженеры.", []string{"people 5000..5000 exact people"}},
		{"Отправлено двух тысяч рабочих.", []string{"people 2000..2000 exact people"}},
		{"Погибли двести пятьдесят солдат.", []string{"people 250..250 exact people"}},
		{"Прибыли полторы тысячи строителей.", []string{"people 1500..1500 exact people"}},
		{"Приехали 1,5 тысячи студентов.", []string{"people 1500..1500 exact people"}},
		{"Направят 12 тыс. военнослужащих.", []string{"people 12000..12000 exact people"}},
		{"Еще тысяча военных прибудет.", []string{"people 1000..1000 exact people"}},
		{"Только шесть граждан указали работу.", []string{"people 6..6 exact people"}},
		// Bounds.
		{"Около 12 тысяч военных находятся там.", []string{"people 12000..12000 approx people"}},
		{"Более 10 тысяч рабочих приехали.", []string{"people 10000..- at_least people"}},
		{"Прибыли более чем 300 человек.", []string{"people 300..- at_least people"}},
		{"Направят до 5 тысяч саперов.", []string{"people -..5000 at_most people"}},
		{"Погибли не менее 100 человек.", []string{"people 100..- at_least people"}},
		{"По меньшей мере 600 солдат погибли.", []string{"people 600..- at_least people"}},
		{"Там от 20 до 50 тысяч рабочих.", []string{"people 20000..50000 range people"}},
		{"Прибыли 2-3 тысячи рабочих.", []string{"people 2000..3000 range people"}},
		{"Число раненых приближается к 1000.", []string{"people 1000..1000 approx people"}},
		// "до" after a verb of change is the level reached.
		{"Их число выросло до 1696 человек.", []string{"people 1696..1696 exact people"}},
		// "около тысячи" is one thousand, plural "тысячи" is vague.
		{"Прибыли около тысячи военных.", []string{"people 1000..1000 approx people"}},
		{"Прибыли тысячи военных.", []string{"people 1000..- vague people"}},
		{"Отправят несколько тысяч рабочих.", []string{"people 3000..- vague people"}},
		{"Погибли сотни солдат.", []string{"people 100..- vague people"}},
		{"Назвали несколько сотен жертв.", []string{"people 300..- vague people"}},
		{"Приехали десятки тысяч студентов.", []string{"people 10000..- vague people"}},
		// Coordinated numbers share the noun.
		{"Туристы и студенты: 1277 и 370 человек.", []string{"people 1277..1277 exact people", "people 370..370 exact people"}},
		// A number followed by what happened to the people counts people.
		{"Еще 1000 получили ранения.", []string{"people 1000..1000 exact people"}},
		// Money and shares.
		{"Зарплата около 800 долларов в месяц.", []string{"money 800..800 approx USD /month"}},
		{"Им платят 90 тысяч рублей.", []string{"money 90000..90000 exact RUB /total"}},
		{"Государство забирает 90% заработка.", []string{"share 90..90 exact percent"}},
		// A decimal comma before a unit, as before a magnitude word.
		{"Им обещали около 3,5 доллара в час.", []string{"money 3.5..3.5 approx USD"}},
		{"Государство забирает 62,5% заработка.", []string{"share 62.5..62.5 exact percent"}},
		// Not figures.
		{"В 2024 году ничего не изменилось.", nil},
		{"Это в 12 раз больше.", nil},
		{"Разминировали 60 из 122 населенных пунктов.", nil},
		{"Это случилось 9 февраля 2025 года.", nil},
		{"За последние четыре года мало что изменилось.", nil},
		{"Канал Россия 1 показал сюжет.", nil},
	}
	for _, tt := range tests {
		got := ruFigs(tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestRUSplit(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Об этом сообщил ТАСС. Позже данные уточнили.", []string{"Об этом сообщил ТАСС.", "Позже данные уточнили."}},
		// Abbreviations and initials do not end sentences.
		{"В 2024 г. прибыли 12 тыс. человек. Это много.", []string{"В 2024 г. прибыли 12 тыс. человек.", "Это много."}},
		{"Об этом сказал А. Хинштейн вчера.", []string{"Об этом сказал А. Хинштейн вчера."}},
		{"«Мы готовы», — сказал он. «Мы ждем!» Так и было.", []string{"«Мы готовы», — сказал он.", "«Мы ждем!»", "Так и было."}},
		{"Заголовок без точки\nТекст.", []string{"Заголовок без точки", "Текст."}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range ruSplit(tt.text) {
			got = append(got, tt.text[sp.start:sp.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestRUTimes(t *testing.T) {
	pub := flowwatch.NewDate(2025, 11, 4)
	tests := []struct {
		text string
		pub  flowwatch.Date
		want []string
	}{
		{"В прошлом году прибыли.", pub, []string{"2024-01-01..2024-12-31"}},
		{"С сентября прибывают.", pub, []string{"2025-09-01..2025-11-04"}},
		{"С сентября прошлого года прибывают.", pub, []string{"2024-09-01..2025-11-04"}},
		{"В 2024 году прибыли.", pub, []string{"2024-01-01..2024-12-31"}},
		{"В октябре прибыли.", pub, []string{"2025-10-01..2025-10-31"}},
		{"В декабре прибыли.", pub, []string{"2024-12-01..2024-12-31"}},
		{"С января по июнь прибыли.", pub, []string{"2025-01-01..2025-06-30"}},
		{"Сейчас они там.", pub, []string{"2025-11-04..2025-11-04"}},
		{"В настоящее время они там.", pub, []string{"2025-11-04..2025-11-04"}},
		{"В третьем квартале прибыли.", pub, []string{"2025-07-01..2025-09-30"}},
		{"5 марта 2025 года прибыли.", pub, []string{"2025-03-05..2025-03-05"}},
		{"В мае 2024 года прибыли.", pub, []string{"2024-05-01..2024-05-31"}},
		{"В январе-феврале прибыли.", pub, []string{"2025-01-01..2025-02-28"}},
		{"С начала года прибыли.", pub, []string{"2025-01-01..2025-11-04"}},
		{"По состоянию на 1 октября там работали.", pub, []string{"2025-10-01..2025-10-01"}},
		{"На 1 декабря там работали.", pub, []string{"2024-12-01..2024-12-01"}},
		// Without a publication date relative times stay unresolved.
		{"С января по июнь прибыли.", flowwatch.Date{}, []string{"nil"}},
		{"В прошлом году прибыли.", flowwatch.Date{}, []string{"nil"}},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range ruTimes(&mlSent{text: tt.text}, tt.pub) {
			got = append(got, fmtPeriod(x.period))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s (pub %s)\n got %q\nwant %q", tt.text, tt.pub, got, tt.want)
		}
	}
}

// TestRUClaims checks group, event, place, time and source on sentences
// written for the test, one construction each.
func TestRUClaims(t *testing.T) {
	tests := []struct {
		name, text, pub string
		want            []string
	}{
		{"по данным", "По данным южнокорейской разведки, около 3000 военных КНДР находятся в Курской области.", "",
			[]string{"people soldiers present 3000..3000 approx [Kursk Oblast] - NIS"}},
		{"заявил after the figure", "В Россию прибыли 5 тысяч рабочих из КНДР, заявил Сергей Шойгу.", "",
			[]string{"people workers sent 5000..5000 exact [Russia] - Sergei Shoigu"}},
		{"со ссылкой на", "Северная Корея направила в Россию 2 тысячи саперов, пишет «Коммерсант» со ссылкой на Минобороны.", "",
			[]string{"people engineers sent 2000..2000 exact [Russia] - Russian Defense Ministry via Kommersant"}},
		{"attribution in the next sentence", "КНДР отправила в Приморье тысячи рабочих.\nОб этом сообщает ТАСС.", "",
			[]string{"people workers sent 1000..- vague [Primorsky Krai] - TASS"}},
		{"attribution in the next sentence, citing", "В Россию прибыли 5000 военных строителей КНДР.\nТакие данные приводит агентство «Ёнхап» со ссылкой на данные НИС.", "",
			[]string{"people workers sent 5000..5000 exact [Russia] - NIS via Yonhap"}},
		{"planned: future verb", "Пхеньян направит в Курскую область до 6 тысяч военных строителей.", "",
			[]string{"people workers planned -..6000 at_most [Kursk Oblast] - -"}},
		{"planned: modal", "В Россию должны прибыть около 1000 саперов из КНДР.", "",
			[]string{"people engineers planned 1000..1000 approx [Russia] - -"}},
		{"killed and wounded in one sentence", "По меньшей мере 200 северокорейских солдат погибли, а еще 800 получили ранения.", "",
			[]string{"people soldiers killed 200..- at_least [] - -", "people soldiers wounded 800..800 exact [] - -"}},
		{"coordinated clauses, each with its verb", "По данным разведки, около двухсот северокорейских солдат убиты и около полутора тысяч ранены под Курском.", "",
			[]string{"people soldiers killed 200..200 approx [Kursk Oblast] - -", "people soldiers wounded 1500..1500 approx [Kursk Oblast] - -"}},
		{"coordinated participles", "Разведка насчитала не менее 200 погибших и почти 1500 раненых военных КНДР.", "",
			[]string{"people soldiers killed 200..- at_least [] - -", "people soldiers wounded 1500..1500 approx [] - -"}},
		{"bound before the preposition о", "Ведомство говорило как минимум о 400 погибших военнослужащих КНДР.", "",
			[]string{"people soldiers killed 400..- at_least [] - -"}},
		{"bound before чем в", "Британская разведка оценила потери КНДР более чем в 5 тысяч человек.", "",
			[]string{"people soldiers wounded 5000..- at_least [] - UK MoD"}},
		{"planned: perfective future", "Пхеньян откомандирует в Россию еще порядка четырех тысяч военнослужащих.", "",
			[]string{"people soldiers planned 4000..4000 approx [Russia] - -"}},
		{"arrived: добрались до", "Около двух тысяч северокорейских саперов уже добрались до России.", "",
			[]string{"people engineers sent 2000..2000 approx [Russia] - -"}},
		{"crossings counted as trips", "Граждане КНДР в 2024 году пересекали границу России около 12 тысяч раз.", "2025-03-01",
			[]string{"people nationals entered 12000..12000 approx [Russia] 2024-01-01..2024-12-31 -"}},
		{"planned: рассчитывает", "Россия рассчитывает завезти в Татарстан около 10 тысяч рабочих из КНДР.", "",
			[]string{"people workers planned 10000..10000 approx [Russia,Tatarstan] - -"}},
		{"present: учились", "Весной в российских вузах учились порядка 150 студентов из КНДР.", "",
			[]string{"people nationals present 150..150 approx [Russia] - -"}},
		{"sent: добавились", "Весной к северокорейскому контингенту добавились еще примерно 2 тысячи военных.", "",
			[]string{"people soldiers sent 2000..2000 approx [] - -"}},
		{"other people: citizens of Russia visiting", "Погранслужба: в июле КНДР посетили 3100 граждан России.", "", nil},
		{"the agency points back", "Около 2 тысяч военных КНДР погибли в Курской области, сообщили в южнокорейских спецслужбах. Примерно 1000 северокорейских саперов уже прибыли в Россию, утверждает ведомство.", "",
			[]string{"people soldiers killed 2000..2000 approx [Kursk Oblast] - NIS", "people engineers sent 1000..1000 approx [Russia] - NIS"}},
		{"the services' count points back", "Около 2 тысяч военных КНДР погибли, сообщили в южнокорейских спецслужбах. Всего КНДР, согласно подсчетам спецслужб, отправила в Россию около 12 тысяч военных.", "",
			[]string{"people soldiers killed 2000..2000 approx [] - NIS", "people soldiers sent 12000..12000 approx [Russia] - NIS"}},
		{"a person the gazetteer does not know, before the verb", "Помощник главы строительной компании Иван Сидоренко ранее заявлял, что в России работают около 12 тысяч строителей из КНДР.", "",
			[]string{"people workers present 12000..12000 approx [Russia] - Ivan Sidorenko"}},
		{"a person the gazetteer does not know, after the verb", "Около 300 военных КНДР погибли, сообщил аналитик центра Артем Березовский.", "",
			[]string{"people soldiers killed 300..300 approx [] - Artyom Berezovsky"}},
		{"по ее словам: the person named before", "Прогноз дал директор агентства Ирина Соколова. По ее словам, к концу года число рабочих из КНДР может превысить 40 тысяч.", "",
			[]string{"people workers planned 40000..- at_least [] - Irina Sokolova"}},
		{"an actor, not a speaker", "Иван Сидоренко привез в Хабаровск 40 рабочих из КНДР.", "",
			[]string{"people workers sent 40..40 exact [Khabarovsk] - -"}},
		{"a title and a date between the verb and its speaker", "Пхеньян пришлет в Россию еще 3 тысячи рабочих, сообщил в пятницу, 4 июля, министр иностранных дел России Сергей Лавров.", "",
			[]string{"people workers planned 3000..3000 exact [Russia] - Sergei Lavrov"}},
		{"whom he told and a long title", "Из КНДР в Приморье приедут 2 тысячи строителей, рассказал репортерам глава МИД РФ Сергей Лавров.", "",
			[]string{"people workers planned 2000..2000 exact [Primorsky Krai,Russia] - Sergei Lavrov"}},
		{"a second clause's person is not the speaker", "Из КНДР в Приморье приедут 2 тысячи строителей, заявил Зеленский, а Лавров промолчал.", "",
			[]string{"people workers planned 2000..2000 exact [Primorsky Krai] - Volodymyr Zelensky"}},
		{"crossings of the Russian border", "За весь 2024 год граждане КНДР пересекали российскую границу почти 12 тысяч раз.", "2025-03-01",
			[]string{"people nationals entered 12000..12000 approx [Russia] 2024-01-01..2024-12-31 -"}},
		{"a quotation closed by a title pointing back", "На заседании правительства выступил заместитель губернатора области Олег Петренко. «До конца года к нам приедут еще около 300 строителей из КНДР», — сказал вице-губернатор.", "",
			[]string{"people workers planned 300..300 approx [] - Oleg Petrenko"}},
		{"a quotation closed by the surname alone", "Директор компании Виктор Савченко рассказал о работе бригад. «Сейчас на объекте работают 60 рабочих из КНДР», — отметил Савченко.", "",
			[]string{"people workers present 60..60 exact [] - Viktor Savchenko"}},
		{"a title that names a company in guillemets", "«Сейчас у нас трудятся 45 рабочих из КНДР», — рассказал генеральный директор ООО «Стройдом» Антон Ковалев.", "",
			[]string{"people workers present 45..45 exact [] - Anton Kovalev"}},
		{"such figures were given by a person", "Сейчас в регионе трудятся около 150 граждан КНДР. Такие данные привел на заседании правительства заместитель председателя правительства области Олег Петренко.", "",
			[]string{"people workers present 150..150 approx [] - Oleg Petrenko"}},
		{"a body of tellers of its own does not go on with the speaker before", "Директор компании Виктор Савченко сообщил, что на объекте работают 60 рабочих из КНДР. Правозащитники утверждают, что до 80% заработка рабочих из КНДР забирает государство.", "",
			[]string{"people workers present 60..60 exact [] - Viktor Savchenko", "share workers  -..80 at_most [] - -"}},
		{"what befell a later figure is its own", "По данным Зеленского, в Россию прибыли 11 тысяч военных КНДР, и к тому моменту 3000 из них были убиты или ранены.", "",
			[]string{"people soldiers sent 11000..11000 exact [Russia] - Volodymyr Zelensky", "people soldiers killed 3000..3000 exact [Russia] - Volodymyr Zelensky"}},
		{"reinforcement is sending", "Разведка называет цифру подкрепления — от 2 до 4 тыс. военных КНДР.", "",
			[]string{"people soldiers sent 2000..4000 range [] - -"}},
		{"agreed on a transfer: a plan", "Стороны договорились о переброске еще около 4 тыс. строителей из КНДР.", "",
			[]string{"people workers planned 4000..4000 approx [] - -"}},
		{"retraining is being there", "Не менее 2 тысяч северокорейских военных сейчас проходят переподготовку на полигонах.", "",
			[]string{"people soldiers present 2000..- at_least [] - -"}},
		{"a modal in the figure's own clause", "Сейчас на стройках Приморья трудятся примерно 3 тыс. рабочих из КНДР, а через год их может быть до 8 тыс.", "",
			[]string{"people workers present 3000..3000 approx [Primorsky Krai] - -", "people workers planned -..8000 at_most [Primorsky Krai] - -"}},
		{"planned: завезет", "Россия завезет 10 тысяч рабочих из КНДР для сборки дронов.", "",
			[]string{"people workers planned 10000..10000 exact [Russia] - -"}},
		{"the occasion between a speaker and his verb", "Весной глава МИД РФ Сергей Лавров по итогам встречи в Пхеньяне сообщил, что КНДР пришлет еще 2 тысячи строителей.", "",
			[]string{"people workers planned 2000..2000 exact [Russia] - Sergei Lavrov"}},
		{"an imperfective reporting verb", "Осенью Сергей Лавров объявлял, что из КНДР приедут 3 тысячи рабочих.", "",
			[]string{"people workers planned 3000..3000 exact [] - Sergei Lavrov"}},
		{"a place in the occasion does not speak", "Глава МИД РФ Сергей Лавров после встречи с коллегой в Пхеньяне заявил, что в России работают около 9 тысяч рабочих из КНДР.", "",
			[]string{"people workers present 9000..9000 approx [Russia] - Sergei Lavrov"}},
		{"entries of citizens", "В прошлом году в РФ въехали 13 221 гражданин КНДР, сообщил Росстат.", "2025-02-09",
			[]string{"people nationals entered 13221..13221 exact [Russia] 2024-01-01..2024-12-31 Rosstat"}},
		{"since", "С сентября в Россию прибыли около 5000 военных строителей из КНДР.", "2025-11-04",
			[]string{"people workers sent 5000..5000 approx [Russia] 2025-09-01..2025-11-04 -"}},
		{"captured", "ВСУ взяли в плен двух северокорейских солдат.", "",
			[]string{"people soldiers captured 2..2 exact [] - -"}},
		{"withdrawn", "Из Курской области выведены около 1000 военных КНДР.", "",
			[]string{"people soldiers withdrawn 1000..1000 approx [Kursk Oblast] - -"}},
		{"a country as the subject of a reporting verb", "Южная Корея заявила, что в России находятся 11 тысяч военных КНДР.", "",
			[]string{"people soldiers present 11000..11000 exact [Russia] - South Korea"}},
		{"series: the next sentence goes on", "С января по июнь в Россию въехали 2500 северокорейцев, пишет NK News.\nИз них 700 человек приехали учиться.", "",
			[]string{"people nationals entered 2500..2500 exact [Russia] - NK News",
				"people nationals entered 700..700 exact [Russia] - NK News"}},
		{"a headline that names its source", "Сеул: КНДР перебросила в Россию еще три тысячи военных", "",
			[]string{"people soldiers sent 3000..3000 exact [Russia] - NIS"}},
		{"ellipsis: еще N after a count of people", "Осенью КНДР отправила в Россию около 11 тысяч военнослужащих, а зимой — еще около 3 тысяч.", "",
			[]string{"people soldiers sent 11000..11000 approx [Russia] - -", "people soldiers sent 3000..3000 approx [Russia] - -"}},
		{"part of a count: из них", "В 2024 году в Россию въехали 13 221 гражданин КНДР.\nБолее 7 тысяч из них приехали учиться.", "2025-02-01",
			[]string{"people nationals entered 13221..13221 exact [Russia] 2024-01-01..2024-12-31 -", "people nationals entered 7000..- at_least [Russia] - -"}},
		{"по данным with an adjective is not a country source", "По данным российской пограничной статистики, в Россию въехали 900 граждан КНДР.", "",
			[]string{"people nationals entered 900..900 exact [Russia] - FSB"}},
		{"event nouns before each count", "Разведка Украины сообщила о гибели 200 северокорейских военных и ранении еще 400.", "",
			[]string{"people soldiers killed 200..200 exact [] - GUR", "people soldiers wounded 400..400 exact [] - GUR"}},
		{"losses are soldiers'", "Потери КНДР составили несколько сотен человек.", "",
			[]string{"people soldiers wounded 300..- vague [] - -"}}, // потери: casualties, recorded as wounded (doc.go)
		{"a total and its part", "Из 15 тысяч направленных в Россию военных КНДР 4 тысячи погибли.", "",
			[]string{"people soldiers sent 15000..15000 exact [Russia] - -", "people soldiers killed 4000..4000 exact [Russia] - -"}},
		{"foreign people are not claims", "Украинская сторона заявила, что погибли сотни российских военных.", "", nil},
		{"unnamed people are not claims", "На концерт пришли 300 человек.", "", nil},
		{"civilians of other countries are not claims", "При обстреле погибли 12 мирных жителей.", "", nil},
	}
	for _, tt := range tests {
		got := runLang("ru", tt.text, tt.pub)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: %s\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// Russian parts of a year and of a month, and "since" a season.
func TestRUTimesHalvesAndMonthParts(t *testing.T) {
	pub := flowwatch.NewDate(2025, 8, 12)
	for _, tc := range []struct{ text, from, to string }{
		{"В первом полугодии 2025 года в край въехали 7 000 граждан КНДР.", "2025-01-01", "2025-06-30"},
		{"За второе полугодие прошлого года въехали 4 000 граждан КНДР.", "2024-07-01", "2024-12-31"},
		{"С осени 2024 года в Россию прибыли 14 тысяч военных КНДР.", "2024-09-01", "2025-08-12"},
		{"С весны в Приморье приехали 900 рабочих из КНДР.", "2025-03-01", "2025-08-12"},
		{"В конце ноября говорили о 1 500 погибших военных КНДР.", "2024-11-21", "2024-11-30"},
		{"В начале июля 2025 года прибыли 600 саперов КНДР.", "2025-07-01", "2025-07-10"},
	} {
		checkRUPeriod(t, pub, tc.text, tc.from, tc.to)
	}
}

// checkRUPeriod fails unless ruTimes reads the period from..to somewhere in
// text, published on pub.
func checkRUPeriod(t *testing.T, pub flowwatch.Date, text, from, to string) {
	t.Helper()
	s := &mlSent{text: text, low: mlLower(text), toks: mlTokenize(text)}
	for _, x := range ruTimes(s, pub) {
		if x.period != nil && x.period.From.String() == from && x.period.To.String() == to {
			return
		}
	}
	t.Errorf("%s: no period %s..%s in %+v", text, from, to, ruTimes(s, pub))
}
