package clean

import "testing"

// Rows of a fact box set with leader dots become table rows; dots that
// are an ellipsis in a sentence or a headline stay as they are.
func TestLeaderRow(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Workers sent (2024) ...... 12,000", "| Workers sent (2024) | 12,000 |"},
		{"Wounded (JCS, Jan.) .......... ~3,100", "| Wounded (JCS, Jan.) | ~3,100 |"},
		{"Deminers ... 1,000", "| Deminers | 1,000 |"},
		{"Troops in Kursk . . . . 9,000–10,000", "| Troops in Kursk | 9,000–10,000 |"},
		{"Revenue (est.) …… $500 million", "| Revenue (est.) | $500 million |"},
		{"The count rose... 8,000 by May, officials said.", "The count rose... 8,000 by May, officials said."},
		{"북한 노동자 취업...85% 송금", "북한 노동자 취업...85% 송금"},
		{"Read more ...", "Read more ..."},
	} {
		if got := leaderRow(tc.in); got != tc.want {
			t.Errorf("leaderRow(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
