package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// printExplain shows, for every figure the rule stages read, what they
// made of it and how the fitted stage decided: the candidate events and
// groups with their probabilities, the keep probability against the
// threshold, and the features that weighed most.
func printExplain(w io.Writer, x *extract.Extractor, res extracted) error {
	a := res.article
	m := x.Model()
	fmt.Fprintf(w, "==> %s <==\n", plain(res.path))
	cands := x.Candidates(a)
	aboutNK := extract.AboutNorthKoreans(cands)
	for _, cand := range cands {
		c := cand.Claim
		fig := ""
		if c.FigureStart < c.FigureEnd && c.FigureEnd <= len(a.Text) {
			fig = a.Text[c.FigureStart:c.FigureEnd]
		}
		fmt.Fprintf(w, "%q at %d–%d: %s %s\n", plain(fig), c.FigureStart, c.FigureEnd, c.Kind, figure(c))
		fmt.Fprintf(w, "  sentence  %s\n", plain(c.Quote))
		fmt.Fprintf(w, "  rules     group %s, event %s, place %s, when %s, source %s\n",
			dash(c.Group), dash(c.Event), dash(strings.Join(c.Place, ",")), dash(period(c.When)), dash(c.Source))
		if cand.Dropped != "" {
			fmt.Fprintf(w, "  rules drop it: %s\n", cand.Dropped)
		}
		if m == nil {
			fmt.Fprintln(w, "  no fitted stage: the rules' reading is the claim")
			continue
		}
		if cand.Dropped == extract.DropNoOrigin && !aboutNK {
			fmt.Fprintln(w, "  stays dropped: the rules tied no figure of this article to North Koreans")
			continue
		}
		after := cand
		d, keep := m.Decide(a.Text, &after)
		verdict, threshold := "kept", m.Threshold
		if cand.Dropped != "" {
			threshold = m.Reinstate
		}
		if !keep {
			verdict = "dropped"
		}
		fmt.Fprintf(w, "  keep      %.2f against threshold %.2f: %s\n", d.Keep, threshold, verdict)
		if d.Group != nil {
			fmt.Fprintf(w, "  group     %s → %s\n", ranked(d.Group, c.Group), after.Claim.Group)
		}
		if d.Event != nil {
			fmt.Fprintf(w, "  event     %s → %s\n", ranked(d.Event, c.Event), after.Claim.Event)
		}
		if len(d.Top) > 0 {
			fmt.Fprintf(w, "  weighed   %s\n", plain(strings.Join(d.Top, "; ")))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// ranked lists candidates by probability, marking the rules' choice.
func ranked(p map[string]float64, rule string) string {
	type cp struct {
		c string
		p float64
	}
	var all []cp
	for c, v := range p {
		all = append(all, cp{c, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].p > all[j].p || all[i].p == all[j].p && all[i].c < all[j].c })
	var parts []string
	for i, x := range all {
		if i >= 3 && x.c != rule {
			continue
		}
		s := fmt.Sprintf("%s %.2f", x.c, x.p)
		if x.c == rule {
			s += " (rules)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func period(p *flowwatch.Period) string {
	if p == nil {
		return ""
	}
	return p.From.String() + ".." + p.To.String()
}

// plain makes article text safe to print on one terminal line: no control
// characters, no bidi overrides that would reorder what is shown.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}
