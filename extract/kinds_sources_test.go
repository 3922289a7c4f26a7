package extract_test

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// sourceCase is a text of our own and the source every claim in it must
// carry ("-" for none); the kinds of sentence are those the train corpus
// shows across folds (see docs/extraction.md, "Sources").
type sourceCase struct {
	name, lang, text string
	want             string
}

func sourcesOf(lang, text string) []string {
	a := &flowwatch.Article{Name: "t", Text: text, Lang: lang}
	var out []string
	for _, c := range rules().Extract(a) {
		s := c.Source
		if s == "" {
			s = "-"
		}
		out = append(out, s)
	}
	return out
}

func checkSources(t *testing.T, tests []sourceCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.name, func(t *testing.T) {
			got := sourcesOf(tc.lang, tc.text)
			if len(got) == 0 {
				t.Fatalf("no claims in %q", tc.text)
			}
			for i, s := range got {
				if s != tc.want {
					t.Errorf("claim %d: source %q, want %q (all: %s)", i, s, tc.want, strings.Join(got, ", "))
				}
			}
		})
	}
}

// The gazetteer's organisations and officials, one sentence each in the
// languages whose names the data files give.
func TestSourceGazetteer(t *testing.T) {
	checkSources(t, []sourceCase{
		{"JCS", "en", "South Korea's Joint Chiefs of Staff said about 2,500 North Korean soldiers had been wounded.", "JCS"},
		{"UK MoD", "en", "Britain's Ministry of Defence said about 4,000 North Korean soldiers were killed or wounded.", "UK MoD"},
		{"UK Defence Intelligence", "en", "According to UK Defence Intelligence, some 9,000 North Korean troops remain in the region.", "UK MoD"},
		{"MSMT", "en", "The Multilateral Sanctions Monitoring Team said 7,000 North Korean workers were sent to Russia last year.", "MSMT"},
		{"MSMT described", "en", "North Korea sent 8,000 more workers to Russia last year, an international sanctions monitoring group said on Thursday.", "MSMT"},
		{"SOF", "en", "Ukraine's Special Operations Forces said they had killed 30 North Korean soldiers.", "Ukrainian Special Operations Forces"},
		{"NRC", "en", "The National Resistance Center said 2,000 North Korean builders had arrived in occupied Donetsk.", "National Resistance Center"},
		{"NHK", "en", "NHK reported that 8,000 North Korean workers could be sent to a drone plant.", "NHK"},
		{"DIU", "en", "According to the DIU, 4,500 North Korean soldiers are being trained near the border.", "GUR"},
		{"SBU", "en", "The Security Service of Ukraine said 3 North Korean soldiers were captured.", "SBU"},
		{"FSB", "en", "Russia's Federal Security Service said 6,200 North Koreans entered Russia in the quarter.", "FSB"},
		{"Pentagon spokesperson", "en", "Sabrina Singh said roughly 7,000 North Korean troops had moved toward the front.", "Pentagon"},
		{"Lloyd Austin", "en", "Lloyd Austin said some 9,000 North Korean soldiers were in the region.", "Lloyd Austin"},
		{"John Kirby", "en", "John Kirby said 1,500 North Korean soldiers were killed or wounded in a week.", "John Kirby"},
		{"Blinken", "en", "Blinken said about 7,500 North Korean troops had been deployed to Russia.", "Antony Blinken"},
		{"UN Panel", "en", "The UN Panel of Experts estimated that 40,000 North Korean workers were abroad.", "UN Panel of Experts"},
		{"US authorities", "en", "About 3,000 North Korean IT workers hold remote jobs abroad, according to U.S. authorities.", "US authorities"},
		{"US state agencies", "en", "According to US state agencies, North Korean IT workers earn up to $8,000 a month.", "US authorities"},
		{"Justice Department", "en", "The Justice Department said North Korean IT workers earned $50 million.", "US Justice Department"},
		{"FBI", "en", "The FBI said 300 North Korean IT workers had used stolen identities.", "FBI"},
		{"Khusnullin", "en", "Marat Khusnullin said 20,000 North Korean workers could help build housing.", "Marat Khusnullin"},
		{"Skibitskyi", "en", "Vadym Skibitskyi said 3,000 North Korean soldiers would arrive soon.", "Vadym Skibitskyi"},
		{"NATO", "en", "NATO said 2,000 North Korean soldiers had been moved to the front line.", "NATO"},
		{"FMS", "en", "Russia's migration service said that 15,000 North Koreans lived in Russia.", "FMS"},
		{"JCS", "ko", "합참은 북한군 2500명이 추가로 파병됐다고 밝혔다.", "JCS"},
		{"military authorities", "ko", "군 당국은 북한군 1500명이 전선에 배치된 것으로 평가했다.", "JCS"},
		{"UK MoD", "ko", "영국 국방정보국은 북한군 사상자가 4000명을 넘었다고 추산했다.", "UK MoD"},
		{"MSMT", "ko", "다국적제재모니터링팀은 북한 노동자 7000명이 러시아에 파견됐다고 밝혔다.", "MSMT"},
		{"NHK", "ko", "북한이 러시아에 노동자 8000명을 보내는 방안을 검토하고 있다고 NHK가 보도했다.", "NHK"},
		{"Kim Jong Un by title", "ko", "김 위원장은 북한군 12명이 희생됐다고 말했다.", "Kim Jong Un"},
		{"Western officials", "ko", "서방 관리들은 북한군 약 3000명이 사상했다고 말했다.", "Western officials"},
		{"UK MoD", "ru", "По данным британской разведки, около 4000 северокорейских военных погибли или ранены.", "UK MoD"},
		{"MSMT", "ru", "Многосторонняя группа по мониторингу санкций сообщила, что в Россию направлены 7 тысяч рабочих из КНДР.", "MSMT"},
		{"SBU", "ru", "СБУ сообщила, что в плен взяты 3 военных КНДР.", "SBU"},
		{"NHK", "ru", "По данным NHK, КНДР может отправить 8 тысяч рабочих на завод дронов.", "NHK"},
		{"FMS", "ru", "По данным Федеральной миграционной службы, в России живут 15 тысяч граждан КНДР.", "FMS"},
		{"NATO", "ru", "В НАТО заявили, что на фронт переброшены 2 тысячи северокорейских военных.", "NATO"},
	})
}

