package reconcile

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// TestEstimates follows docs/estimates.md by hand on a small history:
// casualties add up and never fall, a combined killed-or-wounded figure is
// a floor, workers present is a stock that may fall, and months without
// news carry the last band.
func TestEstimates(t *testing.T) {
	type row struct {
		pub, quote, group, event string
		v                        float64
		place                    []string
		source                   string
	}
	rows := []row{
		{"2024-12-19", "About 100 soldiers were killed and about 1,000 wounded.", "soldiers", "killed", 100, kursk, "NIS"},
		{"2024-12-19", "About 100 soldiers were killed and about 1,000 wounded.", "soldiers", "wounded", 1000, kursk, "NIS"},
		{"2025-01-13", "About 300 soldiers have died and 2,700 have been wounded.", "soldiers", "killed", 300, kursk, "NIS"},
		{"2025-01-13", "About 300 soldiers have died and 2,700 have been wounded.", "soldiers", "wounded", 2700, kursk, "NIS"},
		// A higher combined figure sets the floor; a lower killed figure later
		// cannot pull casualties down.
		{"2025-04-30", "In all 4,700 soldiers were killed or wounded.", "soldiers", "killed", 4700, russia, "NIS"},
		{"2025-06-02", "Only 200 soldiers have been killed, an official claimed.", "soldiers", "killed", 200, russia, "KCNA"},
		{"2024-10-15", "About 4,000 workers are believed to be in Russia.", "workers", "present", 4000, russia, "NIS"},
		{"2025-03-10", "Some 15,000 workers are now in Russia.", "workers", "present", 15000, russia, "NIS"},
		{"2025-05-20", "Only about 5,000 workers remain in Russia.", "workers", "present", 5000, russia, "NIS"},
		// Outside the series' places: not counted.
		{"2025-05-20", "About 9,000 workers are in China.", "workers", "present", 9000, []string{"China"}, "NIS"},
	}
	var arts []flowwatch.Article
	var claims []flowwatch.Claim
	for i, r := range rows {
		a := article(fmt.Sprintf("a%d", i), fmt.Sprintf("Outlet %d", i), r.pub, r.quote)
		arts = append(arts, a)
		claims = append(claims, claim(a, r.quote, "people", r.group, r.event, f(r.v), f(r.v), "approx", r.place, r.source))
	}
	res := Reconcile(arts, claims, Options{Parent: testParent})
	got := map[string]map[string]string{}
	for _, e := range res.Estimates {
		got[e.Series] = map[string]string{}
		for _, p := range e.Points {
			s := Num(*p.Low)
			if p.High != nil && *p.High != *p.Low {
				s += "–" + Num(*p.High)
			}
			if p.Carried {
				s += " carried"
			}
			got[e.Series][p.Month] = s
		}
	}
	want := map[string]map[string]string{
		"casualties": {
			"2024-12": "1,100",
			"2025-01": "3,000",
			"2025-02": "3,000 carried", "2025-03": "3,000 carried",
			"2025-04": "4,700",
			"2025-05": "4,700 carried",
			"2025-06": "4,700", // 200 killed is below the 300 in force: the floor stays
		},
		"workers_present": {
			"2024-10": "4,000", "2024-11": "4,000 carried", "2024-12": "4,000 carried",
			"2025-01": "4,000 carried", "2025-02": "4,000 carried",
			"2025-03": "15,000", "2025-04": "15,000 carried",
			"2025-05": "5,000", // a stock may fall
		},
	}
	for series, months := range want {
		if len(got[series]) != len(months) {
			t.Errorf("%s: %d months %v, want %d", series, len(got[series]), got[series], len(months))
		}
		for m, w := range months {
			if got[series][m] != w {
				t.Errorf("%s %s = %q, want %q", series, m, got[series][m], w)
			}
		}
	}
	for _, e := range res.Estimates {
		for _, p := range e.Points {
			if p.Why == "" || len(p.Facts) == 0 {
				t.Errorf("%s %s: no basis given", e.Series, p.Month)
			}
		}
	}
}

// TestOddClaims: claims with open ends, zero, huge values, no dates and
// unknown articles go through every stage and the brief without panics.
func TestOddClaims(t *testing.T) {
	arts, claims := genClaims(2000)
	odd := []flowwatch.Claim{
		{Article: "nowhere", Kind: "people", Group: "soldiers", Event: "sent", Qualifier: "exact"},
		{Article: "nowhere", Kind: "people", Group: "soldiers", Event: "sent", Low: f(0), High: f(0), Qualifier: "exact"},
		{Article: "nowhere", Kind: "people", Group: "soldiers", Event: "sent", High: f(5000), Qualifier: "at_most"},
		{Article: "nowhere", Kind: "people", Group: "soldiers", Event: "killed", Low: f(1e12), Qualifier: "vague"},
		{Article: "nowhere", Kind: "money", Group: "workers", Low: f(0.5), High: f(0.5), Qualifier: "approx", Unit: "USD", Per: "month"},
		{Article: "a000001", Kind: "share", Group: "workers", Low: f(90), High: f(90), Qualifier: "approx", Unit: "percent",
			When: &flowwatch.Period{From: date("2030-01-01"), To: date("2030-12-31")}},
	}
	claims = append(claims, odd...)
	opt := domainOptions()
	r := Reconcile(arts, claims, opt)
	if len(r.Facts) == 0 {
		t.Fatal("no facts")
	}
	b := NewBrief(r, date("2025-01-01"), opt.Sanctions)
	var out bytes.Buffer
	if err := b.WriteMarkdown(&out); err != nil {
		t.Fatal(err)
	}
	if err := b.WriteHTML(&out); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range r.Facts {
		if seen[f.ID] {
			t.Errorf("fact id %s twice", f.ID)
		}
		seen[f.ID] = true
	}
}
