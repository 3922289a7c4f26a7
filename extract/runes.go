package extract

import "unicode"

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
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case hangulFirst <= r && r <= hangulLast, cyrFirst <= r && r <= cyrLast:
		return true
	}
	return unicode.IsLetter(r)
}

func isDigitRune(r rune) bool {
	switch {
	case r < 0x80:
		return '0' <= r && r <= '9'
	case hangulFirst <= r && r <= hangulLast, cyrFirst <= r && r <= cyrLast:
		return false
	}
	return unicode.IsDigit(r)
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
