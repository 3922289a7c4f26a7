package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// English words of what befell or moved the people counted that wire
// copy, think-tank notes and machine translations from Russian use.
func TestKindEnglishEventWords(t *testing.T) {
	runKinds(t, []kindCase{
		// "N of them fatally": the part of a casualty count that died.
		{"en", "Kyiv said 2,300 North Korean soldiers had been killed or wounded, about 350 of them fatally.",
			[]string{"people soldiers wounded 2300..2300 exact", "people soldiers killed 350..350 approx"}},
		// Taken alive is taken prisoner.
		{"en", "Ukraine says only three North Korean soldiers have been taken alive so far.",
			[]string{"people soldiers captured 3..3 exact"}},
		// Machine translation from Russian: ликвидированы, получили
		// ранения, направила, вернулись на родину.
		{"en", "According to the data of the General Staff, about 900 North Korean servicemen were liquidated near Sudzha.",
			[]string{"people soldiers killed 900..900 approx"}},
		{"en", "At least 400 North Korean soldiers died in the fighting, and hundreds more received wounds.",
			[]string{"people soldiers killed 400.. at_least", "people soldiers wounded 100.. vague"}},
		{"en", "Since the spring North Korea directed to Russia about 4 thousand servicemen.",
			[]string{"people soldiers sent 4000..4000 approx"}},
		{"en", "Around 700 North Korean servicemen returned to homeland in March, the intelligence said.",
			[]string{"people soldiers withdrawn 700..700 approx"}},
		// IT engineers are IT workers, not sappers.
		{"en", "North Korean IT engineers in Russia are paid about 150,000 rubles a month, Kyodo reported.",
			[]string{"money it_workers  150000..150000 approx /month"}},
		// A bound after a hedged figure: at least, and the noun after
		// "of those" is still the figure's.
		{"en", "Some 2,500-plus of those North Korean soldiers were killed or wounded, Kyiv said.",
			[]string{"people soldiers wounded 2500.. at_least"}},
		// Tabloid words: maimed with the dead are casualties; Kim's men
		// are North Korea's.
		{"en", "Officials say almost 3,000 of Kim's troops have been slaughtered or maimed since the winter.",
			[]string{"people soldiers wounded 3000..3000 approx"}},
		{"en", "Only three of Kim's soldiers have been taken prisoner so far, Kyiv says.", []string{"people soldiers captured 3..3 exact"}},
		// People who follow others move as they did.
		{"en", "North Korea sent 8,000 troops in the autumn, and another 2,500 soldiers followed in March.",
			[]string{"people soldiers sent 8000..8000 exact", "people soldiers sent 2500..2500 exact"}},
		// A plan to move people plans a movement.
		{"en", "Officials said Pyongyang planned to move about 3,000 North Korean builders into the region.",
			[]string{"people workers planned 3000..3000 approx"}},
		// A promise or a want of people is a plan for them.
		{"en", "Pyongyang has pledged 3,000 more North Korean builders for the reconstruction of Mariupol.",
			[]string{"people workers planned 3000..3000 exact"}},
		{"en", "Kyiv says Moscow wants about 7,000 North Korean workers at its drone plants.",
			[]string{"people workers planned 7000..7000 approx"}},
		// Coming back is returning home.
		{"en", "Officials said some 600 North Korean sappers came back from Kursk in the autumn.",
			[]string{"people engineers withdrawn 600..600 approx"}},
		// An ordinal between a plan and a movement noun.
		{"en", "Seoul believes North Korea is preparing a fourth deployment of 2,000 troops.",
			[]string{"people soldiers planned 2000..2000 exact"}},
	})
}

// Losses the people counted make up for are not what befell them: the
// verb of their own clause says what they did or where they are.
func TestKindEnglishMadeGoodLosses(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "About 1,500 more North Korean soldiers arrived in May, mainly to make up for losses.",
			[]string{"people soldiers sent 1500..1500 approx"}},
		{"en", "Kyiv says North Korea has made good its losses near Sudzha and keeps some 9,000 soldiers at the front.",
			[]string{"people soldiers present 9000..9000 approx"}},
	})
}

