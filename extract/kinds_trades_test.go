package extract_test

import "testing"

// Workers named by their trade (bricklayers, carpenters, electricians)
// are workers; a trade of other people ("a Kyrgyz carpenter") earns
// other people's pay, not North Koreans'.
func TestKindTrades(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "About 60 North Korean carpenters were hired by a Kazan developer this spring.",
			[]string{"people workers recruited 60..60 approx"}},
		{"en", "Each of the North Korean electricians on the tower earns about $700 a month.",
			[]string{"money workers  700..700 approx /month"}},
		{"en", "North Korean plasterers in Tomsk earn about 60,000 rubles a month. A Kyrgyz bricklayer on the same project gets about 95,000 rubles a month.",
			[]string{"money workers  60000..60000 approx /month"}},
		// One tradesman, in the singular.
		{"en", "A North Korean welder at the Nakhodka shipyard takes home about $650 a month.",
			[]string{"money workers  650..650 approx /month"}},
		{"en", "Hired through a Rason agency, a North Korean plasterer in Irkutsk is paid around 70,000 rubles a month.",
			[]string{"money workers  70000..70000 approx /month"}},
	})
}

// A clause with no verb of its own ("…, plus about 3,000 builders")
// takes its event from its sentence, but not across a semicolon: what the
// clause after it says befell others.
func TestKindSemicolonEvent(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "About 8,000 North Korean soldiers are stationed in Kursk, plus some 2,000 military builders; the war has already cost Russia dearly, with 40 villages destroyed and wounded civilians everywhere.",
			[]string{"people soldiers present 8000..8000 approx", "people workers present 2000..2000 approx"}},
	})
}

// "climbed past N", "went past N": a level passed is a floor.
func TestKindPastBound(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Officials said the number of North Korean welders working in Siberia had climbed past 4,000.",
			[]string{"people workers present 4000.. at_least"}},
		{"en", "By March the count of North Korean troops wounded in Kursk had gone past 2,500, Kyiv said.",
			[]string{"people soldiers wounded 2500.. at_least"}},
	})
}
