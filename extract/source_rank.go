package extract

import "math/bits"

// The source head: a pointwise logistic score for each source option of a
// figure (SourceOption), fitted on which option the gold credits. The
// rules' choice stands unless another option scores at least
// Model.SourceMargin (in log-odds) above it: the margin is chosen by
// cross-validation (fit.CrossValidate), so that the head overturns the
// rules only where that helped on articles it had not seen.

// HeadSource scores one source option: classes "no", "yes".
const HeadSource = "source"

// SourceScore is one option's score, for --explain.
type SourceScore struct {
	Name  string
	Rels  []string
	Score float64 // log-odds that the option is the claim's source
}

// NeverMargin and above: the source head never overturns the rules. JSON
// has no infinity, so the model file says "off" with a margin no score
// difference reaches.
const NeverMargin = 1000.0

// sourceActive reports whether the source head may overturn the rules.
func (m *Model) sourceActive() bool {
	return m != nil && m.Heads[HeadSource] != nil && m.SourceMargin < NeverMargin
}

// chooseSource re-decides c's source and returns the options' scores (only
// when explain) and whether the rules were overturned.
func (m *Model) chooseSource(c *Candidate, explain bool, buf *[]byte) ([]SourceScore, bool) {
	h := m.Heads[HeadSource]
	if h == nil || len(c.Sources) < 2 || len(h.Classes) != 2 || !explain && m.SourceMargin >= NeverMargin {
		return nil, false
	}
	var out []SourceScore
	rule, best := -1, -1
	var ruleZ, bestZ float64
	for k := range c.Sources {
		o := &c.Sources[k]
		z := m.sourceLogit(h, c, o, buf)
		if explain {
			out = append(out, SourceScore{o.Name, RelNamesOf(o.Rels), z})
		}
		if o.Rels&RelRule != 0 {
			rule, ruleZ = k, z
		}
		if best < 0 || z > bestZ {
			best, bestZ = k, z
		}
	}
	if rule < 0 || best == rule || bestZ-ruleZ < m.SourceMargin {
		return out, false
	}
	c.Source, c.Via = c.Sources[best].Name, ""
	return out, true
}

// sourceLogit is the log-odds the head gives option o of c.
func (m *Model) sourceLogit(h *Head, c *Candidate, o *SourceOption, buf *[]byte) float64 {
	z := h.Bias[1] - h.Bias[0]
	eachSourceFeature(c, o, buf, func(f []byte) {
		if w, ok := h.W[string(f)]; ok {
			z += w[1] - w[0]
		}
	})
	return z
}

// SourceFeatures lists the features of option o of c (see eachSourceFeature).
func SourceFeatures(c *Candidate, o *SourceOption) []string {
	var out []string
	var buf []byte
	eachSourceFeature(c, o, &buf, func(f []byte) { out = append(out, string(f)) })
	return out
}

// eachSourceFeature calls emit with each feature of option o: its
// relations to the figure, how far back it is named and how it was named,
// what kind of source it is, and the same crossed with what the figure's
// sentence says of attribution and with whether the rules found a source.
func eachSourceFeature(c *Candidate, o *SourceOption, buf *[]byte, emit func([]byte)) {
	b := (*buf)[:0]
	defer func() { *buf = b }()
	put := func(parts ...string) {
		b = b[:0]
		for _, p := range parts {
			b = append(b, p...)
		}
		emit(b)
	}
	near := nearest(o.Rels)
	kind := o.Kind
	if o.Name == "" {
		kind = "-"
	} else if kind == "" {
		kind = "unknown"
	}
	ruleNone := "rs"
	if c.Source == "" {
		ruleNone = "r0"
	}
	put("s:near=", near)
	put("s:near=", near, ".", ruleNone)
	put("s:kind=", kind)
	put("s:kind=", kind, ".", near)
	put("s:back=", bucket(o.Back))
	put("s:pback=", bucket(o.ParaBack))
	put("s:n=", bucket(o.Count))
	put("s:cr=", bucket(o.Credited), ".", ruleNone)
	for k, n := range relNames {
		if o.Rels&(1<<k) == 0 {
			continue
		}
		put("s:r=", n)
		put("s:r=", n, ".", ruleNone)
	}
	if o.Cued {
		put("s:cued.", near)
	}
	if o.Between {
		put("s:between.", near)
	}
	for k, n := range ctxNames {
		if c.SourceCtx&(1<<k) == 0 {
			continue
		}
		put("s:c=", n, ".", near)
	}
}

// nearest names the nearest place the option is named: the figure's
// sentence, its paragraph, the paragraph before, further back, later in
// the paragraph; else "lead", "top", "outlet" or "none" as it is.
func nearest(r uint16) string {
	for _, k := range [...]uint16{RelNone, RelSame, RelPara, RelPrev, RelEarlier, RelLater, RelLead, RelTop, RelOutlet} {
		if r&k != 0 {
			return relNames[bits.TrailingZeros16(k)]
		}
	}
	return "rule"
}

var bucketNames = [...]string{"0", "1", "2", "3"}

// bucket is a count below 4 as itself, 4 or 5 as "4-5", more as "6+",
// a missing one (negative) as "-".
func bucket(n int) string {
	switch {
	case n < 0:
		return "-"
	case n < len(bucketNames):
		return bucketNames[n]
	case n < 6:
		return "4-5"
	}
	return "6+"
}
