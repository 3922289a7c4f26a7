package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// Who the people counted are when the noun after the figure does not say.
func TestKindPeopleWho(t *testing.T) {
	runKinds(t, []kindCase{
		// A generic noun ("people", "persons") counts the group its
		// sentence names before it.
		{"en", "Pyongyang will send a regiment of builders -- 4,000 people -- to the Belgorod region.",
			[]string{"people workers planned 4000..4000 exact"}},
		{"en", "The number of North Korean loggers in the camps will reach 700 persons.",
			[]string{"people workers planned 700..700 exact"}},
		// North Koreans in general counted as working or hired are workers.
		{"en", "About 2,000 North Koreans are working on building sites in Khabarovsk.",
			[]string{"people workers present 2000..2000 approx"}},
		{"en", "Reports say dozens of North Korean women were hired by a textile plant near Moscow.",
			[]string{"people workers recruited 12.. vague"}},
		// Without a word of work they stay North Koreans in general.
		{"en", "About 2,000 North Koreans are staying in Khabarovsk.",
			[]string{"people nationals present 2000..2000 approx"}},
		// Defectors resettled in the South are outside the flows counted.
		{"en", "Some 190 North Korean defectors reached South Korea last year.",
			nil},
		{"en", "North Korea has sent about 6,000 labor immigrants to the Far East.",
			[]string{"people workers sent 6000..6000 approx"}},
		// A bare figure with a verb of its own, or after a verb of
		// estimate, is the subject: the people of the sentence before.
		{"en", "Thousands of North Korean loggers have gone home. Only a few hundred remain.",
			[]string{"people workers withdrawn 1000.. vague", "people workers present 300.. vague"}},
		{"en", "North Korean troops crossed into Russia. We believe about 4,000 are training near Kursk.",
			[]string{"people soldiers present 4000..4000 approx"}},
		// A colon that ends the sentence leaves the figure be.
		{"en", "The ministry put the number of North Korean troops at roughly 9,000:",
			[]string{"people soldiers present 9000..9000 approx"}},
		// A party's name is no group: "Workers' Party" counts nobody.
		{"en", "The Workers' Party congress promised 30,000 flats, including 5,000 in Pyongyang.",
			nil},
		// A relative clause's people are its antecedent's, whatever
		// country it helps.
		{"en", "Help came from Pyongyang, which sent 2,500 builders to support Russia's reconstruction.",
			[]string{"people workers sent 2500..2500 exact"}},
		{"en", "Moscow also hired laborers from Tajikistan, which sent 4,000 builders to Russia's regions.",
			nil},
		// "the number of X" says what a bare figure counts: no people
		// when X names none.
		{"en", "Seoul said the number of dissidents inside North Korea had reached 41,200.",
			nil},
		{"en", "The number of North Korean welders in Russia reached 3,400.",
			[]string{"people workers sent 3400..3400 exact"}},
		{"en", "The number of work permits issued to North Koreans reached 5,600.",
			[]string{"people workers entered 5600..5600 exact"}},
		// "Kim" deciding or ordering a dispatch is North Korea's leader.
		{"en", "Since Kim ordered the dispatch of 3,000 more builders, the regime has earned millions.",
			[]string{"people workers sent 3000..3000 exact"}},
		// Other IT staff names.
		{"en", "Up to 4,000 North Korean information technology workers are active abroad.",
			[]string{"people it_workers present ..4000 at_most"}},
	})
}

