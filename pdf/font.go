package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// font decodes the bytes of a shown string into Unicode text and glyph
// widths. Simple fonts use one byte per code and a 256-entry encoding;
// Type0 fonts use the code lengths of their CMap (two bytes for
// Identity-H) and need a ToUnicode CMap, which every producer that embeds
// Korean or Cyrillic writes.
type font struct {
	multi   bool               // Type0: codes are 1–4 bytes long per codespace
	spaces  []codespace        // code lengths for multi-byte fonts
	toUni   map[uint32]string  // from ToUnicode
	enc     *[256]rune         // simple fonts, when ToUnicode lacks a code
	widths  map[uint32]float64 // glyph space units (thousandths of text size)
	dw      float64            // default width
	scale   float64            // glyph space to text space (0.001, or a Type3 FontMatrix)
	ucs2    bool               // Uni*-UCS2/UTF16 predefined CMaps: codes are Unicode
	unknown bool               // no way to map codes to Unicode
}

type codespace struct {
	n      int // bytes
	lo, hi uint32
}

// maxCMapEntries bounds a ToUnicode CMap or W array: real fonts have at
// most 65,536 glyphs.
const maxCMapEntries = 1 << 17

func loadFont(v lpdf.Value, lim *budget) *font {
	f := &font{scale: 0.001, dw: 0}
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		if data, err := readStream(tu, lim.cmapBytes()); err == nil {
			f.toUni, f.spaces = parseCMap(data)
		}
	}
	switch sub {
	case "Type0":
		f.multi = true
		f.dw = 1000
		enc := v.Key("Encoding")
		if enc.Kind() == lpdf.Name {
			n := enc.Name()
			if strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")) {
				f.ucs2 = true
			}
		} else if enc.Kind() == lpdf.Stream {
			if data, err := readStream(enc, lim.cmapBytes()); err == nil {
				if _, sp := parseCMap(data); len(sp) > 0 {
					f.spaces = sp
				}
			}
		}
		if len(f.spaces) == 0 || f.ucs2 {
			f.spaces = []codespace{{n: 2, lo: 0, hi: 0xffff}}
		}
		desc := v.Key("DescendantFonts").Index(0)
		if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = dw.Float64()
		}
		f.widths = cidWidths(desc.Key("W"))
		if f.toUni == nil && !f.ucs2 {
			f.unknown = true
		}
	default:
		if sub == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
				f.scale = m.Index(0).Float64()
			}
		}
		f.enc = simpleEncoding(v)
		f.widths = simpleWidths(v)
		if len(f.widths) == 0 {
			f.dw = standardWidth(v.Key("BaseFont").Name())
		}
	}
	return f
}

func simpleWidths(v lpdf.Value) map[uint32]float64 {
	ws := v.Key("Widths")
	n := ws.Len()
	if n == 0 || n > 256 {
		return nil
	}
	first := uint32(v.Key("FirstChar").Int64())
	m := make(map[uint32]float64, n)
	for i := 0; i < n; i++ {
		m[first+uint32(i)] = ws.Index(i).Float64()
	}
	return m
}

// standardWidth approximates the widths of the standard 14 fonts, which
// PDF lets producers use without Widths: an average glyph.
func standardWidth(base string) float64 {
	if strings.Contains(base, "Courier") {
		return 600
	}
	return 500
}

func cidWidths(w lpdf.Value) map[uint32]float64 {
	n := w.Len()
	if n == 0 {
		return nil
	}
	m := map[uint32]float64{}
	for i := 0; i < n && len(m) < maxCMapEntries; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		c := uint32(first.Int64())
		if next.Kind() == lpdf.Array {
			for k := 0; k < next.Len() && len(m) < maxCMapEntries; k++ {
				m[c+uint32(k)] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := uint32(next.Int64())
		width := w.Index(i + 2).Float64()
		for k := c; k <= last && len(m) < maxCMapEntries; k++ {
			m[k] = width
		}
		i += 3
	}
	return m
}

// decode calls fn for each code of s with its text and width in glyph
// space units.
func (f *font) decode(s string, fn func(code uint32, text string, width float64)) {
	for i := 0; i < len(s); {
		code, n := f.next(s[i:])
		i += n
		w, ok := f.widths[code]
		if !ok {
			w = f.dw
		}
		fn(code, f.text(code, n), w)
	}
}

func (f *font) next(s string) (uint32, int) {
	if !f.multi {
		return uint32(s[0]), 1
	}
	var code uint32
	for n := 1; n <= 4 && n <= len(s); n++ {
		code = code<<8 | uint32(s[n-1])
		for _, cs := range f.spaces {
			if cs.n == n && code >= cs.lo && code <= cs.hi {
				return code, n
			}
		}
	}
	n := min(2, len(s))
	code = 0
	for k := 0; k < n; k++ {
		code = code<<8 | uint32(s[k])
	}
	return code, n
}

func (f *font) text(code uint32, n int) string {
	if t, ok := f.toUni[code]; ok {
		return t
	}
	if f.ucs2 {
		return string(rune(code))
	}
	if f.enc != nil && code < 256 {
		if r := f.enc[code]; r != 0 {
			return string(r)
		}
	}
	return ""
}

// parseCMap reads bfchar and bfrange mappings and the codespace ranges of
// a CMap program.
func parseCMap(data []byte) (map[uint32]string, []codespace) {
	m := map[uint32]string{}
	var spaces []codespace
	l := &lexer{b: data}
	var stack []token
	for len(m) < maxCMapEntries {
		t := l.next()
		if t.kind == tEOF {
			break
		}
		if t.kind != tOp {
			if len(stack) < 16 {
				stack = append(stack, t)
			}
			continue
		}
		stack = stack[:0]
		switch t.str {
		case "begincodespacerange":
			for {
				a, b := l.next(), l.next()
				if a.kind != tString || b.kind != tString {
					break
				}
				if len(a.str) >= 1 && len(a.str) <= 4 && len(spaces) < 64 {
					spaces = append(spaces, codespace{n: len(a.str), lo: beUint(a.str), hi: beUint(b.str)})
				}
			}
		case "beginbfchar":
			for len(m) < maxCMapEntries {
				a := l.next()
				if a.kind != tString {
					break
				}
				b := l.next()
				m[beUint(a.str)] = dstText(b)
			}
		case "beginbfrange":
			readBFRange(l, m)
		}
	}
	return m, spaces
}

func readBFRange(l *lexer, m map[uint32]string) {
	for len(m) < maxCMapEntries {
		a := l.next()
		if a.kind != tString {
			return
		}
		b := l.next()
		lo, hi := beUint(a.str), beUint(b.str)
		if hi < lo || hi-lo > 0xffff {
			hi = lo
		}
		d := l.next()
		switch d.kind {
		case tArrOpen:
			for c := lo; ; c++ {
				e := l.next()
				if e.kind != tString || len(m) >= maxCMapEntries {
					break
				}
				m[c] = dstText(e)
			}
		case tString:
			base := []rune(utf16Text(d.str))
			for c := lo; c <= hi && len(m) < maxCMapEntries; c++ {
				if len(base) == 0 {
					break
				}
				r := append([]rune(nil), base...)
				r[len(r)-1] += rune(c - lo)
				m[c] = string(r)
			}
		default:
			return
		}
	}
}

func dstText(t token) string {
	switch t.kind {
	case tString:
		return utf16Text(t.str)
	case tName:
		if r := glyphRune(t.str); r != 0 {
			return string(r)
		}
	}
	return ""
}

func beUint(s string) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

func utf16Text(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s) == 1 {
		u = append(u, uint16(s[0]))
	}
	return string(utf16.Decode(u))
}

