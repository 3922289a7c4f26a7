package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestSpaceAt: spaceAt answers as decoding the rune and asking
// unicode.IsSpace, for every rune and for bytes that start none.
func TestSpaceAt(t *testing.T) {
	check := func(s string) {
		sp, n := spaceAt(s, 0)
		r, m := utf8.DecodeRuneInString(s)
		if sp != unicode.IsSpace(r) || n != m {
			t.Fatalf("spaceAt(%q) = %v, %d; want %v, %d", s, sp, n, unicode.IsSpace(r), m)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) {
			check(string(r) + "x")
		}
	}
	for _, s := range []string{"\xff", "\xd0", "\xd0x", "\xea\xb0", "\xea\xb0x", "\xed\xa0\x80", "\xc2"} {
		check(s)
	}
}

// TestLowerString: lowering a string rune by rune with lowerRune is
// strings.ToLower, invalid UTF-8 included.
func TestLowerString(t *testing.T) {
	for _, s := range []string{"", "ABC def", "Северокорейских РАБОЧИХ Ёж", "북한군 1만5천 명", "bad \xff\xfe byte", "İstanbul ΣΑΣ", "Z", "AbC", "all lower, 12,000.", "North Korea SENT troops, Seoul said Z", "ВОЕННЫЕ Ѐ \u212a\u0130 \ufffd ok", "уже строчные ёж"} {
		if got, want := lowerString(s), strings.ToLower(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
	// Every rune of the Basic Multilingual Plane, after a non-ASCII one
	// so that lowerWide reads them all.
	var b strings.Builder
	for r := rune(0x80); r < 0x10000; r++ {
		b.WriteString("é")
		b.WriteRune(r)
	}
	if s := b.String(); lowerString(s) != strings.ToLower(s) {
		t.Error("lowerString differs from strings.ToLower in the BMP")
	}
	for r := rune(0x400); r <= 0x47F; r++ {
		s := string(r)
		if !isCyrillic2(s, 0) || !unicode.IsLetter(r) || unicode.IsDigit(r) {
			t.Errorf("%U: isCyrillic2 %v, letter %v, digit %v", r, isCyrillic2(s, 0), unicode.IsLetter(r), unicode.IsDigit(r))
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
		{"ЀЏАЯаяѐџѠѡ", []string{"L:ѐџаяа"}},
		{"ѠѡѢ", []string{"L:ѡѡѣ"}},
		{"\u0130ZMIR", []string{"L:izmir"}}, // İ lowers to ASCII i
		{"한\xffx", []string{"L:한\xff", "L:\xffx"}},
	}
	for _, tt := range tests {
		var got []string
		appendWord(nil, "L:", "", tt.w, func(f []byte) { got = append(got, string(f)) })
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: %q, want %q", tt.w, got, tt.want)
		}
		// With a second prefix: the same features behind each, in turn,
		// as two calls give them.
		var both, twice []string
		keep := func(to *[]string) func([]byte) { return func(f []byte) { *to = append(*to, string(f)) } }
		b := appendWord(make([]byte, 0, 4), "L:", "L2:", tt.w, keep(&both))
		appendWord(b[:0], "L:", "", tt.w, keep(&twice))
		appendWord(b[:0], "L2:", "", tt.w, keep(&twice))
		if strings.Join(both, "|") != strings.Join(twice, "|") {
			t.Errorf("%q behind L: and L2:: %q, want %q", tt.w, both, twice)
		}
	}
}

// TestDecodeRune: the inline decoders answer as the utf8 package does for
// every string of up to three bytes, valid or not, and with a byte before
// or after.
func TestDecodeRune(t *testing.T) {
	var buf [4]byte
	check := func(s string) {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeRune(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
		r, n = decodeLastRune(s)
		wr, wn = utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("decodeLastRune(%q) = %U %d, want %U %d", s, r, n, wr, wn)
		}
	}
	for a := 0; a < 256; a++ {
		buf[0] = byte(a)
		check(string(buf[:1]))
		for b := 0; b < 256; b++ {
			buf[1] = byte(b)
			check(string(buf[:2]))
			if a < 0xC0 || a >= 0xF0 {
				continue // only lead bytes of three-byte forms need the third byte
			}
			for c := 0; c < 256; c++ {
				buf[2] = byte(c)
				check(string(buf[:3]))
				buf[3] = 'x'
				check(string(buf[:4]))
				check("x" + string(buf[:3]))
			}
		}
	}
}

// TestHangul3: isHangul3 and endsHangul3 find exactly the precomposed
// syllables, which are word runes, among all three-byte strings.
func TestHangul3(t *testing.T) {
	var buf [3]byte
	for a := 0xE0; a < 0xF0; a++ {
		for b := 0; b < 256; b++ {
			for c := 0; c < 256; c++ {
				buf = [3]byte{byte(a), byte(b), byte(c)}
				s := string(buf[:])
				r, n := utf8.DecodeRuneInString(s)
				want := n == 3 && hangulFirst <= r && r <= hangulLast
				if isHangul3(s, 0) != want || endsHangul3(s) != want || want && !isWordRune(r) {
					t.Fatalf("%q: isHangul3 %v, endsHangul3 %v, want %v", s, isHangul3(s, 0), endsHangul3(s), want)
				}
			}
		}
	}
	for r := rune(0x400); r <= 0x47F; r++ {
		if s := "x" + string(r); !endsCyrillic2(s) || !isWordRune(r) {
			t.Errorf("%U: endsCyrillic2 false", r)
		}
	}
}

// TestLowerCyrillicBytes checks the byte arithmetic against lowerCyrillic
// for every rune of basic Cyrillic, and that it refuses the rest.
func TestLowerCyrillicBytes(t *testing.T) {
	for r := rune(0x0380); r < 0x0500; r++ {
		s := string(r) + "x"
		c0, c1, ok := lowerCyrillicBytes(s, 0)
		if want := r >= cyrFirst && r <= cyrLast; ok != want {
			t.Fatalf("%U: ok %v, want %v", r, ok, want)
		}
		if ok && string([]byte{c0, c1}) != string(lowerCyrillic(r)) {
			t.Errorf("%U: lowered to %q, want %q", r, []byte{c0, c1}, string(lowerCyrillic(r)))
		}
	}
	for _, s := range []string{"\xd0", "\xd0x", "\xd1\xd0"} {
		if _, _, ok := lowerCyrillicBytes(s, 0); ok {
			t.Errorf("%q: ok, want refused", s)
		}
	}
}

// TestRuneSet: a runeSet answers as strings.IndexAny, LastIndexAny and
// ContainsAny do, on text mixing the set's runes with Hangul, Cyrillic,
// ASCII and broken encodings.
func TestRuneSet(t *testing.T) {
	sets := []string{",.·…\"“”'‘’", ",;:—–()«»\"", "—–", " (“\"'‘,"}
	pieces := []string{"a", " ", ",", ".", "\"", "'", "(", "다", "고", "ж", "Я", "·", "…", "“", "”", "‘", "’", "—", "–", "«", "»",
		"\xe2", "\xe2\x80", "\x80", "\xc2", "\xed\xa0\x80", "\xff", "€", "\u00a0"}
	seed := uint32(1)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for _, chars := range sets {
		rs := newRuneSet(chars)
		for k := 0; k < 3000; k++ {
			var b strings.Builder
			for n := next(12); n > 0; n-- {
				b.WriteString(pieces[next(len(pieces))])
			}
			s := b.String()
			if got, want := rs.index(s), strings.IndexAny(s, chars); got != want {
				t.Fatalf("index(%q, %q) = %d, want %d", s, chars, got, want)
			}
			if got, want := rs.lastIndex(s), strings.LastIndexAny(s, chars); got != want {
				t.Fatalf("lastIndex(%q, %q) = %d, want %d", s, chars, got, want)
			}
			if got, want := rs.in(s), strings.ContainsAny(s, chars); got != want {
				t.Fatalf("in(%q, %q) = %v, want %v", s, chars, got, want)
			}
		}
	}
}
