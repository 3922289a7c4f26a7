// Package pdftest writes small PDF files for tests: text placed at given
// positions in Helvetica (a standard font, no font file) or in a Type0
// font with a ToUnicode CMap (any script, still no font file: text
// extraction needs only the CMap and the widths). It can compress content
// streams and encrypt the file (RC4, 128-bit, the standard security
// handler), so that tests cover what real reports do without shipping
// anyone's report.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"sort"
	"strings"
)

// Font selects how text is encoded.
type Font int

const (
	Helvetica     Font = iota // simple font, WinAnsi, ASCII only
	HelveticaBold             // same, bold
	Unicode                   // Type0, Identity-H, two-byte codes with a ToUnicode CMap
)

// Page size: A4 in points.
const (
	Width  = 595.0
	Height = 842.0
)

// Doc is a PDF being written.
type Doc struct {
	Pages    []*Page
	Info     map[string]string // Title, Author, CreationDate ("D:20250529")
	Compress bool              // Flate-compress content streams
	// UserPassword and OwnerPassword encrypt the file when either is
	// set; an empty user password makes a file anyone can open (the
	// permissions-only encryption many agencies use).
	UserPassword, OwnerPassword string
	Encrypt                     bool
}

// Page is one page's content.
type Page struct {
	ops strings.Builder
}

// NewPage appends an empty page.
func (d *Doc) NewPage() *Page {
	p := &Page{}
	d.Pages = append(d.Pages, p)
	return p
}

// Text shows s with its baseline starting at (x, y).
func (p *Page) Text(f Font, size, x, y float64, s string) {
	p.TextRise(f, size, x, y, 0, s)
}

// TextRise shows s raised by rise points (a superscript footnote marker).
func (p *Page) TextRise(f Font, size, x, y, rise float64, s string) {
	fmt.Fprintf(&p.ops, "BT /%s %s Tf %s Ts 1 0 0 1 %s %s Tm %s Tj ET\n",
		fontRes(f), num(size), num(rise), num(x), num(y), encode(f, s))
}

// Words shows s word by word, each placed with its own Tm and no space
// characters at all, the way many PDF producers justify text: the reader
// must infer the spaces from the gaps.
func (p *Page) Words(f Font, size, x, y float64, s string) {
	space := TextWidth(f, size, " ")
	for _, w := range strings.Fields(s) {
		fmt.Fprintf(&p.ops, "BT /%s %s Tf 1 0 0 1 %s %s Tm %s Tj ET\n", fontRes(f), num(size), num(x), num(y), encode(f, w))
		x += TextWidth(f, size, w) + space
	}
}

// Kerned shows s in one TJ array whose word gaps are kerning numbers
// rather than spaces.
func (p *Page) Kerned(f Font, size, x, y float64, s string) {
	fmt.Fprintf(&p.ops, "BT /%s %s Tf %s %s Td [", fontRes(f), num(size), num(x), num(y))
	for i, w := range strings.Fields(s) {
		if i > 0 {
			p.ops.WriteString(" -250 ")
		}
		p.ops.WriteString(encode(f, w))
	}
	p.ops.WriteString("] TJ ET\n")
}

// Raw appends content stream operators as they are.
func (p *Page) Raw(ops string) { p.ops.WriteString(ops) }

// Flow sets text as a left-aligned paragraph in a box width wide, lines
// lead points apart, starting with the baseline at y; it returns the
// baseline below the last line. A word of the form "recruit-ment" with
// hyphenate set breaks at its hyphen when it does not fit, as a typesetter
// would (the text then holds "recruitment").
func (p *Page) Flow(f Font, size, lead, x, y, width float64, text string) float64 {
	var line []string
	flush := func() {
		if len(line) > 0 {
			p.Text(f, size, x, y, strings.Join(line, " "))
			y -= lead
			line = line[:0]
		}
	}
	for _, w := range strings.Fields(text) {
		try := strings.Join(append(append([]string(nil), line...), w), " ")
		if TextWidth(f, size, strings.ReplaceAll(try, "\u00ad", "")) <= width {
			line = append(line, w)
			continue
		}
		if head, tail, ok := strings.Cut(w, "\u00ad"); ok {
			// A soft hyphen marks where the word may break.
			if TextWidth(f, size, strings.Join(append(append([]string(nil), line...), head+"-"), " ")) <= width {
				line = append(line, head+"-")
				flush()
				line = append(line, strings.ReplaceAll(tail, "\u00ad", ""))
				continue
			}
		}
		flush()
		line = append(line, w)
	}
	for i := range line {
		line[i] = strings.ReplaceAll(line[i], "\u00ad", "")
	}
	flush()
	return y
}

// Bytes renders the document.
func (d *Doc) Bytes() []byte {
	w := &writer{doc: d}
	return w.render()
}

