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

// A movement named by a noun that is the subject of a modal ("the
// deployment will include ...") is a plan; the noun alone, or with a
// verb of the past, states the movement.
func TestKindEnglishEventNounModal(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "The North Korean deployment will include 4,000 construction workers and 800 demining specialists, officials said.",
			[]string{"people workers planned 4000..4000 exact", "people engineers planned 800..800 exact"}},
		{"en", "Seoul believes the next North Korean dispatch could involve up to 10,000 troops.",
			[]string{"people soldiers planned ..10000 at_most"}},
		{"en", "The North Korean deployment included 4,000 construction workers, officials said.",
			[]string{"people workers sent 4000..4000 exact"}},
	})
}

// The size of a movement named by a noun ("a deployment of 12,000") was
// sent, though the sentence counts the dead of it.
func TestKindEnglishMovementSize(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Some 300 North Korean soldiers were killed in Kursk from an overall deployment of 12,000, lawmakers in Seoul said.",
			[]string{"people soldiers killed 300..300 approx", "people soldiers sent 12000..12000 exact"}},
		{"en", "Of the dispatch of some 11,000 North Korean troops, about 4,000 were killed or wounded, Seoul said.",
			[]string{"people soldiers sent 11000..11000 approx", "people soldiers wounded 4000..4000 approx"}},
	})
}

// A relative clause of the place the people go to (", where Russian
// forces ...") says nothing of whose the people are.
func TestKindEnglishPlaceRelative(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Moscow announced after talks in Pyongyang that 2,000 military engineers will go to Kursk, where Russian troops are clearing minefields.",
			[]string{"people engineers planned 2000..2000 exact"}},
		// The figure's own clause still decides: Moscow's conscripts.
		{"en", "Moscow sent 2,000 conscripts to Kursk, where North Korean troops are also fighting.",
			nil},
	})
}

// The accused of a case are no people who moved: a word of prosecution
// that takes the figure as its object or follows its noun.
func TestKindEnglishAccused(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "A court in Texas indicted 9 North Korean nationals for running a laptop farm.",
			nil},
		{"en", "Prosecutors said five North Korean IT workers had been charged with wire fraud.",
			nil},
		{"en", "Seoul says 2,000 North Korean IT workers are employed in China, and 12 of them were convicted last year.",
			[]string{"people it_workers present 2000..2000 exact"}},
		// A charge for work is no prosecution of the workers counted.
		{"en", "About 300 North Korean IT workers in Shenyang charged clients by the hour.",
			[]string{"people it_workers present 300..300 approx"}},
	})
}
