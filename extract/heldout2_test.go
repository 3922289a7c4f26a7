package extract_test

import (
	"sort"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// heldout2Cases are a second held-out set, written for kinds of error the
// lead's own articles still showed; several sentences per kind, in
// wordings of our own, so that a fix is general rather than one sentence.
var heldout2Cases = []heldoutCase{
	// --- 1. ko/ru: another country as the clause's subject ----------------
	{"k1 ru: Russia conscripts after NK", "ru",
		"По данным разведки, КНДР отправила в Россию около 11 тысяч военных. Россия ежегодно призывает около 150 тысяч человек на срочную службу.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ru: Moscow recruited contract soldiers", "ru",
		"Северная Корея направила в Курскую область до 12 тысяч солдат. Тем временем Москва набрала более 400 тысяч контрактников за год.",
		[]string{"people/soldiers/sent -..12000"}},
	{"k1 ru: Ukraine mobilised, two sentences on", "ru",
		"В Курской области воюют около 11 тысяч северокорейских военных. Их потери растут. Украина мобилизовала около 200 тысяч человек.",
		[]string{"people/soldiers/present 11000..11000"}},
	{"k1 ru: own citizens", "ru",
		"КНДР отправила в Россию тысячи рабочих. Власти привлекли на стройки около 30 тысяч своих граждан.",
		[]string{"people/workers/sent 1000..-"}},
	{"k1 ru: own military", "ru",
		"Пхеньян направил в Россию около 11 тысяч военных. Кремль потерял более 100 тысяч собственных военных.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ko: Russia recruited its own contract soldiers", "ko",
		"북한은 러시아에 약 1만1천 명의 병력을 파병했다. 러시아는 지난해 수십만 명의 자국 계약병을 모집했다.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ko: Ukraine mobilised", "ko",
		"북한군 약 1만1천 명이 쿠르스크에 배치됐다. 우크라이나는 지난해 약 20만 명을 동원했다.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ko: own nationals", "ko",
		"북한 노동자 수천 명이 러시아에 파견됐다. 러시아 정부는 건설 현장에 자국민 약 5만 명을 투입했다.",
		[]string{"people/workers/sent 1000..-"}},
	{"k1 ko: Russia conscripts yearly", "ko",
		"북한은 러시아에 병력을 보냈다. 러시아는 매년 약 15만 명을 징집한다.",
		nil},
	{"k1 ko: own army", "ko",
		"북한군 약 3천 명이 추가로 파병됐다. 러시아는 자국군 약 2만 명을 쿠르스크에 투입했다.",
		[]string{"people/soldiers/sent 3000..3000"}},
	{"k1 ru: Ukraine only reports", "ru",
		"КНДР отправила в Россию около 11 тысяч военных. Украина заявила, что около 4 тысяч из них погибли.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/killed 4000..4000"}},
	{"k1 ru: North Korea's own workers", "ru",
		"КНДР направила в Россию около 5 тысяч своих рабочих.",
		[]string{"people/workers/sent 5000..5000"}},
	{"k1 ko: Ukraine only reports", "ko",
		"북한군 1만1천 명이 러시아에 파병됐다. 우크라이나는 이 가운데 4천 명이 사상했다고 밝혔다.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/wounded 4000..4000"}},
	{"k1 ko: North Korea's own workers", "ko",
		"북한은 자국 노동자 약 1만 명을 러시아에 보냈다.",
		[]string{"people/workers/sent 10000..10000"}},
	{"k1 ko: Russia mobilised, reported by itself", "ko",
		"북한군 약 1만1천 명이 쿠르스크에 배치됐다. 러시아는 지난해 약 30만 명을 동원했다고 밝혔다.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ko: Russian authorities as topic", "ko",
		"북한군 약 1만1천 명이 쿠르스크에 배치됐다. 러시아 당국은 약 30만 명을 동원했다.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ko: Moscow as topic", "ko",
		"북한군 약 1만1천 명이 쿠르스크에 배치됐다. 모스크바는 약 30만 명을 새로 모집했다.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ru: Russian authorities", "ru",
		"КНДР отправила в Россию около 11 тысяч военных. Российские власти привлекли около 50 тысяч человек.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ru: Kyiv mobilised", "ru",
		"КНДР отправила в Россию около 11 тысяч военных. Киев мобилизовал около 200 тысяч человек.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k1 ru: Russia uses some of them", "ru",
		"КНДР отправила в Россию около 11 тысяч военных. Россия использует около 5 тысяч из них в Курской области.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/sent|present 5000..5000"}},

	// --- 2. en: another people as subject blocks look-back ---------------
	{"k2 en: Central Asian migrants number", "en",
		"North Korea has sent thousands of workers to Russia's Far East. Construction firms say demand is rising. Central Asian migrants, once the backbone of the workforce, number about 3 million.",
		[]string{"people/workers/sent 1000..-"}},
	{"k2 en: Tajik and Uzbek labourers account for", "en",
		"About 15,000 North Korean workers arrived in Russia last year. The numbers are growing. Tajik and Uzbek labourers account for some 2 million.",
		[]string{"people/workers/sent 15000..15000"}},
	{"k2 en: Chinese workers total", "en",
		"North Korean workers have been sent to Primorye. The region relies on imported labour. Chinese workers in the region total about 50,000.",
		nil},
	{"k2 en: Kyrgyz citizens make up", "en",
		"Some 13,000 North Koreans entered Russia in 2024. Officials gave no breakdown. Kyrgyz citizens working in Moscow make up roughly 350,000.",
		[]string{"people/nationals/entered 13000..13000"}},
	{"k2 en: Vietnamese labourers numbered", "en",
		"Pyongyang sent about 5,000 construction workers to Russia. Many went to Moscow. Vietnamese labourers in the city numbered some 20,000.",
		[]string{"people/workers/sent 5000..5000"}},
	{"k2 en: Uzbek migrants by contrast", "en",
		"Thousands of North Korean workers are employed in Russia. Wages there have risen. Uzbek migrants, by contrast, number around 1 million.",
		[]string{"people/workers/present 1000..-"}},
	{"k2 en: Russian officials are a source", "en",
		"North Korea has sent about 11,000 troops to Russia. Russian officials say some 1,000 of them have been killed.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/killed 1000..1000"}},
	{"k2 en: Central Asian citizens, one sentence back", "en",
		"About 13,000 North Koreans entered Russia last year. Central Asian citizens made up more than 4 million of the arrivals.",
		[]string{"people/nationals/entered 13000..13000"}},
	{"k2 en: Kazakh and Turkmen labourers, workforce named", "en",
		"Some 5,000 North Korean workers arrived in Russia last year. Demand keeps rising. Kazakh and Turkmen labourers, long the core of the workforce, number about 600,000.",
		[]string{"people/workers/sent 5000..5000"}},
	{"k2 en: Filipino migrants, labour force", "en",
		"North Korean workers have been sent to Russia's Far East. Filipino migrants, a growing share of the labour force, total some 40,000.",
		nil},
	{"k2 en: migrants from Central Asia", "en",
		"North Korean workers are arriving in Vladivostok. Migrants from Central Asia, long the backbone of the workforce, number about 3 million.",
		nil},
	{"k2 en: labour migrants from Uzbekistan", "en",
		"About 15,000 North Korean workers arrived in Russia last year. Labour migrants from Uzbekistan number about 1 million.",
		[]string{"people/workers/sent 15000..15000"}},
	{"k2 en: workers from North Korea stay North Korean", "en",
		"Russia is short of labour. Workers from North Korea now number about 15,000, officials say.",
		[]string{"people/workers/present 15000..15000"}},

	// --- 3. en: anaphoric measure nouns ----------------------------------
	{"k3 en: put the number at range, figure could be as high as", "en",
		"Estimates of how many North Korean troops have fought for Russia vary widely. The Pentagon put the number at around 11,000 to 12,000 in December, while Zelensky said the figure could be as high as 12,000.",
		[]string{"people/soldiers/sent|present 11000..12000", "people/soldiers/sent|present -..12000"}},
	{"k3 en: estimated the total at", "en",
		"It is unclear how many North Korean workers are in Russia. South Korean intelligence estimated the total at about 15,000.",
		[]string{"people/workers/present|sent 15000..15000"}},
	{"k3 en: the tally stands at", "en",
		"Officials have been counting the North Korean soldiers sent to Kursk. The tally stands at more than 14,000, the NIS said.",
		[]string{"people/soldiers/sent|present 14000..-"}},
	{"k3 en: the number reached", "en",
		"The number of North Korean workers arriving in Russia has surged. By the end of the year the number reached 13,000.",
		[]string{"people/workers/sent|present 13000..13000"}},
	{"k3 en: put the figure at, same sentence", "en",
		"Seoul has not said how many North Korean IT workers are abroad, but analysts put the figure at several thousand.",
		[]string{"people/it_workers/present|sent 3000..-"}},
	{"k3 en: the count is", "en",
		"No one knows how many North Korean troops remain in Kursk. The count is about 10,000, according to Ukrainian intelligence.",
		[]string{"people/soldiers/present|sent 10000..10000"}},
	{"k3 en: measure noun without NK context", "en",
		"Russia's labour ministry published new data. It put the number at 200,000 vacancies.",
		nil},
	{"k3 en: their number at", "en",
		"South Korea's spy agency tracks the North Korean workers sent abroad. It estimated their number in Russia at about 15,000 last year.",
		[]string{"people/workers/present|sent 15000..15000"}},
	{"k3 en: the figure has risen to, new paragraph", "en",
		"Thousands of North Korean labourers now work on Russian building sites.\nOfficials say the figure has risen to 20,000.",
		[]string{"people/workers/present 1000..-", "people/workers/present|sent 20000..20000"}},
	{"k3 en: the number of vacancies is no anaphor", "en",
		"North Korean workers are filling gaps in Russia's Far East. The number of vacancies stands at 200,000.",
		nil},
	{"k3 en: the total of a plan stays planned", "en",
		"North Korea plans to send more workers to Russia this year, and the total could reach 50,000, Seoul says.",
		[]string{"people/workers/planned 50000..50000"}},

	// --- 4. en: partitive / elided subject -------------------------------
	{"k4 en: of those arrivals came on student visas", "en",
		"More than 13,000 North Koreans entered Russia in 2024. Of those arrivals, nearly 8,000 came on student visas.",
		[]string{"people/nationals/entered 13000..-", "people/nationals/entered 8000..8000"}},
	{"k4 en: of these workers, were", "en",
		"About 15,000 North Korean workers were sent to Russia last year. Of these workers, some 5,000 were assigned to construction sites in Moscow.",
		[]string{"people/workers/sent 15000..15000", "people/workers/sent|present 5000..5000"}},
	{"k4 en: of them arrived", "en",
		"North Korea sent about 11,000 troops to Russia. Of them, about 3,000 arrived in November.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/sent 3000..3000"}},
	{"k4 en: of those troops, were killed", "en",
		"Some 12,000 North Korean troops were deployed to Kursk. Of those troops, at least 600 were killed.",
		[]string{"people/soldiers/sent 12000..12000", "people/soldiers/killed 600..-"}},
	{"k4 en: of the arrivals, entered", "en",
		"Russian data show 12,000 North Koreans arrived in 2024. Of these arrivals, about 1,500 entered on tourist visas.",
		[]string{"people/nationals/sent|entered 12000..12000", "people/nationals/entered 1500..1500"}},
	{"k4 en: among them came through", "en",
		"Some 12,000 North Koreans entered Russia last year. Among them, about 2,000 came through Vladivostok.",
		[]string{"people/nationals/entered 12000..12000", "people/nationals/entered 2000..2000"}},
	{"k4 en: of those troops, went to the front", "en",
		"North Korea deployed about 11,000 troops to Russia. Of those troops, around 1,000 went to the front in Kursk.",
		[]string{"people/soldiers/sent 11000..11000", "people/soldiers/sent 1000..1000"}},
	{"k4 en: of them, now work", "en",
		"About 15,000 North Korean workers were sent to Russia last year. Of them, roughly 2,000 now work in Moscow.",
		[]string{"people/workers/sent 15000..15000", "people/workers/present 2000..2000"}},
	{"k4 en: of those, containers", "en",
		"North Korea sent about 11,000 troops to Russia. Of those shipments, 2,000 containers were shells.",
		[]string{"people/soldiers/sent 11000..11000"}},
	{"k4 en: of the total, exact figure", "en",
		"Some 13,000 North Koreans entered Russia in 2024. Of the total, 8,000 came as students.",
		[]string{"people/nationals/entered 13000..13000", "people/nationals/entered 8000..8000"}},

	// --- 5. military builders are workers --------------------------------
	{"k5 ru: military builders", "ru",
		"КНДР направит в Россию около 6 тысяч военных строителей.",
		[]string{"people/workers/planned 6000..6000"}},
	{"k5 ru: military builders nominative", "ru",
		"В Курскую область прибыли около тысячи военных строителей из КНДР.",
		[]string{"people/workers/sent 1000..1000"}},
	{"k5 ru: military builders subject", "ru",
		"По данным Шойгу, 5 тысяч северокорейских военных строителей будут отправлены в Курскую область.",
		[]string{"people/workers/planned 5000..5000"}},
	{"k5 en: military builders", "en",
		"North Korea will send 6,000 military builders to Russia's Kursk region.",
		[]string{"people/workers/planned 6000..6000"}},
	{"k5 ko: military construction personnel", "ko",
		"북한은 군 건설 인력 6천 명을 쿠르스크에 보낼 예정이다.",
		[]string{"people/workers/planned 6000..6000"}},
	{"k5 ko: construction personnel", "ko",
		"북한 건설 인력 약 1천 명이 러시아에 도착했다.",
		[]string{"people/workers/sent 1000..1000"}},
	{"k5 ko: construction personnel, no space", "ko",
		"북한은 건설인력 6천 명을 보낼 예정이다.",
		[]string{"people/workers/planned 6000..6000"}},
	{"k5 ko: military construction workers", "ko",
		"북한은 군 건설 노동자 6천 명을 보낼 예정이다.",
		[]string{"people/workers/planned 6000..6000"}},
}

func TestHeldout2(t *testing.T) {
	failed, run := 0, 0
	for _, tc := range heldout2Cases {
		run++
		a := &flowwatch.Article{Name: "heldout2", Text: tc.text, Lang: tc.lang}
		a.Published, _ = flowwatch.ParseDate("2025-03-10")
		var got []string
		for _, c := range extractor().Extract(a) {
			got = append(got, heldoutKey(c))
		}
		sort.Strings(got)
		want := append([]string(nil), tc.want...)
		sort.Strings(want)
		ok := len(got) == len(want)
		used := make([]bool, len(got))
		for _, w := range want {
			found := false
			for i, g := range got {
				if !used[i] && heldoutMatch(g, w) {
					used[i], found = true, true
					break
				}
			}
			ok = ok && found
		}
		if !ok {
			failed++
			t.Errorf("%s [%s]:\n got  %q\n want %q", tc.name, tc.lang, got, want)
		}
	}
	t.Logf("held-out 2: %d of %d cases pass", run-failed, run)
}
