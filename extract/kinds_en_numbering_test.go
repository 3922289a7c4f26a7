package extract_test

import "testing"

// "X numbering N": the figure counts the noun before it, whatever verb
// follows; crews of guns and drones are soldiers.
func TestKindEnglishNumbering(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "North Korean troops numbering several thousand rotate through positions near the border, Kyiv said.",
			[]string{"people soldiers present 3000.. vague"}},
		{"en", "North Korean mortar crews numbering about 400 moved to Belgorod in March, Kyiv said.",
			[]string{"people soldiers sent 400..400 approx"}},
		{"en", "North Korean builders totalling 2,300 work on the Tumen bridge, officials said.",
			[]string{"people workers present 2300..2300 exact"}},
		{"en", "Ukrainian officers said North Korean drone crews of about 150 are deployed near Kupiansk.",
			[]string{"people soldiers sent 150..150 approx"}},
		// Without a people noun before, "numbering" names nobody.
		{"en", "North Korean shells numbering several thousand rotate through depots near the border.",
			nil},
	})
}
