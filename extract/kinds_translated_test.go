package extract_test

import "testing"

// English machine-translated from Russian and Korean, and statistics
// pages: number shapes a native English writer would not use.
func TestKindTranslatedNumbers(t *testing.T) {
	runKinds(t, []kindCase{
		// "N thousands": the plural scale a translation keeps from
		// "тысячи" still multiplies the digits before it.
		{"en", "In Khabarovsk work about 6 thousands of North Korean citizens, the regional government says.",
			[]string{"people workers present 6000..6000 approx"}},
		{"en", "Up to 4 thousands fighters of the KPA have been moved to the front near Lgov, the channel claims.",
			[]string{"people soldiers sent ..4000 at_most"}},
		// "not less than" is a floor, as "no less than" is.
		{"en", "Ukrainian intelligence says not less than 900 North Korean soldiers were killed near Sudzha.",
			[]string{"people soldiers killed 900.. at_least"}},
		// Entries counted in times after a verb of entry are border
		// statistics, not a ratio.
		{"en", "North Korean citizens entered Russia 8 thousand 415 times last year, border data show.",
			[]string{"people nationals entered 8415..8415 exact"}},
		{"en", "North Koreans crossed into Russia about 21,500 times in 2024, the border service said.",
			[]string{"people nationals entered 21500..21500 approx"}},
		{"en", "North Korean workers entered Russia some 3,200 times last year.",
			[]string{"people workers entered 3200..3200 approx"}},
		// A ratio stays no figure, and so do one person's trips.
		{"en", "North Korean workers in Russia earn 3 times more than at home.", nil},
		{"en", "Kim Jong Un visited Russia 3 times, and 2,000 North Korean soldiers were killed.",
			[]string{"people soldiers killed 2000..2000 exact"}},
		// The year of a longer time phrase is a date, though a people
		// noun follows it.
		{"en", "In the second half of 2024 citizens of North Korea entered Russia 5 thousand 60 times.",
			[]string{"people nationals entered 5060..5060 exact"}},
		{"en", "In 2023 North Korean workers entered Russia 2,950 times, officials said.",
			[]string{"people workers entered 2950..2950 exact"}},
	})
}

// Entries by declared purpose, and rotation into a front.
func TestKindEntryPurposeAndRotation(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korean entries declared as \"work\" climbed to about 4,200 last year, border statistics show.",
			[]string{"people workers entered 4200..4200 approx"}},
		{"en", "Some 3,100 North Koreans entered Russia for work in the first quarter.",
			[]string{"people workers entered 3100..3100 approx"}},
		{"en", "Some 3,100 North Koreans entered Russia in the first quarter, most of them to study.",
			[]string{"people nationals entered 3100..3100 approx"}},
		{"en", "About 9,000 North Korean troops have been rotated through the front line near Kursk since autumn.",
			[]string{"people soldiers sent 9000..9000 approx"}},
		{"en", "About 2,000 North Korean soldiers were rotated out of Kursk in May.",
			[]string{"people soldiers withdrawn 2000..2000 approx"}},
	})
}

// The war's dead and wounded are soldiers, though the sentence before
// counted builders; a question that asks whether states no figure.
func TestKindCasualtiesAndQuestions(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Pyongyang also sent about 4,000 North Korean builders to Kursk. By June the NIS was citing roughly 3,300 casualties, including some 500 deaths.",
			[]string{"people workers sent 4000..4000 approx", "people soldiers wounded 3300..3300 approx", "people soldiers killed 500..500 approx"}},
		{"en", "North Korean workers in Kursk were hit by a drone strike, and 14 workers were killed, the governor said.",
			[]string{"people workers killed 14..14 exact"}},
		{"en", "Did North Korea really send 100,000 more troops to Russia?", nil},
		{"en", "HOST: So are we talking hundreds of North Korean soldiers, or thousands?", nil},
		{"en", "Why did North Korea send 12,000 troops to Kursk in 2024?",
			[]string{"people soldiers sent 12000..12000 exact"}},
	})
}

