package reconcile

import (
	"strings"

	"github.com/flowwatch/flowwatch"
)

// MonthRow is one month of one estimate series, flat: the row `flowwatch
// estimates`, `flowwatch export` and /api/estimates print.
type MonthRow struct {
	Series     string   `json:"series"`
	Month      string   `json:"month"` // YYYY-MM
	Low        *float64 `json:"low"`
	High       *float64 `json:"high"`
	Best       *float64 `json:"best"`
	Basis      string   `json:"basis"` // reported, carried or derived
	Projection bool     `json:"projection,omitempty"`
	Facts      []string `json:"facts"`
	Sources    []string `json:"sources"`
	Outweighed []string `json:"outweighed,omitempty"`
	Why        string   `json:"why"`
}

// SeriesNames lists the estimate series, in the order Estimates builds them.
func SeriesNames() []string {
	var out []string
	for _, d := range seriesSet {
		if !d.hidden {
			out = append(out, d.id)
		}
	}
	return out
}

// Rows flattens estimates into month rows: only series (all when empty)
// and months from since (YYYY-MM; all when empty).
func Rows(ests []flowwatch.Estimate, series, since string) []MonthRow {
	out := []MonthRow{}
	for _, e := range ests {
		if series != "" && e.Series != series {
			continue
		}
		for _, p := range e.Points {
			if since != "" && p.Month < since {
				continue
			}
			out = append(out, MonthRow{Series: e.Series, Month: p.Month, Low: p.Low, High: p.High, Best: p.Best,
				Basis: p.Basis, Projection: e.Projection, Facts: p.Facts, Sources: p.Sources, Outweighed: p.Outweighed, Why: p.Why})
		}
	}
	return out
}

// FactFilter selects facts by the claim filters: a fact matches when its
// quantity does (kind, group, event or measure, place, value) and, for who
// and when, when any of its claims does. The CLI and the API use it alike.
type FactFilter struct {
	flowwatch.ClaimFilter
	Measure    string // stock, flow, cumulative, plan, documents, casualties
	Scope      string
	Conflicted bool // only facts with conflicts
}

// Keep reports whether f passes.
func (ff *FactFilter) Keep(f *flowwatch.Fact) bool {
	if ff.Kind != "" && f.Kind != ff.Kind || ff.Group != "" && f.Group != ff.Group ||
		ff.Event != "" && f.Event != ff.Event && f.Measure != ff.Event ||
		ff.Measure != "" && f.Measure != ff.Measure || ff.Scope != "" && f.Scope != ff.Scope {
		return false
	}
	if ff.Conflicted && len(f.Conflicts) == 0 {
		return false
	}
	if ff.Place != "" && !has(f.Place, ff.Place) {
		return false
	}
	if ff.Source != "" && !has(f.Sources, ff.Source) {
		return false
	}
	if ff.MinValue != nil && f.High != nil && *f.High < *ff.MinValue {
		return false
	}
	if ff.MaxValue != nil && f.Low != nil && *f.Low > *ff.MaxValue {
		return false
	}
	if !ff.Since.IsZero() && (f.LastReported.IsZero() || f.LastReported.Before(ff.Since)) {
		return false
	}
	if !ff.Until.IsZero() && (f.FirstReported.IsZero() || f.FirstReported.After(ff.Until)) {
		return false
	}
	if ff.Outlet == "" && ff.Article == "" && ff.Text == "" {
		return true
	}
	text := strings.ToLower(ff.Text)
	for _, e := range f.Evidence {
		if (ff.Outlet == "" || e.Outlet == ff.Outlet) && (ff.Article == "" || e.Article == ff.Article) &&
			(text == "" || strings.Contains(strings.ToLower(e.Quote), text)) {
			return true
		}
	}
	return false
}
