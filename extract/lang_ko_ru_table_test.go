package extract

import "testing"

// The first cell of a row names its year or a quarter of it.
func TestMLCellTime(t *testing.T) {
	for _, tc := range []struct{ cell, from, to string }{
		{" 2019 ", "2019-01-01", "2019-12-31"},
		{"2025 1분기", "2025-01-01", "2025-03-31"},
		{"III квартал 2024", "2024-07-01", "2024-09-30"},
		{"Q4 2023", "2023-10-01", "2023-12-31"},
		{"Период", "", ""},
	} {
		p := mlCellTime(tc.cell)
		from, to := "", ""
		if p != nil {
			from, to = p.From.String(), p.To.String()
		}
		if from != tc.from || to != tc.to {
			t.Errorf("%q: got %s..%s, want %s..%s", tc.cell, from, to, tc.from, tc.to)
		}
	}
}
