package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

// The last stage of the pipeline: a fitted model re-decides what the rules
// proposed. For each figure the rules read, it scores every event and
// every group as candidates, and whether the figure is a claim at all,
// from the words around the figure and the rules' own reading (which it
// takes as evidence, not as the answer). The weights are fitted on the
// train corpus by `flowwatch train` (go generate ./extract) and embedded.

//go:embed model.json
var modelJSON []byte

// Model is a set of linear heads over sparse features. It is read-only
// after loading and safe for concurrent use.
type Model struct {
	Version   int     `json:"version"`
	Threshold float64 `json:"threshold"` // least keep probability
	// Override is the least probability another event or group needs to
	// replace the rules' choice: the rules say something general, and a
	// fitted weight overturns them only on clear evidence.
	Override float64          `json:"override"`
	Heads    map[string]*Head `json:"heads"`
}

// Head is one multi-class decision: softmax over Classes.
type Head struct {
	Classes []string             `json:"classes"`
	Bias    []float64            `json:"bias"`
	W       map[string][]float64 `json:"w"`
}

// The heads a model has.
const (
	HeadKeep  = "keep"  // classes "no", "yes"
	HeadEvent = "event" // the spec's events
	HeadGroup = "group" // the spec's groups
)

// DefaultModel is the embedded model; nil when none was fitted yet.
func DefaultModel() *Model {
	defaultModelOnce()
	return defaultModel
}

var defaultModel *Model

var defaultModelOnce = sync.OnceFunc(func() {
	if len(modelJSON) == 0 {
		return
	}
	m, err := ParseModel(modelJSON)
	if err != nil {
		panic(fmt.Sprintf("extract: embedded model.json: %v", err)) // a build defect
	}
	defaultModel = m
})

// ParseModel reads a model written by (*Model).MarshalJSON.
func ParseModel(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse model: %w", err)
	}
	if m.Version == 0 {
		return nil, nil // an empty placeholder: no model
	}
	for name, h := range m.Heads {
		if len(h.Bias) != len(h.Classes) {
			return nil, fmt.Errorf("parse model: head %s: %d biases for %d classes", name, len(h.Bias), len(h.Classes))
		}
		for f, w := range h.W {
			if len(w) != len(h.Classes) {
				return nil, fmt.Errorf("parse model: head %s: feature %q has %d weights", name, f, len(w))
			}
		}
	}
	return &m, nil
}

// Probs returns the head's class probabilities for the features.
func (h *Head) Probs(feats []string) []float64 {
	z := slices.Clone(h.Bias)
	for _, f := range feats {
		if w, ok := h.W[f]; ok {
			for k := range z {
				z[k] += w[k]
			}
		}
	}
	return softmax(z)
}

func softmax(z []float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = math.Max(mx, v)
	}
	sum := 0.0
	for k, v := range z {
		z[k] = math.Exp(v - mx)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
	return z
}

// Decision is what the model made of one figure, for --explain.
type Decision struct {
	Keep   float64            // probability that the figure is a claim
	Event  map[string]float64 // candidate events and their probabilities
	Group  map[string]float64
	Top    []string        // the features that weighed most for the chosen event and group
	Before flowwatch.Claim // the rules' reading
}

// Decide re-decides one claim in place and reports whether to keep it.
func (m *Model) Decide(text string, c *flowwatch.Claim) (Decision, bool) {
	d := Decision{Before: *c}
	feats := Features(text, c)
	d.Keep = 1
	if h := m.Heads[HeadKeep]; h != nil {
		d.Keep = h.Probs(feats)[1]
	}
	if h := m.Heads[HeadGroup]; h != nil {
		p := h.Probs(feats)
		d.Group = probMap(h.Classes, p)
		c.Group = m.choose(h, p, c.Group)
		d.Top = append(d.Top, h.top(feats, slices.Index(h.Classes, c.Group), 3)...)
	}
	if h := m.Heads[HeadEvent]; h != nil && c.Kind == flowwatch.KindPeople {
		p := h.Probs(feats)
		d.Event = probMap(h.Classes, p)
		c.Event = m.choose(h, p, c.Event)
		d.Top = append(d.Top, h.top(feats, slices.Index(h.Classes, c.Event), 3)...)
	}
	return d, d.Keep >= m.Threshold
}

