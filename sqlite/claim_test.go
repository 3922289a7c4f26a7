package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/storetest"
)

// TestClaimPlans compares every way Claims reads a filter (SQLite's
// choice, id order, a range's index) with filtering all claims by hand,
// for random filters of two and three conditions.
func TestClaimPlans(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 400 {
		a, cs := storetest.Generate(i)
		if _, err := s.SaveArticle(ctx, a, cs); err != nil {
			t.Fatal(err)
		}
		if i%7 == 0 { // a second version supersedes the first
			a2, cs2 := storetest.Generate(i)
			a2.Text += " Updated."
			if _, err := s.SaveArticle(ctx, a2, cs2); err != nil {
				t.Fatal(err)
			}
		}
	}
	all, err := s.Claims(ctx, flowwatch.ClaimFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	latest := map[int64]bool{}
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM claims WHERE latest = 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		latest[id] = true
	}
	rows.Close()
	if len(latest) == len(all) || len(latest) == 0 {
		t.Fatalf("%d claims, %d latest: want some superseded", len(all), len(latest))
	}

	r := rand.New(rand.NewPCG(3, 4))
	pick := func(vals []string) string { return vals[r.IntN(len(vals))] }
	var places, groups, events, kinds, sources, outlets []string
	for _, c := range all {
		places = append(places, c.Place...)
		groups, events, kinds = append(groups, c.Group), append(events, c.Event), append(kinds, c.Kind)
		sources, outlets = append(sources, c.Source), append(outlets, c.Outlet)
	}
	date := func() flowwatch.Date {
		return flowwatch.NewDate(2022+r.IntN(5), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	}
	value := func() *float64 { return flowwatch.F([]float64{50, 500, 5000, 15000, 19000, 20000, 25000}[r.IntN(7)]) }
	conds := []func(*flowwatch.ClaimFilter){
		func(f *flowwatch.ClaimFilter) { f.Place = pick(places) },
		func(f *flowwatch.ClaimFilter) { f.Group = pick(groups) },
		func(f *flowwatch.ClaimFilter) { f.Event = pick(events) },
		func(f *flowwatch.ClaimFilter) { f.Kind = pick(kinds) },
		func(f *flowwatch.ClaimFilter) { f.Source = pick(sources) },
		func(f *flowwatch.ClaimFilter) { f.Outlet = pick(outlets) },
		func(f *flowwatch.ClaimFilter) { f.Since = date() },
		func(f *flowwatch.ClaimFilter) { f.Until = date() },
		func(f *flowwatch.ClaimFilter) { f.MinValue = value() },
		func(f *flowwatch.ClaimFilter) { f.MaxValue = value() },
		func(f *flowwatch.ClaimFilter) { f.AfterID = all[r.IntN(len(all))].ID },
	}
	match := func(f flowwatch.ClaimFilter, c flowwatch.Claim) bool {
		str := func(want, got string) bool { return want == "" || want == got }
		pub := c.Published.String()
		return (f.Place == "" || slices.Contains(c.Place, f.Place)) && str(f.Group, c.Group) && str(f.Event, c.Event) &&
			str(f.Kind, c.Kind) && str(f.Source, c.Source) && str(f.Outlet, c.Outlet) &&
			(f.Since.IsZero() || (!c.Published.IsZero() && pub >= f.Since.String())) &&
			(f.Until.IsZero() || (!c.Published.IsZero() && pub <= f.Until.String())) &&
			(f.MinValue == nil || (cmp.Or(c.High, c.Low) != nil && *cmp.Or(c.High, c.Low) >= *f.MinValue)) &&
			(f.MaxValue == nil || (cmp.Or(c.Low, c.High) != nil && *cmp.Or(c.Low, c.High) <= *f.MaxValue)) &&
			c.ID > f.AfterID && (!f.LatestVersionsOnly || latest[c.ID])
	}
	defer func(v int) { rangeFew = v }(rangeFew)
	for i := range 300 {
		var f flowwatch.ClaimFilter
		for _, j := range r.Perm(len(conds))[:2+r.IntN(2)] {
			conds[j](&f)
		}
		f.LatestVersionsOnly = r.IntN(3) > 0
		f.Limit = []int{0, 3, 20, -1}[r.IntN(4)]
		if r.IntN(4) == 0 {
			f.Offset = r.IntN(5)
		}
		var want []int64
		for _, c := range all {
			if match(f, c) {
				want = append(want, c.ID)
			}
		}
		count := len(want)
		want = want[min(f.Offset, len(want)):]
		if f.Limit > 0 {
			want = want[:min(f.Limit, len(want))]
		}
		for _, few := range []int{0, 1 << 30, 40} {
			rangeFew = few
			got, err := s.Claims(ctx, f)
			if err != nil {
				t.Fatalf("%d: Claims(%+v): %v", i, f, err)
			}
			ids := []int64{}
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if !slices.Equal(ids, append([]int64{}, want...)) {
				t.Errorf("%d: Claims(%s) with rangeFew %d = %v, want %v", i, show(f), few, ids, want)
			}
		}
		n, err := s.CountClaims(ctx, f)
		if err != nil || n != count {
			t.Errorf("%d: CountClaims(%s) = %d, %v; want %d", i, show(f), n, err, count)
		}
	}
}

func show(f flowwatch.ClaimFilter) string {
	s := fmt.Sprintf("%+v", f)
	if f.MinValue != nil {
		s += fmt.Sprintf(" min %v", *f.MinValue)
	}
	if f.MaxValue != nil {
		s += fmt.Sprintf(" max %v", *f.MaxValue)
	}
	return s
}
