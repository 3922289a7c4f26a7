package changes

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// newFacts are the facts now that no claim held before supports.
func newFacts(pb, pn *pictureT, before state, seen seen) []Change {
	old := map[int64]bool{}
	for _, c := range before.claims {
		old[c.ID] = true
	}
	var out []Change
	for _, f := range pn.facts {
		ids := evidenceIDs(f)
		if len(ids) == 0 || slices.ContainsFunc(ids, func(id int64) bool { return old[id] }) {
			continue
		}
		out = append(out, Change{
			ID:       fmt.Sprintf("fact-%s-%d", f.Measure, slices.Min(ids)),
			Kind:     KindFact,
			At:       seen.latest(ids),
			Title:    "New fact: " + factLabel(f),
			Summary:  factSummary(f),
			Fact:     f.ID,
			Sources:  f.Sources,
			Claims:   ids,
			Articles: articles(f.Evidence),
		})
	}
	return out
}

// movedEstimates gives one change per series whose bands moved: the
// latest month that moved, its band before and now, and the fact that
// moved it.
func movedEstimates(pb, pn *pictureT, seen seen, since time.Time) []Change {
	was := map[string]row{}
	for _, r := range pb.rows {
		was[r.Series+" "+r.Month] = r
	}
	facts := map[string]fact{}
	for _, f := range pn.facts {
		facts[f.ID] = f
	}
	newest := time.Time{}
	for _, at := range seen {
		if at.After(since) && at.After(newest) {
			newest = at
		}
	}
	bySeries := map[string][]row{}
	for _, r := range pn.rows {
		if b, ok := was[r.Series+" "+r.Month]; ok && sameBand(b, r) {
			continue
		}
		bySeries[r.Series] = append(bySeries[r.Series], r)
	}
	var out []Change
	for series, moved := range bySeries {
		sort.Slice(moved, func(i, j int) bool { return moved[i].Month < moved[j].Month })
		last := moved[len(moved)-1]
		c := Change{
			Kind: KindEstimate, Series: series, Month: last.Month, Months: len(moved),
			After: band(last), Sources: last.Sources, At: newest,
		}
		prev, had := was[series+" "+last.Month]
		if had {
			c.Before = band(prev)
		}
		if f, ok := cause(last, prev, facts, seen); ok {
			c.Fact = f.ID
			c.Claims = evidenceIDs(f)
			c.Articles = articles(f.Evidence)
			if at := seen.latest(c.Claims); at.After(since) {
				c.At = at
			}
			if len(c.Sources) == 0 {
				c.Sources = f.Sources
			}
		}
		c.ID = "estimate-" + series + "-" + last.Month + "-" + shortHash(bandText(c.After))
		c.Title = fmt.Sprintf("%s, %s: %s → %s", seriesTitle(series), last.Month, bandText(c.Before), bandText(c.After))
		c.Summary = estimateSummary(c, facts[c.Fact])
		out = append(out, c)
	}
	return out
}

// cause is the fact behind now's row that was not behind the row before,
// the one seen last; else the row's first fact.
func cause(now, before row, facts map[string]fact, seen seen) (fact, bool) {
	var best fact
	var bestAt time.Time
	found := false
	for _, id := range now.Facts {
		f, ok := facts[id]
		if !ok || slices.Contains(before.Facts, id) {
			continue
		}
		if at := seen.latest(evidenceIDs(f)); !found || at.After(bestAt) {
			best, bestAt, found = f, at, true
		}
	}
	if !found && len(now.Facts) > 0 {
		best, found = facts[now.Facts[0]]
	}
	return best, found
}

// newConflicts are the conflicts now whose two figures did not conflict
// before. Conflicts are compared by what they say (reason, measures,
// figures, sources), since their ids come from one reconciliation.
func newConflicts(pb, pn *pictureT, seen seen) []Change {
	old := map[string]bool{}
	for _, c := range pb.conflicts {
		old[conflictKey(c)] = true
	}
	var out []Change
	for _, c := range pn.conflicts {
		key := conflictKey(c)
		if old[key] {
			continue
		}
		ids := append(refIDs(c.A.Claims), refIDs(c.B.Claims)...)
		srcs := append(slices.Clone(c.A.Sources), c.B.Sources...)
		sort.Strings(srcs)
		out = append(out, Change{
			ID:       "conflict-" + shortHash(key),
			Kind:     KindConflict,
			At:       seen.latest(ids),
			Title:    fmt.Sprintf("New conflict (%s): %s versus %s", c.Reason, sideText(c.A), sideText(c.B)),
			Summary:  strings.Join(c.Details, "; "),
			Reason:   c.Reason,
			Fact:     c.A.Fact,
			Sources:  slices.Compact(srcs),
			Claims:   ids,
			Articles: articles(append(slices.Clone(c.A.Claims), c.B.Claims...)),
		})
	}
	return out
}

