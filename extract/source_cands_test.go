package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// optionRels finds the candidate of the figure fig and returns its source
// options by name, as relation names joined by "+".
func optionRels(t *testing.T, x *Extractor, a *flowwatch.Article, fig string) map[string]string {
	t.Helper()
	for _, c := range x.Candidates(a) {
		if a.Text[c.FigureStart:c.FigureEnd] != fig {
			continue
		}
		out := map[string]string{}
		for _, o := range c.Sources {
			out[o.Name] = strings.Join(RelNamesOf(o.Rels), "+")
		}
		return out
	}
	t.Fatalf("no candidate for %q in %q", fig, a.Text)
	return nil
}

// TestSourceOptions: the sources an article names, by where they stand
// relative to a figure whose own sentence names none.
func TestSourceOptions(t *testing.T) {
	x := New(nil)
	for _, tc := range []struct {
		name, text, outlet, fig string
		want                    map[string]string // option → relations it must have
	}{
		{
			name: "named in the paragraph before",
			text: "Pyongyang sends more men to the front\n" +
				"South Korea's spy agency briefed lawmakers on the deployment on Tuesday.\n" +
				"About 3,000 North Korean soldiers have been wounded so far.",
			fig:  "About 3,000",
			want: map[string]string{"NIS": "prev+lead", "": "none"},
		},
		{
			name: "named earlier in the paragraph, and by the outlet",
			text: "Workers abroad\n" +
				"The think tank published its estimate in March. It said the regime keeps most of the wages. Some 5,000 North Korean workers are in Russian cities.",
			outlet: "Daily NK",
			fig:    "Some 5,000",
			want:   map[string]string{"Daily NK": "outlet"},
		},
		{
			name: "the article's most named source",
			text: "Casualties mount\n" +
				"The ISW said the units were moved east.\n" +
				"Later the ISW said the units were rotated.\n" +
				"Some 600 North Korean soldiers died in the assault.",
			fig:  "Some 600",
			want: map[string]string{"ISW": "prev+lead+top"},
		},
		{
			name: "named in the figure's sentence",
			text: "The NIS said 11,000 North Korean troops were sent to Russia.",
			fig:  "11,000",
			want: map[string]string{"NIS": "rule+same+lead"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &flowwatch.Article{Name: "t", Text: tc.text, Lang: "en", Outlet: tc.outlet}
			got := optionRels(t, x, a, tc.fig)
			for name, rels := range tc.want {
				g, ok := got[name]
				if !ok {
					t.Errorf("no option %q; options %v", name, got)
					continue
				}
				for _, r := range strings.Split(rels, "+") {
					if !slices.Contains(strings.Split(g, "+"), r) {
						t.Errorf("option %q: relations %s, want %s among them", name, g, r)
					}
				}
			}
		})
	}
}

// TestSourceHeadMargin: an option the head prefers replaces the rules'
// choice only when it beats it by the margin.
func TestSourceHeadMargin(t *testing.T) {
	h := &Head{Classes: []string{"no", "yes"}, Bias: []float64{0, 0}, W: map[string][]float64{
		"s:r=prev": {0, 3}, // named in the paragraph before: likely
		"s:r=rule": {0, 1},
	}}
	c := Candidate{Claim: flowwatch.Claim{Source: ""}, Sources: []SourceOption{
		{Name: "", Rels: RelRule | RelNone, Back: -1},
		{Name: "ISW", Rels: RelPrev, Back: 2, ParaBack: 1},
	}}
	for _, tc := range []struct {
		margin float64
		want   string
	}{{1, "ISW"}, {2, "ISW"}, {2.5, ""}, {NeverMargin, ""}} {
		m := &Model{Heads: map[string]*Head{HeadSource: h}, SourceMargin: tc.margin}
		cc := c
		var buf []byte
		ss, changed := m.chooseSource(&cc, true, &buf)
		if cc.Source != tc.want || changed != (tc.want != "") || len(ss) != 2 {
			t.Errorf("margin %v: source %q changed %v (%v), want %q", tc.margin, cc.Source, changed, ss, tc.want)
		}
	}
}
