package extract_test

import "testing"

// Russia's border statistics are the FSB border service's: a figure the
// statistics or data "show" or "tell" is the FSB's, not the body the
// sentence before named.
func TestSourceBorderStatistics(t *testing.T) {
	checkSources(t, []sourceCase{
		{"data show", "en", "The NIS briefed lawmakers in May.\n\nRussian border data show some 9,800 entries by North Koreans in the first half of the year.", "FSB"},
		{"statistics after a colon", "en", "The NIS briefed lawmakers in May. Russian border statistics point the same way: North Koreans made 6,412 entries into Russia in 2023.", "FSB"},
	})
}
