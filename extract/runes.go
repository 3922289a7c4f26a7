package extract

import (
	"strings"
	"unicode"
)

// Fast paths for the unicode package's rune classes. Korean and Russian
// text is almost all Hangul syllables and basic Cyrillic, which
// unicode.IsLetter and unicode.ToLower find by a binary search over large
// tables; every character of a quote or a feature window goes through
// them. Outside these ranges the unicode package decides, so the answers
// are the same (runes_test.go checks every rune).

const (
	hangulFirst, hangulLast = 0xAC00, 0xD7A3 // precomposed syllables, all letters
	cyrFirst, cyrLast       = 0x0400, 0x045F // basic Cyrillic: Ѐ-Я, а-џ, all letters
)

func isLetterRune(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&asciiLetter != 0 // inlined: most text is ASCII
	}
	return isLetterWide(r)
}

func isLetterWide(r rune) bool {
	if hangulFirst <= r && r <= hangulLast || cyrFirst <= r && r <= cyrLast {
		return true
	}
	return unicode.IsLetter(r)
}

func isDigitRune(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&asciiDigit != 0
	}
	return isDigitWide(r)
}

func isDigitWide(r rune) bool {
	if hangulFirst <= r && r <= hangulLast || cyrFirst <= r && r <= cyrLast {
		return false
	}
	return unicode.IsDigit(r)
}

const (
	asciiLetter = 1 << iota
	asciiDigit
)

var asciiClass = func() (t [0x80]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= asciiLetter
		t[c-'a'+'A'] |= asciiLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= asciiDigit
	}
	return t
}()

// lowerString is strings.ToLower: for ASCII it copies the runs between
// capitals rather than byte by byte (a quote has a few capitals), else
// lowerRune.
func lowerString(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.Map(lowerRune, s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

func isHangulRune(r rune) bool {
	if hangulFirst <= r && r <= hangulLast {
		return true
	}
	return r >= 0x80 && unicode.Is(unicode.Hangul, r)
}

func isCyrillicRune(r rune) bool {
	if cyrFirst <= r && r <= cyrLast {
		return true
	}
	return r >= 0x80 && unicode.Is(unicode.Cyrillic, r)
}

// lowerRune is unicode.ToLower.
func lowerRune(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case hangulFirst <= r && r <= hangulLast, 0x0430 <= r && r <= cyrLast:
		return r
	case 0x0410 <= r && r <= 0x042F: // А-Я
		return r + 0x20
	case cyrFirst <= r && r <= 0x040F: // Ѐ-Џ
		return r + 0x50
	}
	return unicode.ToLower(r)
}