// simpleEncoding is a simple font's code → rune table: the base encoding
// (WinAnsi unless the font says otherwise) with its Differences applied.
func simpleEncoding(v lpdf.Value) *[256]rune {
	var t [256]rune
	base := "WinAnsiEncoding"
	enc := v.Key("Encoding")
	var diffs lpdf.Value
	switch enc.Kind() {
	case lpdf.Name:
		base = enc.Name()
	case lpdf.Dict:
		if b := enc.Key("BaseEncoding"); b.Kind() == lpdf.Name {
			base = b.Name()
		}
		diffs = enc.Key("Differences")
	}
	for c := 32; c < 127; c++ {
		t[c] = rune(c)
	}
	switch base {
	case "StandardEncoding":
		t['\''] = '’'
		t['`'] = '‘'
	case "MacRomanEncoding":
		for c := 128; c < 256; c++ {
			t[c] = macRoman[c-128]
		}
	default:
		for c := 160; c < 256; c++ {
			t[c] = rune(c)
		}
		for c, r := range winAnsiHigh {
			t[0x80+c] = r
		}
	}
	code := 0
	for i := 0; i < diffs.Len() && i < 1024; i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case lpdf.Integer:
			code = int(d.Int64())
		case lpdf.Name:
			if code >= 0 && code < 256 {
				if r := glyphRune(d.Name()); r != 0 {
					t[code] = r
				}
			}
			code++
		}
	}
	return &t
}

var winAnsiHigh = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

var macRoman = []rune("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ")

// glyphRune maps a glyph name to its rune: uniXXXX, uXXXX[XX], single
// characters and the names of the Latin text glyphs.
func glyphRune(n string) rune {
	if r, ok := glyphNames[n]; ok {
		return r
	}
	if len(n) == 1 {
		return rune(n[0])
	}
	if strings.HasPrefix(n, "uni") && len(n) >= 7 {
		if v, err := strconv.ParseUint(n[3:7], 16, 32); err == nil {
			return rune(v)
		}
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil {
			return rune(v)
		}
	}
	if i := strings.IndexByte(n, '.'); i > 0 {
		return glyphRune(n[:i]) // "a.sc", "one.oldstyle"
	}
	return 0
}

var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "quoteleft": '‘', "parenleft": '(',
	"parenright": ')', "asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "period": '.',
	"slash": '/', "zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5',
	"six": '6', "seven": '7', "eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<',
	"equal": '=', "greater": '>', "question": '?', "at": '@', "bracketleft": '[', "backslash": '\\',
	"bracketright": ']', "asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{',
	"bar": '|', "braceright": '}', "asciitilde": '~', "endash": '–', "emdash": '—',
	"quotedblleft": '“', "quotedblright": '”', "quotesinglbase": '‚', "quotedblbase": '„',
	"bullet": '•', "ellipsis": '…', "dagger": '†', "daggerdbl": '‡', "fi": 'ﬁ', "fl": 'ﬂ',
	"degree": '°', "section": '§', "paragraph": '¶', "copyright": '©', "registered": '®',
	"trademark": '™', "nbspace": ' ', "sfthyphen": '\u00ad', "minus": '−', "multiply": '×',
	"eacute": 'é', "egrave": 'è', "aacute": 'á', "agrave": 'à', "oacute": 'ó', "uacute": 'ú',
	"udieresis": 'ü', "odieresis": 'ö', "adieresis": 'ä', "ccedilla": 'ç', "ntilde": 'ñ',
	"germandbls": 'ß', "Euro": '€', "sterling": '£', "yen": '¥', "cent": '¢', "periodcentered": '·',
}
