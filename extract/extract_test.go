package extract_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
)

var (
	xOnce  sync.Once
	xx, xr *extract.Extractor
)

// extractor is the whole pipeline, fitted stage included.
func extractor() *extract.Extractor {
	xOnce.Do(initExtractors)
	return xx
}

// rules is the pipeline without its fitted stage. The tables of
// constructions document what the rule stages read, each from a sentence
// of our own; the fitted stage is measured by cross-validation on the
// train corpus instead (fit.CrossValidate), since one sentence is no
// measure of a statistical decision.
func rules() *extract.Extractor {
	xOnce.Do(initExtractors)
	return xr
}

func initExtractors() {
	xx = extract.New(domain.Default())
	xr = extract.New(domain.Default())
	xr.SetModel(nil)
}

func run(text, pub string) []flowwatch.Claim {
	a := &flowwatch.Article{Name: "t", Text: text, Lang: "en"}
	if pub != "" {
		d, err := flowwatch.ParseDate(pub)
		if err != nil {
			panic(err)
		}
		a.Published = d
	}
	return rules().Extract(a)
}

// want is the part of a claim a case checks; "-" means "must be empty".
type want struct {
	kind, group, event string
	low, high          string // "" = don't check, "nil" = open end
	qual               string
	place              string // comma-separated canonical names, "" = don't check, "-" = none
	when               string // "from..to", "" = don't check, "-" = null
	source             string // "" = don't check, "-" = null
	per, unit          string
}

