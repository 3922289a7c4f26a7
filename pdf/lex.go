package pdf

import (
	"strconv"
)

// The content stream lexer. Content streams and CMaps are small
// PostScript-like programs; this reads their tokens from a byte slice
// without recursion, so hostile nesting costs nothing but a counter.

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tName
	tString // literal or hex: raw bytes
	tOp     // operator or keyword
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

type token struct {
	kind tokKind
	num  float64
	str  string // name without '/', string bytes, operator
}

type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) next() token {
	b := l.b
	for l.pos < len(b) {
		c := b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(b) && b[l.pos] != '\n' && b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(b) {
		return token{kind: tEOF}
	}
	c := b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(b) && !isSpace(b[l.pos]) && !isDelim(b[l.pos]) {
			l.pos++
		}
		return token{kind: tName, str: unescapeName(b[start:l.pos])}
	case c == '(':
		return token{kind: tString, str: l.literal()}
	case c == '<':
		if l.pos+1 < len(b) && b[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tDictOpen}
		}
		return token{kind: tString, str: l.hex()}
	case c == '>':
		l.pos++
		if l.pos < len(b) && b[l.pos] == '>' {
			l.pos++
		}
		return token{kind: tDictClose}
	case c == '[':
		l.pos++
		return token{kind: tArrOpen}
	case c == ']':
		l.pos++
		return token{kind: tArrClose}
	case c == '{' || c == '}' || c == ')':
		l.pos++
		return token{kind: tOp, str: string(c)}
	}
	start := l.pos
	for l.pos < len(b) && !isSpace(b[l.pos]) && !isDelim(b[l.pos]) {
		l.pos++
	}
	word := b[start:l.pos]
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if f, ok := parseNum(word); ok {
			return token{kind: tNum, num: f}
		}
	}
	return token{kind: tOp, str: string(word)}
}

func parseNum(w []byte) (float64, bool) {
	if f, err := strconv.ParseFloat(string(w), 64); err == nil {
		return f, true
	}
	// Producers write "--5" or "5." or "-.5-"; salvage the leading number.
	end := 0
	for end < len(w) && (w[end] == '-' || w[end] == '+' || w[end] == '.' || (w[end] >= '0' && w[end] <= '9')) {
		end++
	}
	for end > 0 {
		if f, err := strconv.ParseFloat(string(w[:end]), 64); err == nil {
			return f, true
		}
		end--
	}
	return 0, len(w) > 0 && (w[0] == '-' || w[0] == '.')
}

func unescapeName(b []byte) string {
	for i := 0; i < len(b); i++ {
		if b[i] == '#' {
			out := make([]byte, 0, len(b))
			for j := 0; j < len(b); j++ {
				if b[j] == '#' && j+2 < len(b) {
					if v, err := strconv.ParseUint(string(b[j+1:j+3]), 16, 8); err == nil {
						out = append(out, byte(v))
						j += 2
						continue
					}
				}
				out = append(out, b[j])
			}
			return string(out)
		}
	}
	return string(b)
}

// literal reads a (string) with nested parentheses and escapes.
func (l *lexer) literal() string {
	b := l.b
	l.pos++ // (
	out := make([]byte, 0, 32)
	depth := 1
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(b) {
				return string(out)
			}
			e := b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(b) && b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(b) && b[l.pos] >= '0' && b[l.pos] <= '7'; k++ {
						v = v*8 + int(b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

func (l *lexer) hex() string {
	b := l.b
	l.pos++ // <
	out := make([]byte, 0, 16)
	var hi byte
	half := false
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}
