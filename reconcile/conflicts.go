package reconcile

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// maxFigures bounds the figures of a fact checked against its headline.
const maxFigures = 24

// maxSideClaims is how many claims a conflict side carries as evidence;
// the fact has them all.
const maxSideClaims = 8

// lookAlike is the largest ratio between the figures of two different
// quantities that a reader could take for one count ("10,000 planned"
// and "11,000 present"). Farther apart, nobody confuses them.
const lookAlike = 1.6

// conflicts finds figures that disagree beyond rounding and says why:
//   - within a fact (same quantity, scope and month): a syndicated copy
//     that altered its original's figure, a different date, or plain
//     disagreement between original sources;
//   - between facts of one group and month whose figures look alike but
//     count different things: a different measure (a plan, people present,
//     a flow, a total, papers; killed against killed-or-wounded) or a
//     different scope (a region against Russia as a whole).
func (s *state) conflicts(facts []flowwatch.Fact) []flowwatch.Conflict {
	var out []flowwatch.Conflict
	for fi := range facts {
		out = append(out, s.withinFact(&facts[fi])...)
	}
	out = append(out, acrossFacts(facts)...)
	seen := map[string]bool{}
	kept := out[:0]
	for _, c := range out {
		if !seen[c.ID] {
			seen[c.ID] = true
			kept = append(kept, c)
		}
	}
	out = kept
	byID := map[string]int{}
	for i := range facts {
		byID[facts[i].ID] = i
	}
	for _, c := range out {
		for _, id := range []string{c.A.Fact, c.B.Fact} {
			f := &facts[byID[id]]
			if !slices.Contains(f.Conflicts, c.ID) {
				f.Conflicts = append(f.Conflicts, c.ID)
			}
		}
	}
	return out
}

// withinFact checks each figure against the headline figure, which is how
// an analyst reads a fact: what is known, and who says otherwise.
func (s *state) withinFact(f *flowwatch.Fact) []flowwatch.Conflict {
	var out []flowwatch.Conflict
	n := min(len(f.Figures), maxFigures)
	head := &f.Figures[0]
	if head.Qualifier == flowwatch.QualVague {
		return nil
	}
	for j := 1; j < n; j++ {
		g := &f.Figures[j]
		if g.Qualifier == flowwatch.QualVague || !disagree(head, g) {
			continue
		}
		var reason, detail string
		switch {
		case alteredOnly(f, g):
			reason, detail = flowwatch.ReasonCopy, copyDetail(f, g, head)
		case sharesSource(head, g):
			d, ok := dateDetail(f, head, g)
			if !ok {
				continue // one source, one moment, two figures: a breakdown the fields cannot tell
			}
			reason, detail = flowwatch.ReasonDate, d
		case len(g.Sources) == 0 || len(head.Sources) == 0:
			continue // an unattributed figure is outweighed, not a disagreement between sources
		default:
			if d, ok := dateDetail(f, head, g); ok {
				reason, detail = flowwatch.ReasonDate, d
			} else {
				reason = flowwatch.ReasonDisagreement
				detail = fmt.Sprintf("%s says %s and %s says %s for the same %s", strings.Join(head.Sources, ", "),
					figureText(head.Low, head.High, head.Qualifier), strings.Join(g.Sources, ", "),
					figureText(g.Low, g.High, g.Qualifier), Describe(f))
			}
		}
		out = append(out, newConflict(reason, detail, f, head, f, g))
	}
	return out
}

// acrossFacts pairs the headline figures of facts of one group and month
// that look alike but count different quantities or scopes.
func acrossFacts(facts []flowwatch.Fact) []flowwatch.Conflict {
	byMonth := map[string][]*flowwatch.Fact{}
	for i := range facts {
		f := &facts[i]
		if f.Kind != flowwatch.KindPeople || f.Period == "" || f.Value == nil || f.Figures[0].Qualifier == flowwatch.QualVague {
			continue
		}
		k := f.Group + "|" + f.Period
		byMonth[k] = append(byMonth[k], f)
	}
	keys := make([]string, 0, len(byMonth))
	for k := range byMonth {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []flowwatch.Conflict
	for _, k := range keys {
		fs := byMonth[k]
		sort.Slice(fs, func(i, j int) bool {
			return *fs[i].Value < *fs[j].Value || (*fs[i].Value == *fs[j].Value && fs[i].ID < fs[j].ID)
		})
		for i := range fs {
			for j := i + 1; j < len(fs) && *fs[j].Value <= *fs[i].Value*lookAlike; j++ {
				a, b := fs[i], fs[j]
				ga, gb := &a.Figures[0], &b.Figures[0]
				if !disagree(ga, gb) {
					continue
				}
				qa, qb := factQuantity(a), factQuantity(b)
				if family(qa) != family(qb) {
					continue // nobody takes losses for a deployment
				}
				switch {
				case qa != qb:
					out = append(out, newConflict(flowwatch.ReasonMeasure, measureDetail(qa, qb), a, ga, b, gb))
				case a.Scope != b.Scope:
					out = append(out, newConflict(flowwatch.ReasonScope, scopeDetail(a, b), a, ga, b, gb))
				}
			}
		}
	}
	return out
}

func newConflict(reason, detail string, fa *flowwatch.Fact, a *flowwatch.Figure, fb *flowwatch.Fact, b *flowwatch.Figure) flowwatch.Conflict {
	// A is the smaller figure, so that sides read low to high.
	if figValue(b) < figValue(a) {
		fa, a, fb, b = fb, b, fa, a
	}
	c := flowwatch.Conflict{Reason: reason, Details: []string{detail}, A: side(fa, a), B: side(fb, b)}
	c.ID = "c-" + shortHash(fa.ID+"|"+figKeyString(a)+"|"+fb.ID+"|"+figKeyString(b))
	return c
}

// disagree: the two figures allow no common value once rounding is granted.
func disagree(a, b *flowwatch.Figure) bool {
	_, alo, ahi := allowed(&flowwatch.Claim{Low: a.Low, High: a.High, Qualifier: a.Qualifier})
	_, blo, bhi := allowed(&flowwatch.Claim{Low: b.Low, High: b.High, Qualifier: b.Qualifier})
	return ahi < blo || bhi < alo
}

func sharesSource(a, b *flowwatch.Figure) bool {
	for _, s := range a.Sources {
		if slices.Contains(b.Sources, s) {
			return true
		}
	}
	return false
}

func figValue(g *flowwatch.Figure) float64 {
	if g.Low != nil {
		return *g.Low
	}
	if g.High != nil {
		return *g.High
	}
	return 0
}

func figKeyString(g *flowwatch.Figure) string {
	return fmtPtr(g.Low) + "-" + fmtPtr(g.High) + "-" + g.Qualifier
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "_"
	}
	return fmt.Sprint(*p)
}