// Whose people a figure counts when its sentence does not say: what the
// sentence before says, when the figure's sentence adds to it.
func TestKindEnglishWhosePeople(t *testing.T) {
	runKinds(t, []kindCase{
		// "Our count is about N": the speaker's own count of the people
		// named before, as "the count" or "their estimate" is.
		{"en", "Ukraine says North Korea has sent 9,000 more soldiers to Russia.\nA Seoul official said: our count is about 8,000 in the second wave.",
			[]string{"people soldiers sent 9000..9000 exact", "people soldiers sent 8000..8000 approx"}},
		// A briefing transcript: an answer turns after the question that
		// named North Korea still speaks of its soldiers.
		{"en", "Q (Reuters): Lawmakers were told that 1,500 North Korean soldiers have been killed in Kursk. Do you agree?\nSPOKESPERSON: We have nothing to add on that figure.\nQ (KBS): What about the wounded? Any numbers?\nSPOKESPERSON: I cannot give numbers on the wounded today.\nQ (NHK): And the prisoners?\nSPOKESPERSON: The three soldiers captured in March are still held by Ukraine.",
			[]string{"people soldiers killed 1500..1500 exact", "people soldiers captured 3..3 exact"}},
		// "N of their comrades", "N of its members": a part of the body
		// named before, as "N of them" is.
		{"en", "About 900 North Korean sappers returned home from Kursk last week. Kim said six of their comrades had died in Russia.",
			[]string{"people engineers withdrawn 900..900 approx", "people engineers killed 6..6 exact"}},
		// A sentence that opens by adding to the one before ("In
		// addition", "Plus", "And") goes on with its North Koreans.
		{"en", "North Korea keeps about 6,000 troops near the border, the NIS said.\n\nIn addition, military engineers about 700 people are clearing mines in the Kursk area.",
			[]string{"people soldiers present 6000..6000 approx", "people engineers present 700..700 approx"}},
		{"en", "Seoul says 4,000 North Korean builders are moving to Russia\nPlus ~8K soldiers near the border\nAnd ~2K military engineers clearing mines in Kursk",
			[]string{"people workers sent 4000..4000 exact", "people soldiers present 8000..8000 approx", "people engineers present 2000..2000 approx"}},
		// "the regiment", "the unit" point back to the one the story is
		// about.
		{"en", "Kim Jong Un welcomed an engineer regiment home from Kursk on Friday.\nSeoul's estimate of about 800 engineers suggests the regiment came back in full.",
			[]string{"people engineers withdrawn 800..800 approx"}},
		// "its" points back to what the sentence before named.
		{"en", "North Korea sent an engineer brigade to Kursk in August.\nAccording to the NIS, in its composition were about 800 sappers.",
			[]string{"people engineers present 800..800 approx"}},
		// Machine translation: "N people of <people noun>" are those
		// people; a group noun read backwards is the longest that ends
		// there ("construction troops" are builders, not soldiers).
		{"en", "Pyongyang in the spring sent to Russia more than 3 thousand people of military personnel.",
			[]string{"people soldiers sent 3000.. at_least"}},
		{"en", "The NIS said that the construction troops of North Korea about 4 thousand people are moving to Russia.",
			[]string{"people workers sent 4000..4000 approx"}},
		// The paragraph before lends its people to a casualty count whose
		// own paragraph names none.
		{"en", "About 12,000 North Korean troops were deployed to Kursk last autumn, the NIS told lawmakers.\n\nThe agency's estimate has grown since. In March it reported some 400 dead and about 2,100 wounded.",
			[]string{"people soldiers sent 12000..12000 approx", "people soldiers killed 400..400 approx", "people soldiers wounded 2100..2100 approx"}},
	})
}