// Apply re-decides every claim of an article and drops the figures the
// model does not take for claims. Claims that become the same claim are
// kept once.
func (m *Model) Apply(text string, cs []flowwatch.Claim) []flowwatch.Claim {
	out := cs[:0]
	type key struct {
		kind, group, event string
		low, high          float64
		start              int
	}
	seen := map[key]bool{}
	for i := range cs {
		c := cs[i]
		if _, keep := m.Decide(text, &c); !keep {
			continue
		}
		k := key{c.Kind, c.Group, c.Event, val(c.Low), val(c.High), c.Start}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// choose keeps the rules' class unless another is likelier and clears
// Override.
func (m *Model) choose(h *Head, p []float64, rule string) string {
	best := argmax(p)
	if h.Classes[best] == rule || p[best] < m.Override && slices.Contains(h.Classes, rule) {
		return rule
	}
	return h.Classes[best]
}

func (h *Head) top(feats []string, class, n int) []string {
	type fw struct {
		f string
		w float64
	}
	var all []fw
	for _, f := range feats {
		if w, ok := h.W[f]; ok && class >= 0 && w[class] != 0 {
			all = append(all, fw{f, w[class]})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return math.Abs(all[i].w) > math.Abs(all[j].w) })
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, fmt.Sprintf("%s %+.2f→%s", all[i].f, all[i].w, h.Classes[class]))
	}
	return out
}

func probMap(classes []string, p []float64) map[string]float64 {
	m := make(map[string]float64, len(classes))
	for k, c := range classes {
		m[c] = p[k]
	}
	return m
}

func argmax(p []float64) int {
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return best
}

// featureWindow is how many words on each side of a figure are read.
const featureWindow = 8

// Features lists the evidence the model weighs for a claim: the rules'
// reading, the figure's size, and the words of its sentence, those near the
// figure marked by side. Words are cut to a stem-like prefix so that one
// feature covers a word's forms (направил, направить; deployed, deploying);
// Korean words give their syllable pairs, which carry the particles and
// verb endings.
func Features(text string, c *flowwatch.Claim) []string {
	f := make([]string, 0, 96)
	f = append(f, "bias", "k="+c.Kind, "ev="+c.Event, "gr="+c.Group, "q="+c.Qualifier,
		"lang="+c.Lang, "u="+c.Unit, "mag="+magnitude(c), "k.ev="+c.Kind+"."+c.Event)
	if c.Source != "" {
		f = append(f, "src")
	}
	if c.When != nil {
		f = append(f, "when")
	}
	if len(c.Place) > 0 {
		f = append(f, "place")
	}
	fs, fe := c.FigureStart, c.FigureEnd
	if fs < c.Start || fe > c.End || fs >= fe || c.End > len(text) {
		return f // no figure offsets: the rules' reading alone
	}
	left := words(text[c.Start:fs])
	right := words(text[fe:c.End])
	fig := words(text[fs:fe])
	for i, w := range left {
		d := len(left) - i
		if d <= featureWindow {
			f = append(f, "L:"+w)
		}
		if d <= 2 {
			f = append(f, "L2:"+w)
		}
		f = append(f, "S:"+w)
	}
	for i, w := range right {
		if i < featureWindow {
			f = append(f, "R:"+w)
		}
		if i < 2 {
			f = append(f, "R2:"+w)
		}
		f = append(f, "S:"+w)
	}
	for _, w := range fig {
		f = append(f, "F:"+w)
	}
	// A Korean or Russian sentence often ends on its predicate.
	for i := max(0, len(right)-3); i < len(right); i++ {
		f = append(f, "E:"+right[i])
	}
	if c.Start == 0 || c.Start > 0 && !strings.Contains(text[:c.Start], "\n") {
		f = append(f, "first-line")
	}
	if n := len(left) + len(right); n < 8 {
		f = append(f, "short")
	}
	slices.Sort(f)
	return slices.Compact(f)
}

func magnitude(c *flowwatch.Claim) string {
	v := c.Low
	if v == nil {
		v = c.High
	}
	if v == nil || *v <= 0 {
		return "none"
	}
	return fmt.Sprint(int(math.Floor(math.Log10(*v))))
}

// words splits s into normalised words.
func words(s string) []string {
	var out []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			s = s[n:]
			continue
		}
		end := n
		for end < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '-' {
				break
			}
			end += n2
		}
		out = appendWord(out, s[:end])
		s = s[end:]
	}
	return out
}

func appendWord(out []string, w string) []string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r):
		return append(out, "#")
	case unicode.Is(unicode.Hangul, r):
		rs := []rune(w)
		if len(rs) == 1 {
			return append(out, string(rs))
		}
		for i := 0; i+1 < len(rs); i++ {
			out = append(out, string(rs[i:i+2]))
		}
		return out
	}
	w = strings.ToLower(w)
	n := 6
	if unicode.Is(unicode.Cyrillic, r) {
		n = 5
	}
	if utf8.RuneCountInString(w) > n {
		w = string([]rune(w)[:n])
	}
	return append(out, w)
}
