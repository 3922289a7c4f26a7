package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// Encyclopedia summaries cite after the period (".[4][5]"): the marks end
// the sentence with it and are no figures, so each sentence keeps its own
// time and people.
func TestKindEnglishFootnoteMarks(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "In March 2025, Pyongyang moved 2,500 soldiers to Russia.[2][3] Russian border data counted 7,400 entries by North Korean citizens in 2024, up from 950 in 2023.[14]",
			[]string{"people soldiers sent 2500..2500 exact", "people nationals entered 7400..7400 exact", "people nationals entered 950..950 exact"}},
		{"en", "Officials put the toll at 800 North Korean soldiers killed by May,[6] and 1,300 by August.[7]",
			[]string{"people soldiers killed 800..800 exact", "people soldiers killed 1300..1300 exact"}},
	})
}

// "Another 1,000 were sent", "A further 700 followed": a wave after the
// one the sentence before counted is of its people.
func TestKindEnglishFurtherWave(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korea sent 6,000 soldiers to the Kursk front in the autumn. A further 1,200 were sent in March.",
			[]string{"people soldiers sent 6000..6000 exact", "people soldiers sent 1200..1200 exact"}},
		{"en", "About 900 North Korean builders arrived in Khabarovsk in April. An additional 400 arrived in May.",
			[]string{"people workers sent 900..900 approx", "people workers sent 400..400 exact"}},
		{"en", "Pyongyang has sent 3,000 workers to the Far East. Another 600 are expected next month.",
			[]string{"people workers sent 3000..3000 exact", "people workers planned 600..600 exact"}},
	})
}

// Headlines and Korean outlets' English glue the initial to the name
// ("N.Korea", "S.Korean"): it is the name, and no sentence ends at its dot.
func TestKindEnglishGluedInitial(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "N.Korea has sent some 3,000 more soldiers to Russia, S.Korean officials said.",
			[]string{"people soldiers sent 3000..3000 approx"}},
		{"en", "About 1,500 N.Korean builders arrived in Vladivostok in May.",
			[]string{"people workers sent 1500..1500 approx"}},
	})
}

// A body the gazetteer does not know, introduced with its acronym ("Harbor
// Labour Watch (HLW) said"), tells what its acronym finds or counts later,
// and "the report" a paragraph on is its report, not a person's. It is
// named by its acronym, as the gazetteer names the bodies it knows (NIS,
// KIDA); a cue that names it ("according to a study by …") introduces it
// as its verb does.
func TestSourceBodyWithAcronym(t *testing.T) {
	checkSources(t, []sourceCase{
		{"the report a paragraph on", "en", "Harbor Labour Watch (HLW) said on Monday that crews Pyongyang hires out abroad are watched around the clock.\n\nAccording to the report, roughly 14,000 North Korean labourers now hold jobs in Russia.", "HLW"},
		{"its acronym counts", "en", "Harbor Labour Watch (HLW) said on Monday that crews Pyongyang hires out abroad are watched around the clock.\n\nHLW counted at least 9 North Korean labourers killed in site accidents in Russia last year.", "HLW"},
		{"the report documents", "en", "Harbor Labour Watch (HLW) said on Monday that crews Pyongyang hires out abroad are watched around the clock.\n\nThe report further documents that some 700 North Korean women were hired at a Russian factory.", "HLW"},
		{"according to a study by", "en", "Crews sent abroad by Pyongyang hand most of their pay to minders, according to a recent study by the Centre for North Korean Labour Rights (CKLR).\n\nThe study, drawing on talks with former crew members, estimates that 17,000 North Korean labourers now work in Russia.", "CKLR"},
		{"the study after a long aside", "en", "Crews sent abroad by Pyongyang hand most of their pay to minders, according to a recent study by the Centre for North Korean Labour Rights (CKLR).\n\nThe study, drawing on talks with former crew members and their families in three cities, estimates that 17,000 North Korean labourers now work in Russia.", "CKLR"},
		{"a survey by, in its sentence", "en", "A 2025 survey by the Baltic Migration Observatory (BMO) found 2,600 North Korean builders on sites in Kaliningrad.", "BMO"},
		{"according to a person", "en", "According to Vladimir Sokolov, some 2,500 North Korean workers reached Tomsk in the spring.", "Vladimir Sokolov"},
		{"according to a body without its acronym", "en", "About 1,100 North Korean workers were placed on farms in Amur, according to the Amur Farmers Union.", "Amur Farmers Union"},
		{"according to capitals before a noun names no one", "en", "According to Harbour District records, about 1,100 North Korean workers were placed on farms in Amur.", "-"},
	})
}

// A word of time right after a figure ends its noun phrase ("2,000 more
// early this year" counts people, not a thing called "early"), and
// "early this year", "late last year" are the parts of those years.
func TestKindEnglishTimeAfterFigure(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Pyongyang has sent 9,000 troops to Russia, Kyiv says, and about 1,500 more early this year.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers sent 1500..1500 approx"}},
		{"en", "Kyiv says some 700 North Korean sappers arrived late last month.",
			[]string{"people engineers sent 700..700 approx"}},
	})
	pub := flowwatch.NewDate(2025, 9, 5)
	for _, tc := range []struct{ text, from, to string }{
		{"About 1,800 more North Korean workers came to the Far East early this year.", "2025-01-01", "2025-04-30"},
		{"Some 6,000 North Korean soldiers were sent to Russia late last year.", "2024-09-01", "2024-12-31"},
	} {
		cs := rules().Extract(&flowwatch.Article{Name: "t", Text: tc.text, Lang: "en", Published: pub})
		if len(cs) != 1 || cs[0].When == nil || cs[0].When.From.String() != tc.from || cs[0].When.To.String() != tc.to {
			t.Errorf("%s: got %+v, want %s..%s", tc.text, cs, tc.from, tc.to)
		}
	}
}
