package clean

import (
	"unicode"
	"unicode/utf8"
)

// DetectLang names the language of text by its script: Hangul is Korean,
// Cyrillic Russian, anything else English. A script counts when it holds
// at least 30% of the letters, so a Korean caption in an English article
// does not flip the article. It reads at most the first 64 KB.
func DetectLang(text string) string {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	var letters, hangul, cyrillic int
	for i := 0; i < len(text); i++ {
		// ASCII is most of most pages: count its letters without decoding.
		if c := text[i]; c < utf8.RuneSelf {
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				letters++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size - 1
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
			letters++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	switch {
	case letters == 0:
		return "en"
	case hangul >= cyrillic && hangul*10 >= letters*3:
		return "ko"
	case cyrillic*10 >= letters*3:
		return "ru"
	}
	return "en"
}