type writer struct {
	doc     *Doc
	buf     bytes.Buffer
	offsets []int
	key     []byte // file key when encrypting
	owner   []byte // the /O entry
	id      []byte
	cids    map[rune]int
	runes   []rune
}

// object numbers: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold,
// 5 Type0, 6 CIDFont, 7 descriptor, 8 ToUnicode, 9 info, 10 encrypt,
// then two per page (page, content).
const firstPageObj = 11

func (w *writer) render() []byte {
	d := w.doc
	w.collectRunes()
	w.id = md5sum([]byte(fmt.Sprintf("flowwatch-pdftest-%d", len(d.Pages))))
	if d.Encrypt || d.UserPassword != "" || d.OwnerPassword != "" {
		w.setupEncryption()
	}
	w.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := firstPageObj + 2*len(d.Pages)
	w.offsets = make([]int, n)

	w.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := range d.Pages {
		fmt.Fprintf(&kids, "%d 0 R ", firstPageObj+2*i)
	}
	w.obj(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), len(d.Pages)))
	w.obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths "+helvWidthsArray()+" >>")
	w.obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths "+helvWidthsArray()+" >>")
	w.obj(5, "<< /Type /Font /Subtype /Type0 /BaseFont /FlowwatchSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>")
	w.obj(6, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FlowwatchSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /W "+w.cidWidths()+" >>")
	w.obj(7, "<< /Type /FontDescriptor /FontName /FlowwatchSans /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
	w.stream(8, "", []byte(w.toUnicode()))
	var info strings.Builder
	keys := make([]string, 0, len(d.Info))
	for k := range d.Info {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&info, "/%s %s ", k, w.infoString(9, d.Info[k]))
	}
	w.obj(9, "<< "+info.String()+">>")
	if w.key != nil {
		w.obj(10, w.encryptDict())
	} else {
		w.obj(10, "null")
	}
	for i, p := range d.Pages {
		po, co := firstPageObj+2*i, firstPageObj+2*i+1
		w.obj(po, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /Font << /F1 3 0 R /F2 4 0 R /U 5 0 R >> >> /Contents %d 0 R >>", num(Width), num(Height), co))
		content := []byte(w.encodeContent(p.ops.String()))
		filter := ""
		if d.Compress {
			var z bytes.Buffer
			zw := zlib.NewWriter(&z)
			zw.Write(content)
			zw.Close()
			content, filter = z.Bytes(), "/Filter /FlateDecode "
		}
		w.stream(co, filter, content)
	}
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", n)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", w.offsets[i])
	}
	enc := ""
	if w.key != nil {
		enc = "/Encrypt 10 0 R "
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root 1 0 R /Info 9 0 R %s/ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n", n, enc, w.id, w.id, xref)
	return w.buf.Bytes()
}

func (w *writer) obj(n int, body string) {
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

func (w *writer) stream(n int, dict string, data []byte) {
	if w.key != nil {
		data = w.crypt(n, data)
	}
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n<< %s/Length %d >>\nstream\n", n, dict, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// infoString writes s as a PDF text string (UTF-16BE when not ASCII),
// encrypted for object n when the file is.
func (w *writer) infoString(n int, s string) string {
	var raw []byte
	ascii := true
	for _, r := range s {
		if r > 126 {
			ascii = false
		}
	}
	if ascii {
		raw = []byte(s)
	} else {
		raw = []byte{0xfe, 0xff}
		for _, r := range s {
			if r > 0xffff {
				r = '?'
			}
			raw = append(raw, byte(r>>8), byte(r))
		}
	}
	if w.key != nil {
		raw = w.crypt(n, raw)
	}
	return fmt.Sprintf("<%x>", raw)
}

// encodeContent leaves text strings as they are: encode already wrote
// them as hex, and content streams are encrypted as a whole.
func (w *writer) encodeContent(ops string) string {
	var b strings.Builder
	for {
		i := strings.Index(ops, "<U:")
		if i < 0 {
			b.WriteString(ops)
			return b.String()
		}
		j := strings.Index(ops[i:], ":U>")
		b.WriteString(ops[:i])
		b.WriteByte('<')
		for _, r := range ops[i+3 : i+j] {
			fmt.Fprintf(&b, "%04x", w.cids[r])
		}
		b.WriteByte('>')
		ops = ops[i+j+3:]
	}
}

func (w *writer) collectRunes() {
	w.cids = map[rune]int{}
	for _, p := range w.doc.Pages {
		s := p.ops.String()
		for {
			i := strings.Index(s, "<U:")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], ":U>")
			for _, r := range s[i+3 : i+j] {
				if _, ok := w.cids[r]; !ok {
					w.runes = append(w.runes, r)
					w.cids[r] = len(w.runes)
				}
			}
			s = s[i+j+3:]
		}
	}
}

