package extract

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/flowwatch/flowwatch"
)

// Tables written as text in Korean and Russian pages, as the English
// reader (table.go) reads them: a header line naming what each column
// counts ("| 연도 | 러시아 입국 북한 주민 |", "Период | Всего въездов"),
// then a line per row ("| 2024 | 1만3221명 |", "2024 | 13 221 | 7 887").
// A figure in a row counts what its column's header names, at the time
// the row's first cell gives; the line right before the header (a
// caption) or right after the last row (자료: …, Источник: …) says
// whose people and whose data. A column whose header names nothing
// ("в т. ч. с целью «учеба»", "비고") goes on counting what the column
// before it counts.

// mlTable is the table a row belongs to.
type mlTable struct {
	header *mlSent
	notes  []*mlSent // the caption before the header, the line after the rows
	// caption is the index of the sentence before the header, or -1.
	caption int
	cols    []mlColumn
}

// mlColumn is what a header cell names.
type mlColumn struct {
	group, event string
	places       []string
}

// mlMaxTableRows bounds how far back a row looks for its header.
const mlMaxTableRows = 40

// mlTableLine reports whether a line holds a cell separator.
func mlTableLine(t string) bool { return strings.IndexByte(t, '|') >= 0 }

// mlRuleLine reports whether a table line only draws a rule ("|---|---|").
func mlRuleLine(t string) bool {
	for _, r := range t {
		if !strings.ContainsRune("|-—–:=+ \t", r) {
			return false
		}
	}
	return true
}

// mlCells are the byte ranges of a line's cells; a separator that opens
// or closes the line opens or closes no cell.
func mlCells(t string) [][2]int {
	var out [][2]int
	a := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] != '|' {
			continue
		}
		out = append(out, [2]int{a, i})
		a = i + 1
	}
	if len(out) > 0 && strings.TrimSpace(t[out[0][0]:out[0][1]]) == "" {
		out = out[1:]
	}
	if n := len(out); n > 0 && strings.TrimSpace(t[out[n-1][0]:out[n-1][1]]) == "" {
		out = out[:n-1]
	}
	return out
}

// mlCellAt is the index of the cell of cells holding byte p, or -1.
func mlCellAt(cells [][2]int, p int) int {
	for k, c := range cells {
		if p >= c[0] && p <= c[1] {
			return k
		}
	}
	return -1
}

// mlTableAt is the table sentence i is a row of, or nil: the run of
// table lines with as many cells that ends at it opens with a header
// that holds no digit.
func mlTableAt(lm *mlModule, sents []*mlSent, i int) *mlTable {
	s := sents[i]
	if !mlTableLine(s.text) {
		return nil
	}
	n := len(mlCells(s.text))
	if n < 2 {
		return nil
	}
	h := -1
	for j := i - 1; j >= 0 && j >= i-mlMaxTableRows; j-- {
		d := sents[j]
		if !mlTableLine(d.text) {
			break
		}
		if mlRuleLine(d.text) {
			continue
		}
		if len(mlCells(d.text)) != n {
			break
		}
		h = j
	}
	if h < 0 || !mlHeaderLine(sents[h].text) {
		return nil
	}
	t := &mlTable{header: sents[h], caption: h - 1}
	if h > 0 && !mlTableLine(sents[h-1].text) {
		t.notes = append(t.notes, sents[h-1])
	} else {
		t.caption = -1
	}
	for k := i + 1; k < len(sents) && k <= i+mlMaxTableRows; k++ {
		if !mlTableLine(sents[k].text) {
			t.notes = append(t.notes, sents[k])
			break
		}
	}
	t.columns(lm)
	return t
}

// mlHeaderLine reports whether a table line can head its columns: no
// cell is a bare figure. A header may name a year in words ("Рост к
// 2024 г.") or be one ("| 2024 | 2025 |"); a row has a figure alone in a
// cell ("| 2 740 |", "| −4% |").
func mlHeaderLine(t string) bool {
	for _, c := range mlCells(t) {
		cell := strings.TrimSpace(t[c[0]:c[1]])
		if !strings.ContainsAny(cell, "0123456789") || mlCellTime(cell) != nil && len(cell) == 4 {
			continue
		}
		letters := false
		for _, r := range cell {
			if unicode.IsLetter(r) {
				letters = true
				break
			}
		}
		if !letters {
			return false
		}
	}
	return true
}

// columns reads what each header cell names; a cell that names nothing
// takes the column before it, except the first, which labels the rows.
func (t *mlTable) columns(lm *mlModule) {
	hd := t.header
	if hd.hits == nil {
		lm.readHits(hd)
	}
	cells := mlCells(hd.text)
	t.cols = make([]mlColumn, len(cells))
	for k, c := range cells {
		col := &t.cols[k]
		for _, h := range hd.hits {
			if h.start < c[0] || h.end > c[1] {
				continue
			}
			switch {
			case h.cat == catGroup && h.value != "" && h.value != "person":
				col.group = h.value
			case h.cat == catEvent:
				col.event = h.value
			case h.cat == catPlace && h.value != "North Korea":
				col.places = append(col.places, h.value)
			}
		}
		if k > 1 && col.group == "" && col.event == "" {
			*col = t.cols[k-1]
		}
	}
}

// column is what the column of byte p of row s counts; ok is false when
// its header names neither a group nor an event.
func (t *mlTable) column(s *mlSent, p int) (mlColumn, bool) {
	k := mlCellAt(mlCells(s.text), p)
	if k <= 0 || k >= len(t.cols) {
		return mlColumn{}, false
	}
	c := t.cols[k]
	return c, c.group != "" || c.event != ""
}