// English reporting frames: a country or capital as speaker, an
// apposition between the source and its verb, the one who tells a
// reporter, "the report" pointing back past a paragraph.
func TestSourceFramesEnglish(t *testing.T) {
	checkSources(t, []sourceCase{
		{"country says", "en", "Ukraine says it has captured 4 North Korean soldiers.", "Ukraine"},
		{"S, country said", "en", "About 900 North Korean soldiers were wounded, South Korea said on Tuesday.", "South Korea"},
		{"S, says country", "en", "Some 2,000 North Korean troops arrived last month, says Japan.", "Japan"},
		{"according to a capital", "en", "According to Seoul, 700 North Korean soldiers were killed.", "NIS"}, // a capital speaks as the gazetteer's speaks_as says
		{"a country that is only a place", "en", "About 3,000 North Korean workers are employed in Russia.", "-"},
		{"apposition", "en", "Sergei Shoigu, the Security Council secretary, announced that 2,000 North Korean builders would come.", "Sergei Shoigu"},
		{"the team that wrote a report", "en", "The Multilateral Sanctions Monitoring Team published its findings on Tuesday. The workers the team could trace, about 900 North Korean IT workers, are in China.", "MSMT"},
		{"the report, past a paragraph", "en", "The UK Ministry of Defence published an update on Sunday.\n\nThe report, shared widely online, estimates that 5,000 North Korean soldiers were wounded.", "UK MoD"},
		{"the teller, not the outlet told", "en", "Marat Khusnullin, who visited Vladivostok on Monday, told TASS that 3,000 North Korean workers would arrive.", "Marat Khusnullin"},
		{"officials of two countries", "en", "Ukrainian and American officials said 6,000 North Korean soldiers were in Kursk.", "-"},
		{"headline prefix", "en", "British intel: 4,000 North Korean soldiers wounded in Kursk", "UK MoD"},
		{"a country after a preposition", "en", "Two soldiers from North Korea, held since spring, told a reporter that 40 North Korean soldiers had died.", "-"},
		{"lawmakers relay the NIS", "en", "About 900 North Korean troops were wounded, South Korean lawmakers said, as Ukraine released a video.", "NIS"},
		{"we, the speaker named before", "en", "Sabrina Singh spoke to reporters on Monday.\n\"We believe that 2,000 North Korean troops are now in Kursk.\"", "Pentagon"},
		{"the next sentence points back", "en", "North Korea may send 9,000 more workers to Russia. This was reported by NHK on Friday.", "NHK"},
		{"an outlet's own informants", "en", "North Korea sent 3,000 more workers to Siberia this spring. A source in Russia told Daily NK that the workers live in dormitories.", "Daily NK"},
		{"he, the outlet's informant", "en", "A source in Russia told Daily NK about the camps.\n\nHe said that 600 North Korean workers live there.", "Daily NK"},
		{"a UN report", "en", "As many as 9,000 North Korean IT workers are abroad, a U.N. report says.", "UN Panel of Experts"},
		{"a named teller is no informant", "en", "North Korea sent 3,000 more workers to Siberia this spring. Sergei Shoigu told Russian media that he met Kim.", "-"},
		{"an adverb before the verb", "en", "On Friday, North Korea has officially confirmed that it sent about 9,500 troops to Russia.", "North Korea"},
		{"a leader publicly acknowledges", "en", "Kim Jong Un publicly acknowledged that 14 North Korean engineers died in Kursk.", "Kim Jong Un"},
		{"he could tell the outlet", "en", "Since Mr. B supervises the crews, he could tell RFA how they live.\n\nHe said 40 North Korean programmers share one flat.", "RFA"},
		{"the outlet interviewed its informant", "en", "Last spring Daily NK interviewed Mr. C, a manager in Vladivostok.\n\nHe said the 300 North Korean workers on his site sleep in containers.", "Daily NK"},
		{"a second speaker's clause", "en", "Pyongyang has moved its troops closer to the front, the Pentagon said on Friday, as Zelensky warned that 8,000 more North Korean soldiers could arrive.", "Volodymyr Zelensky"},
		{"a second speaker after though", "en", "The NIS put North Korean losses higher, though Ukraine estimates that 1,900 North Korean soldiers were wounded.", "Ukraine"},
		{"a speaker inside the reported clause", "en", "Estimates by the South Korean military suggest North Korea has reported 2,600 casualties among its soldiers.", "JCS"},
		{"the next paragraph points back", "en", "North Korea will send 2,500 more deminers to Russia.\n\nThis was announced by Sergei Shoigu after his talks in Pyongyang.", "Sergei Shoigu"},
		{"the next sentence cites through an outlet", "en", "North Korea will send 4,000 builders to Kursk. This decision was taken by Kim Jong Un, UNN reports, citing a statement from the Kremlin.", "Kremlin"},
		{"the next sentence names the outlet", "en", "North Korea will send 4,000 builders to Kursk. This decision was taken by Kim Jong Un, UNN reports.", "UNN"},
		{"the next sentence names the study", "en", "The 7,000 North Korean soldiers in Kursk may be lost by summer. This conclusion was drawn by analysts of the Institute for the Study of War.", "ISW"},
		{"the report, cited by a site with a dot", "en", "Britain's Defence Intelligence published a new update on Monday.\n\nThe report, cited by Liga.net, estimates that 4,500 North Korean soldiers were wounded.", "UK MoD"},
		{"a quotation named where it closes", "en", "\"About 9,000 North Korean soldiers have come. Today 1,700 of them are wounded,\" Zelensky told a radio host.", "Volodymyr Zelensky"},
		{"inside a long quotation", "en", "“Look at the camps. There are plans to send more. We see 4,000 North Korean workers in Primorye already. That is a lot,” Skibitskyi said.", "Vadym Skibitskyi"},
		{"a quotation paragraph goes on", "en", "North Korean losses keep rising, the UK Ministry of Defence said on Sunday.\n\n“The DPRK has likely suffered more than 5,500 casualties in Kursk.”", "UK MoD"},
		{"a paragraph attributed where it ends", "en", "The UN Panel of Experts released its yearly report on Monday.\n\nNorth Korean IT workers earn about $6,000 a month. Of that, they must hand over $2,000, the report says.", "UN Panel of Experts"},
		{"an outlet closing the paragraph", "en", "Some 4,100 North Koreans entered Russia in the second quarter. Most came as students, RFA reported.", "RFA"},
		{"a person at the paragraph's end speaks for himself", "en", "About 2,000 North Korean workers arrived in Primorye last month. Governor Pak Ilsu said the region needs builders.", "-"},
		{"a country at the paragraph's end speaks for itself", "en", "Some 900 North Korean workers arrived in Vladivostok in May. Japan says it is watching closely.", "-"},
		{"a sentence with its own teller keeps it", "en", "Regional officials reported that 300 North Korean workers arrived in Khabarovsk. More will come in autumn, NHK reported.", "-"},
		{"the outlet has learned", "en", "RFA has learned that the loggers now hand over their pay.\n\nA crew of 40 North Korean workers must pay $700 a month to take side jobs.", "RFA"},
		{"sources indicate stops the carry", "en", "South Korea's spy agency briefed lawmakers on Monday. Additionally, sources indicate that 9,000 North Korean soldiers train near Vladivostok. This group includes at least 300 officers.", "-"},
		{"Russia's media in a second clause", "en", "The NIS briefed lawmakers on Thursday, while Russia's media said Pyongyang would send 3,500 more builders to Kursk.", "Russian media"},
		{"Labor Ministry records", "en", "At least 400 work permits were issued to North Koreans, according to Labor Ministry records.", "Russian Labor Ministry"},
		{"a person the gazetteer does not know, with an apposition", "en", "Olga Semenova, a director at a Khabarovsk building firm, said that some 600 North Korean workers were on her sites.", "Olga Semenova"},
		{"according to the estimates of a capital", "en", "According to the estimates of Seoul, about 700 North Korean soldiers were killed in the winter.", "NIS"}, // a capital speaks as the gazetteer's speaks_as says
		{"the intelligence of a country, as machine translation writes it", "en", "Some 3 thousand North Korean builders have gone to Russia since spring, according to the information of the intelligence of South Korea.", "NIS"},
		{"it, the source its sentence named", "en", "The NIS spoke of heavy losses in the spring.\n\nBritish defence intelligence went further in July, estimating more than 5,000 North Korean casualties, which it said was half the force.", "UK MoD"},
		{"a person who puts the number at", "en", "Marina Orlova, a partner at a Khabarovsk recruiter, put the number of North Korean workers in the region at about 3,500.", "Marina Orlova"},
		{"by the estimates of a capital", "en", "North Korean troops fought near Sudzha, by the estimates of Seoul more than 8 thousand servicemen.", "NIS"}, // a capital speaks as the gazetteer's speaks_as says
		{"declared after a phrase of occasion", "en", "Sergei Shoigu at a meeting in Moscow declared that North Korea would send 3 thousand builders to Kursk.", "Sergei Shoigu"},
		{"the report finds", "en", "The MSMT issued its second report on Friday. The report finds that about 4,000 North Korean soldiers were sent to Russia this year.", "MSMT"},
		{"the special services of a country", "en", "The special services of South Korea reported that about 2 thousand North Korean servicemen arrived in Kursk.", "NIS"},
	})
}

