// Package snippet cuts the passage of a text that best shows a search's
// words, for both stores, so that hits read the same whichever store
// answered. Full-text engines' own snippet functions re-run the query per
// hit, which for a common word costs more than the search itself.
package snippet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Open and Close mark a matched word. Front ends escape the snippet's text
// and then turn the marks into highlighting.
const (
	Open  = "«"
	Close = "»"
	Gap   = "…"
)

// Words splits a query into the runs of letters, digits and marks that
// the stores' tokenizers index, lower-cased.
func Words(query string) []string {
	return strings.FieldsFunc(strings.ToLower(query), notWord)
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) }

type span struct {
	start, end int  // byte offsets of a word in the text
	match      int8 // index+1 of the query word it starts with, 0 if none
}

// maxScan bounds how much of a text is read to find the passage.
const maxScan = 1 << 20

// Snippet returns about width words of text around the place where the
// most distinct query words appear close together, each word that starts
// with a query word between Open and Close, and Gap where text was cut.
// Marks already in the text are replaced by quotation marks so that they
// cannot be mistaken for highlighting.
func Snippet(text string, words []string, width int) string {
	if len(text) > maxScan {
		text = text[:maxScan]
		for !utf8.ValidString(text[len(text)-3:]) {
			text = text[:len(text)-1]
		}
	}
	var spans []span
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if notWord(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if notWord(r) {
				break
			}
			j += n
		}
		sp := span{start: i, end: j}
		w := strings.ToLower(text[i:j])
		for k, q := range words {
			if k < 127 && strings.HasPrefix(w, q) {
				sp.match = int8(k + 1)
				break
			}
		}
		spans = append(spans, sp)
		i = j
	}
	if len(spans) == 0 {
		return ""
	}
	width = max(width, 1)
	// Slide a window of width words; keep the one with the most distinct
	// query words, then the most matches, the earliest on ties.
	best, bestDistinct, bestHits := 0, -1, -1
	counts := make([]int, len(words)+1)
	distinct, hits := 0, 0
	add := func(sp span, d int) {
		if sp.match == 0 {
			return
		}
		if d > 0 && counts[sp.match] == 0 {
			distinct++
		}
		counts[sp.match] += d
		if d < 0 && counts[sp.match] == 0 {
			distinct--
		}
		hits += d
	}
	for i := range spans {
		add(spans[i], 1)
		if i >= width {
			add(spans[i-width], -1)
		}
		if start := max(0, i-width+1); i >= width-1 || i == len(spans)-1 {
			if distinct > bestDistinct || (distinct == bestDistinct && hits > bestHits) {
				best, bestDistinct, bestHits = start, distinct, hits
			}
		}
	}
	// Start a little before the first match, so that it reads in context.
	for k := best; k < min(best+width, len(spans)); k++ {
		if spans[k].match != 0 {
			best = max(0, min(k-width/4, len(spans)-width))
			break
		}
	}
	last := min(best+width, len(spans)) - 1
	var b strings.Builder
	if best > 0 {
		b.WriteString(Gap)
	}
	clean := strings.NewReplacer(Open, `"`, Close, `"`)
	pos := spans[best].start
	for k := best; k <= last; k++ {
		sp := spans[k]
		b.WriteString(clean.Replace(text[pos:sp.start]))
		if sp.match != 0 {
			b.WriteString(Open + text[sp.start:sp.end] + Close)
		} else {
			b.WriteString(text[sp.start:sp.end])
		}
		pos = sp.end
	}
	if last < len(spans)-1 {
		b.WriteString(Gap)
	} else {
		b.WriteString(clean.Replace(strings.TrimRightFunc(text[pos:], unicode.IsSpace)))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