// apply gives a row's claim what its column, its first cell and the
// table's notes say, where its own words say nothing.
func (t *mlTable) apply(lm *mlModule, s *mlSent, f *mlFig, ic *mlClaim) {
	col, ok := t.column(s, f.start)
	if !ok {
		return
	}
	c := &ic.c
	if col.event != "" {
		c.Event, ic.hasEvent = col.event, true
	}
	if !ic.hasGroup {
		g := col.group
		for _, n := range t.notes {
			if g == "" {
				g = mlLastGroup(lm, n)
			}
		}
		if g == "" && c.Event == flowwatch.EventEntered {
			g = flowwatch.GroupNationals // entry statistics count nationals
		}
		c.Group, ic.hasGroup = g, g != ""
	}
	places := col.places
	if len(places) == 0 && t.caption >= 0 {
		// "Въезды граждан КНДР в Россию": where the caption says.
		for _, h := range t.notes[0].hits {
			if h.cat == catPlace && h.value != "North Korea" && !lm.places[h.value].Ignore {
				places = append(places, h.value)
			}
		}
	}
	for _, p := range places {
		if !mlContains(c.Place, p) {
			c.Place = append(c.Place, p)
		}
	}
	ic.hasPlace = len(c.Place) > 0
	if cells := mlCells(s.text); len(cells) > 0 {
		if p := mlCellTime(s.text[cells[0][0]:cells[0][1]]); p != nil {
			c.When = p
		}
	}
	if c.Source == "" {
		for _, n := range t.notes {
			if n.hits == nil {
				lm.readHits(n)
			}
			for k, h := range n.hits {
				if h.cat == catSource {
					c.Source, c.Via = mlCited(lm, n, k)
					ic.hasSource = true
					return
				}
			}
		}
	}
}

// mlNamesOrigin reports whether the table's header or caption names
// North Korea, so its rows need no North Korean word of their own.
func (t *mlTable) namesOrigin(lm *mlModule, sents []*mlSent) bool {
	if t.caption >= 0 && mlNorthKoreaNear(lm, sents, t.caption) {
		return true
	}
	return lm.originWords().in(t.header.low)
}

// otherCountryRow reports whether row s counts another country's people:
// a table of several countries ("Таджикистан | 48 200", "КНДР | 2 740")
// whose header and caption do not say North Korean is one row per
// country, and only the row naming North Korea is about North Koreans.
func (t *mlTable) otherCountryRow(lm *mlModule, sents []*mlSent, s *mlSent) bool {
	cells := mlCells(s.text)
	if len(cells) == 0 || mlSentNamesNK(lm, t.header) || t.caption >= 0 && mlSentNamesNK(lm, sents[t.caption]) {
		return false
	}
	other := false
	for _, h := range s.hits {
		if h.cat == catPlace && h.start >= cells[0][0] && h.end <= cells[0][1] && lm.places[h.value].Kind == "country" && h.value != "Russia" {
			other = true
		}
	}
	return other && !mlSentNamesNK(lm, s)
}

// mlSentNamesNK reports whether sentence s itself names North Korea.
func mlSentNamesNK(lm *mlModule, s *mlSent) bool {
	if s.hits == nil {
		lm.readHits(s)
	}
	return mlNamesNorthKorea(lm, s, 0, len(s.text))
}

// mlRomanQuarters are the quarters as Russian tables number them.
var mlRomanQuarters = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4}

// mlCellTime is the period a row's first cell names: a year ("2024"), a
// quarter of one ("2025 1분기", "III квартал 2024", "Q3 2024"), or nil.
func mlCellTime(cell string) *flowwatch.Period {
	y, q := 0, 0
	fs := strings.Fields(mlLower(cell))
	for k, w := range fs {
		switch {
		case len(w) == 4 && mlAllDigits(w):
			if n, _ := strconv.Atoi(w); n >= 1900 && n <= 2100 {
				y = n
			}
		case strings.HasSuffix(w, "분기") && len(w) == 1+len("분기") && w[0] >= '1' && w[0] <= '4':
			q = int(w[0] - '0')
		case len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4':
			q = int(w[1] - '0')
		case mlRomanQuarters[w] > 0 && k+1 < len(fs) && strings.HasPrefix(fs[k+1], "квартал"):
			q = mlRomanQuarters[w]
		}
	}
	switch {
	case y == 0:
		return nil
	case q > 0:
		return mlQuarter(y, q)
	}
	return mlYear(y)
}

// cell is row s as the cell of figure f reads it alone: the other cells
// blanked (offsets hold), so the figure takes no group, event, place or
// time from its neighbours' words. A row sets a count beside a remark
// ("| 1만3221명 | … | 북한군 1만1천여명 파병 |"): the remark's soldiers
// and sending are its own figure's, not the count's, which its column
// names (apply).
func (t *mlTable) cell(lm *mlModule, s *mlSent, f *mlFig) *mlSent {
	cells := mlCells(s.text)
	k := mlCellAt(cells, f.start)
	if k < 0 || len(cells) < 2 {
		return s
	}
	a, b := cells[k][0], cells[k][1]
	buf := []byte(s.text)
	for i := range buf {
		if (i < a || i >= b) && buf[i] != '|' {
			buf[i] = ' '
		}
	}
	v := &mlSent{mlSpan: s.mlSpan, text: string(buf), table: s.table}
	v.low = v.text
	if s.toks != nil {
		v.low = mlLower(v.text)
		v.toks = mlAppendTokens(nil, v.text, v.low)
	}
	lm.readHits(v)
	for _, g := range s.figs {
		if g.start >= a && g.end <= b {
			v.figs = append(v.figs, g)
		}
	}
	for _, x := range s.times {
		if x.start >= a && x.end <= b {
			v.times = append(v.times, x)
		}
	}
	return v
}