// What happened to them: the event of a figure.
func TestKindPeopleEvent(t *testing.T) {
	runKinds(t, []kindCase{
		// The whole a part is counted from keeps its own participle.
		{"en", "Of the 9,000 North Korean soldiers deployed, about 2,000 were wounded, Kyiv said.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers wounded 2000..2000 approx"}},
		// A plan before a movement noun's article plans the movement.
		{"en", "Pyongyang is considering the dispatch of 4,000 more workers to Russia, officials said.",
			[]string{"people workers planned 4000..4000 exact"}},
		{"en", "Moscow is pushing for the deployment of 2,000 North Korean builders to Kursk, officials said.",
			[]string{"people workers planned 2000..2000 exact"}},
		// Soldiers named by their task are engineers.
		{"en", "North Korea has sent about 800 mine-clearing troops to Kursk, Seoul said.",
			[]string{"people engineers sent 800..800 approx"}},
		// Moving into a country is going there, not being there.
		{"en", "Seoul says about 4,000 North Korean builders have been moving into Russia in stages since the spring.",
			[]string{"people workers sent 4000..4000 approx"}},
		// A count of deaths right after a paragraph about North Korean
		// soldiers counts them; a country's spy agency is its source, not
		// whose dead they are.
		{"en", "North Korea sent about 9,000 troops to Russia last year.\n\nSeoul's National Intelligence Service put deaths at about 1,500 in October.",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers killed 1500..1500 approx"}},
		// North Koreans a war kills are its soldiers.
		{"en", "Seoul said North Korean troops had suffered some 3,000 casualties, including about 400 deaths.",
			[]string{"people soldiers wounded 3000..3000 approx", "people soldiers killed 400..400 approx"}},
		// An agreement is a plan.
		{"en", "Officials said Moscow had agreed to take as many as 8,000 North Korean workers next year.",
			[]string{"people workers planned ..8000 at_most"}},
		// A list of figures under a paragraph about North Koreans: each
		// item counts them, the colon before what it counts.
		{"en", "North Korea has sent troops to Russia since last year.\n\nBy the numbers\n\n2,500: reinforcements sent in the spring (JCS)",
			[]string{"people soldiers sent 2500..2500 exact"}},
		// Wire and tabloid verbs: lives lost after "have", "slaughtered or
		// maimed" (casualties), moving people and smuggling them in.
		{"en", "Roughly 1,500 North Korean soldiers who were dispatched to help Moscow are believed to have lost their lives, officials said.",
			[]string{"people soldiers killed 1500..1500 approx"}},
		{"en", "Nearly 2,500 North Korean troops have been slaughtered or maimed in two months, officials said.",
			[]string{"people soldiers wounded 2500..2500 approx"}},
		{"en", "Pyongyang has been moving some 3,000 North Korean military builders into Russia since August.",
			[]string{"people workers sent 3000..3000 approx"}},
		{"en", "That is a third of the 9,000-strong North Korean force smuggled into Russia last year.",
			[]string{"people soldiers sent 9000..9000 exact"}},
		{"en", "Some 800 North Korean sappers were despatched to Russia in August, Seoul said.",
			[]string{"people engineers sent 800..800 approx"}},
		{"en", "Moscow wants something like 10,000 North Korean workers at the plant by next year.",
			[]string{"people workers planned 10000..10000 approx"}},
		// A level a count could reach is its ceiling.
		{"en", "A developer forecast that the number of North Korean workers on building sites could reach 40,000 by the end of the year.",
			[]string{"people workers planned ..40000 at_most"}},
		// Gone to a country is sent; the pledge of people is a plan.
		{"en", "Seoul says roughly 3,500 North Korean construction troops have gone to Russia since the summer.",
			[]string{"people workers sent 3500..3500 approx"}},
		{"en", "Analysts recalled the pledge of 3,000 North Korean builders for the border region.",
			[]string{"people workers planned 3000..3000 exact"}},
		{"en", "Some 12,000 North Korean troops have been sent to Russia so far. Of that total, about 9,000 went in the first wave.",
			[]string{"people soldiers sent 12000..12000 approx", "people soldiers sent 9000..9000 approx"}},
		// Registered as working is a stock of workers, not an entry.
		{"en", "Before the sanctions, some 25,000 North Koreans were officially registered as working in Russia.",
			[]string{"people workers present 25000..25000 approx"}},
		// The number of North Koreans somewhere counts them.
		{"en", "A builder predicted that the number of North Koreans in Russia could reach 35,000 next year.",
			[]string{"people nationals planned ..35000 at_most"}},
		{"en", "The number of North Koreans in the Far East rose to 9,000 last year.",
			[]string{"people nationals present 9000..9000 exact"}},
		// An adverb after a bare figure ends its phrase: no noun of things.
		{"en", "They belong to a North Korean workforce that officials put at about 14,000 nationwide.",
			[]string{"people workers present 14000..14000 approx"}},
		// A country that speaks is a source, not whose people they are,
		// unless it speaks of itself.
		{"en", "About 9,000 North Korean soldiers went to Russia last year, and Seoul believes as many as 2,000 more have followed since January.",
			[]string{"people soldiers sent 9000..9000 approx", "people soldiers sent ..2000 at_most"}},
		// "They" after a country that speaks points back to the people
		// the text is about; a country speaks of itself as "it".
		{"en", "North Korean troops are now fighting in Kursk. Moscow said they number about 12,000.",
			[]string{"people soldiers present 12000..12000 approx"}},
		// The part of a whole is the subject of its verb, an -ed verb too.
		{"en", "Border data show that 12,300 North Koreans entered Russia last year. Of those, 7,100 declared study as their purpose.",
			[]string{"people nationals entered 12300..12300 exact", "people nationals entered 7100..7100 exact"}},
		// A unit welcomed home has come back.
		{"en", "Pyongyang welcomed home some 900 North Korean sappers who had cleared mines near Kursk, state media said.",
			[]string{"people engineers withdrawn 900..900 approx"}},
		// A total the sentence expects to reach is planned.
		{"en", "Seoul said 2,000 North Korean soldiers have arrived in Russia, and the total is expected to reach 8,000 by spring.",
			[]string{"people soldiers sent 2000..2000 exact", "people soldiers planned 8000..8000 exact"}},
		{"en", "The number of North Korean welders at the shipyard will reach 900 next year.",
			[]string{"people workers planned 900..900 exact"}},
		// The part of a casualty count that is the subject of its own verb
		// takes that verb's event.
		{"en", "Of the 2,500 North Korean troops listed as casualties, some 700 were killed.",
			[]string{"people soldiers wounded 2500..2500 exact", "people soldiers killed 700..700 approx"}},
		// Casualties take the group of their own clause, not the figure
		// before's.
		{"en", "Seoul says 9,000 North Korean builders are working in Russia, and that North Korean troops have taken 3,100 casualties.",
			[]string{"people workers present 9000..9000 exact", "people soldiers wounded 3100..3100 exact"}},
		// A whole after an adverb and a participle.
		{"en", "Kyiv said 1,500 North Korean soldiers were killed out of the 9,000 originally sent to Kursk.",
			[]string{"people soldiers killed 1500..1500 exact", "people soldiers sent 9000..9000 exact"}},
		// What may befall a force does not count casualties.
		{"en", "Analysts warn that all 8,000 North Korean soldiers in the area could be killed or wounded by summer.",
			[]string{"people soldiers present 8000..8000 exact"}},
		// Movement nouns and verbs.
		{"en", "Intelligence tracked the transfer of some 3,000 North Korean troops to the Far East.",
			[]string{"people soldiers sent 3000..3000 approx"}},
		{"en", "Up to 2,000 North Korean soldiers are heading to the front, officials said.",
			[]string{"people soldiers sent ..2000 at_most"}},
		// Visits and trips counted are entries; so is a count statistics
		// recorded.
		{"en", "Border guards counted about 6,000 visits by North Koreans last year.",
			[]string{"people nationals entered 6000..6000 approx"}},
		{"en", "In 2021, 1,200 North Koreans entered Russia. This figure compares with the 4,400 recorded in 2019.",
			[]string{"people nationals entered 1200..1200 exact", "people nationals entered 4400..4400 exact"}},
		// A level a count stood at or peaked at is a stock.
		{"en", "Officials granted 8,000 work permits to North Koreans, whose numbers in Russia have peaked at 25,000.",
			[]string{"people workers entered 8000..8000 exact", "people workers present 25000..25000 exact"}},
		// Leaving the country is withdrawal.
		{"en", "Dozens of North Korean loggers are leaving Russia each week.",
			[]string{"people workers withdrawn 12.. vague"}},
		// A casualty verb of the noun outranks a casualty adjective before it.
		{"en", "Three injured North Korean soldiers were taken prisoner near Sudzha.",
			[]string{"people soldiers captured 3..3 exact"}},
		{"en", "Kyiv said 40 injured North Korean soldiers were evacuated to Kursk.",
			[]string{"people soldiers wounded 40..40 exact"}},
		// A war's death toll counts soldiers, even after North Koreans in
		// general.
		{"en", "North Koreans mourned. Seoul put the war's toll of North Korean dead at 450.",
			[]string{"people soldiers killed 450..450 exact"}},
		// Attracting workers is recruiting them; agreeing to it plans it.
		{"en", "The governor agreed to attract 2,500 North Korean workers for the ports.",
			[]string{"people workers planned 2500..2500 exact"}},
		// "may reach N" is at most N.
		{"en", "The number of North Korean workers at the plant may reach 1,200.",
			[]string{"people workers planned ..1200 at_most"}},
		// A state after "to" is no plan.
		{"en", "The mayor urged Moscow to let some 4,000 North Korean builders stay in the city.",
			[]string{"people workers present 4000..4000 approx"}},
		// "Minimum N" is at least N.
		{"en", "Minimum 350 North Korean workers arrived in Khabarovsk last month.",
			[]string{"people workers sent 350.. at_least"}},
		// Days of a month are no range of people.
		{"en", "Kyiv said 45 North Korean soldiers were killed in fighting on Jan. 11-12.",
			[]string{"people soldiers killed 45..45 exact"}},
		// The residents of a named place are that place's people.
		{"en", "Hundreds of Kherson residents fled, officials said, while North Korean troops arrived.",
			nil},
		// ... nor do a conditional's losses before that hypothetical.
		{"en", "If North Korean losses go on like this, all 7,000 North Korean soldiers near Sudzha could be killed or captured by June.",
			[]string{"people soldiers present 7000..7000 exact"}},
		// North Koreans a war kills, counted as people, are its soldiers.
		{"en", "Kyiv says some 900 North Korean people have died in the fighting.",
			[]string{"people soldiers killed 900..900 approx"}},
		// "the presence of" is a stock, whatever befell some of them later.
		{"en", "Officials confirmed the presence of 7,000 North Korean soldiers in the area, with a third of them wounded.",
			[]string{"people soldiers present 7000..7000 exact"}},
		// The fallen are the dead; a level that has fallen is no death.
		{"en", "Pyongyang honoured 45 fallen North Korean soldiers at a ceremony.",
			[]string{"people soldiers killed 45..45 exact"}},
		{"en", "The number of North Korean workers in Russia has fallen to 6,000.",
			[]string{"people workers present 6000..6000 exact"}},
		// A figure only a movement noun describes keeps the plan the
		// article reads for the same people and number anywhere.
		{"en", "North Korea will send 2,000 deminers to Kursk. Shoigu said the deployment includes 2,000 deminers.",
			[]string{"people engineers planned 2000..2000 exact", "people engineers planned 2000..2000 exact"}},
		{"en", "Pyongyang, said the report, is involved in the deployment of 3,000 North Korean builders. North Korea plans to send 3,000 builders.",
			[]string{"people workers planned 3000..3000 exact", "people workers planned 3000..3000 exact"}},
		// ... but a past movement stays sent.
		{"en", "North Korea sent 4,000 builders in May. The deployment of 4,000 North Korean builders drew protests.",
			[]string{"people workers sent 4000..4000 exact", "people workers sent 4000..4000 exact"}},
		// An -ing word before a noun of things counts things.
		{"en", "Some 9,000 North Korean soldiers arrived for drills at four training grounds.",
			[]string{"people soldiers sent 9000..9000 approx"}},
		// "bring" moves people; a capability "to bring" them plans it.
		{"en", "Analysts say Pyongyang has the capacity to bring 20,000 to 25,000 more North Korean troops.",
			[]string{"people soldiers planned 20000..25000 range"}},
		// A subject with an "including" apposition takes the verb after it.
		{"en", "Two Russian officers were killed, and four North Korean soldiers, including a colonel, were wounded.",
			[]string{"people soldiers wounded 4..4 exact"}},
		// Losses the people counted make up for are not theirs.
		{"en", "Pyongyang sent another 1,800 North Korean soldiers to replace its losses.",
			[]string{"people soldiers sent 1800..1800 exact"}},
	})
}