// A timeline's entries ("DATE – who: what") go on with the subject its
// lead named, and a fact box's rows are table rows under it.
func TestKindTimelineAndFactBox(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "How North Korea's deployment to Russia grew, entry by entry.\n\n" +
			"2 Oct 2024 – NIS: Pyongyang moved about 1,200 North Korean special forces to Russia.\n\n" +
			"9 Jan 2025 – Kyiv says 40 of them were killed.\n\n" +
			"3 Mar 2025 – JCS: some 900 soldiers newly arrived near Kursk.\n\n" +
			"5 Mar 2025 – NIS: some 7,000 soldiers are still in the Kursk region.",
			[]string{"people soldiers sent 1200..1200 approx", "people soldiers killed 40..40 exact", "people soldiers sent 900..900 approx", "people soldiers present 7000..7000 approx"}},
		{"en", "North Korean troops have fought in Kursk since last autumn.\n\n| Soldiers deployed (approx.) | 12,000–13,000 |\n\n| Wounded (JCS) | ~3,000 |",
			[]string{"people soldiers sent 12000..13000 range", "people soldiers wounded 3000..3000 approx"}},
	})
}

// A fact check: what it denies and the claim line it rates are no claims;
// what it affirms is.
func TestKindDeniedFigures(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "No, North Korea hasn't sent 70,000 soldiers to Russia this month.", nil},
		{"en", "Officials said Pyongyang had never deployed 40,000 North Korean troops, contrary to the post.", nil},
		{"en", "Claim: North Korea just dispatched 90,000 troops to the Donbas.", nil},
		{"en", "North Korea has not only sent 11,000 soldiers to Kursk but also shells.",
			[]string{"people soldiers sent 11000..11000 exact"}},
		{"en", "Seoul could not confirm reports that North Korea sent 3,000 more troops.",
			[]string{"people soldiers sent 3000..3000 exact"}},
	})
}

// Translations' and analysts' words for plans and losses.
func TestKindTranslatedPlansAndLosses(t *testing.T) {
	runKinds(t, []kindCase{
		// "безвозвратные потери" are the dead.
		{"en", "Ukrainian intelligence puts losses of the North Korean contingent at 5 thousand, of them about 1,800 - irretrievable losses.",
			[]string{"people soldiers wounded 5000..5000 exact", "people soldiers killed 1800..1800 approx"}},
		{"en", "Pyongyang agreed with Moscow on sending up to 7 thousand workers to a plant in Yelabuga, intelligence said.",
			[]string{"people workers planned ..7000 at_most"}},
		{"en", "Figures of 15,000 to 20,000 North Korean workers were floated last year.",
			[]string{"people workers planned 15000..20000 range"}},
		// A supposed movement in a clause of condition is a plan at most.
		{"en", "If Pyongyang deploys another 10,000 North Korean troops, the front may shift.",
			[]string{"people soldiers planned 10000..10000 exact"}},
	})
}

// A wave told after a time adverb ("Then another 2,000 were sent") is of
// the people the sentence before counted.
func TestKindWaveAfterTimeAdverb(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korea sent roughly 10,000 troops to Kursk in 2024. Later another 1,500 or so were sent as replacements.",
			[]string{"people soldiers sent 10000..10000 approx", "people soldiers sent 1500..1500 approx"}},
		{"en", "About 6,000 North Korean builders reached Russia in the spring. Subsequently a further 2,000 arrived.",
			[]string{"people workers sent 6000..6000 approx", "people workers sent 2000..2000 exact"}},
	})
}

// A hyphenated compound names its group as the open one does.
func TestKindHyphenatedGroup(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "The monitors put North Korea's IT-worker earnings at $300 million a year and counted 800 to 1,200 of them in Laos.",
			[]string{"money it_workers  300000000..300000000 exact /year", "people it_workers present 800..1200 range"}},
	})
}
