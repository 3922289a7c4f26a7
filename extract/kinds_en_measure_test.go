package extract_test

import "testing"

// A definite measure noun ("the total", "the tally", "the estimate")
// stands for the people the sentences before count, however far its
// figure stands from it, and measures what befell them.
func TestKindEnglishMeasureAnaphor(t *testing.T) {
	runKinds(t, []kindCase{
		// A long phrase of time between the noun and its figure; the
		// figure it is compared with counts the same people.
		{"en", "Russian border data show 4,300 North Koreans entered Russia between April and June. That brings the total for the first half of 2025 to 7,900, more than the 6,100 recorded for all of 2023, the ministry said.",
			[]string{"people nationals entered 4300..4300 exact", "people nationals entered 7900..7900 exact", "people nationals entered 6100..6100 exact"}},
		// A measure with no verb of its own counts what the count before did.
		{"en", "Russian border data show 4,300 North Koreans entered Russia between April and June. That takes the tally for the year to 7,900.",
			[]string{"people nationals entered 4300..4300 exact", "people nationals entered 7900..7900 exact"}},
		// An aside of reporting between the noun and its verb, and words
		// of its own before the noun ("the earlier estimate").
		{"en", "Kyiv says 2,000 North Korean soldiers were killed in the spring. The earlier estimate, released by the ministry in March, was 1,200.",
			[]string{"people soldiers killed 2000..2000 exact", "people soldiers killed 1200..1200 exact"}},
		{"en", "Russian border data show 4,300 North Koreans entered Russia between April and June. The half-year tally, as published by the bureau in July, was 7,900.",
			[]string{"people nationals entered 4300..4300 exact", "people nationals entered 7900..7900 exact"}},
		// "The number of X" names its own people and is no anaphor.
		{"en", "Some 6,000 North Korean workers arrived in Primorsky Krai this year. That brings the number of North Korean laborers in the region to 9,000.",
			[]string{"people workers sent 6000..6000 approx", "people workers present 9000..9000 exact"}},
	})
}