// Sentences a page glued together ("last year.According to") are read
// apart, so that one's people and events do not leak into the other.
func TestKindGluedSentences(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Pyongyang plans to send more laborers to Russia.According to Rosstat, 4,100 North Koreans entered Russia in 2023.",
			[]string{"people nationals entered 4100..4100 exact"}},
		{"en", "Officials said many North Korean soldiers were killed in March.Some 2,000 North Korean soldiers remain in Kursk.",
			[]string{"people soldiers present 2000..2000 approx"}},
	})
}

// A capitalised top-level domain ("Example.Az") is part of a site's name:
// the sentence goes on past it.
func TestGluedSiteName(t *testing.T) {
	text := "According to Example.Az, some 3,000 North Korean soldiers have been wounded in Kursk."
	cs := rules().Extract(&flowwatch.Article{Name: "t", Lang: "en", Text: text})
	if len(cs) != 1 || cs[0].Quote != text {
		t.Fatalf("want one claim quoting the whole sentence, got %+v", cs)
	}
}

// The value of a figure: ranges that share a scale and changes between two
// levels.
func TestKindPeopleValues(t *testing.T) {
	runKinds(t, []kindCase{
		// "10-12,000": the thousands are shared.
		{"en", "Pyongyang agreed to send a first contingent of 8-9,000 North Korean troops.",
			[]string{"people soldiers planned 8000..9000 range"}},
		{"en", "Each North Korean builder remits roughly 4-5,000 USD a year.",
			[]string{"money workers  4000..5000 range /year"}},
		// Small ranges stay as written.
		{"en", "Between 20-300 North Korean workers arrived.",
			[]string{"people workers sent 20..300 range"}},
		// A change from one level to another is two figures, even with
		// "the existing" before the first.
		{"en", "North Korea tripled its deployment in Russia from the existing 4,000 to 12,000 soldiers.",
			[]string{"people soldiers sent 4000..4000 exact", "people soldiers sent 12000..12000 exact"}},
		// A year before "to" is no range with the next level.
		{"en", "The number of North Korean workers in Russia fell from 21,000 in 2016 to 9,300 in 2019.",
			[]string{"people workers present 21000..21000 exact", "people workers present 9300..9300 exact"}},
	})
}