func side(f *flowwatch.Fact, g *flowwatch.Figure) flowwatch.ConflictSide {
	e := &f.Evidence[g.Claims[0]]
	sd := flowwatch.ConflictSide{
		Fact: f.ID, Measure: f.Measure, Event: f.Event, Scope: f.Scope, Period: f.Period,
		Low: g.Low, High: g.High, Qualifier: g.Qualifier, Place: figPlaces(f, g), When: e.When, Sources: g.Sources,
	}
	if sd.Sources == nil {
		sd.Sources = []string{}
	}
	sd.Total = len(g.Claims)
	for _, k := range g.Claims {
		if len(sd.Claims) == maxSideClaims {
			break
		}
		sd.Claims = append(sd.Claims, f.Evidence[k].ClaimRef)
	}
	return sd
}

func figPlaces(f *flowwatch.Fact, g *flowwatch.Figure) []string {
	seen := map[string]bool{}
	for _, k := range g.Claims {
		for _, p := range f.Evidence[k].Place {
			seen[p] = true
		}
	}
	out := sortedKeys(seen)
	if out == nil {
		out = []string{}
	}
	return out
}

// copyDetail names the copy that altered a figure and the original's.
func copyDetail(f *flowwatch.Fact, g, head *flowwatch.Figure) string {
	e := &f.Evidence[g.Claims[0]]
	return fmt.Sprintf("%s, a copy of %s, states %s where the original states another figure (the headline is %s)",
		orDefault(e.Outlet, e.Article), e.CopyOf, figureText(g.Low, g.High, g.Qualifier), figureText(head.Low, head.High, head.Qualifier))
}

func measureDetail(a, b string) string {
	return fmt.Sprintf("%s versus %s", orDefault(measureWords[a], a), orDefault(measureWords[b], b))
}

func scopeDetail(a, b *flowwatch.Fact) string {
	name := func(f *flowwatch.Fact) string {
		w := orDefault(scopeWords[f.Scope], f.Scope)
		if f.Scope == flowwatch.ScopeRegion && len(f.Place) > 0 {
			w = "in " + f.Place[0]
		}
		return w
	}
	return fmt.Sprintf("%s %s versus %s %s", figureText(a.Figures[0].Low, a.Figures[0].High, a.Figures[0].Qualifier), name(a),
		figureText(b.Figures[0].Low, b.Figures[0].High, b.Figures[0].Qualifier), name(b))
}

// dateGap is how far apart (in days) two figures' reference dates must be
// before "different date" explains a difference.
const dateGap = 14

// dateDetail: the two figures of one month speak of days far enough apart
// for the count to have changed.
func dateDetail(f *flowwatch.Fact, a, b *flowwatch.Figure) (string, bool) {
	da, db := figDate(f, a), figDate(f, b)
	if da.IsZero() || db.IsZero() {
		return "", false
	}
	gap := math.Abs(da.Time().Sub(db.Time()).Hours() / 24)
	if gap < dateGap {
		return "", false
	}
	return fmt.Sprintf("the figures are as of %s and %s, %d days apart", da, db, int(gap)), true
}

// figDate is the latest day a figure's claims speak of.
func figDate(f *flowwatch.Fact, g *flowwatch.Figure) flowwatch.Date {
	var d flowwatch.Date
	for _, k := range g.Claims {
		e := &f.Evidence[k]
		if x := refDate(e.When, e.Published); x.After(d) {
			d = x
		}
	}
	return d
}

func alteredOnly(f *flowwatch.Fact, g *flowwatch.Figure) bool {
	for _, k := range g.Claims {
		if !f.Evidence[k].Altered {
			return false
		}
	}
	return true
}

// family groups the quantities a reader could take for one another:
// losses (killed, captured, killed or wounded), or people in Russia
// (present, sent, planned, entered).
func family(q string) string {
	switch q {
	case qKilled, qCaptured, qCasualties:
		return "losses"
	}
	return "people"
}