// Korean: the reporting verb closes the sentence, so the speaker is the
// subject right before it or the topic that opens the sentence; a
// country or leader inside the reported clause is an actor, and a report
// with no reporter (…것으로 알려졌다) has no source.
func TestSourceFramesKorean(t *testing.T) {
	checkSources(t, []sourceCase{
		{"subject before the verb", "ko", "김정은 위원장이 북한 공병 2000명을 보내기로 했다고 쇼이구 서기가 3일 밝혔다.", "Sergei Shoigu"},
		{"topic, country in the clause", "ko", "국정원은 러시아가 북한 노동자 7000명을 더 받을 계획이라고 밝혔다.", "NIS"},
		{"topic with a title, quote", "ko", "젤렌스키 우크라이나 대통령은 “러시아가 북한군 4000명을 추가로 배치했다”고 말했다.", "Volodymyr Zelensky"},
		{"according to, before the figure", "ko", "우크라이나 정부에 따르면 북한군 3000명이 추가로 배치됐고 젤렌스키 대통령의 발언도 이어졌다.", "Ukrainian government"},
		{"…고 했습니다", "ko", "미국 싱크탱크의 세스 존스 연구원이 분석을 내놨다.\n존스는 북한군 사망자가 900명가량으로 보인다고 했습니다.", "Seth Jones"},
		{"no reporter", "ko", "러시아에는 북한 노동자 수천 명이 머무는 것으로 알려졌다.", "-"},
	})
}

