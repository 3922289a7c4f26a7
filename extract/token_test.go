package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestNumberTokens: the numbers a figure can be written as, and the
// digit runs that only look like one number.
func TestNumberTokens(t *testing.T) {
	tests := []struct {
		text string
		want string // the Number tokens' values, in order
	}{
		{"13,221 workers", "13221"},
		{"about 1.5 million", "1.5"},
		{"4,000.50 dollars", "4000.5"},
		{"11 000 troops", "11000"},
		{"11\u00a0000 troops", "11000"},
		{"2\u202f500\u202f000 roubles", "2.5e+06"},
		{"11.000 troops", "11000"},
		{"1.500.000 dollars", "1.5e+06"},
		{"0.125 of the total", "0.125"},
		{"15.09.2025 report", "15.09 2025"},
		{"11,000 300 of them", "11000 300"},
		{"On May 3 100 soldiers arrived", "3 100"},
		{"in 2024 300 workers", "2024 300"},
		{"1 2345 units", "1 2345"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.text, 0, len(tt.text), nil) {
			if tok.Kind == Number {
				got = append(got, fmt.Sprint(tok.Num))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: numbers %q, want %q", tt.text, g, tt.want)
		}
	}
}
