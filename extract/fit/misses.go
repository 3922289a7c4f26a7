package fit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// Miss kinds: why a required gold claim is not among the predictions.
// They say which stage to improve: a figure never read is the number
// grammar's; one the rules dropped and the model did not take back is the
// drop rule's (the reason follows the colon); a figure read but labelled
// with another group or event is attachment's; one the rules had right
// and the fitted stage dropped or relabelled is the model's.
const (
	MissNeverRead = "never-read"
	MissValue     = "other-value"
	MissDropped   = "dropped:"
	MissLabel     = "label"
	MissModel     = "model" // the rules had it right; the fitted stage lost it
	// MissRepeat: the claim is there, but the scorer gave it to the same
	// figure repeated in another sentence, whose own claim is missing.
	MissRepeat = "repeat"
)

// missKind classifies one gold claim the predictions missed, given every
// candidate the rules read in its article.
func missKind(g *Gold, pred []flowwatch.Claim, cands []extract.Candidate) string {
	for i := range pred {
		if keyMatches(g, &pred[i]) && covered(g.Quote, pred[i].Quote) >= 0.5 {
			return MissRepeat
		}
	}
	sameQuote := false
	for i := range cands {
		c := &cands[i]
		if covered(g.Quote, c.Quote) < 0.5 {
			continue
		}
		if !sameFigure(g, &c.Claim) {
			sameQuote = sameQuote || norm(g.Kind) == norm(c.Kind)
			continue
		}
		if c.Dropped != "" {
			return MissDropped + c.Dropped
		}
		if keyMatches(g, &c.Claim) {
			return MissModel
		}
		return MissLabel
	}
	if sameQuote {
		return MissValue
	}
	return MissNeverRead
}

// Misses counts by kind the required gold claims of one article that
// pred does not match.
func Misses(gold []Gold, pred []flowwatch.Claim, cands []extract.Candidate) map[string]int {
	_, missed, _ := scoreDoc(gold, pred)
	out := map[string]int{}
	for i := range missed {
		out[missKind(&missed[i], pred, cands)]++
	}
	return out
}

// Extras counts by kind the predictions of one article no gold claim
// matches: "label" when a gold claim holds the same figure in that
// sentence (it is also a miss), "optional" when only an optional gold
// claim does, "not-gold" when the gold claims nothing there.
func Extras(gold []Gold, pred []flowwatch.Claim) map[string]int {
	_, _, extra := scoreDoc(gold, pred)
	out := map[string]int{}
	for i := range extra {
		out[extraKind(gold, &extra[i])]++
	}
	return out
}

func extraKind(gold []Gold, p *flowwatch.Claim) string {
	kind := "not-gold"
	for i := range gold {
		g := &gold[i]
		if g.None || !sameFigure(g, p) || covered(g.Quote, p.Quote) < 0.5 {
			continue
		}
		if !g.Optional {
			return MissLabel
		}
		kind = "optional"
	}
	return kind
}

// FormatMisses prints miss counts largest first: "label 40, never-read 12".
func FormatMisses(m map[string]int) string {
	kinds := make([]string, 0, len(m))
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if m[kinds[i]] != m[kinds[j]] {
			return m[kinds[i]] > m[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