// Tables written as text: each figure of a row counts what its column's
// header names, at the row's time; the caption above says whose people.
func TestKindEnglishTables(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korean arrivals in Russia by quarter (border service data)\nQuarter | Entries\nQ2 2024 | 4,120\nQ3 2024 | about 3,900\nThe study route hides work, researchers say.",
			[]string{"people nationals entered 4120..4120 exact", "people nationals entered 3900..3900 approx"}},
		{"en", "North Korean workers and students in Russia, official data\n| Year | Workers | Students |\n|---|---|---|\n| 2023 | 1,200 | 640 |",
			[]string{"people workers present 1200..1200 exact", "people nationals present 640..640 exact"}},
		// A label and its figure after a colon: the label names what the
		// figure counts.
		{"en", "At a glance\n- Entries by North Korean citizens in 2023: 9,480 (border service)",
			[]string{"people nationals entered 9480..9480 exact"}},
		// A line of cells with no header above is no table.
		{"en", "By Anna Lee | 3 March 2025", nil},
	})
}

// Periods wire copy and translations write: quarters, two months joined,
// a month of last year, and "since" one.
func TestKindEnglishPeriods(t *testing.T) {
	pub := flowwatch.NewDate(2025, 9, 5)
	for _, tc := range []struct{ text, from, to string }{
		{"In Q2 2024, 4,120 North Koreans entered Russia.", "2024-04-01", "2024-06-30"},
		{"In the fourth quarter of 2024, some 5,100 North Koreans entered Russia.", "2024-10-01", "2024-12-31"},
		{"About 2,600 more North Korean troops arrived between February and April.", "2025-02-01", "2025-04-30"},
		{"From November to January, some 900 North Korean workers arrived in Primorye.", "2024-11-01", "2025-01-31"},
		{"Pyongyang has directed about 4 thousand builders to the Russian Far East since November of the last year.", "2024-11-01", "2025-09-05"},
		{"Some 12,000 North Korean soldiers have been sent to Russia since last November.", "2024-11-01", "2025-09-05"},
		// A quarter with no year is the latest that began by publication.
		{"Some 3,900 North Koreans entered Russia in the third quarter, border data show.", "2025-07-01", "2025-09-30"},
		{"Border data show fourth-quarter entries by North Koreans reached 2,700.", "2024-10-01", "2024-12-31"},
		{"In Q1, about 1,400 North Koreans entered Russia.", "2025-01-01", "2025-03-31"},
	} {
		cs := rules().Extract(&flowwatch.Article{Name: "t", Text: tc.text, Lang: "en", Published: pub})
		if len(cs) != 1 || cs[0].When == nil || cs[0].When.From.String() != tc.from || cs[0].When.To.String() != tc.to {
			t.Errorf("%s: got %+v, want %s..%s", tc.text, cs, tc.from, tc.to)
		}
	}
}

// Live blogs put other people's tolls between entries about North
// Koreans: the victims of a strike are its place's people.
func TestKindEnglishLiveBlog(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "09:40 Seoul puts North Korean deaths in Kursk at about 3,000.\n10:15 Odesa's governor says the death toll from the morning strike has risen to 14.",
			[]string{"people soldiers killed 3000..3000 approx"}},
		// Pointing back keeps the people before.
		{"en", "Ukraine says it hit North Korean troops near Sudzha. About 40 of them were killed in the strike.",
			[]string{"people soldiers killed 40..40 approx"}},
		// A headline: Kim sending people is North Korea sending them.
		{"en", "Lavrov says Kim will send 2,000 deminers to Belgorod", []string{"people engineers planned 2000..2000 exact"}},
	})
}

// What "there is" says exists, in a sentence that goes on from the one
// before ("He predicted").
func TestKindEnglishExistential(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Marina Orlova put the number of North Korean workers in Khabarovsk at about 3,500. She predicted there would be 6,000 by next summer.",
			[]string{"people workers present 3500..3500 approx", "people workers planned 6000..6000 exact"}},
	})
}

// Near-misses beside North Koreans: people going to North Korea, and
// another country's own people.
func TestKindEnglishNearMisses(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Russians made 4,210 trips to North Korea in 2024, mostly as tourists.", nil},
		{"en", "North Korea sent 3,000 workers to Russia. Turkish builders employ several thousand of their own workers on sites in Moscow.",
			[]string{"people workers sent 3000..3000 exact"}},
		// North Korea's own stay its people.
		{"en", "North Korea has sent about 2,000 of its own sappers to Kursk.",
			[]string{"people engineers sent 2000..2000 approx"}},
	})
}
