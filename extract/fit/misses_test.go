package fit

import (
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// TestMisses: each missed gold claim is put down to the stage that lost it.
func TestMisses(t *testing.T) {
	quote := "Officials said 3,000 workers arrived in the port city last spring."
	g := Gold{Kind: "people", Low: f(3000), High: f(3000), Quote: quote}
	g.groups, g.events = []string{"workers"}, []string{"entered", "sent"}
	claim := func(group, event string, v float64) flowwatch.Claim {
		return flowwatch.Claim{Kind: "people", Group: group, Event: event, Low: f(v), High: f(v), Quote: quote}
	}
	tests := []struct {
		name  string
		cands []extract.Candidate
		want  string
	}{
		{"no candidate", nil, MissNeverRead},
		{"another value in the quote", []extract.Candidate{{Claim: claim("workers", "sent", 300)}}, MissValue},
		{"dropped by a rule", []extract.Candidate{{Claim: claim("workers", "sent", 3000), Dropped: "no-origin"}}, MissDropped + "no-origin"},
		{"wrong event", []extract.Candidate{{Claim: claim("workers", "present", 3000)}}, MissLabel},
		{"right, lost later", []extract.Candidate{{Claim: claim("workers", "sent", 3000)}}, MissModel},
		{"other sentence", []extract.Candidate{{Claim: flowwatch.Claim{Kind: "people", Low: f(3000), High: f(3000), Quote: "A different line."}}}, MissNeverRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Misses([]Gold{g}, nil, tt.cands)
			if got[tt.want] != 1 || len(got) != 1 {
				t.Errorf("Misses = %v, want {%s: 1}", got, tt.want)
			}
		})
	}
	if got := Misses([]Gold{g}, []flowwatch.Claim{claim("workers", "sent", 3000)}, nil); len(got) != 0 {
		t.Errorf("a matched claim is counted as a miss: %v", got)
	}
	// The same figure in the headline and the body: one claim, two golds.
	head := g
	head.Quote = "3,000 workers arrived"
	if got := Misses([]Gold{head, g}, []flowwatch.Claim{claim("workers", "sent", 3000)}, nil); got[MissRepeat] != 1 {
		t.Errorf("a figure repeated in another sentence: %v, want {%s: 1}", got, MissRepeat)
	}
	opt := g
	opt.Optional = true
	for _, tt := range []struct {
		gold []Gold
		want string
	}{{[]Gold{g}, MissLabel}, {[]Gold{opt}, "optional"}, {nil, "not-gold"}} {
		if got := Extras(tt.gold, []flowwatch.Claim{claim("workers", "present", 3000)}); got[tt.want] != 1 || len(got) != 1 {
			t.Errorf("Extras(%v) = %v, want {%s: 1}", tt.gold, got, tt.want)
		}
	}
	if got := FormatMisses(map[string]int{"label": 2, "model": 5, "never-read": 2}); got != "model 5, label 2, never-read 2" {
		t.Errorf("FormatMisses = %q", got)
	}
}
