package clean

import (
	"regexp"
	"strings"
)

// A fact box sets each figure after its label with a run of leader dots
// ("Builders abroad (2024) ....... ~9,500"), as a printed table of
// contents does. Such a row is a table row of two cells: it is written
// as one ("| Builders abroad (2024) | ~9,500 |") so that it is kept
// like the rows of a closing table and read as one, with its label as
// the header that says what the figure counts.
var leaderRowRe = regexp.MustCompile(`^([^|]*?[^\s|.…])\s*(?:\.{4,}|\s\.{3}|…{2,}|(?:\. ){3,}\.?)\s*([~≈<>+]?\s*[$€£₩]?\d[^|]*)$`)

// leaderRow rewrites a fact box's row as a table row, or returns line.
func leaderRow(line string) string {
	if !strings.Contains(line, "...") && !strings.Contains(line, "…") && !strings.Contains(line, ". . .") {
		return line
	}
	m := leaderRowRe.FindStringSubmatch(line)
	if m == nil || wordCount(m[2]) > 4 || wordCount(m[1]) > 8 {
		return line
	}
	return "| " + m[1] + " | " + strings.TrimSpace(m[2]) + " |"
}
