package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
)

// printExplain shows, for every figure the rule stages read, what they
// made of it and how the fitted stage decided: the candidate events and
// groups with their probabilities, the keep probability against the
// threshold, and the features that weighed most.
func printExplain(w io.Writer, x *extract.Extractor, d *domain.Domain, res extracted) error {
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
		if ev := evidence(d, &c); ev != "" {
			fmt.Fprintf(w, "  found     %s\n", plain(ev))
		}
		if m == nil {
			fmt.Fprintln(w, "  no fitted stage: the rules' reading is the claim")
			continue
		}
		if !m.Applies(a.Lang) {
			fmt.Fprintf(w, "  the fitted stage does not re-decide %q (it did not beat the rules in cross-validation): the rules' reading is the claim\n", a.Lang)
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
		if len(d.Sources) > 0 {
			fmt.Fprintf(w, "  source    %s → %s\n", plain(sourceScores(d.Sources)), sourceVerdict(m, d, after.Claim.Source))
		}
		if len(d.Top) > 0 {
			fmt.Fprintf(w, "  weighed   %s\n", plain(strings.Join(d.Top, "; ")))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// evidence says where the claim's source and places stand in its
// sentence: the name the sentence gives them, or that it gives none, so
// the attribution came from a sentence around it (a speaker named before,
// "This was reported by ..." after, a pronoun) or from a form the
// gazetteer's names do not spell out (an inflected Russian name).
func evidence(d *domain.Domain, c *flowwatch.Claim) string {
	var parts []string
	if c.Source != "" {
		names := []string{c.Source}
		if s, ok := d.SourceByAlias(c.Source); ok {
			names = append(names, s.Aliases...)
		}
		parts = append(parts, "source "+c.Source+" "+namedAs(c.Quote, names))
	}
	for _, pl := range c.Place {
		names := []string{pl}
		if p, ok := d.Place(pl); ok {
			names = append(append(names, p.Aliases...), p.Adjectives...)
		}
		parts = append(parts, "place "+pl+" "+namedAs(c.Quote, names))
	}
	return strings.Join(parts, "; ")
}

// namedAs is how the sentence names one of names, the longest found, or
// that it names none. A name may be a stem pattern ("курск* област*").
func namedAs(sentence string, names []string) string {
	low := strings.ToLower(sentence)
	if len(low) != len(sentence) {
		sentence = low // lower-casing moved bytes ("İ"): show the match as found
	}
	best := ""
	for _, n := range names {
		found := ""
		if strings.Contains(n, "*") {
			if loc := stemPattern(n).FindStringIndex(low); loc != nil {
				found = sentence[loc[0]:loc[1]]
			}
		} else if i := strings.Index(low, strings.ToLower(n)); i >= 0 && n != "" {
			found = sentence[i : i+len(n)]
		}
		if len(found) > len(best) {
			best = found
		}
	}
	if best == "" {
		return "(not named in the sentence: from a sentence around it or an inflected form)"
	}
	return "as “" + best + "”"
}

var stemPatterns sync.Map // string → *regexp.Regexp

// stemPattern matches a lexicon stem pattern, each * standing for the
// rest of a word.
func stemPattern(n string) *regexp.Regexp {
	if re, ok := stemPatterns.Load(n); ok {
		return re.(*regexp.Regexp)
	}
	parts := strings.Split(strings.ToLower(n), "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	re := regexp.MustCompile(strings.Join(parts, `\pL*`))
	stemPatterns.Store(n, re)
	return re
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

// sourceScores lists the source options, best first, with their scores
// (log-odds) and how each stands to the figure.
func sourceScores(ss []extract.SourceScore) string {
	ss = append([]extract.SourceScore(nil), ss...)
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].Score > ss[j].Score })
	parts := make([]string, len(ss))
	for k, s := range ss {
		parts[k] = fmt.Sprintf("%s %+.2f (%s)", dash(s.Name), s.Score, strings.Join(s.Rels, "+"))
	}
	return strings.Join(parts, ", ")
}

// sourceVerdict names the source that won and why.
func sourceVerdict(m *extract.Model, d extract.Decision, won string) string {
	if d.SourceChanged {
		return fmt.Sprintf("%s (beats the rules' choice by at least %.2f)", dash(won), m.SourceMargin)
	}
	return fmt.Sprintf("%s (the rules' choice: no option beats it by %s)", dash(won), margin(m.SourceMargin))
}

func margin(v float64) string {
	if v >= extract.NeverMargin {
		return "any margin (the source head is off)"
	}
	return fmt.Sprintf("%.2f", v)
}
