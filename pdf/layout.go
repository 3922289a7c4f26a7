package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// line is one line of a page in reading order: a full-width line, or the
// part of a line in one column of a two-column band.
type line struct {
	text   string
	x0, x1 float64
	y      float64
	size   float64
	table  bool // cells joined as "| a | b |"
	block  int  // lines of one block (a column, a full-width run) follow each other
	top    int  // rank from the top of the page (0 = highest), for furniture
	bottom int  // rank from the bottom
}

// rawLine is the spans sharing a baseline, left to right.
type rawLine struct {
	y, size float64
	spans   []span
}

// Layout thresholds, in units of the line's font size.
const (
	spaceGap = 0.18 // a gap wider than this between runs is a space
	cellGap  = 1.2  // a gap wider than this is a table cell boundary
)

// layout orders a page's spans into lines.
func layout(spans []span, box [4]float64) []line {
	raws := buildLines(spans)
	if len(raws) == 0 {
		return nil
	}
	gutter, bands := findColumns(raws, box)
	var out []line
	block := 0
	for i := 0; i < len(raws); {
		if bands[i] < 0 {
			l := makeLine(raws[i].spans, raws[i])
			l.block = block
			out = append(out, l)
			i++
			if i < len(raws) && bands[i] >= 0 {
				block++
			}
			continue
		}
		// A two-column band: the left column, then the right one.
		j := i
		for j < len(raws) && bands[j] == bands[i] {
			j++
		}
		block++
		for side := 0; side < 2; side++ {
			for _, r := range raws[i:j] {
				var part []span
				for _, s := range r.spans {
					if (side == 0) == (s.x1 <= gutter+0.5) {
						part = append(part, s)
					}
				}
				if len(part) > 0 {
					l := makeLine(part, r)
					l.block = block
					out = append(out, l)
				}
			}
			block++
		}
		i = j
	}
	rank(out)
	return out
}

