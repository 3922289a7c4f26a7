package extract

import (
	"strings"
	"testing"
)

// TestClauseCutsMatchScan checks ruCutBounds, which reads a sentence's
// separators once, against the plain reading that scans the sentence for
// every separator around one figure, at every pair of offsets of
// sentences written to hold the awkward cases: ", а также", a dash twice
// in a row, part clauses, a "также" cut off by the figure, Korean text.
func TestClauseCutsMatchScan(t *testing.T) {
	sents := []string{
		"КНДР направила 11 тысяч военных, из них 4 тысячи погибли, а 300 попали в плен.",
		"Планируется направить 1 тысячу саперов, а также 5 тысяч строителей; сроки не названы.",
		"Рабочие прибыли — — 200 человек — и разместились, при этом 40 уехали, но 10 вернулись.",
		"Их было 500, а также5 тысяч, причём 20 – раненые, причём 3, где 7, из которых 1.",
		", а , а также , но ; — – , при этом , из них , из которых , где , причем , причём ",
		"북한은 노동자 1만 명을 보냈다; 이 가운데 500 명은 — 건설 현장에서 일한다.",
		"",
	}
	for _, text := range sents {
		cuts := ruClauseCuts(text)
		for a := 0; a <= len(text); a++ {
			for b := a; b <= len(text); b++ {
				ws, we := scanClauseBounds(text, a, b)
				gs, ge := ruCutBounds(cuts, a, b, len(text))
				if gs != ws || ge != we {
					t.Fatalf("%q [%d:%d]: clause %d-%d, the scan reads %d-%d", text, a, b, gs, ge, ws, we)
				}
			}
		}
	}
}

// scanClauseBounds is the clause of t[a:b] read by scanning t for each
// separator: the reading ruCutBounds replaced.
func scanClauseBounds(t string, a, b int) (int, int) {
	end := len(t)
	for _, sep := range ruClauseSeps {
		if k := scanSepIndex(t[b:], sep); k >= 0 && b+k < end {
			end = b + k
		}
	}
	start := 0
	for _, sep := range ruClauseSeps {
		if k := scanSepLastIndex(t[:a], sep); k >= 0 && k+len(sep) > start {
			start = k + len(sep)
		}
	}
	for _, sep := range ruPartClauses {
		if k := strings.Index(t[b:], sep); k >= 0 && b+k < end {
			end = b + k
		}
		if k := strings.LastIndex(t[:a], sep); k >= 0 && k+2 > start {
			start = k + 2
		}
	}
	return start, end
}

func scanSepIndex(t, sep string) int {
	for off := 0; ; {
		k := strings.Index(t[off:], sep)
		if k < 0 {
			return -1
		}
		if !ruAlsoAt(t, off+k, sep) {
			return off + k
		}
		off += k + len(sep)
	}
}

func scanSepLastIndex(t, sep string) int {
	for end := len(t); ; {
		k := strings.LastIndex(t[:end], sep)
		if k < 0 {
			return -1
		}
		if !ruAlsoAt(t, k, sep) {
			return k
		}
		end = k
	}
}

// TestStemSet: a stemSet answers as comparing every stem does, for stems
// of one byte too (then no word is told apart by its first two).
func TestStemSet(t *testing.T) {
	words := []string{"", "р", "работали", "трудились", "трудно", "раб", "x", "xy", "рабочие", "тр"}
	for _, stems := range [][]string{{"работал", "трудил", "трудоустр"}, {"x", "тру"}, nil} {
		ss := newStemSet(stems)
		for _, w := range words {
			want := false
			for _, st := range stems {
				want = want || strings.HasPrefix(w, st)
			}
			if got := ss.prefixOf(w); got != want {
				t.Errorf("stems %q, word %q: %v, want %v", stems, w, got, want)
			}
		}
	}
}

// TestWordSet: a wordSet answers as mlHas of each of its words does, for
// lists whose words share first letters, prefixes of one another, spaces
// and an empty word, in texts of our own.
func TestWordSet(t *testing.T) {
	lists := [][]string{
		mlBackPointers, koQuotative, koUnnamed, mlImpersonalSaid, koQuoteJoins,
		{"кндр", "северокоре", "северной коре", "северной кореи", "пхеньян"},
		{"북한", "北", "북측", "평양"},
		{"", "x"},
		nil,
	}
	texts := []string{
		"", "север", "северные корейцы", "Рабочие из КНДР, из них 300 — в Москве", "из которыхх", "северной корее",
		"북한은 이 중 2천 명을 보냈다고 밝혔다", "이중 국적", "그 가운데", "북측의", "平壤 北韓", "것으로 알려져 있다",
		"ранее сообщалось, что", "сообщалось ранее", "напомним", "\"고 말했다", "’고", "x",
		"그 중 이들 가운데 이중", "이들이 그중", "”라며 \"며", "он сказал\"면서 ”며",
	}
	for _, words := range lists {
		ws := newWordSet(words)
		for _, text := range texts {
			want := false
			for _, w := range words {
				want = want || mlHas(text, w)
			}
			if got := ws.in(text); got != want {
				t.Errorf("words %q in %q: %v, want %v", words, text, got, want)
			}
			// index is where the earliest of the words starts.
			first := -1
			for _, w := range words {
				if k := strings.Index(text, w); k >= 0 && (first < 0 || k < first) {
					first = k
				}
			}
			if got := ws.index(text); got != first {
				t.Errorf("words %q in %q: index %d, want %d", words, text, got, first)
			}
		}
	}
}
