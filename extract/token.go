package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokKind says what a token is.
type TokKind uint8

const (
	Word   TokKind = iota + 1 // letters (and marks), with inner apostrophes: "Korea's", "U.S."
	Number                    // digits with separators and a decimal part: "13,221", "1.5"
	Punct                     // any other single rune: , . $ % – " ( )
)

// Token is one token of the article text. Offsets index the article's Text.
type Token struct {
	Start, End int
	Text       string // as written
	Low        string // lower-cased Text
	Kind       TokKind
	Glued      bool      // no space between it and the previous token
	wid        int32     // the word's id in the lexicon's vocab (see Lexicon.mark)
	Num        float64   // value of a Number
	Sep        bool      // a Number written with thousands separators
	Dec        bool      // a Number with a decimal part
	class      wordClass // the word lists its Low may be in (see wordClass)
	mask       uint64    // matchers with a phrase starting here (see Lexicon.mark)
	ends       uint64    // matchers with a phrase ending here, once mask is set
}

// Tokenize appends the tokens of text[from:to] to dst. Offsets are offsets
// into text. It handles any script: words are runs of letters and marks,
// so Korean and Cyrillic tokenise like English.
func Tokenize(text string, from, to int, dst []Token) []Token {
	return tokenize(text, from, to, dst, nil)
}

// tokenize is Tokenize with a lexicon's word table (see Lexicon.words).
// With one, each token is also marked as Lexicon.mark would: one lookup
// gives a word its matchers and, for a capitalised word, its lower-cased
// form without allocating. A word outside the table is lower-cased as
// Tokenize does, so Low is always the word's lower case and no list of
// the words the code compares with can fall out of date.
func tokenize(text string, from, to int, dst []Token, words *strTable[lexWord]) []Token {
	if dst == nil {
		dst = make([]Token, 0, (to-from)/5+4)
	}
	i := from
	glued := false
	for i < to {
		var r rune
		var sz int
		// ASCII fast path: spaces, letters, digits and punctuation
		// without a decode or a Unicode table.
		if c := text[i]; c < 0x80 {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
				i++
				glued = false
				continue
			case isLetterByte(c):
				dst = appendWordToken(dst, text, i, to, glued, words)
				i = dst[len(dst)-1].End
				glued = true
				continue
			}
			r, sz = rune(c), 1
		} else {
			r, sz = utf8.DecodeRuneInString(text[i:to])
		}
		switch {
		case r == utf8.RuneError && sz <= 1:
			i++
			glued = false
		case r >= 0x80 && (unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b'):
			i += sz
			glued = false
		case isDigit(r):
			j, v, sep, dec := scanNumber(text, i, to)
			t := Token{Start: i, End: j, Text: text[i:j], Low: text[i:j], Kind: Number, Glued: glued, Num: v, Sep: sep, Dec: dec}
			markToken(&t, words)
			dst = append(dst, t)
			i = j
			glued = true
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsMark(r)):
			dst = appendWordToken(dst, text, i, to, glued, words)
			i = dst[len(dst)-1].End
			glued = true
		default:
			// Normalise typographic variants so that lexicon phrases match.
			low := text[i : i+sz]
			switch r {
			case '’', '‘', '`', '´':
				low = "'"
			case '“', '”', '„', '«', '»':
				low = "\""
			}
			t := Token{Start: i, End: i + sz, Text: text[i : i+sz], Low: low, Kind: Punct, Glued: glued}
			markToken(&t, words)
			dst = append(dst, t)
			i += sz
			glued = true
		}
	}
	return dst
}

// appendWordToken appends the word starting at text[i].
func appendWordToken(dst []Token, text string, i, to int, glued bool, words *strTable[lexWord]) []Token {
	if words != nil {
		if j, low, e, ok := plainWord(text, i, to, words); ok {
			return appendMarkedWord(dst, text, i, j, low, glued, e)
		}
	}
	j := scanWord(text, i, to)
	w := text[i:j]
	if words == nil {
		dst = append(dst, Token{Start: i, End: j, Text: w, Low: lower(w), Kind: Word, Glued: glued})
		return dst
	}
	low, e := lookupWord(words, w)
	return appendMarkedWord(dst, text, i, j, low, glued, e)
}

