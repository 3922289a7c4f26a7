package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assembler collects the pages' lines as they are read (the pages'
// content streams and runs are dropped after each page, so memory holds
// only text), then removes running headers and footers and joins lines
// into paragraphs.
type assembler struct {
	pageLines [][]line
	first     []line // page 1 as read, for the title and issuer
	pages     int
	textBytes int
	images    int
	unknown   int
}

func newAssembler() *assembler { return &assembler{} }

func (a *assembler) add(lines []line, st pageStats) {
	a.pages++
	if a.pages == 1 {
		a.first = lines
	}
	for _, l := range lines {
		a.textBytes += len(l.text)
	}
	a.images += st.images
	a.unknown += st.unknown
	a.pageLines = append(a.pageLines, lines)
}

// furnitureRanks is how many lines at the top and bottom of a page may be
// running headers or footers.
const furnitureRanks = 2

var pageNumber = regexp.MustCompile(`^(?:(?:page|p\.|стр\.?|страница)\s*)?[-–—(\[]?\s*(?:#|[ivxlcdm]+)\s*[-–—)\]]?(?:\s*(?:of|/|из)\s*#)?$|^#\s*쪽$|^-\s*#\s*-$`)

// furnitureKey is a line's text with its numbers masked, so that "Page 3"
// and "Page 4" (or a header with the page number in it) compare equal.
func furnitureKey(s string) string {
	var b strings.Builder
	digits := false
	for _, r := range strings.ToLower(strings.Trim(s, "| ")) {
		if unicode.IsDigit(r) {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		if r == '|' {
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// edges marks the lines that may be page furniture: among the top or
// bottom lines of the page, and set apart from the body (a wider gap
// than the leading, or smaller type). The last line of a paragraph that
// ends every page the same way is body text, not a footer.
func edges(lines []line) []bool {
	out := make([]bool, len(lines))
	if len(lines) == 0 {
		return out
	}
	lead := leading(lines)
	sizes := make([]float64, len(lines))
	for i, l := range lines {
		sizes[i] = l.size
	}
	body := median(sizes)
	for i, l := range lines {
		if l.top >= furnitureRanks && l.bottom >= furnitureRanks {
			continue
		}
		gap := 1e9
		for _, o := range lines {
			if d := math.Abs(o.y - l.y); d > 0.5 && d < gap {
				gap = d
			}
		}
		out[i] = gap > 1.5*lead || l.size < 0.9*body
	}
	return out
}

// dropFurniture removes lines at the page edges that repeat on several
// pages, and bare page numbers.
func (a *assembler) dropFurniture() {
	count := map[string]int{}
	edgeOf := make([][]bool, len(a.pageLines))
	for p, lines := range a.pageLines {
		edgeOf[p] = edges(lines)
		seen := map[string]bool{}
		for i, l := range lines {
			if k := furnitureKey(l.text); edgeOf[p][i] && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, min(3, a.pages/2))
	for p, lines := range a.pageLines {
		kept := lines[:0]
		for i, l := range lines {
			k := furnitureKey(l.text)
			if edgeOf[p][i] && (count[k] >= need || pageNumber.MatchString(k)) {
				continue
			}
			kept = append(kept, l)
		}
		a.pageLines[p] = kept
	}
}

// para is a paragraph being built.
type para struct {
	text  strings.Builder
	size  float64
	table bool
	last  line
}

func (a *assembler) finish() *Document {
	a.dropFurniture()
	var out strings.Builder
	// pending is the last paragraph, with the form feeds of the pages
	// ended since: it may go on on the next page. A feed that ends a
	// paragraph has a line of its own, so that no quote ends with one.
	pending := ""
	var open *para
	for _, lines := range a.pageLines {
		for i, p := range paragraphs(lines) {
			next := p.text.String()
			if i == 0 && open != nil && strings.Count(pending, "\f") == 1 && strings.HasSuffix(pending, "\n\f") && continues(open, p) {
				pending = joinAcrossPage(strings.TrimSuffix(pending, "\n\f"), next)
				open = p
				continue
			}
			if open != nil {
				pending += "\n\n"
			}
			out.WriteString(pending)
			pending, open = next, p
		}
		if open == nil {
			pending += "\f" // pages before the first text
		} else {
			pending += "\n\f"
		}
	}
	out.WriteString(pending)
	return &Document{Pages: a.pages, Text: out.String()}
}

// joinAcrossPage continues prev with next across a page break: the form
// feed takes the place of the space between two words, or follows the
// word a hyphenated break joins.
func joinAcrossPage(prev, next string) string {
	if joined, ok := dehyphenate(prev, next); ok {
		// The joined word stays whole; the feed goes at the next space.
		if i := strings.IndexByte(joined[len(prev)-1:], ' '); i >= 0 {
			i += len(prev) - 1
			return joined[:i] + "\f" + joined[i+1:]
		}
		return joined + "\f"
	}
	return prev + "\f" + next
}

// continues tells whether p, first on a new page or column, goes on with
// the paragraph open before it: the same size of type, no sentence end
// before, and no capital (or a hyphenated word) after.
func continues(open, p *para) bool {
	if open.table || p.table || !similar(open.size, p.size) {
		return false
	}
	prev := strings.TrimSpace(open.text.String())
	next := strings.TrimSpace(p.text.String())
	if prev == "" || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if strings.ContainsRune(".!?:;”\")]", last) {
		return false
	}
	if last == '-' {
		return true
	}
	return unicode.IsLower(first) || (unicode.IsLetter(first) && !unicode.IsUpper(first) && !unicode.IsLower(first))
}

func similar(a, b float64) bool {
	return a > 0 && b > 0 && a/b < 1.12 && b/a < 1.12
}

// paragraphs joins a page's lines into paragraphs.
func paragraphs(lines []line) []*para {
	lead := leading(lines)
	var out []*para
	var cur *para
	for i, l := range lines {
		if cur != nil && !l.table && !cur.table && sameParagraph(cur.last, l, lead, lines, i) {
			s := cur.text.String()
			if joined, ok := dehyphenate(s, l.text); ok {
				cur.text.Reset()
				cur.text.WriteString(joined)
			} else {
				cur.text.WriteByte(' ')
				cur.text.WriteString(l.text)
			}
			cur.last = l
			continue
		}
		if cur != nil && l.block != cur.last.block && !l.table && !cur.table {
			p := &para{size: l.size, last: l}
			p.text.WriteString(l.text)
			if continues(cur, p) {
				s := cur.text.String()
				if joined, ok := dehyphenate(s, l.text); ok {
					cur.text.Reset()
					cur.text.WriteString(joined)
				} else {
					cur.text.WriteByte(' ')
					cur.text.WriteString(l.text)
				}
				cur.last = l
				continue
			}
		}
		cur = &para{size: l.size, table: l.table, last: l}
		cur.text.WriteString(l.text)
		out = append(out, cur)
	}
	return out
}

// sameParagraph: the next line of the same block, close below, in the
// same type, not indented, after a line that did not end a paragraph.
func sameParagraph(prev, l line, lead float64, lines []line, i int) bool {
	if prev.block != l.block || !similar(prev.size, l.size) {
		return false
	}
	dy := prev.y - l.y
	if dy <= 0 || dy > 1.45*lead {
		return false
	}
	left, right := blockEdges(lines, l.block)
	if l.x0 > left+1.5*l.size {
		return false // an indented first line
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	if prev.x1 < right-4*prev.size && strings.ContainsRune(".!?:”\"", last) {
		return false // a short last line ends its paragraph
	}
	return true
}

func blockEdges(lines []line, block int) (left, right float64) {
	left, right = 1e9, -1e9
	for _, l := range lines {
		if l.block == block && !l.table {
			left, right = min(left, l.x0), max(right, l.x1)
		}
	}
	return left, right
}

// leading is the usual distance between baselines on the page.
func leading(lines []line) float64 {
	var d []float64
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if a.block == b.block && similar(a.size, b.size) && a.y > b.y {
			d = append(d, a.y-b.y)
		}
	}
	if len(d) == 0 {
		if len(lines) > 0 {
			return 1.3 * lines[0].size
		}
		return 14
	}
	sort.Float64s(d)
	lead := d[len(d)/2]
	// With few lines the median may be a paragraph gap: no type is set
	// with more than 1.6 times its size between lines.
	if size := lines[0].size; lead > 1.6*size {
		lead = 1.3 * size
	}
	return lead
}

// dehyphenate joins "recruit-" and "ment ..." into "recruitment ...";
// a hyphen before a capital ("North-" "Korean") stays, without a space.
func dehyphenate(prev, next string) (string, bool) {
	if !strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, "\u00ad") {
		return "", false
	}
	trimmed := strings.TrimSuffix(strings.TrimSuffix(prev, "-"), "\u00ad")
	before, _ := utf8.DecodeLastRuneInString(trimmed)
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(before) || !unicode.IsLetter(first) {
		return "", false
	}
	if unicode.IsLower(first) {
		return trimmed + next, true
	}
	return prev + next, true
}
