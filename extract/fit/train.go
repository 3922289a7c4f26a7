package fit

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// Options are the fit's settings. The zero value means the defaults.
type Options struct {
	Epochs   int     // passes of gradient descent; 0: 150
	L2       float64 // weight decay of word features, as for a summed loss; 0: 60
	Rate     float64 // AdaGrad step; 0: 0.3
	MinCount int     // least examples a feature must occur in; 0: 5
	// Threshold, Override and Reinstate are the model's decision settings
	// (see extract.Model); 0: 0.5, 0.7 and 0.8.
	Threshold, Override, Reinstate float64
	// SourceMargin is extract.Model.SourceMargin; 0: NeverMargin, until
	// cross-validation chooses one (see Fit).
	SourceMargin float64
}

func (o Options) withDefaults() Options {
	if o.Epochs == 0 {
		o.Epochs = 150
	}
	if o.L2 == 0 {
		o.L2 = 60
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.Threshold == 0 {
		o.Threshold = 0.5
	}
	if o.Reinstate == 0 {
		o.Reinstate = 0.8
	}
	if o.Override == 0 {
		o.Override = 0.7
	}
	if o.MinCount == 0 {
		o.MinCount = 5
	}
	if o.SourceMargin == 0 {
		o.SourceMargin = NeverMargin
	}
	return o
}

// NeverMargin is a source margin no score difference reaches: the rules'
// source always stands.
const NeverMargin = extract.NeverMargin

// SourceMargins are the margins cross-validation tries, from the most
// cautious; a tie goes to the more cautious.
var SourceMargins = []float64{NeverMargin, 6, 5, 4, 3, 2.5, 2, 1.5, 1, 0.5, 0}

// The classes of each head, in the order of the model's weights.
var (
	keepClasses  = []string{"no", "yes"}
	eventClasses = []string{flowwatch.EventRecruited, flowwatch.EventPlanned, flowwatch.EventSent,
		flowwatch.EventEntered, flowwatch.EventPresent, flowwatch.EventKilled, flowwatch.EventWounded,
		flowwatch.EventCaptured, flowwatch.EventWithdrawn}
	groupClasses = []string{flowwatch.GroupWorkers, flowwatch.GroupSoldiers, flowwatch.GroupEngineers,
		flowwatch.GroupITWorkers, flowwatch.GroupNationals}
)

// Example is one figure the rules read, with what the gold says of it.
type Example struct {
	Feats []string
	Keep  []int // allowed classes of each head; nil: the gold says nothing
	Event []int
	Group []int
	// Sources are the figure's source options, labelled by the gold's
	// source; nil when the gold names none or the engine gives no options.
	Sources []SourceExample
}

// SourceExample is one source option of a figure: its features and whether
// the gold credits the figure to it.
type SourceExample struct {
	Feats []string
	Yes   bool
}

// Examples runs the rules over docs and labels every figure they read,
// those they drop included.
func Examples(docs []Doc, candidates func(*flowwatch.Article) []extract.Candidate) []Example {
	var out []Example
	for i := range docs {
		out = append(out, docExamples(&docs[i], candidates(docs[i].Article))...)
	}
	return out
}

func docExamples(d *Doc, cs []extract.Candidate) []Example {
	owner := make([]*Gold, len(cs))
	for _, m := range matchGold(d, cs) {
		owner[m.cand] = m.gold
	}
	out := make([]Example, len(cs))
	for ci := range cs {
		e := &out[ci]
		e.Feats = extract.Features(d.Article.Text, &cs[ci])
		g := owner[ci]
		if g == nil {
			e.Keep = []int{0}
			continue
		}
		if !g.Optional {
			e.Keep = []int{1}
		}
		e.Group = indexes(groupClasses, g.groups)
		if cs[ci].Claim.Kind == flowwatch.KindPeople {
			e.Event = indexes(eventClasses, g.events)
		}
		e.Sources = sourceExamples(&cs[ci], g)
	}
	return out
}

// sourceExamples labels each source option of c by whether the gold g
// credits c's figure to it.
func sourceExamples(c *extract.Candidate, g *Gold) []SourceExample {
	alts := strList(g.Source)
	if len(alts) == 0 || len(c.Sources) < 2 {
		return nil
	}
	out := make([]SourceExample, len(c.Sources))
	for k := range c.Sources {
		out[k] = SourceExample{extract.SourceFeatures(c, &c.Sources[k]), in(c.Sources[k].Name, alts)}
	}
	return out
}

// goldMatch pairs a candidate with the gold claim of its figure.
type goldMatch struct {
	cand int
	gold *Gold
}

// matchGold gives each gold claim (required ones first) the candidate of
// the same figure whose quote covers most of the gold's, if it covers
// half of it.
func matchGold(d *Doc, cs []extract.Candidate) []goldMatch {
	golds := append([]Gold(nil), d.Gold...)
	sort.SliceStable(golds, func(i, j int) bool { return !golds[i].Optional && golds[j].Optional })
	taken := make([]bool, len(cs))
	var out []goldMatch
	for gi := range golds {
		g := &golds[gi]
		best, bo := -1, 0.0
		for ci := range cs {
			if taken[ci] || !sameFigure(g, &cs[ci].Claim) {
				continue
			}
			if o := covered(g.Quote, cs[ci].Quote); o > bo {
				best, bo = ci, o
			}
		}
		if best >= 0 && bo >= 0.5 {
			taken[best] = true
			out = append(out, goldMatch{best, g})
		}
	}
	return out
}

// sameFigure: the same kind of figure with the same value, whatever the
// rules made of its group and event.
func sameFigure(g *Gold, c *flowwatch.Claim) bool {
	return norm(g.Kind) == norm(c.Kind) && numEq(g.Low, c.Low) && numEq(g.High, c.High)
}

// covered is the share of the gold quote's words found in the claim's.
func covered(gold, quote string) float64 {
	g, q := wordSet(gold), wordSet(quote)
	n := 0
	for w := range g {
		if q[w] {
			n++
		}
	}
	return float64(n) / math.Max(1, float64(len(g)))
}

func indexes(classes, names []string) []int {
	var out []int
	for _, n := range names {
		if k := slices.Index(classes, norm(n)); k >= 0 && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Train fits a model on labelled examples. It is deterministic: the same
// examples in the same order give the same weights.
func Train(ex []Example, opt Options) *extract.Model {
	opt = opt.withDefaults()
	vocab := vocabulary(ex, opt.MinCount)
	m := &extract.Model{Version: 1, Threshold: opt.Threshold, Override: opt.Override, Reinstate: opt.Reinstate, Heads: map[string]*extract.Head{}}
	for _, h := range []struct {
		name    string
		classes []string
		label   func(*Example) []int
	}{
		{extract.HeadKeep, keepClasses, func(e *Example) []int { return e.Keep }},
		{extract.HeadEvent, eventClasses, func(e *Example) []int { return e.Event }},
		{extract.HeadGroup, groupClasses, func(e *Example) []int { return e.Group }},
	} {
		m.Heads[h.name] = trainHead(ex, vocab, h.classes, h.label, opt)
	}
	if h := trainSourceHead(ex, opt); h != nil {
		m.Heads[extract.HeadSource] = h
		m.SourceMargin = opt.SourceMargin
	}
	return m
}

// trainSourceHead fits the source head on every labelled source option,
// each an example of its own (a pointwise ranker); nil when there is none.
func trainSourceHead(ex []Example, opt Options) *extract.Head {
	var rows []Example
	for i := range ex {
		for _, s := range ex[i].Sources {
			rows = append(rows, Example{Feats: s.Feats, Keep: []int{b2i(s.Yes)}})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return trainHead(rows, vocabulary(rows, opt.MinCount), keepClasses, func(e *Example) []int { return e.Keep }, opt)
}

// vocabulary numbers the features that occur in at least min examples,
// in sorted order.
func vocabulary(ex []Example, min int) map[string]int {
	count := map[string]int{}
	for _, e := range ex {
		for _, f := range e.Feats {
			count[f]++
		}
	}
	var names []string
	for f, n := range count {
		if n >= min {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	vocab := make(map[string]int, len(names))
	for i, f := range names {
		vocab[f] = i
	}
	return vocab
}

// trainHead fits one softmax head by full-batch AdaGrad. A label lists
// every acceptable class (the gold may accept several events); the loss
// is minus the log of their total probability.
func trainHead(ex []Example, vocab map[string]int, classes []string, label func(*Example) []int, opt Options) *extract.Head {
	type row struct {
		x     []int
		allow []int
	}
	var rows []row
	for i := range ex {
		allow := label(&ex[i])
		if len(allow) == 0 {
			continue
		}
		var x []int
		for _, f := range ex[i].Feats {
			if k, ok := vocab[f]; ok {
				x = append(x, k)
			}
		}
		rows = append(rows, row{x, allow})
	}
	K, F := len(classes), len(vocab)
	// Only word features are shrunk: the rules' reading and the figure's
	// shape are few and general, and shrinking them would make the model
	// doubt the rules where no word says otherwise.
	decay := make([]float64, F)
	for f, i := range vocab {
		if strings.Contains(f, ":") {
			decay[i] = opt.L2 / float64(len(rows))
		}
	}
	w := make([]float64, F*K)
	b := make([]float64, K)
	gw := make([]float64, F*K)
	gb := make([]float64, K)
	hw := make([]float64, F*K) // AdaGrad's sums of squared gradients
	hb := make([]float64, K)
	z := make([]float64, K)
	for epoch := 0; epoch < opt.Epochs && len(rows) > 0; epoch++ {
		clear(gw)
		clear(gb)
		for _, r := range rows {
			copy(z, b)
			for _, f := range r.x {
				for k := 0; k < K; k++ {
					z[k] += w[f*K+k]
				}
			}
			p := extract.Softmax(slices.Clone(z))
			allowed := 0.0
			for _, k := range r.allow {
				allowed += p[k]
			}
			for k := 0; k < K; k++ {
				q := 0.0
				if slices.Contains(r.allow, k) && allowed > 0 {
					q = p[k] / allowed
				}
				g := (p[k] - q) / float64(len(rows))
				gb[k] += g
				for _, f := range r.x {
					gw[f*K+k] += g
				}
			}
		}
		for i := range w {
			g := gw[i] + decay[i/K]*w[i]
			hw[i] += g * g
			if hw[i] > 0 {
				w[i] -= opt.Rate * g / math.Sqrt(hw[i])
			}
		}
		for k := range b {
			hb[k] += gb[k] * gb[k]
			if hb[k] > 0 {
				b[k] -= opt.Rate * gb[k] / math.Sqrt(hb[k])
			}
		}
	}
	seen := make([]int, K)
	for _, r := range rows {
		for _, k := range r.allow {
			seen[k]++
		}
	}
	h := &extract.Head{Classes: classes, Bias: roundAll(b), W: map[string][]float64{}, Seen: seen}
	for f, i := range vocab {
		ws := roundAll(w[i*K : (i+1)*K])
		if slices.ContainsFunc(ws, func(v float64) bool { return v != 0 }) {
			h.W[f] = ws
		}
	}
	return h
}

// roundAll keeps four decimals: the model file stays small and diffs read.
func roundAll(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Round(x*1e4) / 1e4
	}
	return out
}

// Lang of a set name, for per-language tables.
func Lang(set string) string {
	d := Doc{Set: set}
	return d.Lang()
}