func num(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func describe(c flowwatch.Claim) string {
	w := "-"
	if c.When != nil {
		w = c.When.From.String() + ".." + c.When.To.String()
	}
	return fmt.Sprintf("%s/%s/%s %s..%s %s place=%v when=%s source=%q per=%s unit=%s", c.Kind, c.Group, c.Event, num(c.Low), num(c.High), c.Qualifier, c.Place, w, c.Source, c.Per, c.Unit)
}

func matches(c flowwatch.Claim, w want) string {
	var bad []string
	chk := func(name, got, want string) {
		if want != "" && got != want {
			bad = append(bad, fmt.Sprintf("%s=%q want %q", name, got, want))
		}
	}
	chk("kind", c.Kind, w.kind)
	chk("group", c.Group, w.group)
	chk("event", c.Event, w.event)
	for _, b := range []struct {
		name string
		got  *float64
		want string
	}{{"low", c.Low, w.low}, {"high", c.High, w.high}} {
		if b.want != "" && num(b.got) != strings.TrimPrefix(b.want, "nil") {
			bad = append(bad, fmt.Sprintf("%s=%s want %s", b.name, num(b.got), b.want))
		}
	}
	chk("qualifier", c.Qualifier, w.qual)
	chk("per", c.Per, w.per)
	chk("unit", c.Unit, w.unit)
	switch w.place {
	case "":
	case "-":
		if len(c.Place) != 0 {
			bad = append(bad, fmt.Sprintf("place=%v want none", c.Place))
		}
	default:
		if strings.Join(c.Place, ",") != w.place {
			bad = append(bad, fmt.Sprintf("place=%v want %s", c.Place, w.place))
		}
	}
	switch w.when {
	case "":
	case "-":
		if c.When != nil {
			bad = append(bad, fmt.Sprintf("when=%v want null", *c.When))
		}
	default:
		got := "null"
		if c.When != nil {
			got = c.When.From.String() + ".." + c.When.To.String()
		}
		chk("when", got, w.when)
	}
	switch w.source {
	case "":
	case "-":
		chk("source", c.Source, "")
	default:
		chk("source", c.Source, w.source)
	}
	return strings.Join(bad, "; ")
}

// The sentences below are the authors' own, one per construction the
// extractor must read; none is taken from any article.
func TestConstructions(t *testing.T) {
	tests := []struct {
		name string
		pub  string
		text string
		want []want
	}{
		{"digits, approx, city, this year, said", "2025-03-10",
			"Pyongyang has dispatched roughly 3,500 laborers to Khabarovsk this year, Yonhap reported.",
			[]want{{kind: "people", group: "workers", event: "sent", low: "3500", high: "3500", qual: "approx", place: "Khabarovsk", when: "2025-01-01..2025-12-31", source: "Yonhap"}}},
		{"as many as, modal, region alias", "2025-03-10",
			"As many as 8,000 North Korean troops could be moved to the Donbas region, Ukraine's military intelligence said.",
			[]want{{kind: "people", group: "soldiers", event: "planned", high: "8000", qual: "at_most", place: "Donbas", source: "GUR"}}},
		{"between range, as of mid-month, according to", "2025-01-20",
			"Between 10,000 and 12,000 North Korean soldiers were stationed in Kursk Oblast as of mid-December, according to the ISW.",
			[]want{{kind: "people", group: "soldiers", event: "present", low: "10000", high: "12000", qual: "range", place: "Kursk Oblast", when: "2024-12-15..2024-12-15", source: "ISW"}}},
		{"number words, last month", "2024-09-15",
			"Five thousand North Korean builders arrived in Vladivostok last month.",
			[]want{{kind: "people", group: "workers", event: "sent", low: "5000", high: "5000", qual: "exact", place: "Vladivostok", when: "2024-08-01..2024-08-31", source: "-"}}},
		{"a thousand, entered, absolute year", "",
			"A thousand North Korean students entered Russia on study visas in 2023.",
			[]want{{kind: "people", group: "nationals", event: "entered", low: "1000", high: "1000", qual: "exact", place: "Russia", when: "2023-01-01..2023-12-31"}}},
		{"dozens captured, person source", "2025-02-01",
			"Dozens of North Korean soldiers have been captured by Ukrainian forces, Zelensky said.",
			[]want{{kind: "people", group: "soldiers", event: "captured", low: "12", qual: "vague", source: "Volodymyr Zelensky"}}},
		{"several thousand, currently, metonym city after in", "2025-05-05",
			"Several thousand North Korean workers are currently employed at building sites in Moscow.",
			[]want{{kind: "people", group: "workers", event: "present", low: "3000", qual: "vague", place: "Moscow", when: "2025-05-05..2025-05-05"}}},
		{"tens of thousands", "",
			"Tens of thousands of North Koreans have worked in Russia over the years.",
			[]want{{kind: "people", group: "workers", event: "present", low: "10000", qual: "vague", place: "Russia"}}},
		{"hundreds of thousands", "",
			"Hundreds of thousands of North Korean laborers toiled abroad before sanctions.",
			[]want{{kind: "people", group: "workers", low: "100000", qual: "vague"}}},
		{"at least, killed, since last year", "2025-02-09",
			"At least 600 North Korean soldiers have been killed since October last year, the NIS said.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "600", qual: "at_least", when: "2024-10-01..2025-02-09", source: "NIS"}}},
		{"more than, plus sign", "",
			"More than 2,500 North Korean engineers and 1,000+ sappers were sent to Russia.",
			[]want{
				{kind: "people", group: "engineers", event: "sent", low: "2500", qual: "at_least"},
				{kind: "people", group: "engineers", event: "sent", low: "1000", qual: "at_least"},
			}},
		{"nearly is approximate", "",
			"Nearly 2,000 North Korean troops were wounded in the fighting.",
			[]want{{kind: "people", group: "soldiers", event: "wounded", low: "2000", high: "2000", qual: "approx"}}},
		{"to range with shared scale", "",
			"Officials say North Korea needs 4.5 to 5 thousand IT workers abroad to meet its quota.",
			[]want{{kind: "people", group: "it_workers", low: "4500", high: "5000", qual: "range"}}},
		{"en dash range, plans", "",
			"North Korea plans to send 2,000–3,000 more workers to Primorsky Krai.",
			[]want{{kind: "people", group: "workers", event: "planned", low: "2000", high: "3000", qual: "range", place: "Primorsky Krai"}}},
		{"money per month and share", "",
			"North Korean workers in Russia receive about 50,000 rubles a month, of which the state takes 70 percent.",
			[]want{
				{kind: "money", group: "workers", low: "50000", high: "50000", qual: "approx", unit: "RUB", per: "month"},
				{kind: "share", group: "workers", low: "70", high: "70", qual: "exact", unit: "percent"},
			}},
		{"money with scale, annually, group in previous sentence", "",
			"Hundreds of North Korean IT workers operate from Russia and China.\nThey generate up to $300 million annually for the regime.",
			[]want{
				{kind: "people", group: "it_workers", low: "100", qual: "vague"},
				{kind: "money", group: "it_workers", high: "300000000", qual: "at_most", unit: "USD", per: "year"},
			}},
		{"bare figures continue the previous one", "2025-02-05",
			"Border data show 5,000 North Koreans entered Russia in 2024, up from 1,000 in 2023.",
			[]want{
				{kind: "people", group: "nationals", event: "entered", low: "5000", high: "5000", when: "2024-01-01..2024-12-31"},
				{kind: "people", group: "nationals", event: "entered", low: "1000", high: "1000", when: "2023-01-01..2023-12-31"},
			}},
		{"casualty clauses", "2025-01-20",
			"The agency believes at least 400 North Korean soldiers have been killed and some 3,000 have been wounded.",
			[]want{
				{kind: "people", group: "soldiers", event: "killed", low: "400", qual: "at_least"},
				{kind: "people", group: "soldiers", event: "wounded", low: "3000", high: "3000", qual: "approx"},
			}},
		{"casualty noun takes the group from the context", "",
			"North Korean troops fought near Sudzha for weeks.\nA US official put the toll at several hundred casualties.",
			[]want{{kind: "people", group: "soldiers", event: "wounded", low: "300", qual: "vague", source: "US official"}}},
		{"withdrawn", "2025-01-10",
			"About 1,500 North Korean workers returned home in December, RFA reported.",
			[]want{{kind: "people", group: "workers", event: "withdrawn", low: "1500", high: "1500", when: "2024-12-01..2024-12-31", source: "RFA"}}},
		{"headline without period and will", "",
			"Russia will take in 15,000 North Korean workers\nThe deal was signed in Moscow.",
			[]want{{kind: "people", group: "workers", event: "planned", low: "15000", high: "15000", place: "Russia"}}},
		{"pronoun source", "2025-06-20",
			"Sergei Shoigu visited Pyongyang on Tuesday. He said 2,000 North Korean deminers would arrive in Kursk by September.",
			[]want{{kind: "people", group: "engineers", event: "planned", low: "2000", high: "2000", place: "Kursk Oblast", source: "Sergei Shoigu"}}},
		{"attribution carries over the paragraph, not the next one", "",
			"According to Daily NK, North Korea sent 800 loggers to Amur Oblast. Another 400 of them went to Tomsk.\nIn all, 2,000 North Korean workers are in Siberia.",
			[]want{
				{kind: "people", group: "workers", event: "sent", low: "800", source: "Daily NK", place: "Amur Oblast"},
				{kind: "people", group: "workers", low: "400", source: "Daily NK", place: "Tomsk"},
				{kind: "people", group: "workers", event: "present", low: "2000", source: "-", place: "Siberia"},
			}},
		{"citing: the cited agency is the source", "2024-11-01",
			"The Chosun Ilbo, citing South Korea's spy agency, reported that 3,000 North Korean soldiers had arrived in Russia.",
			[]want{{kind: "people", group: "soldiers", event: "sent", low: "3000", source: "NIS"}}},
		{"unnamed reports", "",
			"Reports say that 700 North Korean workers are building apartments in Kazan.",
			[]want{{kind: "people", group: "workers", low: "700", source: "-", place: "Kazan"}}},
		{"St. Petersburg and abbreviations do not split", "2024-10-01",
			"Gen. Kim said in Sept. that 900 North Korean workers were sent to St. Petersburg.",
			[]want{{kind: "people", group: "workers", event: "sent", low: "900", place: "Saint Petersburg"}}},
		{"these soldiers: the next sentence gives the place", "",
			"The unit will recruit 1,200 North Korean soldiers for the work. These soldiers will be sent to Ussuriysk and Nakhodka.",
			[]want{{kind: "people", group: "soldiers", low: "1200", place: "Ussuriysk,Nakhodka"}}},
		{"unknown publication date leaves relative times null", "",
			"North Korea sent 2,000 workers to Russia last year.",
			[]want{{kind: "people", group: "workers", event: "sent", low: "2000", when: "-"}}},
		{"on a weekday resolves before the publication date", "2024-12-18",
			"On Monday, the NIS said 100 North Korean soldiers had been killed.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "100", when: "2024-12-16..2024-12-16", source: "NIS"}}},
		{"dispatch noun", "",
			"Seoul condemned the dispatch of 10,000 North Korean troops.",
			[]want{{kind: "people", group: "soldiers", event: "sent", low: "10000"}}},
		{"IT professionals and money total", "",
			"A network of 300 North Korean IT professionals earned $6.8 million in total.",
			[]want{
				{kind: "people", group: "it_workers", low: "300"},
				{kind: "money", group: "it_workers", low: "6800000", high: "6800000", unit: "USD", per: "total"},
			}},
		{"moscow as government is not a place", "",
			"Moscow has received 5,000 North Korean workers.",
			[]want{{kind: "people", group: "workers", low: "5000", place: "-"}}},
		{"said before the source", "",
			"About 300 North Korean soldiers have been killed, said the NIS.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "300", source: "NIS"}}},
		{"N-strong contingent of", "",
			"A 12,000-strong contingent of North Korean troops is fighting near Sudzha.",
			[]want{{kind: "people", group: "soldiers", low: "12000", high: "12000", place: "Sudzha"}}},
		{"casualty noun before the figure", "",
			"North Korean casualties have surpassed 4,000, the Pentagon said.",
			[]want{{kind: "people", group: "soldiers", event: "wounded", low: "4000", high: "nil", qual: "at_least", source: "Pentagon"}}},
		{"a sentence about another country's soldiers", "",
			"North Korea sent 11,000 troops to Kursk.\nRussia recruited about 30,000 contract soldiers a month in 2024.",
			[]want{{kind: "people", group: "soldiers", low: "11000"}}},
		{"in the region refers back; places stay in their clause", "2024-11-05",
			"Fighting continued in the Kursk region on Monday. Officials said 11,000 North Korean soldiers had arrived in the region.\nWashington estimates that 10,000 North Korean soldiers were sent to Russia and that some 8,000 of them have moved toward Kursk.",
			[]want{
				{kind: "people", group: "soldiers", low: "11000", place: "Kursk Oblast"},
				{kind: "people", group: "soldiers", event: "sent", low: "10000", place: "Russia", source: "US government"},
				{kind: "people", group: "soldiers", event: "sent", low: "8000", place: "Kursk Oblast,Russia", source: "US government"},
			}},
		{"another people's officials are a source, not the people counted", "",
			"North Korea sent troops to Kursk in October.\nUkrainian officials said 3,000 soldiers had been killed there.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "3000"}}},
		{"what a source says about another country's troops", "",
			"North Korea sent 11,000 troops to Kursk.\nRussia's defense ministry said Ukraine had lost more than 60,000 troops in Kursk Oblast.",
			[]want{{kind: "people", group: "soldiers", low: "11000"}}},
		{"first half of a year, last month-name", "2024-10-20",
			"Some 6,000 North Koreans entered Russia in the first half of 2024, and 2,000 more arrived last October.",
			[]want{
				{kind: "people", group: "nationals", event: "entered", low: "6000", when: "2024-01-01..2024-06-30"},
				{kind: "people", group: "nationals", low: "2000", when: "2023-10-01..2023-10-31"},
			}},
		{"the source said refers back to the outlet an anonymous source told", "",
			"A source told Daily NK that 1,500 North Korean IT workers will go to Russia.\nSome 300 North Korean IT workers are already working there, the source said.",
			[]want{
				{kind: "people", group: "it_workers", event: "planned", low: "1500", source: "Daily NK"},
				{kind: "people", group: "it_workers", low: "300", source: "Daily NK"},
			}},
		{"N. Korean", "",
			"Some 1,000 N. Korean troops were sent to Kursk.",
			[]want{{kind: "people", group: "soldiers", event: "sent", low: "1000", place: "Kursk Oblast"}}},
		{"phrasal verb is not a bound; a time after another figure is that figure's", "2025-06-10",
			"North Korean workers must now hand over 1,200 dollars a month to the state, up from 800 dollars last year.",
			[]want{
				{kind: "money", group: "workers", low: "1200", high: "1200", qual: "exact", unit: "USD", per: "month", when: "2025-06-10..2025-06-10"},
				{kind: "money", group: "workers", low: "800", high: "800", unit: "USD", when: "2024-01-01..2024-12-31"},
			}},
		{"a compound adjective is not a source", "",
			"At least 40 North Korean workers have fled their sites, a Seoul-based group said.",
			[]want{{kind: "people", group: "workers", low: "40", high: "nil", qual: "at_least", source: "-"}}},
		{"organizations named", "",
			"The 7th General Bureau will send 1,000 North Korean soldiers to Russia.",
			[]want{{kind: "people", group: "soldiers", event: "planned", low: "1000"}}},
		{"a count before a year or a number of places is not a ratio", "",
			"North Korea sent 3,000 workers in 2025 and 2,000 in 12 cities of Siberia.",
			[]want{
				{kind: "people", group: "workers", low: "3000"},
				{kind: "people", group: "workers", low: "2000"},
			}},
		{"an initialism ends a sentence before a sentence opener", "",
			"Some 1,500 North Korean laborers were flagged by the U.N. The following week 400 North Korean soldiers reached Kursk, U.S. officials said.",
			[]want{
				{kind: "people", group: "workers", low: "1500", place: "-", source: "-"},
				{kind: "people", group: "soldiers", low: "400", place: "Kursk Oblast", source: "US official"},
			}},
		{"an initialism before a title does not end a sentence", "",
			"The U.S. President said 700 North Korean soldiers were killed in Kursk.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "700", place: "Kursk Oblast"}}},
		{"the agency: the agency named before, past a lawmaker and a capital", "",
			"Ukraine's military intelligence briefed reporters on Friday.\nThe figures were passed on by Rep. Kim Byung-kee after a meeting with officials in Kyiv.\nAccording to the agency, 1,200 North Korean soldiers were wounded near Sudzha. The agency also said that 40 North Korean soldiers were captured.",
			[]want{
				{kind: "people", group: "soldiers", event: "wounded", low: "1200", source: "GUR"},
				{kind: "people", group: "soldiers", event: "captured", low: "40", source: "GUR"},
			}},
		{"the think tank, the ministry: the latest source of that kind", "",
			"The ISW published a new assessment, and the Russian Defense Ministry held a briefing. Analysts at Yonhap were sceptical.\nAccording to the think tank, 2,500 North Korean soldiers are in Kursk. The ministry said 900 North Korean workers had arrived in Kazan.",
			[]want{
				{kind: "people", group: "soldiers", low: "2500", source: "ISW"},
				{kind: "people", group: "workers", low: "900", source: "Russian Defense Ministry"},
			}},
		{"the official with no official named: the government the official spoke for", "",
			"A Ukrainian government official said 1,100 North Korean soldiers were sent to Kursk.\nAbout 90 North Korean soldiers were captured, the official added.",
			[]want{
				{kind: "people", group: "soldiers", low: "1100", source: "Ukrainian government"},
				{kind: "people", group: "soldiers", event: "captured", low: "90", source: "Ukrainian government"},
			}},
		{"the spy agency skips a think tank named since", "",
			"The NIS briefed lawmakers on Tuesday, a day after the ISW released its map.\nThe spy agency said 350 North Korean soldiers had been killed.",
			[]want{{kind: "people", group: "soldiers", event: "killed", low: "350", source: "NIS"}}},
		{"the agency with no agency named before is a news agency", "",
			"Yonhap interviewed defectors in Seoul.\nAccording to the agency, 600 North Korean workers left Vladivostok.",
			[]want{{kind: "people", group: "workers", low: "600", source: "Yonhap"}}},
		{"a bare figure after with takes the sentence's earlier group", "",
			"The count of North Korean builders in the Far East climbed steeply, with some 6,500 currently thought to be employed on sites there.",
			[]want{{kind: "people", group: "workers", event: "present", low: "6500", qual: "approx"}}},
		{"a bare figure after with: its own clause's event wins over the noun's", "",
			"The number of North Korean loggers dispatched to Amur Oblast has doubled, with roughly 3,200 still believed to be working in its forests.",
			[]want{{kind: "people", group: "workers", event: "present", low: "3200", qual: "approx"}}},
		{"believed to have arrived is reported, not planned", "",
			"Around 2,300 North Korean soldiers are believed to have arrived in Kursk.",
			[]want{{kind: "people", group: "soldiers", event: "sent", low: "2300"}}},
		{"including: a part of the figure before; arrivals in statistics are entries", "",
			"In 2023 over 6,000 North Koreans arrived in Russia, Russian statistics indicate, including 1,500 holding work visas.",
			[]want{
				{kind: "people", group: "nationals", event: "entered", low: "6000", qual: "at_least", source: "-"},
				{kind: "people", group: "nationals", event: "entered", low: "1500", qual: "exact"},
			}},
		{"N of them after a verb of saying: the people of the sentence before", "",
			"Kyiv said 9,000 North Korean troops were fighting near Sudzha. A week later officials said 700 of them had been wounded.",
			[]want{
				{kind: "people", group: "soldiers", low: "9000"},
				{kind: "people", group: "soldiers", event: "wounded", low: "700"},
			}},
		{"a fraction of a figure: the figure is the whole, not the killed", "",
			"Roughly half of the 6,000 North Korean troops deployed to Kursk have been wounded, and a third of 900 North Korean workers in Kazan have fallen ill.",
			[]want{
				{kind: "people", group: "soldiers", event: "sent", low: "6000"},
				{kind: "people", group: "workers", event: "present", low: "900"},
			}},
		{"including N with a participle; with N in its own clause", "",
			"Pyongyang has dispatched 4,200 North Korean builders to Russia, including about 900 posted to Ulan-Ude, with some 300 now living in dormitories there.",
			[]want{
				{kind: "people", group: "workers", event: "sent", low: "4200"},
				{kind: "people", group: "workers", event: "sent", low: "900"},
				{kind: "people", group: "workers", event: "present", low: "300"},
			}},
		{"of whom: a part of the figure before", "",
			"Roughly 5,000 North Korean workers were dispatched to Russia, of whom 1,200 went to Novosibirsk.",
			[]want{
				{kind: "people", group: "workers", event: "sent", low: "5000"},
				{kind: "people", group: "workers", event: "sent", low: "1200"},
			}},
		{"arrivals without statistics stay sent", "",
			"About 800 North Koreans arrived in Vladivostok on a ferry.",
			[]want{{kind: "people", group: "nationals", event: "sent", low: "800"}}},
		{"source name inside an outlet name is not a place", "",
			"The Moscow Times reported that 200 North Korean workers were hired.",
			[]want{{kind: "people", group: "workers", event: "recruited", low: "200", source: "The Moscow Times", place: "-"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(tc.text, tc.pub)
			if len(got) != len(tc.want) {
				var ds []string
				for _, c := range got {
					ds = append(ds, describe(c))
				}
				t.Fatalf("got %d claims, want %d:\n  %s", len(got), len(tc.want), strings.Join(ds, "\n  "))
			}
			for i, w := range tc.want {
				if msg := matches(got[i], w); msg != "" {
					t.Errorf("claim %d: %s\n  got %s", i, msg, describe(got[i]))
				}
			}
		})
	}
}

// Figures that are not claims: the spec's list, in the authors' sentences.
func TestNonClaims(t *testing.T) {
	tests := []string{
		"The 1950-53 Korean War ended in an armistice, not a peace treaty.",
		"UN Security Council Resolution 2397 was adopted in 2017.",
		"The soldiers chosen had served for at least three years.",
		"Trade between the two countries grew 12 times in a decade.",
		"Officers of the 7th General Bureau met their Russian counterparts.",
		"Leaders of the Group of Seven discussed North Korea on Monday.",
		"The Kremlin has called up 300,000 Russian conscripts since 2022.",
		"North Korea's army fired 40 Ukrainian casualties' worth of shells.",
		"Ukrainian forces lost 500 Ukrainian soldiers near Kursk, Kyiv said of the North Korean offensive.",
		"North Korea has shipped over 1 million artillery shells to Russia.",
		"North Korea sent about 2000 containers of munitions to Russia.",
		"On February 4, 2025, North Korean officials held talks with Russia.",
		"Temperatures in Pyongyang reached 35 degrees on 12 July.",
		"North Korea's 20×10 development policy aims to build 20 factories a year.",
		"The MiG-29 and Su-27 jets were promised to North Korea in return.",
		"Kim Jong Un, 41, inspected a factory in North Korea.",
		"Updated 2024-12-14 North Korean soldiers in Kursk: a timeline.",
		"Posted 12/14/2024 North Korean workers: what we know.",
		"The North Korean soldiers sent to Kursk were aged 20 to 30, officials said.",
		"A 23-year-old North Korean soldier captured in Kursk said he wanted to stay.",
		"North Korean hackers stole crypto worth billions, and the FBI named 3 suspects' aliases.",
		// Ratios and fractions of a group are shares, not head counts.
		"Nearly one in three North Korean laborers on the sites has fallen ill, a doctor said.",
		"Two out of five North Korean soldiers in the unit were wounded in their first week.",
		"One in every ten North Korean workers in the port was sent home.",
		"One of every six North Korean soldiers at the front has been captured, Kyiv said.",
		"About one-third of the North Korean troops have been killed, analysts estimate.",
		"Half of the North Korean workers in Tomsk have left, and twice as many soldiers were sent.",
	}
	for _, text := range tests {
		if got := run(text, "2025-03-01"); len(got) != 0 {
			var ds []string
			for _, c := range got {
				ds = append(ds, describe(c))
			}
			t.Errorf("%q: want no claims, got:\n  %s", text, strings.Join(ds, "\n  "))
		}
	}
}

// Every claim's quote is the text at its offsets.
func TestOffsets(t *testing.T) {
	text := "Title: 5,000 North Korean workers head to Russia\n\nFirst para. “About 1,000 North Korean troops were killed,” the NIS said.\r\nThe Dong-A Ilbo reported 300 North Koreans entered Russia."
	claims := run(text, "2025-01-01")
	if len(claims) < 3 {
		t.Fatalf("got %d claims, want 3", len(claims))
	}
	for _, c := range claims {
		if c.Start < 0 || c.End > len(text) || text[c.Start:c.End] != c.Quote {
			t.Errorf("quote %q does not sit at [%d:%d]", c.Quote, c.Start, c.End)
		}
		if c.Extractor != flowwatch.ExtractorVersion {
			t.Errorf("extractor = %q", c.Extractor)
		}
	}
}

// A city or an outlet the embedded data lacks is a data change: a
// --domain file adds it and the extractor uses it.
func TestDomainFileAddsPlacesAndSources(t *testing.T) {
	p := t.TempDir() + "/d.json"
	body := `{"places": [{"name": "Magnitogorsk", "kind": "city", "country": "Russia"}],
"sources": [{"name": "Sample Wire", "kind": "outlet"}]}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := domain.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(d)
	// A name only the gazetteer makes a source: "according to Sample
	// Wire" would name it to any reader (cuedName).
	a := &flowwatch.Article{Name: "t", Lang: "en", Text: "Sample Wire: 700 North Korean workers arrived in Magnitogorsk."}
	got := x.Extract(a)
	if len(got) != 1 || strings.Join(got[0].Place, ",") != "Magnitogorsk" || got[0].Source != "Sample Wire" {
		t.Fatalf("got %+v", got)
	}
	// The default extractor does not know them.
	got = extractor().Extract(a)
	if len(got) != 1 || len(got[0].Place) != 0 || got[0].Source != "" {
		t.Fatalf("default: got %+v", got)
	}
}

// Extract is safe for concurrent use (run with -race).
func TestConcurrent(t *testing.T) {
	text := "According to the NIS, 11,000 North Korean soldiers were sent to Kursk. Some 3,000 were wounded."
	want := len(run(text, "2025-01-01"))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if n := len(run(text, "2025-01-01")); n != want {
					t.Errorf("got %d claims, want %d", n, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// A --domain file reaches the Korean and Russian modules too: they take
// the Extractor's Domain, not the embedded one.
func TestDomainFileReachesRussian(t *testing.T) {
	p := t.TempDir() + "/d.json"
	body := `{"places": [{"name": "Magnitogorsk", "kind": "city", "country": "Russia", "aliases": ["магнитогорск*"]}]}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := domain.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	a := &flowwatch.Article{Name: "t", Lang: "ru", Text: "В Магнитогорск прибыли около 700 рабочих из КНДР."}
	got := extract.New(d).Extract(a)
	if len(got) != 1 || strings.Join(got[0].Place, ",") != "Magnitogorsk" {
		t.Fatalf("got %+v", got)
	}
	got = extractor().Extract(a)
	if len(got) != 1 || len(got[0].Place) != 0 {
		t.Fatalf("default: got %+v", got)
	}
}

// An initialism ends a sentence only before a word that opens one: the
// claim's quote is its sentence, so it shows where the split fell.
func TestInitialismSentenceEnd(t *testing.T) {
	tests := []struct{ text, quote string }{
		{"Officials met at the U.N. The next week 300 North Korean workers arrived in Omsk.", "The next week 300 North Korean workers arrived in Omsk."},
		{"The U.S. President said 700 North Korean soldiers were killed in Kursk.", "The U.S. President said 700 North Korean soldiers were killed in Kursk."},
		{"U.S. officials said 250 North Korean soldiers were captured.", "U.S. officials said 250 North Korean soldiers were captured."},
	}
	for _, tc := range tests {
		got := run(tc.text, "")
		if len(got) != 1 || got[0].Quote != tc.quote {
			t.Errorf("%q: got %d claims, first quote %q; want quote %q", tc.text, len(got), func() string {
				if len(got) > 0 {
					return got[0].Quote
				}
				return ""
			}(), tc.quote)
		}
	}
}