// appendMarkedWord appends the marked word text[i:j], built in place: a token
// is large, and most are words.
func appendMarkedWord(dst []Token, text string, i, j int, low string, glued bool, e *strSlot[lexWord]) []Token {
	dst = append(dst, Token{})
	t := &dst[len(dst)-1]
	t.Start, t.End, t.Text, t.Low, t.Kind, t.Glued = i, j, text[i:j], low, Word, glued
	t.mask = maskDone
	t.class = classDone
	if e != nil {
		t.mask |= e.val.mask
		t.ends = e.val.ends
		t.wid = e.val.id
		t.class |= e.val.class
	}
	return dst
}

// plainWord reads a word of ASCII letters at text[i] in one pass, as
// scanWord would, lower-casing and hashing it for the table as it goes.
// It reports !ok for any word scanWord reads otherwise (an apostrophe,
// an initial's dot, a letter beyond ASCII after it, a long word); most
// words are plain.
func plainWord(text string, i, to int, words *strTable[lexWord]) (j int, low string, e *strSlot[lexWord], ok bool) {
	var buf [40]byte
	upper := false
	h := uint64(fnvOffset) // hashBytes of the lower case, as it is made
	// The loop stops at the buffer's length rather than testing it for
	// every byte; what follows then decides.
	stop := min(to, i+len(buf))
	for j = i; j < stop; j++ {
		c := text[j]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			upper = true
		case c >= 0x80 || c == '\'' || c == '.' && j-i < 2:
			return 0, "", nil, false
		default:
			goto end // scanWord stops at any other ASCII byte, and at a dot after two letters
		}
		buf[j-i] = c
		h = (h ^ uint64(c)) * fnvPrime
	}
	if j < to {
		// A word longer than the buffer, or one that goes on with a byte
		// the loop would have refused: left to scanWord.
		if c := text[j]; isLetterByte(c) || c >= 0x80 || c == '\'' {
			return 0, "", nil, false
		}
	}
end:
	n := j - i
	e = words.find(h, buf[:n])
	switch {
	case !upper:
		return j, text[i:j], e, true
	case e != nil:
		return j, e.key, e, true
	}
	return j, string(buf[:n]), nil, true
}