func conflictKey(c conflict) string {
	a, b := sideKey(c.A), sideKey(c.B)
	if b < a {
		a, b = b, a
	}
	return c.Reason + "|" + a + "|" + b
}

func sideKey(s side) string {
	srcs := slices.Clone(s.Sources)
	sort.Strings(srcs)
	return s.Measure + " " + rangeText(s.Low, s.High) + " " + strings.Join(srcs, ",")
}

func sameBand(a, b row) bool {
	return eq(a.Low, b.Low) && eq(a.High, b.High) && eq(a.Best, b.Best) && a.Basis == b.Basis
}

func eq(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func band(r row) *Band { return &Band{Low: r.Low, High: r.High, Best: r.Best, Basis: r.Basis} }

func evidenceIDs(f fact) []int64 { return refIDs(f.Evidence) }

func refIDs(refs []claimRef) []int64 {
	var ids []int64
	for _, r := range refs {
		if r.ID != 0 && !slices.Contains(ids, r.ID) {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

func articles(refs []claimRef) []string {
	var out []string
	for _, r := range refs {
		if r.Article != "" && !slices.Contains(out, r.Article) {
			out = append(out, r.Article)
		}
	}
	return out
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// ---- words ------------------------------------------------------------------

var seriesTitles = map[string]string{
	"workers_present":   "Workers present",
	"troops_present":    "Troops present",
	"troops_sent_total": "Troops sent in total",
	"casualties_total":  "Casualties in total",
	"killed_total":      "Killed in total",
	"troops_deployed":   "Troops deployed",
	"casualties":        "Casualties",
}

func seriesTitle(s string) string {
	if t, ok := seriesTitles[s]; ok {
		return t
	}
	return strings.ReplaceAll(s, "_", " ")
}

func factLabel(f fact) string {
	what := strings.TrimSpace(strings.ReplaceAll(f.Group, "_", " ") + " " + f.Measure)
	figure := num(firstOf(f.Value, f.Low, f.High))
	switch f.Kind {
	case "money":
		figure += " " + f.Unit
		if f.Per != "" {
			figure += " a " + f.Per
		}
		what = strings.ReplaceAll(f.Group, "_", " ") + " pay"
	case "share":
		figure += "%"
		what = "of " + strings.ReplaceAll(f.Group, "_", " ")
	}
	s := fmt.Sprintf("%s %s", figure, what)
	if len(f.Place) > 0 {
		s += ", " + f.Place[0]
	}
	return s
}

func factSummary(f fact) string {
	s := fmt.Sprintf("%s: figures %s", factLabel(f), rangeText(f.Low, f.High))
	if len(f.Sources) > 0 {
		s += "; original sources " + strings.Join(f.Sources, ", ")
	} else {
		s += "; no named source"
	}
	return s
}

func estimateSummary(c Change, f fact) string {
	s := fmt.Sprintf("%s moved in %d month(s); %s is now %s", seriesTitle(c.Series), c.Months, c.Month, bandText(c.After))
	if c.After != nil && c.After.Basis == "carried" {
		s += " (carried from an earlier month)"
	}
	if f.ID != "" {
		s += "; caused by the fact " + factLabel(f)
	}
	if len(c.Sources) > 0 {
		s += "; sources " + strings.Join(c.Sources, ", ")
	}
	return s
}

func sideText(s side) string {
	t := rangeText(s.Low, s.High) + " " + s.Measure
	if len(s.Sources) > 0 {
		t += " (" + strings.Join(s.Sources, ", ") + ")"
	}
	return t
}

func bandText(b *Band) string {
	if b == nil {
		return "no estimate"
	}
	t := rangeText(b.Low, b.High)
	if b.Best != nil {
		t += ", best " + num(b.Best)
	}
	return t
}

func rangeText(lo, hi *float64) string {
	switch {
	case lo == nil && hi == nil:
		return "?"
	case lo == nil:
		return "up to " + num(hi)
	case hi == nil:
		return num(lo) + "+"
	case *lo == *hi:
		return num(lo)
	}
	return num(lo) + "–" + num(hi)
}

func firstOf(vs ...*float64) *float64 {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// num writes a figure with thousands separators: 12000 → "12,000".
func num(v *float64) string {
	if v == nil {
		return "?"
	}
	s := strconv.FormatFloat(*v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
