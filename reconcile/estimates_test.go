package reconcile

import (
	"slices"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// est makes a claim for estimate tests: a figure, its measure and scope,
// who says it and when it was published.
func est(group, event, measure, source, published string, v float64) flowwatch.Claim {
	return flowwatch.Claim{Article: source + published + event, Kind: flowwatch.KindPeople, Group: group, Event: event,
		Measure: measure, Scope: flowwatch.ScopeRussia, Low: flowwatch.F(v), High: flowwatch.F(v),
		Qualifier: flowwatch.QualApprox, Unit: "people", Source: source, Quote: Num(v), Published: date(published)}
}

func point(t *testing.T, ests []flowwatch.Estimate, series, month string) flowwatch.EstimatePoint {
	t.Helper()
	for _, e := range ests {
		if e.Series != series {
			continue
		}
		for _, p := range e.Points {
			if p.Month == month {
				return p
			}
		}
	}
	t.Fatalf("%s has no point for %s", series, month)
	return flowwatch.EstimatePoint{}
}

func within(p flowwatch.EstimatePoint, v float64) bool { return *p.Low <= v && v <= *p.High }

func TestEstimates(t *testing.T) {
	const (
		stock = flowwatch.MeasureStock
		cum   = flowwatch.MeasureCumulative
	)
	claims := []flowwatch.Claim{
		est("workers", "present", stock, "NIS", "2024-10-10", 4000),
		est("workers", "present", stock, "NIS", "2025-04-20", 15000),
		est("workers", "present", stock, "Pentagon", "2025-04-25", 15000),
		est("workers", "present", stock, "BBC", "2025-08-05", 6), // six workers interviewed
		est("nationals", "entered", flowwatch.MeasureDocuments, "Rosstat", "2025-02-05", 13221),
		est("workers", "entered", flowwatch.MeasureDocuments, "Rosstat", "2025-02-05", 13221),
		est("workers", "planned", flowwatch.MeasurePlan, "Daily NK", "2025-06-20", 50000),
		est("soldiers", "sent", cum, "NIS", "2024-11-13", 11000),
		est("soldiers", "sent", cum, "Pentagon", "2024-11-20", 11000),
		est("soldiers", "sent", flowwatch.MeasureFlow, "NIS", "2025-02-10", 3000),
		est("soldiers", "killed", flowwatch.MeasureCasualties, "NIS", "2024-12-19", 100),
		est("soldiers", "killed", flowwatch.MeasureCasualties, "NIS", "2025-01-13", 300),
		est("soldiers", "killed", flowwatch.MeasureCasualties, "NIS", "2025-04-30", 600),
		est("soldiers", "wounded", flowwatch.MeasureCasualties, "NIS", "2025-04-30", 4700),
		est("soldiers", "killed", flowwatch.MeasureCasualties, "Seoul Daily", "2025-09-01", 11), // "11-thousand" misread
		est("soldiers", "killed", flowwatch.MeasureCasualties, "NIS", "2025-09-20", 2000),
	}
	claims[9].Increment = true // "3,000 more"
	r := Reconcile(nil, claims, testOptions())

	if p := point(t, r.Estimates, "workers_present", "2024-10"); *p.Best != 4000 || p.Basis != flowwatch.BasisReported {
		t.Errorf("workers 2024-10: %+v", p)
	}
	p := point(t, r.Estimates, "workers_present", "2025-04")
	if !within(p, 15000) || !slices.Equal(p.Sources, []string{"NIS", "Pentagon"}) || len(p.Facts) != 1 {
		t.Errorf("workers 2025-04: %+v", p)
	}
	// Documents never set a stock; the plan is a projection line of its own.
	feb := point(t, r.Estimates, "workers_present", "2025-02")
	if feb.Basis != flowwatch.BasisCarried || *feb.Best != 4000 || *feb.High-*feb.Low <= 320 {
		t.Errorf("workers 2025-02 should carry 4,000, wider than in October: %+v", feb)
	}
	aug := point(t, r.Estimates, "workers_present", "2025-08")
	if *aug.Low < 1000 || aug.Basis != flowwatch.BasisCarried || len(aug.Outweighed) != 1 {
		t.Errorf("the anecdote of six sets workers 2025-08: %+v", aug)
	}
	if p := point(t, r.Estimates, "workers_planned", "2025-06"); *p.Best != 50000 {
		t.Errorf("workers_planned 2025-06: %+v", p)
	}
	for _, e := range r.Estimates {
		if e.Series == "workers_present" {
			for _, p := range e.Points {
				if *p.High >= 50000 {
					t.Errorf("the plan counts as present in %s: %+v", p.Month, p)
				}
			}
		}
	}
	// Waves add to the total.
	if p := point(t, r.Estimates, "troops_sent_total", "2025-02"); !within(p, 14000) || p.Basis != flowwatch.BasisDerived {
		t.Errorf("troops_sent_total 2025-02 should be 11,000 plus 3,000: %+v", p)
	}
	if p := point(t, r.Estimates, "troops_present", "2024-11"); !within(p, 11000) || p.Basis != flowwatch.BasisDerived {
		t.Errorf("troops_present 2024-11 derives from the total sent: %+v", p)
	}
	// Killed and casualties are apart; the misread 11 does not set a month.
	for month, v := range map[string]float64{"2024-12": 100, "2025-01": 300, "2025-04": 600, "2025-09": 2000} {
		if p := point(t, r.Estimates, "killed_total", month); !within(p, v) {
			t.Errorf("killed_total %s: %+v, want %v inside", month, p, v)
		}
	}
	if p := point(t, r.Estimates, "casualties_total", "2025-04"); !within(p, 4700) || within(p, 5300) {
		t.Errorf("casualties_total 2025-04: %+v", p)
	}
}