// markToken gives a number or punctuation token its matchers.
func markToken(t *Token, words *strTable[lexWord]) {
	if words == nil {
		return
	}
	t.mask = maskDone
	t.class = classDone
	if e := words.getString(t.Low); e != nil {
		t.mask |= e.val.mask
		t.ends = e.val.ends
		t.wid = e.val.id
		t.class |= e.val.class
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// scanNumber reads 13,221 or 1.5 or 4,000.50 starting at a digit, and
// thousands grouped by spaces ("11 000") or dots ("11.000", "1.500.000"),
// as machine translations and European outlets' English write them.
func scanNumber(s string, i, to int) (end int, v float64, sep, dec bool) {
	var intPart float64
	j := i
	group := 0     // digits since the start or the last separator
	comma := false // grouped by commas: no other separator joins in
	for j < to {
		c := s[j]
		if c >= '0' && c <= '9' {
			intPart = intPart*10 + float64(c-'0')
			j++
			group++
			continue
		}
		// A thousands separator is followed by exactly three digits.
		if c == ',' && j+4 <= to && allDigits(s[j+1:j+4]) && (j+4 >= to || !isDigitByte(s[j+4])) && !dec {
			sep, comma = true, true
			j++
			group = 0
			continue
		}
		if w := groupSpace(s, j, to); w > 0 && !dec && !comma && group <= 3 && threeDigits(s, j+w, to) && !monthBefore(s, i) {
			sep = true
			j += w
			group = 0
			continue
		}
		// "11.000": a dot before exactly three digits after a group that
		// does not start with 0 (0.125 is a fraction).
		if c == '.' && !dec && !comma && group <= 3 && s[i] != '0' && threeDigits(s, j+1, to) && (sep || dotGroups(s, j, to)) {
			sep = true
			j++
			group = 0
			continue
		}
		if c == '.' && !dec && j+1 < to && isDigitByte(s[j+1]) {
			dec = true
			j++
			frac, scale := 0.0, 1.0
			for j < to && isDigitByte(s[j]) {
				frac = frac*10 + float64(s[j]-'0')
				scale *= 10
				j++
			}
			intPart += frac / scale
			break
		}
		break
	}
	return j, intPart, sep, dec
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// threeDigits reports whether exactly three digits start at s[j].
func threeDigits(s string, j, to int) bool {
	return j+3 <= to && allDigits(s[j:j+3]) && (j+3 >= to || !isDigitByte(s[j+3]))
}

// groupSpace is the width of a space that groups thousands at s[j] (a
// space, a no-break, narrow no-break or thin space), or 0.
func groupSpace(s string, j, to int) int {
	switch {
	case s[j] == ' ':
		return 1
	case strings.HasPrefix(s[j:to], "\u00a0"):
		return len("\u00a0")
	case strings.HasPrefix(s[j:to], "\u202f"):
		return len("\u202f")
	case strings.HasPrefix(s[j:to], "\u2009"):
		return len("\u2009")
	}
	return 0
}

// dotGroups reports whether the dot at s[j] groups thousands rather than
// opening a decimal part: only groups of three digits follow, ending the
// number ("11.000 troops", "1.500.000"), not a word glued to it or a
// further dot and digit as in a date.
func dotGroups(s string, j, to int) bool {
	for j < to && s[j] == '.' && threeDigits(s, j+1, to) {
		j += 4
	}
	return j >= to || !(s[j] == '.' && j+1 < to && isDigitByte(s[j+1]))
}

// monthBefore reports whether a month name ends right before s[i], past
// one space: "May 3 100 soldiers" is a date and a count, not 3,100.
func monthBefore(s string, i int) bool {
	k := i
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	b := k
	for b > 0 && isLetterByte(s[b-1]) {
		b--
	}
	w := strings.ToLower(s[b:k])
	return len(w) >= 3 && strings.Contains("|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|", "|"+w+"|")
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

// scanWord reads letters and marks, inner apostrophes ("Korea's") and
// dotted initialisms ("U.S.", "U.N.").
func scanWord(s string, i, to int) int {
	j := i
	letters := 0
	for j < to {
		if isLetterByte(s[j]) {
			j++
			letters++
			continue
		}
		if c := s[j]; c < 0x80 && c != '\'' && c != '.' {
			break // no other ASCII byte goes on a word
		}
		r, sz := utf8.DecodeRuneInString(s[j:to])
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			j += sz
			letters++
			continue
		}
		if (r == '\'' || r == '’') && j+sz < to {
			r2, sz2 := utf8.DecodeRuneInString(s[j+sz : to])
			// A possessive is a token of its own, so that "Russia's"
			// matches the gazetteer's "Russia".
			if (r2 == 's' || r2 == 'S') && (j+sz+sz2 >= to || !isLetterByte(s[j+sz+sz2])) {
				break
			}
			if unicode.IsLetter(r2) {
				j += sz
				continue
			}
		}
		// An initial keeps its dot ("N. Korea", "S. Korean", "J. Smith"),
		// so that the name stays one run of words for the stages that stop
		// at punctuation.
		if r == '.' && letters == 1 && j == i+1 && 'A' <= s[i] && s[i] <= 'Z' &&
			j+2 < to && s[j+1] == ' ' && 'A' <= s[j+2] && s[j+2] <= 'Z' {
			return j + 1
		}
		// Headline style glues the initial to the name ("N.Korea",
		// "S.Korean"): a capital and a lowercase letter after the dot.
		if r == '.' && letters == 1 && j == i+1 && 'A' <= s[i] && s[i] <= 'Z' &&
			j+2 < to && 'A' <= s[j+1] && s[j+1] <= 'Z' && 'a' <= s[j+2] && s[j+2] <= 'z' {
			return j + 1
		}
		// U.S. / U.N. / e.g.: one letter, a dot, one letter, a dot.
		if r == '.' && letters == 1 && j+2 < to+1 && j+2 <= to {
			if j+2 < to && isLetterByte(s[j+1]) && s[j+2] == '.' {
				j += 3
				letters = 1
				for j+1 < to && isLetterByte(s[j]) && s[j+1] == '.' {
					j += 2
				}
				return j
			}
		}
		break
	}
	return j
}

func isLetterByte(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// lookupWord returns the lower case of w and its entry in the word table,
// or nil. A capitalised ASCII word is lower-cased into a buffer and takes
// the table's copy of its lower case, so that it costs no allocation.
func lookupWord(words *strTable[lexWord], w string) (string, *strSlot[lexWord]) {
	var buf [40]byte
	if len(w) > len(buf) {
		return lookupLower(words, w)
	}
	upper := false
	h := uint64(fnvOffset) // hashBytes of the lower case, as it is made
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return lookupLower(words, w)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
		h = (h ^ uint64(c)) * fnvPrime
	}
	e := words.find(h, buf[:len(w)])
	switch {
	case !upper:
		return w, e
	case e != nil:
		return e.key, e
	}
	return string(buf[:len(w)]), nil
}

func lookupLower(words *strTable[lexWord], w string) (string, *strSlot[lexWord]) {
	low := lower(w)
	return low, words.getString(low)
}
