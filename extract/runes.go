package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
			return lowerWide(s)
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

// lowerWide is strings.Map(lowerRune, s) for text with non-ASCII runes:
// every Korean and Russian quote is lowered, and Map spent a call and an
// encoding per rune. Runes that stay as they are (Hangul, lower-case
// Cyrillic, ASCII other than capitals) are told by their bytes and copied
// in runs; like Map it returns s itself when nothing changes.
func lowerWide(s string) string {
	// A Builder, as in strings.Map, whose String does not copy: one
	// allocation per quote that changes.
	var b strings.Builder
	last := 0 // s[last:i] stays as it is and is not in b yet
	put := func(i, n int, l rune) {
		if b.Cap() == 0 {
			b.Grow(len(s) + utf8.UTFMax)
		}
		b.WriteString(s[last:i])
		if 0x80 <= l && l < 0x800 {
			b.WriteByte(0xC0 | byte(l>>6)) // Cyrillic, without encoding
			b.WriteByte(0x80 | byte(l&0x3F))
		} else {
			b.WriteRune(l)
		}
		last = i + n
	}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				put(i, 1, rune(c+'a'-'A'))
			}
			i++
		case isCyrillic2(s, i):
			if r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F); r < 0x0430 || r > cyrLast {
				if l := lowerCyrillic(r); l != r {
					put(i, 2, l)
				}
			}
			i += 2
		case isHangul3(s, i):
			i += 3 // no case
		default:
			r, n := decodeRune(s[i:])
			// An invalid byte becomes U+FFFD, as in strings.Map.
			if l := lowerRune(r); l != r || r == utf8.RuneError {
				put(i, n, l)
			}
			i += n
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// lowerCyrillic is lowerRune for a rune from U+0400 to U+047F, with the
// modern alphabet's capitals (Ѐ-Џ, А-Я) done without a call.
func lowerCyrillic(r rune) rune {
	switch {
	case r <= 0x040F:
		return r + 0x50
	case r <= 0x042F:
		return r + 0x20
	case r <= cyrLast:
		return r
	}
	return lowerRune(r)
}

// lowerCyrillicBytes is lowerCyrillic of a letter of basic Cyrillic
// (U+0400 to U+045F) at s[i], done on its two bytes: the feature windows
// lower every letter of a Russian word, and decoding and encoding each
// was most of what that cost. ok is false for any other rune.
func lowerCyrillicBytes(s string, i int) (c0, c1 byte, ok bool) {
	if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
		return 0, 0, false
	}
	switch c0, c1 = s[i], s[i+1]; c0 {
	case 0xD0:
		l := cyrLowerD0[c1&0x3F]
		return l[0], l[1], true
	case 0xD1:
		return c0, c1, c1 < 0xA0 // р–я, ѐ–џ: lower case already
	}
	return 0, 0, false
}

// cyrLowerD0 is the lower case of each letter D0 80 to D0 BF (Ѐ–П, а–п),
// by its second byte's last six bits.
var cyrLowerD0 = func() (t [64][2]byte) {
	for k := range t {
		l := string(lowerCyrillic(0x0400 + rune(k)))
		t[k] = [2]byte{l[0], l[1]}
	}
	return t
}()

