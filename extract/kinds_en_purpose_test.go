package extract_test

import "testing"

// The purpose North Koreans entering declare decides who they are: work
// makes them workers, as a work visa does; study or tourism leaves them
// North Koreans in general.
func TestKindEnglishDeclaredPurpose(t *testing.T) {
	runKinds(t, []kindCase{
		// A word of work before "as the purpose" or "as their reason".
		{"en", "Border figures show 6,400 North Koreans entered Russia in the spring. Of those, 2,200 listed work as their purpose on the forms.",
			[]string{"people nationals entered 6400..6400 exact", "people workers entered 2200..2200 exact"}},
		// "came to work", "entered to work": the infinitive of purpose.
		{"en", "About 8,000 North Koreans entered Russia last year, and 2,300 of them entered to work.",
			[]string{"people nationals entered 8000..8000 approx", "people workers entered 2300..2300 exact"}},
		// Each figure keeps its own purpose; a hyphenated whole
		// ("spring-quarter arrivals") is still the whole a part opens with.
		{"en", "Border figures show 6,400 North Koreans entered Russia in the spring. Of the spring-quarter arrivals, 3,100 wrote study as their aim and 1,900 said they came to work.",
			[]string{"people nationals entered 6400..6400 exact", "people nationals entered 3100..3100 exact", "people workers entered 1900..1900 exact"}},
		{"en", "Some 5,000 North Koreans entered Russia to study and 1,500 came to work, the data show.",
			[]string{"people nationals entered 5000..5000 approx", "people workers entered 1500..1500 exact"}},
		// A part after "of them" with no verb of its own entered as the
		// whole did, its purpose making them workers.
		{"en", "Russian statistics show that 9,800 North Koreans entered Russia in 2023. Only several hundred of them cited work as the reason for their visit; the rest came as tourists.",
			[]string{"people nationals entered 9800..9800 exact", "people workers entered 300.. vague"}},
		// Another purpose leaves them North Koreans in general.
		{"en", "Border data show 4,100 North Koreans entered Russia for tourism in the summer.",
			[]string{"people nationals entered 4100..4100 exact"}},
	})
}