// Why the rules drop a figure is a feature of the fitted stage: a noun
// naming another people is "other-people", not a figure with no noun.
func TestKindDropReasons(t *testing.T) {
	cases := []struct {
		text, figure, want string
	}{
		{"Officials said 7,400 Uzbek workers arrived in Russia, and North Korea sent more.", "7,400", "other-people"},
		{"North Korea sent 900 workers to the port of Nakhodka.", "900", ""},
		// A count of things is no candidate at all: the fitted stage must
		// not reinstate "2,000 containers" as people.
		{"North Korea shipped 2,000 containers to Russia.", "2,000", "none"},
		{"North Korean soldiers fought as Ukrainian troops took around a hundred settlements.", "around a hundred", "none"},
	}
	for _, tc := range cases {
		a := &flowwatch.Article{Name: "t", Text: tc.text, Lang: "en"}
		found := false
		for _, c := range rules().Candidates(a) {
			if tc.text[c.FigureStart:c.FigureEnd] != tc.figure {
				continue
			}
			found = true
			if c.Dropped != tc.want {
				t.Errorf("%s: %s dropped %q, want %q", tc.text, tc.figure, c.Dropped, tc.want)
			}
		}
		if !found && tc.want != "none" {
			t.Errorf("%s: no candidate for %s", tc.text, tc.figure)
		}
		if found && tc.want == "none" {
			t.Errorf("%s: %s is a candidate, want none", tc.text, tc.figure)
		}
	}
}

// Korean outlets' English abbreviates the two Koreas in headlines and
// text ("N. Korean", "S. Korea"); an initial's dot is not a break.
func TestKindAbbreviatedKoreas(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Kyiv says its forces captured three injured N. Korean soldiers near the border.",
			[]string{"people soldiers captured 3..3 exact"}},
		{"en", "About half of the 8,000 soldiers N. Korea provided to Moscow are now in the south, officials said.",
			[]string{"people soldiers sent 8000..8000 exact"}},
		{"en", "S. Korea's spy agency says N. Korea sent 2,500 more troops to Russia.",
			[]string{"people soldiers sent 2500..2500 exact"}},
	})
}
