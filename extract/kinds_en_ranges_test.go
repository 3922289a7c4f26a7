package extract_test

import "testing"

// Estimates stated as a span: after "from", a dash joins the two ends of
// one estimate (only "to" may state a change from one level to another),
// and IT workers go by more than one job title.
func TestKindEnglishEstimateSpans(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "By one UN estimate, North Korea keeps from 4,000-9,000 IT workers abroad.",
			[]string{"people it_workers present 4000..9000 range"}},
		{"en", "The number of North Korean builders in Primorye went from 2,000-3,000 last year to 7,000 now.",
			[]string{"people workers present 2000..3000 range", "people workers present 7000..7000 exact"}},
		// A change stays two figures.
		{"en", "The number of North Korean workers in Tomsk rose from 1,200 to 2,600 last year.",
			[]string{"people workers present 1200..1200 exact", "people workers present 2600..2600 exact"}},
		{"en", "North Korea has about 1,500 IT technicians in Laos and Cambodia, a defector said.",
			[]string{"people it_workers present 1500..1500 approx"}},
		{"en", "Seoul says some 800 North Korean IT experts work for Chinese firms from Dandong.",
			[]string{"people it_workers present 800..800 approx"}},
	})
}
