package snippet

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler ", 50) + "the soldiers crossed the border " + strings.Repeat("padding ", 50)
	tests := []struct {
		name, text, query string
		width             int
		want              string
	}{
		{"whole short text", "Troops moved. Soldiers stayed.", "soldier", 10, "Troops moved. «Soldiers» stayed."},
		{"cut both ends", long, "soldiers border", 8, "…filler the «soldiers» crossed the «border» padding padding…"},
		{"prefers all words close together", "rain here. " + strings.Repeat("x ", 30) + "rain and wind together", "rain wind", 5, "…x «rain» and «wind» together"},
		{"case and prefix", "ROCKETS and rockets", "rocket", 5, "«ROCKETS» and «rockets»"},
		{"korean particles", "북한군 병사들이 러시아에 도착했다", "러시아", 10, "북한군 병사들이 «러시아에» 도착했다"},
		{"marks in text are neutralised", "He said «no» to soldiers", "soldiers", 10, `He said "no" to «soldiers»`},
		{"no match shows the start", "Alpha beta gamma delta", "zeta", 2, "Alpha beta…"},
		{"raw text stays raw", "rain <b>&amp;</b> wind", "rain", 10, "«rain» <b>&amp;</b> wind"},
		{"empty", "", "x", 5, ""},
	}
	for _, tt := range tests {
		if got := Snippet(tt.text, Words(tt.query), tt.width); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words(`"Kursk" AND (NEAR* soldiers) 러시아에, Шойгу!`), "|")
	if want := "kursk|and|near|soldiers|러시아에|шойгу"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}