func (w *writer) cidWidths() string {
	var b strings.Builder
	b.WriteString("[1 [")
	for _, r := range w.runes {
		fmt.Fprintf(&b, "%d ", int(unicodeWidth(r)))
	}
	b.WriteString("]]")
	return b.String()
}

func (w *writer) toUnicode() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(w.runes); i += 100 {
		chunk := w.runes[i:min(i+100, len(w.runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for k, r := range chunk {
			fmt.Fprintf(&b, "<%04x> <%04x>\n", i+k+1, r)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

func fontRes(f Font) string {
	switch f {
	case HelveticaBold:
		return "F2"
	case Unicode:
		return "U"
	}
	return "F1"
}

// encode writes s as a string operand: a literal string for Helvetica,
// a placeholder the writer turns into two-byte codes for Unicode.
func encode(f Font, s string) string {
	if f == Unicode {
		return "<U:" + s + ":U>"
	}
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 32 && r < 127:
			b.WriteRune(r)
		default:
			b.WriteByte('?') // Helvetica here is ASCII only: use Unicode
		}
	}
	b.WriteByte(')')
	return b.String()
}

// TextWidth is the advance of s in points.
func TextWidth(f Font, size float64, s string) float64 {
	total := 0.0
	for _, r := range s {
		if f == Unicode {
			total += unicodeWidth(r)
			continue
		}
		if r >= 32 && r < 127 {
			total += helvWidths[r-32]
		} else {
			total += 556
		}
	}
	return total * size / 1000
}

func unicodeWidth(r rune) float64 {
	switch {
	case r >= 0x1100 && r <= 0x11ff, r >= 0x3000 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7a3:
		return 1000
	case r == ' ':
		return 300
	}
	return 600
}

func helvWidthsArray() string {
	var b strings.Builder
	b.WriteByte('[')
	for _, w := range helvWidths {
		fmt.Fprintf(&b, "%d ", int(w))
	}
	b.WriteByte(']')
	return b.String()
}

// helvWidths are Helvetica's advance widths for codes 32–126.
var helvWidths = [95]float64{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
}

func num(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" || s == "-" {
		return "0"
	}
	return s
}

// Encryption: the standard security handler, revision 3 (RC4, 128-bit
// key), PDF 32000-1 §7.6.3, algorithms 2, 3 and 5.

var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

const permissions = -44 // print and copy allowed, nothing else

func pad(pw string) []byte {
	b := append([]byte(pw), padding...)
	return b[:32]
}

func md5sum(b ...[]byte) []byte {
	h := md5.New()
	for _, x := range b {
		h.Write(x)
	}
	return h.Sum(nil)
}

func rc4crypt(key, data []byte) []byte {
	c, _ := rc4.NewCipher(key)
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

func (w *writer) setupEncryption() {
	owner := w.doc.OwnerPassword
	if owner == "" {
		owner = w.doc.UserPassword
	}
	// Algorithm 3, revision 3: the owner key is MD5 iterated 50 times,
	// the user password is encrypted 20 times with varied keys.
	ok := md5sum(pad(owner))
	for i := 0; i < 50; i++ {
		ok = md5sum(ok)
	}
	w.owner = xorRounds(ok, pad(w.doc.UserPassword))
	perm := int32(permissions)
	p := uint32(perm)
	key := md5sum(pad(w.doc.UserPassword), w.owner, []byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)}, w.id)
	for i := 0; i < 50; i++ {
		key = md5sum(key)
	}
	w.key = key
}

// xorRounds encrypts data with key, then 19 more times with each byte of
// the key XORed with the round number.
func xorRounds(key, data []byte) []byte {
	out := rc4crypt(key, data)
	k := make([]byte, len(key))
	for i := 1; i <= 19; i++ {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		out = rc4crypt(k, out)
	}
	return out
}

func (w *writer) encryptDict() string {
	// Algorithm 5: the first 16 bytes of U; the rest is arbitrary.
	u := append(xorRounds(w.key, md5sum(padding, w.id)), make([]byte, 16)...)
	return fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <%x> /U <%x> /P %d >>", w.owner, u, permissions)
}

func (w *writer) crypt(n int, data []byte) []byte {
	k := append(append([]byte(nil), w.key...), byte(n), byte(n>>8), byte(n>>16), 0, 0)
	return rc4crypt(md5sum(k), data)
}

// Objects writes a PDF whose objects are objs (numbered from 1, the
// catalog first) with a correct cross-reference table: for tests of
// malformed structure that the Doc writer never makes.
func Objects(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// Stream is a stream object's text for Objects, Flate-compressed when
// compress is set.
func Stream(data []byte, compress bool) string {
	filter := ""
	if compress {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		data, filter = z.Bytes(), "/Filter /FlateDecode "
	}
	return fmt.Sprintf("<< %s/Length %d >>\nstream\n%s\nendstream", filter, len(data), data)
}
