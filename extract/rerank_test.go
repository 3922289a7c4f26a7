package extract

import (
	"math"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// TestReinstateNeedsSureGroup: a figure the rules dropped for want of
// people comes back only when the model is sure whose it is; a near coin
// toss between soldiers and workers leaves it dropped.
func TestReinstateNeedsSureGroup(t *testing.T) {
	text := "Estimates put the number sent that year above 9,000."
	cand := Candidate{Dropped: "no-group", Claim: flowwatch.Claim{Kind: flowwatch.KindPeople, Event: flowwatch.EventSent,
		Low: flowwatch.F(9000), High: flowwatch.F(9000), Start: 0, End: len(text), Quote: text}}
	// logit gives the bias of the second of two classes for probability p.
	logit := func(p float64) []float64 { return []float64{0, math.Log(p / (1 - p))} }
	model := func(pWorkers float64) *Model {
		return &Model{Threshold: 0.5, Override: 0.7, Reinstate: 0.8, Heads: map[string]*Head{
			HeadKeep:  {Classes: []string{"no", "yes"}, Bias: logit(0.95)},
			HeadGroup: {Classes: []string{"soldiers", "workers"}, Bias: logit(pWorkers)},
			HeadEvent: {Classes: []string{"sent", "planned"}, Bias: []float64{2, 0}},
		}}
	}
	tests := []struct {
		pWorkers float64
		want     string // the group of the claim taken back, "" for none
	}{
		{0.55, ""},
		{0.9, flowwatch.GroupWorkers},
	}
	for _, tt := range tests {
		got := model(tt.pWorkers).Choose(text, []Candidate{cand})
		switch {
		case tt.want == "" && len(got) != 0:
			t.Errorf("workers at %.2f: reinstated %+v, want it left dropped", tt.pWorkers, got)
		case tt.want != "" && (len(got) != 1 || got[0].Group != tt.want):
			t.Errorf("workers at %.2f: got %+v, want one claim of %s", tt.pWorkers, got, tt.want)
		}
	}
}

// TestReinstateBounded: no figure the rules dropped comes back counting
// more people than North Korea has sent anywhere, however sure the model.
func TestReinstateBounded(t *testing.T) {
	logit := func(p float64) []float64 { return []float64{0, math.Log(p / (1 - p))} }
	m := &Model{Threshold: 0.5, Override: 0.7, Reinstate: 0.8, Heads: map[string]*Head{
		HeadKeep:  {Classes: []string{"no", "yes"}, Bias: logit(0.97)},
		HeadGroup: {Classes: []string{"soldiers", "workers"}, Bias: []float64{3, 0}},
		HeadEvent: {Classes: []string{"killed", "sent"}, Bias: []float64{3, 0}},
	}}
	text := "Over 80 million people may have died in that century's plagues."
	for _, tt := range []struct {
		low  float64
		want int
	}{{80_000_000, 0}, {8_000, 1}} {
		cand := Candidate{Dropped: "no-group", Claim: flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers,
			Event: flowwatch.EventKilled, Low: flowwatch.F(tt.low), Start: 0, End: len(text), Quote: text}}
		if got := m.Choose(text, []Candidate{cand}); len(got) != tt.want {
			t.Errorf("a dropped figure of %.0f people: %d claims back, want %d", tt.low, len(got), tt.want)
		}
	}
}

