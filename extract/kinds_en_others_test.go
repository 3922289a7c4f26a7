package extract_test

import "testing"

// Troops and sums of other countries in a story about North Korea: no
// claims.
func TestKindEnglishOtherCountries(t *testing.T) {
	runKinds(t, []kindCase{
		// The United States as the subject of its own troops' clause.
		{"en", "Officials in Seoul fear the deal with Pyongyang may collapse while the U.S. keeps 26,000 troops in Japan.",
			nil},
		{"en", "Talks with Pyongyang stalled, while America stations some 35,000 troops in Germany.",
			nil},
		// A country that speaks still reports North Korean troops.
		{"en", "The U.S. estimates 11,000 North Korean troops are in Kursk.",
			[]string{"people soldiers present 11000..11000 exact"}},
		// A sum a bill authorizes or appropriates is nobody's pay.
		{"en", "Lawmakers want the curbs on North Korean IT workers attached to a spending bill, whose House version authorizes $850 billion.",
			nil},
		{"en", "North Korean IT workers earn up to $6,000 a month, and Congress appropriated $40 million to track them.",
			[]string{"money it_workers  ..6000 at_most /month"}},
	})
}

// A statement after a semicolon about other people does not make the
// figure before it theirs; one in the figure's own clause does.
func TestKindEnglishSemicolonOthers(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korean troops have fought in Kursk since the autumn. Kyiv put the toll at about 3,000 killed or wounded in March; the Russians have said nothing.",
			[]string{"people soldiers killed 3000..3000 approx"}},
		{"en", "North Korean troops have fought in Kursk since the autumn. Kyiv put the toll at about 3,000 killed or wounded Russians in March.",
			nil},
	})
}

// A people's adjective joined to a participle ("Russian-occupied",
// "Ukrainian-held") describes a place, not the people counted.
func TestKindEnglishCompoundPlaceAdjective(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Some 20,000 North Korean workers are in Russia, including at least 3,000 at sites in Russian-occupied Zaporizhzhia.",
			[]string{"people workers present 20000..20000 approx", "people workers present 3000.. at_least"}},
	})
}

// A conversion in brackets belongs to what the sum it converts belongs
// to: nobody's for a fare or a price, the workers' for their pay.
func TestKindEnglishConversionOfUnowned(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korean tour operators said tour packages start at about 30,000 rubles ($380) a person.",
			nil},
		{"en", "North Korean builders in Kazan are paid 90,000 rubles (about $1,100) a month, a foreman said.",
			[]string{"money workers  90000..90000 exact /month", "money workers  1100..1100 approx /month"}},
	})
}
