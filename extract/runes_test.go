package extract

import (
	"strings"
	"testing"
	"unicode"
)

// TestRuneFastPaths: the fast paths answer as the unicode package does,
// for every rune.
func TestRuneFastPaths(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		checks := []struct {
			name      string
			got, want any
		}{
			{"isLetterRune", isLetterRune(r), unicode.IsLetter(r)},
			{"isDigitRune", isDigitRune(r), unicode.IsDigit(r)},
			{"isHangulRune", isHangulRune(r), unicode.Is(unicode.Hangul, r)},
			{"isCyrillicRune", isCyrillicRune(r), unicode.Is(unicode.Cyrillic, r)},
			{"lowerRune", lowerRune(r), unicode.ToLower(r)},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Fatalf("%s(%U) = %v, want %v", c.name, r, c.got, c.want)
			}
		}
	}
}

// TestLowerString: lowering a string rune by rune with lowerRune is
// strings.ToLower, invalid UTF-8 included.
func TestLowerString(t *testing.T) {
	for _, s := range []string{"", "ABC def", "Северокорейских РАБОЧИХ Ёж", "북한군 1만5천 명", "bad \xff\xfe byte", "İstanbul ΣΑΣ", "Z", "AbC", "all lower, 12,000.", "North Korea SENT troops, Seoul said Z"} {
		if got, want := lowerString(s), strings.ToLower(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

// TestAppendWord: the features one word gives — Korean syllable pairs,
// a cut lower-cased stem, "#" for a number.
func TestAppendWord(t *testing.T) {
	tests := []struct {
		w    string
		want []string
	}{
		{"병력", []string{"L:병력"}},
		{"군", []string{"L:군"}},
		{"노동자들", []string{"L:노동", "L:동자", "L:자들"}},
		{"Deployed", []string{"L:deploy"}},
		{"СОЛДАТЫ", []string{"L:солда"}},
		{"1만", []string{"L:#"}},
		{"한\xffx", []string{"L:한\xff", "L:\xffx"}},
	}
	for _, tt := range tests {
		var got []string
		appendWord(nil, "L:", tt.w, func(f []byte) { got = append(got, string(f)) })
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: %q, want %q", tt.w, got, tt.want)
		}
	}
}
