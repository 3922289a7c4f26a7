package http

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripBidi(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"\u202edias SIN eht\u202c", "dias SIN eht"},
		{"a\u202ab\u202bc\u202dd\u2066e\u2067f\u2068g\u2069h", "abcdefgh"},
		{"— “quoted” … €5 \u2028", "— “quoted” … €5 \u2028"}, // other E2 sequences stay
		{"ends in \xe2\x80", "ends in \xe2\x80"},
		{"서울 Сеул", "서울 Сеул"},
	}
	for _, tt := range tests {
		if got := string(stripBidi([]byte(tt.in))); got != tt.want {
			t.Errorf("stripBidi(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Whatever the strings, the JSON stays valid and loses only bidi controls.
func FuzzStripBidi(f *testing.F) {
	f.Add("\u202edias SIN eht\u202c")
	f.Add("“x” \u2066y\u2069")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("encoding/json replaces invalid bytes; not what is tested")
		}
		b, _ := json.Marshal(map[string]string{"title": s})
		var got map[string]string
		if err := json.Unmarshal(stripBidi(b), &got); err != nil {
			t.Fatalf("invalid JSON after stripping: %v", err)
		}
		want := strings.Map(func(r rune) rune {
			if (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
				return -1
			}
			return r
		}, s)
		if got["title"] != want {
			t.Fatalf("got %q, want %q", got["title"], want)
		}
	})
}