// decodeRune is utf8.DecodeRuneInString with Cyrillic (two bytes) and
// Hangul (three) decoded here: the feature windows and the measure stage
// read every rune of Korean and Russian quotes, and the utf8 package
// takes a call to its slow path for each. Other runes, and invalid
// bytes, go to the utf8 package, so the results are the same.
func decodeRune(s string) (rune, int) {
	if len(s) >= 2 {
		c0, c1 := s[0], s[1]
		if c0 < 0x80 {
			return rune(c0), 1
		}
		if 0xC2 <= c0 && c0 <= 0xDF && c1&0xC0 == 0x80 {
			return rune(c0&0x1F)<<6 | rune(c1&0x3F), 2
		}
		// E1-EC take any continuation bytes; ED only those below A0
		// (above are surrogates). E0 (overlong forms) goes to utf8.
		if len(s) >= 3 && 0xE1 <= c0 && c0 <= 0xED && c1&0xC0 == 0x80 && s[2]&0xC0 == 0x80 && (c0 != 0xED || c1 < 0xA0) {
			return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(s[2]&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString as decodeRune is
// DecodeRuneInString.
func decodeLastRune(s string) (rune, int) {
	n := len(s)
	if n >= 2 {
		c1 := s[n-1]
		if c1 < 0x80 {
			return rune(c1), 1
		}
		c0 := s[n-2]
		if c1&0xC0 == 0x80 && 0xC2 <= c0 && c0 <= 0xDF {
			return rune(c0&0x1F)<<6 | rune(c1&0x3F), 2
		}
		if n >= 3 && c1&0xC0 == 0x80 && c0&0xC0 == 0x80 {
			if l := s[n-3]; 0xE1 <= l && l <= 0xED && (l != 0xED || c0 < 0xA0) {
				return rune(l&0x0F)<<12 | rune(c0&0x3F)<<6 | rune(c1&0x3F), 3
			}
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// isCyrillic2 reports whether s[i:] starts with a two-byte rune from
// U+0400 to U+047F (lead byte D0 or D1): Cyrillic letters, all of them
// (TestRuneFastPaths checks), none a digit. Russian text is mostly these.
func isCyrillic2(s string, i int) bool {
	return i+1 < len(s) && s[i]&0xFE == 0xD0 && s[i+1]&0xC0 == 0x80
}

// isHangul3 reports whether s[i:] starts with a Hangul syllable (three
// bytes, EA B0 80 to ED 9E A3): Korean text is mostly these. With both
// continuation bytes checked, byte triples order as their runes do.
func isHangul3(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	x := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
	return 0xEAB080 <= x && x <= 0xED9EA3 && x&0xC0C0 == 0x8080
}

// spaceAt reports whether the rune at s[i] is white space
// (unicode.IsSpace) and how many bytes it takes. ASCII, Hangul syllables
// and Cyrillic letters are told by their bytes, the rest decoded: the
// words after a Korean figure are read field by field, and decoding every
// syllable to ask unicode.IsSpace was most of what that cost.
func spaceAt(s string, i int) (bool, int) {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		return asciiSpace[c], 1
	case isHangul3(s, i):
		return false, 3
	case isCyrillic2(s, i):
		return false, 2
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// endsCyrillic2 and endsHangul3 are isCyrillic2 and isHangul3 for the
// rune that ends s.
func endsCyrillic2(s string) bool { return len(s) >= 2 && isCyrillic2(s, len(s)-2) }

func endsHangul3(s string) bool { return len(s) >= 3 && isHangul3(s, len(s)-3) }

// runeSet is the set of runes of strings.IndexAny's chars, for sets
// that hold runes beyond ASCII (quotation marks, dashes, ellipses):
// strings.IndexAny then decodes every rune of the text and looks for it
// in chars, which was a twentieth of reading Korean. A rune's encoding
// never starts inside another's, so only the bytes that start a rune of
// the set are decoded; Hangul and Cyrillic text starts none. The answers
// are strings.IndexAny's, invalid bytes included (runes_test.go).
type runeSet struct {
	lead  [256]bool // the first bytes of the runes
	chars string
}

func newRuneSet(chars string) *runeSet {
	if strings.ContainsRune(chars, utf8.RuneError) {
		panic("newRuneSet: U+FFFD stands for invalid bytes too") // which index would not find
	}
	rs := &runeSet{chars: chars}
	for _, r := range chars {
		rs.lead[utf8.AppendRune(nil, r)[0]] = true
	}
	return rs
}

// at reports whether the rune at s[i], whose first byte is one of the
// set's, is in the set.
func (rs *runeSet) at(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return true
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 1 && strings.ContainsRune(rs.chars, r)
}

// index is strings.IndexAny(s, rs.chars).
func (rs *runeSet) index(s string) int {
	for i := 0; i < len(s); i++ {
		if rs.lead[s[i]] && rs.at(s, i) {
			return i
		}
	}
	return -1
}

// lastIndex is strings.LastIndexAny(s, rs.chars).
func (rs *runeSet) lastIndex(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if rs.lead[s[i]] && rs.at(s, i) {
			return i
		}
	}
	return -1
}

// in is strings.ContainsAny(s, rs.chars).
func (rs *runeSet) in(s string) bool { return rs.index(s) >= 0 }