// Russian and Korean: a source named before speaks again through an
// anaphor or a bare surname; a person in the sentence speaks only with
// a cue, else he is its actor.
func TestSourceAnaphoraKoRu(t *testing.T) {
	checkSources(t, []sourceCase{
		{"по его словам", "ru", "С журналистами встретился Кирилл Буданов.\nПо его словам, в Россию прибыли 4 тысячи военных КНДР.", "Kyrylo Budanov"},
		{"депутат", "ru", "На брифинге выступил депутат Ли Сон Квен.\nВ Россию направлены 3 тысячи военных строителей из КНДР, объяснил депутат.", "Lee Seong-kweun"},
		{"bare surname", "ru", "На брифинге выступил депутат Ли Сон Квен.\nВ Курской области погибли 500 военных КНДР, сказал Ли.", "Lee Seong-kweun"},
		{"мы полагаем", "ru", "Выступил официальный представитель Пентагона.\nМы полагаем, что КНДР отправила в Россию около 3 тысяч военных.", "Pentagon"},
		{"the person a body names in a title", "ru", "В Курской области погибли 900 военных КНДР.\nЭти данные привел официальный представитель Белого дома Джон Кирби.", "John Kirby"},
		{"in a statement", "ru", "В совместном заявлении Госдепартамента США говорится, что в Россию направлены 5 тысяч рабочих из КНДР.", "US State Department"},
		{"dash after a headline", "ru", "КНДР отправит в Россию еще 2 тысячи военных, — Буданов", "Kyrylo Budanov"},
		{"an actor is no source", "ru", "Ким Чен Ын отправил в Россию 3 тысячи северокорейских военных.", "-"},
		{"the speaker, not the actor of the clause", "ru", "Сергей Шойгу ранее сообщал, что Ким Чен Ын направит в Курскую область 2 тысячи военных строителей из КНДР.", "Sergei Shoigu"},
		{"bare surname as topic", "ko", "미국 싱크탱크의 세스 존스 연구원이 보고서를 냈다.\n존스는 북한군 사상자가 3000명에 이른다고 말했다.", "Seth Jones"},
		{"the report", "ko", "다국적제재모니터링팀이 보고서를 발표했다.\n보고서에 따르면 북한 노동자 9000명이 러시아에 파견됐다.", "MSMT"},
		{"a resolution names no speaker", "ko", "유엔 안보리 결의에도 러시아에는 북한 노동자 수천 명이 일하고 있다.", "-"},
		{"сообщается goes on", "ru", "Агентство Йонхап сообщило о новых данных.\nСообщается, что в Россию въехали 9 тысяч граждан КНДР.", "Yonhap"},
		{"a resolution names no speaker", "ru", "Вопреки резолюции Совета безопасности ООН в Россию отправлены 4 тысячи рабочих из КНДР.", "-"},
		{"a possessor is no speaker", "ko", "김정은의 결단으로 북한은 러시아에 공병 2천명을 추가 파병했다.", "-"},
		{"a possessor's report speaks", "ko", "국정원의 분석에 따르면 북한군 3천명이 추가로 파병됐다.", "NIS"},
		{"surname and title", "ko", "국회 정보위원회 박선원 의원이 국정원 보고를 전했다.\n박 의원은 북한군 사상자가 2000명에 이른다고 말했다.", "Park Sun-won"},
		{"согласно информации агентства", "ru", "Агентство Йонхап опубликовало новые данные разведки.\nСогласно информации агентства, за год в Россию въехали 6 тысяч граждан КНДР.", "Yonhap"},
		{"по данным агентства", "ru", "Агентство Йонхап получило доступ к докладу.\nПо данным агентства, в Россию прибыли 2 тысячи рабочих из КНДР.", "Yonhap"},
		{"a title of three words", "ru", "По оценкам украинского президента Владимира Зеленского, в Курской области погибли 700 военных КНДР.", "Volodymyr Zelensky"},
		{"the outlet relays, об этом names the source", "ru", "В Россию направлены 4 тысячи рабочих из КНДР.\nКак передает Коммерсант, об этом заявила южнокорейская разведка.", "NIS"},
		{"the outlet relays, об этом сообщает", "ru", "КНДР направит в Россию 1200 военных строителей.\nКак передает Интерфакс, об этом сообщает агентство Йонхап.", "Yonhap"},
		{"the speaker of a figure-less sentence goes on", "ru", "Агентство NHK добавляет, что речь идет о новом заводе.\nТуда планируют отправить 9 тысяч рабочих из КНДР.", "NHK"},
		{"a quotation closed by a dash and its speaker", "ru", "«Трое военных КНДР попали в плен и дают показания следователям СБУ», — написал президент Украины в соцсетях.", "Volodymyr Zelensky"},
		{"a quotation over sentences, closed later", "ru", "«Мы взяли в плен военных КНДР. Это трое солдат, их допрашивают сотрудники СБУ. Мир должен это видеть», - сообщил Зеленский журналистам.", "Volodymyr Zelensky"},
		{"a quotation closed by он", "ru", "Об этом сообщил президент Украины Владимир Зеленский.\n«Двое военных КНДР захвачены в плен и переданы СБУ», — написал он.", "Volodymyr Zelensky"},
		{"об этом covers a sentence with no source between", "ru", "К концу лета в боях погибли 900 военных КНДР. По предварительным оценкам, всего в Россию направлено 14 тысяч военных КНДР.\n\nОб этом сообщает агентство Йонхап.", "Yonhap"},
		{"a sentence with its own source stops об этом", "ru", "В боях погибли 900 военных КНДР.\nЭто подтвердил представитель СБУ.\nОб этом сообщает агентство Йонхап.", "-"},
		{"об этом cues the person it names", "ru", "В плен взяты трое военных КНДР.\nОб этом 5 марта сообщил в соцсетях украинский президент Владимир Зеленский.", "Volodymyr Zelensky"},
		{"a pronoun sentence closed by its reporter", "ru", "КНДР направит в Курскую область 700 саперов.\nОни займутся разминированием, сообщил секретарь Совбеза Сергей Шойгу.", "Sergei Shoigu"},
		{"the speaker goes on, whatever the group", "ru", "По словам Кирилла Буданова, в Россию въехали 9 тысяч граждан КНДР.\nВсего там работает около 20 тысяч северокорейских рабочих.", "Kyrylo Budanov"},
		{"a speaker with an adverb before the verb", "ru", "В Пентагоне также заявили, что КНДР направила 800 военных.\nЕще 200 военных КНДР прибыли позже.", "Pentagon"},
		{"a sentence opened by its reporting verb", "ru", "Как рассказал Кирилл Буданов, военные КНДР остаются в Курской области.\nТам из 9 тысяч военных КНДР создано три бригады.", "Kyrylo Budanov"},
		{"the United States as a subject", "ru", "Позднее США подтвердили, что КНДР отправила в Россию ок. 4.000 военных.", "United States"},
		{"the central TV channel", "ru", "КНДР потеряла 120 солдат в боях за Курскую область.\nОб этом сообщают СМИ со ссылкой на эфир центрального ТВ-канала КНДР.", "KCTV"},
		{"a regional interior directorate", "ru", "По данным УМВД по Приморскому краю, в регионе находятся 700 граждан КНДР.", "Russian Interior Ministry"},
		{"the statistics service by its full name", "ru", "По данным Федеральной службы государственной статистики, в 2024 году в Россию въехали 9 тысяч граждан КНДР.", "Rosstat"},
		{"an outlet citing the statistics service", "ru", "Как сообщает Коммерсант со ссылкой на данные Росстата, в Россию въехали 5 тысяч граждан КНДР.", "Rosstat"},
		{"a dash inside the sentence is no closing", "ru", "По данным СБУ, в плен взяты 4 военных КНДР — сообщения о других пленных не подтверждены.", "SBU"},
		{"a body after a preposition does not speak", "ru", "Украинские военные взяли в плен трех северокорейских солдат, их доставили для допроса СБУ.", "-"},
		{"a speaker who reminds", "ru", "В Курской области были ранены 300 военных КНДР, напомнил Зеленский.", "Volodymyr Zelensky"},
	})
}

