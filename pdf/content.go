package pdf

import (
	"math"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// A span is a run of text placed by one show operation, in page space
// (points, origin bottom left).
type span struct {
	x0, x1 float64 // left and right edge of the run
	y      float64 // baseline
	size   float64 // rendered font size
	text   string
}

type matrix [6]float64 // a b c d e f

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type textState struct {
	ctm                matrix
	font               *font
	size               float64
	charSp, wordSp, th float64
	leading, rise      float64
}

// interp runs a page's content streams and collects its spans.
type interp struct {
	budget  *budget
	fonts   map[string]*font // by the font dictionary's text: shared across pages
	spans   []span
	images  int
	glyphs  int // codes shown
	unknown int // codes no font could map to Unicode
	forms   int
}

// maxFormDepth bounds nested form XObjects; maxForms bounds how many a
// page may draw (a form drawn a million times is a bomb, not a report).
const (
	maxFormDepth = 8
	maxForms     = 4096
	maxOperands  = 256
)

func (in *interp) run(content []byte, res lpdf.Value, st textState, depth int) {
	var (
		tm, tlm  = identity, identity
		stack    []textState
		operands []token
		arr      []token // the array being read
		lastArr  []token // the last complete array operand (TJ's)
		inArr    int
		dictDep  int
		// Fonts by resource name: looking one up in the document costs
		// an object parse, and text switches fonts all the time.
		fonts = map[string]*font{}
	)
	l := &lexer{b: content}
	for {
		if in.budget.exhausted() {
			return
		}
		t := l.next()
		switch t.kind {
		case tEOF:
			return
		case tArrOpen:
			inArr++
			continue
		case tArrClose:
			if inArr > 0 {
				inArr--
				if inArr == 0 {
					operands = append(operands, token{kind: tArrOpen, str: ""})
					lastArr, arr = arr, lastArr[:0]
				}
			}
			continue
		case tDictOpen:
			dictDep++
			continue
		case tDictClose:
			if dictDep > 0 {
				dictDep--
			}
			continue
		}
		if dictDep > 0 {
			continue // inline property lists (BDC) carry no text
		}
		if inArr > 0 {
			if len(arr) < 1<<16 {
				arr = append(arr, t)
			}
			continue
		}
		if t.kind != tOp {
			if len(operands) >= maxOperands {
				operands = operands[1:]
			}
			operands = append(operands, t)
			continue
		}
		in.budget.ops++
		nums := func(n int) ([]float64, bool) {
			if len(operands) < n {
				return nil, false
			}
			out := make([]float64, n)
			for i, o := range operands[len(operands)-n:] {
				if o.kind != tNum {
					return nil, false
				}
				out[i] = o.num
			}
			return out, true
		}
		switch t.str {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, st)
			}
		case "Q":
			if len(stack) > 0 {
				st = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if v, ok := nums(6); ok {
				st.ctm = matrix(v).mul(st.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(operands) >= 2 && operands[len(operands)-2].kind == tName {
				name := operands[len(operands)-2].str
				f, ok := fonts[name]
				if !ok {
					f = in.font(res, name)
					fonts[name] = f
				}
				st.font, st.size = f, operands[len(operands)-1].num
			}
		case "Tc":
			if v, ok := nums(1); ok {
				st.charSp = v[0]
			}
		case "Tw":
			if v, ok := nums(1); ok {
				st.wordSp = v[0]
			}
		case "Tz":
			if v, ok := nums(1); ok {
				st.th = v[0] / 100
			}
		case "TL":
			if v, ok := nums(1); ok {
				st.leading = v[0]
			}
		case "Ts":
			if v, ok := nums(1); ok {
				st.rise = v[0]
			}
		case "Td", "TD":
			if v, ok := nums(2); ok {
				tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(tlm)
				tm = tlm
				if t.str == "TD" {
					st.leading = -v[1]
				}
			}
		case "Tm":
			if v, ok := nums(6); ok {
				tlm = matrix(v)
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -st.leading}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if t.str != "Tj" {
				tlm = matrix{1, 0, 0, 1, 0, -st.leading}.mul(tlm)
				tm = tlm
			}
			if t.str == "\"" && len(operands) == 3 && operands[0].kind == tNum && operands[1].kind == tNum {
				st.wordSp, st.charSp = operands[0].num, operands[1].num
			}
			if n := len(operands); n > 0 && operands[n-1].kind == tString {
				in.show(&tm, &st, operands[n-1].str)
			}
		case "TJ":
			if n := len(operands); n > 0 && operands[n-1].kind == tArrOpen {
				for _, e := range lastArr {
					switch e.kind {
					case tString:
						in.show(&tm, &st, e.str)
					case tNum:
						tx := -e.num / 1000 * st.size * st.th
						tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if n := len(operands); n > 0 && operands[n-1].kind == tName {
				in.draw(res, operands[n-1].str, st, depth)
			}
		case "BI":
			in.images++
			skipInlineImage(l)
		}
		operands = operands[:0]
	}
}

// show places the codes of s and records them as one span.
func (in *interp) show(tm *matrix, st *textState, s string) {
	f := st.font
	if f == nil {
		return
	}
	trm := matrix{st.size * st.th, 0, 0, st.size, 0, st.rise}.mul(*tm).mul(st.ctm)
	x0, y := trm[4], trm[5]
	// A rotated run (a watermark, a vertical label) is not body text.
	rotated := math.Abs(trm[1]) > 0.2*math.Abs(trm[0]) || trm[0] <= 0
	size := math.Hypot(trm[2], trm[3])
	var b strings.Builder
	f.decode(s, func(code uint32, text string, w float64) {
		in.glyphs++
		if text == "" {
			in.unknown++
		}
		b.WriteString(text)
		tx := w*f.scale*st.size + st.charSp
		if len(text) == 1 && text[0] == ' ' && (!f.multi || code == 32) {
			tx += st.wordSp
		}
		*tm = matrix{1, 0, 0, 1, tx * st.th, 0}.mul(*tm)
	})
	if rotated || b.Len() == 0 {
		return
	}
	end := matrix{st.size * st.th, 0, 0, st.size, 0, st.rise}.mul(*tm).mul(st.ctm)
	in.budget.textBytes += b.Len()
	in.spans = append(in.spans, span{x0: x0, x1: end[4], y: y, size: size, text: b.String()})
}

func (in *interp) font(res lpdf.Value, name string) *font {
	v := res.Key("Font").Key(name)
	if v.Kind() != lpdf.Dict {
		return nil
	}
	key := v.String()
	if f, ok := in.fonts[key]; ok {
		return f
	}
	f := loadFont(v, in.budget)
	if len(in.fonts) < 4096 {
		in.fonts[key] = f
	}
	return f
}

func (in *interp) draw(res lpdf.Value, name string, st textState, depth int) {
	x := res.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images++
	case "Form":
		in.forms++
		if depth >= maxFormDepth || in.forms > maxForms {
			return
		}
		data, err := readStream(x, in.budget.streamBytes())
		if err != nil {
			in.budget.fail(err)
			return
		}
		if m := x.Key("Matrix"); m.Len() == 6 {
			var v matrix
			for i := range v {
				v[i] = m.Index(i).Float64()
			}
			st.ctm = v.mul(st.ctm)
		}
		r := x.Key("Resources")
		if r.Kind() != lpdf.Dict {
			r = res
		}
		in.run(data, r, st, depth+1)
	}
}

// skipInlineImage moves past BI ... ID <binary> EI.
func skipInlineImage(l *lexer) {
	for {
		t := l.next()
		if t.kind == tEOF {
			return
		}
		if t.kind == tOp && t.str == "ID" {
			break
		}
	}
	rest := l.b[l.pos:]
	for i := 0; i+2 < len(rest); i++ {
		if rest[i] == 'E' && rest[i+1] == 'I' && isSpace(rest[i+2]) && (i == 0 || isSpace(rest[i-1])) {
			l.pos += i + 2
			return
		}
	}
	l.pos = len(l.b)
}

// newTextState is the state a page's content starts in.
func newTextState() textState {
	return textState{ctm: identity, th: 1}
}
