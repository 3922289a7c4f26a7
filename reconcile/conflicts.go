package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// maxFigures bounds the pairs a fact is checked for: its best supported
// figures. A fact with more distinct figures is noise past the first few.
const maxFigures = 24

// dateGap is how far apart (in days) two figures' reference dates must be
// before "different date" explains a difference.
const dateGap = 30

// maxSideClaims is how many claims a conflict side carries as evidence;
// the fact has them all.
const maxSideClaims = 8

// conflicts finds figures that disagree beyond rounding: within a fact,
// and between facts of related measures (sent against present, killed
// against casualties) that count about the same number.
func (s *state) conflicts(facts []flowwatch.Fact) []flowwatch.Conflict {
	var found []*flowwatch.Conflict
	for fi := range facts {
		f := &facts[fi]
		// Each figure is checked against the headline figure (the one most
		// sources state), which is how an analyst reads a fact: what is
		// known, and who says otherwise. A figure changed in copying is
		// checked against every figure, to find its original.
		n := min(len(f.Figures), maxFigures)
		for j := 1; j < n; j++ {
			if c, ok := s.conflict(f, &f.Figures[0], f, &f.Figures[j]); ok {
				found = append(found, &c)
			}
		}
		for i := 1; i < n; i++ {
			if !alteredOnly(f, &f.Figures[i]) {
				continue
			}
			for j := 1; j < n; j++ {
				if j == i {
					continue
				}
				if c, ok := s.conflict(f, &f.Figures[j], f, &f.Figures[i]); ok {
					found = append(found, &c)
				}
			}
		}
	}
	out := make([]flowwatch.Conflict, len(found))
	for i, c := range found {
		out[i] = *c
	}
	// Facts come sorted and figures in a fixed order, so the list is
	// deterministic without sorting it.
	out = append(out, s.crossConflicts(facts)...)
	// Record on each fact the conflicts that involve it.
	byID := map[string]int{}
	for i := range facts {
		byID[facts[i].ID] = i
	}
	for _, c := range out {
		facts[byID[c.A.Fact]].Conflicts = appendOnce(facts[byID[c.A.Fact]].Conflicts, c.ID)
		facts[byID[c.B.Fact]].Conflicts = appendOnce(facts[byID[c.B.Fact]].Conflicts, c.ID)
	}
	return out
}

func appendOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// crossConflicts compares facts of the same class and group whose measures
// differ, e.g. 8,000 present in Kursk against 10,000 sent to Russia.
func (s *state) crossConflicts(facts []flowwatch.Fact) []flowwatch.Conflict {
	type entry struct {
		f *flowwatch.Fact
		v float64
	}
	classes := map[string][]entry{}
	for i := range facts {
		f := &facts[i]
		if f.Kind != flowwatch.KindPeople || f.Value == nil || len(f.Figures) == 0 || f.Figures[0].Qualifier == flowwatch.QualVague {
			continue
		}
		_, class := measureOf(&flowwatch.Claim{Kind: f.Kind, Event: f.Event, Quote: measureQuote(f.Measure)})
		k := class + "\x00" + f.Group
		classes[k] = append(classes[k], entry{f, *f.Value})
	}
	keys := make([]string, 0, len(classes))
	for k := range classes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []flowwatch.Conflict
	for _, k := range keys {
		es := classes[k]
		sort.SliceStable(es, func(i, j int) bool { return es[i].v < es[j].v })
		for i := range es {
			for j := i + 1; j < len(es) && es[j].v <= es[i].v*sameQuantity; j++ {
				a, b := es[i].f, es[j].f
				if !comparableMeasures(a.Measure, b.Measure) {
					continue
				}
				if !s.placesCompatible(a.Place, b.Place) || !whenCompatible(a.When, b.When) {
					continue
				}
				if c, ok := s.conflict(a, &a.Figures[0], b, &b.Figures[0]); ok {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// comparableMeasures: different measures that count nearly the same
// people, so that a gap between them needs explaining. Killed against
// wounded, or a total against an increment, are different things, not a
// conflict.
func comparableMeasures(a, b string) bool {
	if a > b {
		a, b = b, a
	}
	switch a + "/" + b {
	case "present/sent", "casualties/killed", "casualties/wounded":
		return true
	}
	return false
}

// measureQuote gives measureOf the words that make a measure "casualties".
func measureQuote(m string) string {
	if m == "casualties" {
		return "casualties"
	}
	return ""
}

func figureInterval(f *flowwatch.Fact, g *flowwatch.Figure) (lo, hi float64) {
	_, lo, hi = allowed(&flowwatch.Claim{Low: g.Low, High: g.High, Qualifier: g.Qualifier})
	return lo, hi
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

// conflict checks two figures and, when they disagree beyond rounding,
// explains why.
func (s *state) conflict(fa *flowwatch.Fact, a *flowwatch.Figure, fb *flowwatch.Fact, b *flowwatch.Figure) (flowwatch.Conflict, bool) {
	alo, ahi := figureInterval(fa, a)
	blo, bhi := figureInterval(fb, b)
	if ahi >= blo && bhi >= alo {
		return flowwatch.Conflict{}, false
	}
	// A is the smaller figure, so that sides read low to high.
	if figValue(b) < figValue(a) {
		fa, a, fb, b = fb, b, fa, a
	}
	c := flowwatch.Conflict{A: side(fa, a), B: side(fb, b)}
	var reasons []string
	add := func(reason, detail string) {
		if c.Reason == "" {
			c.Reason = reason
		}
		reasons = append(reasons, detail)
	}
	if d, ok := copyReason(fa, a, fb, b); ok {
		add(flowwatch.ReasonCopy, d)
	} else if alteredOnly(fa, a) || alteredOnly(fb, b) {
		// A figure corrupted in copying conflicts with its original only;
		// against anything else it would repeat that one error.
		return flowwatch.Conflict{}, false
	}
	if fa.Measure != fb.Measure {
		add(flowwatch.ReasonMeasure, measureDetail(fa.Measure, fb.Measure))
	}
	if art, ok := sharedArticle(fa, a, fb, b); ok {
		add(flowwatch.ReasonScope, fmt.Sprintf("%s states both figures, so they likely count different parts, categories or periods", art))
	} else if q, ok := s.costated(figValue(a), figValue(b)); ok {
		add(flowwatch.ReasonScope, fmt.Sprintf("both figures stand in one sentence, as a part and its whole or two parts: “%s”", q))
	}
	pa, pb := figPlaces(fa, a), figPlaces(fb, b)
	if narrower, wider, ok := s.narrower(pa, pb); ok {
		add(flowwatch.ReasonScope, fmt.Sprintf("the lower figure is for %s, the higher for %s", strings.Join(narrower, ", "), strings.Join(wider, ", ")))
	}
	if d, ok := dateReason(fa, a, fb, b); ok {
		add(flowwatch.ReasonDate, d)
	}
	if c.Reason == "" {
		add(flowwatch.ReasonDisagreement, "the figures differ beyond rounding and the data shows no difference in date, measure or scope")
	}
	c.Details = reasons
	c.ID = "c-" + shortHash(fa.ID+"|"+figKeyString(a)+"|"+fb.ID+"|"+figKeyString(b))
	return c, true
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
		Fact: f.ID, Measure: f.Measure, Low: g.Low, High: g.High, Qualifier: g.Qualifier,
		Place: figPlaces(f, g), When: e.When, Sources: g.Sources,
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

// copyReason: one figure is stated only by a syndicated copy of an article
// that states the other.
func copyReason(fa *flowwatch.Fact, a *flowwatch.Figure, fb *flowwatch.Fact, b *flowwatch.Figure) (string, bool) {
	for _, i := range a.Claims {
		for _, j := range b.Claims {
			ea, eb := &fa.Evidence[i], &fb.Evidence[j]
			if ea.Report != eb.Report || (ea.CopyOf == "" && eb.CopyOf == "") {
				continue
			}
			cp, orig := ea, eb
			if cp.CopyOf == "" {
				cp, orig = eb, ea
			}
			return fmt.Sprintf("%s, a copy of %s, states %s where the original states %s",
				orDefault(cp.Outlet, cp.Article), orDefault(orig.Outlet, orig.Article), figureText(cp.Low, cp.High, cp.Qualifier), figureText(orig.Low, orig.High, orig.Qualifier)), true
		}
	}
	return "", false
}

// sharedArticle: one article states both figures. An author rarely
// contradicts themselves; two figures side by side are usually a
// breakdown (by purpose, region or month) the claim fields cannot express.
func sharedArticle(fa *flowwatch.Fact, a *flowwatch.Figure, fb *flowwatch.Fact, b *flowwatch.Figure) (string, bool) {
	arts := map[string]bool{}
	for _, i := range a.Claims {
		arts[fa.Evidence[i].Article] = true
	}
	for _, j := range b.Claims {
		if e := &fb.Evidence[j]; arts[e.Article] {
			return orDefault(e.Outlet, e.Article), true
		}
	}
	return "", false
}

func measureDetail(a, b string) string {
	name := func(m string) string {
		switch m {
		case flowwatch.EventSent:
			return "an inflow (sent)"
		case flowwatch.EventPresent:
			return "a stock (present)"
		case "casualties":
			return "casualties (killed and wounded)"
		}
		if strings.HasSuffix(m, " (additional)") {
			return "an increment (" + strings.TrimSuffix(m, " (additional)") + " in addition)"
		}
		return m
	}
	return fmt.Sprintf("%s versus %s", name(a), name(b))
}

// narrower: the lower figure is for a smaller area than the higher one,
// as "8,000 in Kursk" against "10,000 in Russia". Each side is read by its
// most specific places (a sentence naming Kursk Oblast and Russia is
// about Kursk Oblast): some place of the lower side lies strictly within
// one of the higher side's, and none of the higher side's lies within the
// lower side's.
func (s *state) narrower(lowP, highP []string) ([]string, []string, bool) {
	lowP, highP = s.leaves(lowP), s.leaves(highP)
	if len(lowP) == 0 || len(highP) == 0 {
		return nil, nil, false
	}
	for _, q := range highP {
		for _, p := range lowP {
			if s.within(q, p) {
				return nil, nil, false
			}
		}
	}
	for _, p := range lowP {
		for _, q := range highP {
			if p != q && s.within(p, q) {
				return lowP, highP, true
			}
		}
	}
	return nil, nil, false
}

// leaves drops places that contain another place of the list.
func (s *state) leaves(ps []string) []string {
	var out []string
	for _, p := range ps {
		leaf := true
		for _, q := range ps {
			if q != p && s.within(q, p) {
				leaf = false
				break
			}
		}
		if leaf {
			out = append(out, p)
		}
	}
	return out
}

func dateReason(fa *flowwatch.Fact, a *flowwatch.Figure, fb *flowwatch.Fact, b *flowwatch.Figure) (string, bool) {
	ea, eb := &fa.Evidence[a.Claims[0]], &fb.Evidence[b.Claims[0]]
	da, db := asOf(ea), asOf(eb)
	if da.IsZero() || db.IsZero() {
		return "", false
	}
	gap := math.Abs(da.Time().Sub(db.Time()).Hours() / 24)
	if gap < dateGap {
		return "", false
	}
	if ea.When != nil && eb.When != nil {
		return fmt.Sprintf("the figures refer to %s and %s, %d days apart", periodText(ea.When), periodText(eb.When), int(gap)), true
	}
	return fmt.Sprintf("the figures are as of %s and %s, %d days apart", da, db, int(gap)), true
}

func asOf(e *flowwatch.Evidence) flowwatch.Date { return refDate(e.When, e.Published) }

func periodText(p *flowwatch.Period) string {
	if p.From == p.To {
		return p.From.String()
	}
	return p.From.String() + " to " + p.To.String()
}

func alteredOnly(f *flowwatch.Fact, g *flowwatch.Figure) bool {
	for _, k := range g.Claims {
		if !f.Evidence[k].Altered {
			return false
		}
	}
	return true
}