// A speaker goes on from one count to the next of the same side (troops,
// or civilians), not from troops to entry statistics.
func TestSourceSpeakerSide(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"По словам Зеленского, в боях погибли 500 военных КНДР.\nВ 2024 году в Россию въехали 8 тысяч граждан КНДР.",
			[]string{"Volodymyr Zelensky", "-"}},
		{"По словам Буданова, в Россию въехали 9 тысяч граждан КНДР.\nВсего там работает около 20 тысяч северокорейских рабочих.",
			[]string{"Kyrylo Budanov", "Kyrylo Budanov"}},
	}
	for _, tc := range tests {
		if got := sourcesOf("ru", tc.text); strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

// A teller the sentence does not name ("a senior Russian official said",
// "according to a senior Kremlin aide", "a US news website
// reported") is the one of its kind that the next sentence gives or opens
// with; a body named inside the phrase is the fallback; a group that told
// an outlet leaves the figure with no source, the outlet only relaying.
func TestSourceIndefiniteTeller(t *testing.T) {
	checkSources(t, []sourceCase{
		{"an official named in the next paragraph", "en", "North Korea will send 3,000 more sappers to Kursk, a senior Russian official said on Monday.\n\nSergei Shoigu, who visited Pyongyang this week, said the sappers would clear mines.", "Sergei Shoigu"},
		{"according to an official, named by title", "en", "About 2,500 North Korean builders are heading to Kursk, according to a senior Kremlin official.\nPresidential aide Yuri Ushakov said the builders would stay a year.", "Yuri Ushakov"},
		{"an official never named keeps his body", "en", "About 2,500 North Korean builders are heading to Kursk, according to a senior Kremlin official.", "Kremlin"},
		{"an outlet named next", "en", "Some 4,200 North Koreans entered Russia in the spring, a South Korean news outlet reported on Monday.\nAccording to Yonhap, most came as students.", "Yonhap"},
		{"a lawmaker who told reporters", "en", "About 1,300 North Korean soldiers were wounded in March, a lawmaker told reporters.\nLee Seong-kweun said the NIS had briefed the committee.", "Lee Seong-kweun"},
		{"an unnamed officer told an outlet, its informant", "en", "Some 700 North Korean soldiers were killed near Sudzha, a senior Ukrainian officer told the BBC.", "BBC"},
		{"a group told an outlet", "en", "Four North Korean prisoners want to live in the South, a defectors' organization told Reuters on Friday.", "-"},
		{"a think tank named two sentences on", "en", "About 14,000 North Korean soldiers could be lost by summer, a think tank said. Its analysts counted the losses of the winter.\nThe Institute for the Study of War put the daily rate at 90.", "ISW"},
		{"a headline's role before a colon", "en", "Think tank: 9,000 North Korean soldiers may be out of action by May\n\nThe Institute for the Study of War said on Friday that losses were mounting.", "ISW"},
		{"a headline's role after a dash, past a byline", "en", "Russia may hire 40,000 North Korean workers - Deputy Premier\n\nBy Staff Writer\n\nDeputy Prime Minister Marat Khusnullin said on Friday that builders were scarce.", "Marat Khusnullin"},
		{"a headline's role never named", "en", "Intelligence chief: 3,000 more North Korean soldiers are coming\n\nThe deployment would be the third this year.", "-"},
		{"a headline's topic is no role", "en", "Analysis: Kursk could cost Pyongyang 12,000 soldiers by spring\n\nThe Institute for the Study of War said on Friday that losses were mounting.", "-"},
		{"an official followed by nobody named", "en", "North Korea sent 1,500 more workers to Primorye, a regional official said.\nThe workers will build housing.", "-"},
	})
}

// Russian: a recap in the outlet's own voice ("Напомним, …") and a
// pronoun whose person the article never named do not go on with the
// source of the figure before; a bare "разведка" and "по оценке
// агентства" point back to the agency or outlet named before.
func TestSourceRecapAndAnaphorRu(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"По данным ГУР, в Курской области остаются 9 тысяч военных КНДР.\nНапомним, в марте украинские бойцы взяли в плен трех северокорейских солдат.",
			[]string{"GUR", "-"}},
		{"По данным МВД, в прошлом году в Россию въехали 7 400 граждан КНДР.\nКроме того, МВД выдало гражданам КНДР 600 разрешений на работу.\n«Платят исправно»,— рассказал газете прораб одной из строек.\nПо его словам, строитель из КНДР получает около 70 тыс. руб. в месяц.",
			[]string{"Russian Interior Ministry", "Russian Interior Ministry", "-"}},
		{"Южнокорейская разведка сообщила, что в Курской области погибли 1 500 военных КНДР.\nРазведка также считает, что КНДР направит в Россию еще 4 тысячи рабочих.",
			[]string{"NIS", "NIS"}},
		{"Reuters пишет, что в Курской области работают около 900 северокорейских саперов.\nПо оценке агентства, в Приморье также прибыли 2 тысячи рабочих из КНДР.",
			[]string{"Reuters", "Reuters"}},
	}
	for _, tc := range tests {
		if got := sourcesOf("ru", tc.text); strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

// Officials a nationality names ("South Korean officials estimate") tell
// for themselves, named as the text names them: they are not the officials
// or the government named before.
func TestSourceNationalOfficials(t *testing.T) {
	checkSources(t, []sourceCase{
		{"nationality officials estimate", "en", "Rosstat published its border figures in May.\n\nSouth Korean officials estimate that some 14,000 North Korean soldiers are serving in Russia.", "South Korean officials"},
		{"after a named person", "en", "Sergei Shoigu visited Pyongyang on Tuesday. Japanese officials said 3,000 North Korean workers had already arrived in Russia.", "Japanese officials"},
		{"with an adverb before the verb", "en", "Ukrainian officials have recently announced that 900 North Korean soldiers were wounded.", "Ukrainian officials"},
		{"local officials are nobody in particular", "en", "Local officials said 600 North Korean workers live in the city.", "-"},
	})
}

// The frames of 2025–26 aggregator and rewrite pages: an outlet relaying
// a source ("Yonhap reported, citing the NIS"), a report by or from a
// body, a statement carried by an outlet, social-media posts, lawmakers
// briefed by the NIS, and a body that released a report saying.
func TestSourceAggregatorFrames(t *testing.T) {
	checkSources(t, []sourceCase{
		{"an outlet reported, citing", "en", "Yonhap reported, citing the NIS, that about 1,800 North Korean soldiers were killed.", "NIS"},
		{"S, an outlet reported, citing", "en", "About 1,800 North Korean soldiers have been killed, Yonhap reported, citing South Korea's spy agency.", "NIS"},
		{"according to a report by", "en", "According to a report by the Institute for the Study of War, 2,300 North Korean soldiers were wounded.", "ISW"},
		{"a statement carried by", "en", "North Korea will send 5,500 more troops, Sergei Shoigu said in a statement carried by TASS.", "Sergei Shoigu"},
		{"as cited by", "en", "About 4,300 North Korean soldiers were wounded, as cited by Reuters.", "Reuters"},
		{"told reporters", "en", "Zelensky told reporters that 2,800 North Korean soldiers were killed.", "Volodymyr Zelensky"},
		{"said on Telegram", "en", "Some 2,800 North Korean soldiers were killed or wounded, Zelensky said on Telegram.", "Volodymyr Zelensky"},
		{"wrote on X", "en", "Zelensky wrote on X that 2,800 North Korean soldiers had been killed.", "Volodymyr Zelensky"},
		{"posted on X", "en", "Zelensky posted on X that 2,800 North Korean soldiers had been killed or wounded.", "Volodymyr Zelensky"},
		{"tweeted", "en", "About 2,800 North Korean soldiers have been killed, Zelensky tweeted on Sunday.", "Volodymyr Zelensky"},
		{"a person the gazetteer lacks posted", "en", "Andriy Kovalenko posted on Telegram that 400 North Korean soldiers had reached the front.", "Andriy Kovalenko"},
		{"lawmakers briefed by", "en", "Lawmakers briefed by the NIS said 1,300 North Korean soldiers had been killed.", "NIS"},
		{"according to lawmakers briefed by", "en", "About 1,300 North Korean soldiers have been killed, according to lawmakers briefed by the NIS.", "NIS"},
		{"an outlet quoting a body's official", "en", "Yonhap quoted an NIS official as saying that 1,300 North Korean soldiers had been killed.", "NIS"},
		{"data cited by an outlet", "en", "About 11,000 North Koreans entered Russia in 2024, according to FSB data cited by NK News.", "FSB"},
		{"a person told an outlet in an interview", "en", "Budanov told The War Zone in an interview that 7,000 North Korean soldiers remained in Kursk.", "Kyrylo Budanov"},
		{"released a report saying", "en", "The MSMT released a report on Thursday saying 7,500 North Korean workers were sent to Russia.", "MSMT"},
		{"a body the gazetteer lacks published a report", "en", "The Stimson Center published a report saying 18,000 North Korean workers were in Russia.", "Stimson Center"},
		{"shared data indicating", "en", "In a post on X, Zelensky shared new data indicating that 2,900 North Korean soldiers had been killed or wounded.", "Volodymyr Zelensky"},
		{"provided figures", "en", "Budanov provided figures showing that 6,500 North Korean soldiers remained in Kursk.", "Kyrylo Budanov"},
		{"a report that nobody publishes names no one", "en", "A report said 18,000 North Korean workers were in Russia.", "-"},
	})
}

// A surname after a title ("Rep. Lee said", "Park said") is the person of
// the gazetteer named before whose name begins or ends with it.
func TestSourceSurnameOfKnownPerson(t *testing.T) {
	checkSources(t, []sourceCase{
		{"title and surname", "en", "Lee Seong-kweun, a member of the intelligence committee, spoke after the briefing.\nRep. Lee said 1,200 North Korean soldiers had been wounded.", "Lee Seong-kweun"},
		{"bare surname", "en", "Park Sun-won briefed journalists once the hearing ended.\n\nAbout 3,100 North Korean soldiers were wounded, Park said.", "Park Sun-won"},
		{"the latest of two with the surname", "en", "Kim Jong Un met the returning engineers. Kim Byung-kee later briefed reporters.\nKim said 900 North Korean soldiers had been killed.", "Kim Byung-kee"},
	})
}

// Capitals speak as the gazetteer says (speaks_as: Pyongyang is North
// Korea, Moscow is Russia, as the train gold names them), and a second
// speaker after ", and" opens a clause of its own.
func TestSourceCapitalsAndClauses(t *testing.T) {
	checkSources(t, []sourceCase{
		{"Pyongyang says", "en", "Pyongyang says 14 North Korean engineers died clearing mines in Kursk.", "North Korea"},
		{"Moscow says", "en", "Moscow says 1,200 North Korean deminers have arrived in Kursk.", "Russia"},
		{"a second speaker after a comma and and", "en", "Pyongyang confirmed the deployment in April, and Seoul estimates 4,100 North Korean soldiers were killed or wounded.", "NIS"},
	})
}

// A later sentence of the paragraph whose source speaks before a figure of
// its own ("The NIS estimated 4,700 ...") states that figure; it does not
// attribute the figures before it, as a source closing the paragraph does.
func TestSourceParagraphEndOwnReport(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"By December about 11,000 North Korean soldiers were in Kursk. The NIS estimated 4,100 casualties by April.",
			[]string{"-", "NIS"}},
		{"By December about 11,000 North Korean soldiers were in Kursk. Most of them came by train, the NIS said.",
			[]string{"NIS"}},
	}
	for _, tc := range tests {
		if got := sourcesOf("en", tc.text); strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%s\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

// Korean: a country right before a noun of a person who tells (관계자,
// 당국자, 대사, 외교관; grammar source_nouns) says where the person is from;
// the country does not speak in the person's stead.
func TestSourceKoreanCountryBeforePerson(t *testing.T) {
	checkSources(t, []sourceCase{
		{"an official of a country", "ko", "익명을 요구한 한 미국 고위 관계자는 북한군 300명이 숨졌다고 말했다.", "-"},
		{"an official of a country, in an outlet's report", "ko", "로이터통신 보도에 따르면 한 미국 국방 당국자는 북한군 수백 명이 다쳤다고 말했다.", "Reuters"},
		{"an ambassador of a country", "ko", "주한 우크라이나 대사는 북한군 포로 2명이 치료를 받고 있다고 말했다.", "-"},
		{"the country itself still speaks", "ko", "우크라이나는 북한군 포로 2명이 치료를 받고 있다고 밝혔다.", "Ukraine"},
	})
}

// Korean: an outlet's report that relays a source ("연합뉴스에 따르면
// 국정원은 … 밝혔다") is that source's, as "Yonhap, citing the NIS" is;
// an outlet's report with no source of the gazetteer after it stays the
// outlet's.
func TestSourceKoreanOutletRelays(t *testing.T) {
	checkSources(t, []sourceCase{
		{"according to an outlet, a body said", "ko", "연합뉴스에 따르면 국정원은 북한군 2천명이 숨졌다고 밝혔다.", "NIS"},
		{"according to an outlet's report, a body counted", "ko", "NK뉴스 보도에 따르면 러시아연방보안국은 올해 북한인 4천여명이 입국했다고 집계했다.", "FSB"},
		{"according to an outlet alone", "ko", "연합뉴스에 따르면 북한군 2천명이 숨졌다.", "Yonhap"},
	})
}

// A person named with the party or institute he belongs to ("Rep. Park
// of the opposition Unity Party told reporters") is the source, not the
// party; the JCS written short ("according to Joint Chiefs"); a body that
// "spoke of" a figure gives it.
func TestSourceAffiliationShortNamesSpokeOf(t *testing.T) {
	checkSources(t, []sourceCase{
		{"person of a party", "en", "Park Sun-won briefed journalists once the hearing ended.\n\nSome 7,000 North Korean soldiers remain near the border, Rep. Park Sun-won of the opposition People Power Party told reporters on Friday.", "Park Sun-won"},
		{"person of the ruling party", "en", "Lee Seong-kweun of the ruling Unity Party said 1,900 North Korean soldiers had been wounded.", "Lee Seong-kweun"},
		{"according to Joint Chiefs", "en", "According to Joint Chiefs, about 2,300 North Korean soldiers were wounded in the spring fighting.", "JCS"},
		{"Joint Chiefs explained", "en", "Some 6,000 North Korean soldiers sent earlier are mostly in the Belgorod area, Joint Chiefs explained.", "JCS"},
	})
	// Two bodies in one sentence: each gives the figure after its verb.
	text := "Seoul's spy agency puts the total at 9,000 North Korean troops, while Ukrainian military intelligence spoke of 12,500 sent across two waves."
	if got := strings.Join(sourcesOf("en", text), ", "); got != "NIS, GUR" {
		t.Errorf("spoke of: sources %s, want NIS, GUR", got)
	}
}
