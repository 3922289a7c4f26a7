package extract

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// TestMeasureExamples reads every example sentence of the measures file
// as a claim and checks its measure, increment and scope.
func TestMeasureExamples(t *testing.T) {
	data := domain.DefaultMeasures()
	for _, ex := range data.Examples {
		claims := []flowwatch.Claim{{Kind: flowwatch.KindPeople, Group: ex.Group, Event: ex.Event,
			Place: ex.Place, Lang: ex.Lang, Quote: ex.Text}}
		Measures(nil, claims)
		c := claims[0]
		if c.Measure != ex.Measure || c.Increment != ex.Increment || c.Scope != ex.Scope {
			t.Errorf("%s %q: measure %q increment %v scope %q, want %q %v %q",
				ex.Lang, ex.Text, c.Measure, c.Increment, c.Scope, ex.Measure, ex.Increment, ex.Scope)
		}
	}
}

// TestMeasureCuesHaveExamples: every cue is matched by an example of its
// language, so no cue goes untested.
func TestMeasureCuesHaveExamples(t *testing.T) {
	data := domain.DefaultMeasures()
	for lang, cs := range data.Cues {
		var toks [][]mtok
		for _, ex := range data.Examples {
			if ex.Lang == lang {
				toks = append(toks, measureTokens(ex.Text))
			}
		}
		lists := map[string][]string{"cumulative": cs.Cumulative, "period": cs.Period, "increment": cs.Increment,
			"documents": cs.Documents, "border": cs.Border, "front": cs.Front, "abroad": cs.Abroad}
		for list, phrases := range lists {
			for _, p := range phrases {
				c := compileCues([]string{p})
				found := false
				for _, tk := range toks {
					if anyCue(tk, &c) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s %s cue %q has no example", lang, list, p)
				}
			}
		}
	}
}

// TestMeasureIncrementNearFigure: an increment word marks the figure it
// stands by, not every figure of its sentence.
func TestMeasureIncrementNearFigure(t *testing.T) {
	q := "North Korea sent 3,000 more troops early this year, adding to the 11,000 sent last autumn in total."
	claims := []flowwatch.Claim{
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventSent, Low: flowwatch.F(3000), High: flowwatch.F(3000), Lang: "en", Quote: q},
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventSent, Low: flowwatch.F(11000), High: flowwatch.F(11000), Lang: "en", Quote: q},
		{Kind: flowwatch.KindMoney, Group: flowwatch.GroupWorkers, Low: flowwatch.F(800), Lang: "en", Quote: "They earn $800 more.", Measure: "stale"},
	}
	Measures(nil, claims)
	if !claims[0].Increment || claims[0].Measure != flowwatch.MeasureFlow {
		t.Errorf("3,000 more: %+v", claims[0])
	}
	if claims[1].Increment || claims[1].Measure != flowwatch.MeasureCumulative {
		t.Errorf("11,000 in total: %+v", claims[1])
	}
	if claims[2].Measure != "" {
		t.Errorf("money claim got measure %q", claims[2].Measure)
	}
	ko := []flowwatch.Claim{{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventSent,
		Low: flowwatch.F(15000), High: flowwatch.F(15000), Lang: "ko", Quote: "1만5천 명이 파병됐고 이 가운데 3천 명은 추가로 보내졌다."}}
	Measures(nil, ko)
	if ko[0].Increment {
		t.Errorf("1만5천 took the increment of 3천: %+v", ko[0])
	}
}

func TestFigureAt(t *testing.T) {
	for _, tt := range []struct {
		q    string
		v    float64
		want [2]int
	}{
		{"sent 12,000 troops", 12000, [2]int{1, 2}},
		{"около 11 тысяч военных", 11000, [2]int{1, 3}},
		{"병력 1만5천 명", 15000, [2]int{1, 5}},
		{"the 11-thousand strong force", 11000, [2]int{1, 3}},
		{"no such figure 5", 7, [2]int{-1, -1}},
	} {
		got := figureAt(measureTokens(tt.q), &flowwatch.Claim{Low: flowwatch.F(tt.v)})
		if got != tt.want {
			t.Errorf("figureAt(%q, %v) = %v, want %v", tt.q, tt.v, got, tt.want)
		}
	}
}

// TestMeasureCapitalsFold: an English quote's words are compared as
// written, folding their capitals (not lowered first); every cue matches
// the quote written in capitals exactly where it matches it in lower case.
func TestMeasureCapitalsFold(t *testing.T) {
	data := domain.DefaultMeasures()
	matched := 0
	for _, ex := range data.Examples {
		if ex.Lang != "en" {
			continue
		}
		lower, upper := measureTokens(strings.ToLower(ex.Text)), measureTokens(strings.ToUpper(ex.Text))
		cs := data.Cues["en"]
		for _, phrases := range [][]string{cs.Cumulative, cs.Period, cs.Increment, cs.Documents, cs.Border, cs.Front, cs.Abroad} {
			for _, p := range phrases {
				c := compileCues([]string{p})
				a, b := anyCue(lower, &c), anyCue(upper, &c)
				if a != b {
					t.Errorf("%q, cue %q: %v in lower case, %v in capitals", ex.Text, p, a, b)
				}
				if b {
					matched++
				}
			}
		}
		claim := flowwatch.Claim{Low: flowwatch.F(3000)}
		if a, b := figureAt(lower, &claim), figureAt(upper, &claim); a != b {
			t.Errorf("%q: figure at %v in lower case, %v in capitals", ex.Text, a, b)
		}
	}
	if matched == 0 {
		t.Error("no cue matched an English example: the test compares nothing")
	}
}
