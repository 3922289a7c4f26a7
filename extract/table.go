package extract

// Tables written as text: a header line naming what each column counts
// ("Period | Entries", "Casualty type | Estimated number |"), then one
// line per row ("Q3 2024 | 5,263"). A figure in a row counts what its
// column's header names, at the row's time; the caption above the table
// says whose people the table is about, as the sentence before a list of
// figures does.

// cellSep is the cell separator of a table written as text.
const cellSep = "|"

// isTable reports whether the sentence is a line of a table: its own
// line, with a cell separator in it.
func (s *sent) isTable() bool {
	if !s.tableDone {
		s.tableDone = true
		for k := range s.toks {
			if s.toks[k].Low == cellSep {
				s.table = true
				break
			}
		}
	}
	return s.table
}

// cellCount is the number of separators in toks, not counting one that
// opens or closes the line ("| a | b |" and "a | b" both have one).
func cellCount(toks []Token) int {
	n := 0
	for k := range toks {
		if toks[k].Low == cellSep && k > 0 && k < len(toks)-1 {
			n++
		}
	}
	return n
}

// ruleLine reports whether a table line only draws a rule ("---|---|").
func ruleLine(toks []Token) bool {
	for k := range toks {
		switch toks[k].Low {
		case cellSep, "-", "—", "–", ":", "=", "+":
		default:
			return false
		}
	}
	return true
}

// hasNumber reports whether toks hold a number.
func hasNumber(toks []Token) bool {
	for k := range toks {
		if toks[k].Kind == Number {
			return true
		}
	}
	return false
}

// tableHeader is the index of the header line of the table doc[i] is a
// row of: the first line of the run of table lines with as many cells
// that ends at doc[i], when it holds no number; else -1.
func tableHeader(doc []sent, i int) int {
	s := &doc[i]
	if !s.isTable() || (i > 0 && doc[i-1].para == s.para) || (i+1 < len(doc) && doc[i+1].para == s.para) {
		return -1
	}
	n := cellCount(s.toks)
	h := -1
	for j := i - 1; j >= 0 && j >= i-40; j-- {
		d := &doc[j]
		if !d.isTable() || (j > 0 && doc[j-1].para == d.para) {
			break
		}
		if ruleLine(d.toks) {
			continue
		}
		if cellCount(d.toks) != n {
			break
		}
		if !hasNumber(d.toks) {
			h = j
		}
	}
	return h
}

// cell is the token range [a, b) of column col of a table line.
func cell(toks []Token, col int) (int, int) {
	a, c := 0, 0
	if len(toks) > 0 && toks[0].Low == cellSep {
		a = 1
	}
	for k := a; k < len(toks); k++ {
		if toks[k].Low != cellSep {
			continue
		}
		if c == col {
			return a, k
		}
		c++
		a = k + 1
	}
	if c == col {
		return a, len(toks)
	}
	return 0, 0
}

// columnOf is the column of a table line that toks[pos] stands in.
func columnOf(toks []Token, pos int) int {
	c := 0
	for k := 1; k < pos && k < len(toks); k++ {
		if toks[k].Low == cellSep {
			c++
		}
	}
	return c
}

// headerOf is what the header of the column of toks[pos] of a row says it
// counts: a group and an event, each "" when it names none.
func (lx *Lexicon) headerOf(doc []sent, h int, row []Token, pos int) (group, event string) {
	ht := doc[h].toks
	a, b := cell(ht, columnOf(row, pos))
	for k := a; k < b; k++ {
		if group == "" {
			if g, _ := lx.Group(ht, k); g != "" {
				group = g
			}
		}
		if event == "" {
			if p := lx.events.at(ht, k); p != nil {
				event = p.val
			}
		}
	}
	return group, event
}