// buildLines groups spans by baseline and drops footnote markers.
func buildLines(spans []span) []rawLine {
	sort.SliceStable(spans, func(i, j int) bool {
		if math.Abs(spans[i].y-spans[j].y) > 0.01 {
			return spans[i].y > spans[j].y
		}
		return spans[i].x0 < spans[j].x0
	})
	var lines []rawLine
	for _, s := range spans {
		if strings.TrimSpace(s.text) == "" || !sane(s) {
			continue
		}
		n := len(lines)
		if n > 0 {
			l := &lines[n-1]
			if math.Abs(l.y-s.y) <= 0.5*math.Max(l.size, s.size) {
				l.spans = append(l.spans, s)
				if s.size > l.size {
					l.size = s.size
					l.y = s.y
				}
				continue
			}
		}
		lines = append(lines, rawLine{y: s.y, size: s.size, spans: []span{s}})
	}
	for i := range lines {
		l := &lines[i]
		l.size, l.y = dominant(l.spans)
		kept := l.spans[:0]
		for _, s := range l.spans {
			if !isMarker(s, l.y, l.size) {
				kept = append(kept, s)
			}
		}
		l.spans = kept
		sort.SliceStable(l.spans, func(a, b int) bool { return l.spans[a].x0 < l.spans[b].x0 })
	}
	out := lines[:0]
	for _, l := range lines {
		if len(l.spans) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// dominant is the size and baseline of most of a line's text.
func dominant(spans []span) (size, y float64) {
	best := 0
	for _, s := range spans {
		n := len(s.text)
		for _, t := range spans {
			if t != s && math.Abs(t.size-s.size) < 0.1 {
				n += len(t.text)
			}
		}
		if n > best {
			best, size, y = n, s.size, s.y
		}
	}
	return size, y
}

// isMarker tells a footnote marker: a short run set smaller and above the
// line's baseline. Dropping it keeps "11,000" from reading "11,0003".
func isMarker(s span, y, size float64) bool {
	t := strings.TrimSpace(s.text)
	if len([]rune(t)) > 3 || s.size > 0.85*size || s.y < y+0.15*size {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) && !unicode.IsLetter(r) && !strings.ContainsRune("*†‡§,", r) {
			return false
		}
	}
	return true
}

// findColumns looks for a gutter: a vertical strip no line crosses for a
// run of lines with wide text on both sides. bands[i] numbers the run
// line i belongs to, or is -1 for a full-width line.
func findColumns(raws []rawLine, box [4]float64) (float64, []int) {
	bands := make([]int, len(raws))
	for i := range bands {
		bands[i] = -1
	}
	left, right := math.Inf(1), math.Inf(-1)
	for _, r := range raws {
		left = math.Min(left, r.spans[0].x0)
		right = math.Max(right, r.spans[len(r.spans)-1].x1)
	}
	width := right - left
	if width <= 0 {
		return 0, bands
	}
	bestScore, bestX := 0, 0.0
	var bestBands []int
	// At most a few hundred candidate positions, however wide the text
	// claims to be (a hostile width table can put runs miles apart).
	step := max(2, width/400)
	for x := left + 0.3*width; x <= left+0.7*width; x += step {
		score, bb := columnScore(raws, x, left, right)
		if score > bestScore {
			bestScore, bestX, bestBands = score, x, bb
		}
	}
	if bestBands == nil {
		return 0, bands
	}
	// Centre the gutter in the empty strip around the best position.
	return bestX, bestBands
}

// columnScore counts the lines in two-column bands split at x.
func columnScore(raws []rawLine, x, left, right float64) (int, []int) {
	bands := make([]int, len(raws))
	score, band := 0, 0
	for i := 0; i < len(raws); {
		if crosses(raws[i], x) {
			bands[i] = -1
			i++
			continue
		}
		j, wideL, wideR := i, 0, 0
		for j < len(raws) && !crosses(raws[j], x) {
			l, r := sideWidths(raws[j], x)
			if l >= 0.5*(x-left) {
				wideL++
			}
			if r >= 0.5*(right-x) {
				wideR++
			}
			j++
		}
		for k := i; k < j; k++ {
			bands[k] = -1
		}
		if wideL >= 2 && wideR >= 2 && j-i >= 3 {
			lo, hi := trimBand(raws[i:j], x)
			for k := i + lo; k < i+hi; k++ {
				bands[k] = band
			}
			band++
			score += hi - lo
		}
		i = j
	}
	return score, bands
}

// crosses tells whether a line's text runs across x: some run covers
// it, or two runs closer than a cell gap (a phrase set glyph by glyph,
// kerned so that neighbours overlap) lie on both sides of it.
// trimBand narrows a run of lines split at x to the two columns: from the
// first line with text right of x to the last, plus the one-sided lines
// set close above or below them (a column's first or last lines). What is
// further away on one side only (a table or a footnote under the
// columns, a cover line above them) is not part of the columns.
func trimBand(run []rawLine, x float64) (lo, hi int) {
	first, last := -1, -1
	for k, r := range run {
		if r.spans[len(r.spans)-1].x1 > x {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return 0, 0
	}
	// A column's own line: one run of text (not table cells), the
	// column's type, at most a generous leading away.
	near := func(a, b rawLine, one rawLine) bool {
		return segments(one) == 1 && similar(a.size, b.size) && a.y-b.y <= 1.6*max(a.size, b.size)
	}
	lo, hi = first, last+1
	for lo > 0 && near(run[lo-1], run[lo], run[lo-1]) {
		lo--
	}
	for hi < len(run) && near(run[hi-1], run[hi], run[hi]) {
		hi++
	}
	return lo, hi
}

// segments counts a line's runs separated by cell gaps.
func segments(r rawLine) int {
	n, end := 1, r.spans[0].x1
	for _, s := range r.spans[1:] {
		if s.x0-end >= cellGap*r.size {
			n++
		}
		end = max(end, s.x1)
	}
	return n
}

func crosses(r rawLine, x float64) bool {
	gap := cellGap * r.size
	segStart, segEnd := r.spans[0].x0, r.spans[0].x1
	for _, s := range r.spans[1:] {
		if s.x0-segEnd >= gap {
			if segStart < x && segEnd > x {
				return true
			}
			segStart = s.x0
		}
		segEnd = max(segEnd, s.x1)
	}
	return segStart < x && segEnd > x
}

func sideWidths(r rawLine, x float64) (l, rt float64) {
	lmin, lmax, rmin, rmax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range r.spans {
		if s.x1 <= x+0.5 {
			lmin, lmax = math.Min(lmin, s.x0), math.Max(lmax, s.x1)
		} else {
			rmin, rmax = math.Min(rmin, s.x0), math.Max(rmax, s.x1)
		}
	}
	return math.Max(0, lmax-lmin), math.Max(0, rmax-rmin)
}

// makeLine joins a line's runs into text: spaces where the gaps say so,
// and " | " between cells when the gaps are table-wide.
func makeLine(spans []span, r rawLine) line {
	l := line{x0: spans[0].x0, x1: spans[len(spans)-1].x1, y: r.y, size: r.size}
	var cells []string
	var b strings.Builder
	prev := span{}
	for i, s := range spans {
		if i > 0 {
			gap := s.x0 - prev.x1
			switch {
			case gap >= cellGap*r.size:
				cells = append(cells, strings.TrimSpace(b.String()))
				b.Reset()
			case s.text == prev.text && math.Abs(s.x0-prev.x0) < 0.2*r.size:
				continue // text printed twice to look bold
			case gap > spaceGap*r.size && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(s.text, " "):
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.text)
		prev = s
	}
	cells = append(cells, strings.TrimSpace(b.String()))
	if len(cells) > 1 {
		l.table = true
		l.text = "| " + strings.Join(cells, " | ") + " |"
	} else {
		l.text = cells[0]
	}
	l.text = normalizeSpace(l.text)
	return l
}

var ligatures = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl", "\u00a0", " ")

func normalizeSpace(s string) string {
	s = ligatures.Replace(s)
	if strings.IndexFunc(s, func(r rune) bool { return r < ' ' || r == '\u00ad' }) >= 0 {
		s = strings.Map(func(r rune) rune {
			switch {
			case r == '\t' || r == '\n' || r == '\r' || r == '\f':
				return ' '
			case r < ' ':
				return -1
			}
			return r
		}, s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// rank sets each line's rank from the top and bottom of the page.
func rank(lines []line) {
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return lines[idx[a]].y > lines[idx[b]].y })
	for r, i := range idx {
		lines[i].top = r
		lines[i].bottom = len(idx) - 1 - r
	}
}

// sane rejects runs placed off any page or sized absurdly: corrupt
// matrices and width tables, not text anyone could see.
func sane(s span) bool {
	const far = 1e6
	for _, v := range []float64{s.x0, s.x1, s.y, s.size} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > far {
			return false
		}
	}
	return s.size > 0 && s.size < 2000
}