// TestOtherPeopleStayDropped: a figure the rules gave to another people
// (the enemy's losses, Russia's own troops) never comes back, however
// sure the model is that it counts soldiers: the rules read whose they
// are, which the words around a figure do not tell the model.
func TestOtherPeopleStayDropped(t *testing.T) {
	logit := func(p float64) []float64 { return []float64{0, math.Log(p / (1 - p))} }
	m := &Model{Threshold: 0.5, Override: 0.7, Reinstate: 0.8, Heads: map[string]*Head{
		HeadKeep:  {Classes: []string{"no", "yes"}, Bias: logit(0.97)},
		HeadGroup: {Classes: []string{"soldiers", "workers"}, Bias: []float64{3, 0}},
		HeadEvent: {Classes: []string{"killed", "sent"}, Bias: []float64{3, 0}},
	}}
	text := "The defenders lost more than 50,000 troops in the offensive, the ministry said."
	for _, tt := range []struct {
		dropped string
		want    int
	}{{"other-people", 0}, {"no-group", 1}} {
		cand := Candidate{Dropped: tt.dropped, Claim: flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers,
			Event: flowwatch.EventKilled, Low: flowwatch.F(50_000), Start: 0, End: len(text), Quote: text}}
		if got := m.Choose(text, []Candidate{cand}); len(got) != tt.want {
			t.Errorf("dropped %s: %d claims back, want %d", tt.dropped, len(got), tt.want)
		}
	}
}

// TestNoOriginNeedsNorthKoreanArticle: a figure nothing ties to North
// Koreans comes back only in an article where the rules tied another
// figure to them.
func TestNoOriginNeedsNorthKoreanArticle(t *testing.T) {
	logit := func(p float64) []float64 { return []float64{0, math.Log(p / (1 - p))} }
	m := &Model{Threshold: 0.5, Override: 0.7, Reinstate: 0.8, Heads: map[string]*Head{
		HeadKeep:  {Classes: []string{"no", "yes"}, Bias: logit(0.97)},
		HeadGroup: {Classes: []string{"soldiers", "workers"}, Bias: []float64{3, 0}},
		HeadEvent: {Classes: []string{"killed", "sent"}, Bias: []float64{3, 0}},
	}}
	text := "About 300 were killed. Pyongyang sent 2,000 troops."
	claim := func(v float64, start, end int) flowwatch.Claim {
		return flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventKilled,
			Low: flowwatch.F(v), High: flowwatch.F(v), Start: start, End: end, Quote: text[start:end]}
	}
	orphan := Candidate{Dropped: DropNoOrigin, Claim: claim(300, 0, 22)}
	kept := Candidate{Claim: claim(2000, 23, len(text))}
	if got := m.Choose(text, []Candidate{orphan}); len(got) != 0 {
		t.Errorf("alone, the no-origin figure came back: %+v", got)
	}
	if got := m.Choose(text, []Candidate{orphan, kept}); len(got) != 2 {
		t.Errorf("beside a North Korean figure, got %d claims, want 2", len(got))
	}
	if AboutNorthKoreans([]Candidate{orphan}) || !AboutNorthKoreans([]Candidate{orphan, kept}) {
		t.Error("AboutNorthKoreans disagrees with the candidates the rules kept")
	}
}

// TestRareClassStands: the model overturns the rules' event only toward
// and from classes it saw enough of; a class of few training examples
// (a return home) keeps the rules' reading however sure the model is.
func TestRareClassStands(t *testing.T) {
	logit := func(p float64) []float64 { return []float64{0, math.Log(p / (1 - p))} }
	text := "About 3,000 troops returned home last month."
	cand := Candidate{Claim: flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventWithdrawn,
		Low: flowwatch.F(3000), High: flowwatch.F(3000), Start: 0, End: len(text), Quote: text}}
	for _, tt := range []struct {
		seen int
		want string
	}{{minSeen - 1, flowwatch.EventWithdrawn}, {minSeen, flowwatch.EventSent}} {
		m := &Model{Threshold: 0.5, Override: 0.7, Reinstate: 0.8, Heads: map[string]*Head{
			HeadKeep:  {Classes: []string{"no", "yes"}, Bias: logit(0.97)},
			HeadGroup: {Classes: []string{"soldiers", "workers"}, Bias: []float64{3, 0}},
			HeadEvent: {Classes: []string{"sent", "withdrawn"}, Bias: []float64{4, 0}, Seen: []int{300, tt.seen}},
		}}
		got := m.Choose(text, []Candidate{cand})
		if len(got) != 1 || got[0].Event != tt.want {
			t.Errorf("withdrawn seen %d times: got %+v, want event %s", tt.seen, got, tt.want)
		}
	}
}
