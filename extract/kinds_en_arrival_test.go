package extract_test

import "testing"

// "came" is an arrival: people sent, or entries when border figures or
// a sentence of entries count North Koreans in general.
func TestKindEnglishCameArrival(t *testing.T) {
	runKinds(t, []kindCase{
		// A wave that came after the first: sent, not a noun of things.
		{"en", "Kyiv said the first contingent of North Korean troops numbered 11,000. Then another 2,500 or so came in March.",
			[]string{"people soldiers present 11000..11000 exact", "people soldiers sent 2500..2500 approx"}},
		{"en", "Some 1,800 North Korean builders came into the Kursk region over the summer, officials said.",
			[]string{"people workers sent 1800..1800 approx"}},
		// North Koreans in general that statistics count coming in entered.
		{"en", "Border statistics show more than 9,000 North Koreans came into Russia in 2023, most of them on study visas.",
			[]string{"people nationals entered 9000.. at_least"}},
		{"en", "Some 16,000 North Koreans entered Russia in 2023. Among those who entered that year, 4,100 people said they came to study.",
			[]string{"people nationals entered 16000..16000 approx", "people nationals entered 4100..4100 exact"}},
		{"en", "Rosstat counted 9,100 North Korean citizens entering Russia. Among them were 35 people who came as athletes.",
			[]string{"people nationals entered 9100..9100 exact", "people nationals entered 35..35 exact"}},
	})
}
