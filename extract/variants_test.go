package extract_test

import (
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch/clean"
)

// Reporting nobody here has seen reaches flowwatch reshaped: aggregators
// and Telegram reposts add emoji and hashtags, scrapes leave soft hyphens
// and no-break spaces, PDFs and e-mails wrap lines inside sentences, wire
// rewrites put a dateline first. None of this changes what a sentence
// claims, so each variant must give exactly the claims of its base
// sentence, read as `flowwatch extract` reads a file: cleaned, then
// extracted. The bases are sentences of our own.
var variantBases = []struct{ lang, text string }{
	{"en", "South Korea's spy agency said North Korea has sent about 11,000 troops to Russia."},
	{"en", "Some 1,500 North Korean workers arrived in Vladivostok in March, officials said."},
	{"en", "Ukrainian intelligence said around 300 North Korean soldiers were killed and 2,700 wounded."},
	{"ko", "국정원은 북한이 러시아에 병력 약 1만1천 명을 파병했다고 밝혔다."},
	{"ko", "러시아 통계에 따르면 지난해 북한 노동자 1만3천여 명이 러시아에 입국했다."},
	{"ru", "По данным разведки, КНДР направила в Россию около 11 тысяч военных."},
	{"ru", "В прошлом году в Россию въехали более 13 тысяч граждан КНДР, сообщил Росстат."},
}

// variants rewrites a sentence as the places it comes from would.
var variants = []struct {
	name string
	f    func(lang, s string) string
}{
	{"emoji and hashtags", func(_, s string) string { return "⚡️🇰🇵 " + s + " 🔥 #Russia #DPRK" }},
	{"dateline", func(lang, s string) string {
		switch lang {
		case "ko":
			return "(서울=연합뉴스) 김하늘 기자 = " + s
		case "ru":
			return "МОСКВА, 5 мар — РИА Новости. " + s
		}
		return "SEOUL (Reuters) - " + s
	}},
	{"curly quotes", func(_, s string) string { return "«" + strings.TrimSuffix(s, ".") + "»." }},
	{"soft hyphens and zero-width spaces", func(_, s string) string {
		return strings.Replace(strings.Replace(s, " ", "\u200b ", 2), "a", "a\u00ad", 1)
	}},
	{"no-break spaces", func(_, s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }},
	// Wrapped before a lowercase word: clean joins such lines. Korean has
	// no case to tell a wrap from a paragraph, so it stays unwrapped.
	{"line wrapped inside the sentence", func(lang, s string) string {
		if lang == "ko" {
			return s
		}
		w := strings.Fields(s)
		for i := len(w) / 2; i < len(w); i++ {
			if r, _ := utf8.DecodeRuneInString(w[i]); unicode.IsLower(r) {
				return strings.Join(w[:i], " ") + "\n" + strings.Join(w[i:], " ")
			}
		}
		return s
	}},
	{"bulleted", func(_, s string) string { return "• " + s }},
	{"bracketed dateline", func(lang, s string) string {
		if lang == "ko" {
			return "[서울=연합뉴스] " + s
		}
		return s
	}},
	{"after another sentence with no space", func(lang, s string) string {
		switch lang {
		case "ko":
			return "관련 소식이다." + s
		case "ru":
			return "Об этом стало известно в среду." + s
		}
		return "The report came out on Tuesday." + s
	}},
}

func TestVariantsKeepClaims(t *testing.T) {
	x := extractor()
	claims := func(lang, text string) string {
		a, err := clean.Parse("v", []byte("lang: "+lang+"\npublished: 2025-06-01\n---\n"+text+"\n"))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var out []string
		for _, c := range x.Extract(a) {
			out = append(out, shortClaim(c)+" src="+c.Source)
		}
		sort.Strings(out)
		return strings.Join(out, "; ")
	}
	for _, b := range variantBases {
		want := claims(b.lang, b.text)
		if want == "" {
			t.Errorf("base sentence gives no claim: %s", b.text)
			continue
		}
		for _, v := range variants {
			text := v.f(b.lang, b.text)
			if got := claims(b.lang, text); got != want {
				t.Errorf("%s: %q\n got  %s\n want %s", v.name, text, got, want)
			}
		}
	}
}

// Number forms of machine translations and European outlets' English.
func TestKindTranslatedNumberForms(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Kyiv says North Korea has moved 12 000 soldiers to the Kursk region.",
			[]string{"people soldiers sent 12000..12000 exact"}},
		{"en", "According to the ministry, 4.500 North Korean workers entered Russia in 2024.",
			[]string{"people workers entered 4500..4500 exact"}},
		// A number in words hyphenated to a unit is a duration, no count;
		// to another number word or a scale it goes on.
		{"en", "North Korean workers in the region are given three-month visas, officials said.", nil},
		{"en", "Seoul says North Korea sent twenty-five hundred more troops to Russia.",
			[]string{"people soldiers sent 2500..2500 exact"}},
		// Translation from Russian calls servicemen "military".
		{"en", "The DPRK will send to the Kursk region 4 thousand military, the minister said.",
			[]string{"people soldiers planned 4000..4000 exact"}},
		// Translation from Russian puts the hundreds after the thousands.
		{"en", "In 2024, 12 thousand 417 citizens of the DPRK entered Russia, according to Rosstat.",
			[]string{"people nationals entered 12417..12417 exact"}},
		{"en", "Seoul says North Korea has sent 11,000-plus troops to Russia.",
			[]string{"people soldiers sent 11000.. at_least"}},
		{"en", "Pyongyang sent ~3,000 more troops to Russia in January, officials said.",
			[]string{"people soldiers sent 3000..3000 approx"}},
		{"en", "On March 3 200 North Korean soldiers were seen near the border, officials said.",
			[]string{"people soldiers present 200..200 exact"}},
	})
}

// Machine translation from Korean and Russian counts an army's people
// with a generic noun; they are soldiers.
func TestKindTranslatedArmyPeople(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Officials said about 9,000 people of the North Korean army were moved to Russia.",
			[]string{"people soldiers sent 9000..9000 approx"}},
		{"en", "The DPRK military in the amount of about 7 thousand people is located in the Kursk region.",
			[]string{"people soldiers present 7000..7000 approx"}},
		{"en", "North Korean army sent to Russia 4,000 people, the ministry says.",
			[]string{"people soldiers sent 4000..4000 exact"}},
		// "military" before a noun is an adjective: the noun says who.
		{"en", "Pyongyang will send builders and military brigades -- 4,000 people -- to Kursk, the minister said.",
			[]string{"people workers planned 4000..4000 exact"}},
		// Another country's army stays another's.
		{"en", "The Russian army recruited 9,000 people in the region, officials said.", nil},
	})
}

// A sum stated with its conversion in parentheses is one amount: the
// fitted stage may not keep the conversion and drop the sum the text
// states first, and both have the same owner.
func TestConversionKeepsStatedSum(t *testing.T) {
	x := extractor()
	a, err := clean.Parse("v", []byte("lang: en\npublished: 2025-06-01\n---\nNorth Korean workers in Russia earn about 110,000 rubles (roughly $1,400) a month.\n"))
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]string{}
	for _, c := range x.Extract(a) {
		if c.Kind == "money" {
			units[c.Unit] = c.Group
		}
	}
	if units["RUB"] == "" || units["RUB"] != units["USD"] {
		t.Errorf("got money claims by unit and group %v, want RUB and USD of one group", units)
	}
}
