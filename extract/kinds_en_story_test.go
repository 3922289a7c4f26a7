package extract_test

import "testing"

// "men" count whoever the story is about: workers in a story of labour,
// soldiers in one of war; their pay follows them.
func TestKindEnglishStoryMen(t *testing.T) {
	runKinds(t, []kindCase{
		{"en", "Inside the labour camps of the Far East.\n\nThe firm flew in about 80 North Korean men from Pyongyang in the spring. Each was promised 90,000 rubles a month.",
			[]string{"people workers sent 80..80 approx", "money workers  90000..90000 exact /month"}},
		{"en", "North Korean builders are putting up flats in Khabarovsk. A further 120 men arrived from Pyongyang in June.",
			[]string{"people workers sent 120..120 exact"}},
		// A war story's men stay soldiers.
		{"en", "North Korean troops are fighting in Kursk. About 400 North Korean men were killed in the January assaults.",
			[]string{"people soldiers killed 400..400 approx"}},
	})
}
