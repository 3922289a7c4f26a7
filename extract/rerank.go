package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	Override float64 `json:"override"`
	// Reinstate is the least keep probability of a figure the rules
	// dropped.
	Reinstate float64          `json:"reinstate"`
	Heads     map[string]*Head `json:"heads"`
	// Langs are the languages whose figures the model re-decides; the
	// rules' reading stands in the others. Training keeps a language only
	// where cross-validation found the model better than the rules alone
	// (see fit.CrossValidate). Absent (nil): every language; empty: none.
	Langs []string `json:"langs"`
	// SourceMargin is how much higher (in log-odds) the source head must
	// score another source option than the rules' choice to replace it
	// (see source_rank.go); chosen by cross-validation.
	SourceMargin float64 `json:"source_margin,omitempty"`

	compiled sync.Once
	// Every head's weights of a feature, heads in headOrder: short holds
	// the features of at most maxShortKey bytes (nearly all), long the
	// rest.
	short shortTable
	long  strTable[[]float64]
	heads [len(headOrder)]*Head
}

// Applies reports whether the model re-decides the figures of an article
// in lang (an ISO 639-1 code). A language without a module of its own is
// read by the English rules, so it counts as English here too.
func (m *Model) Applies(lang string) bool {
	if m == nil {
		return false
	}
	if m.Langs == nil {
		return true
	}
	lang = strings.ToLower(lang)
	if articleAppenders[lang] == nil && articleFuncs[lang] == nil {
		lang = "en"
	}
	return slices.Contains(m.Langs, lang)
}

// Head is one multi-class decision: softmax over Classes.
type Head struct {
	Classes []string             `json:"classes"`
	Bias    []float64            `json:"bias"`
	W       map[string][]float64 `json:"w"`
	// Seen counts, per class, the training examples that allow it. A
	// class seen less than minSeen times is one the head cannot tell
	// from the rest, so the rules' choice of it stands.
	Seen []int `json:"seen,omitempty"`
}

// minSeen is how many training examples a class needs before the model
// may overturn the rules' choice of it: 11 "withdrawn" figures in the
// train corpus taught the event head to give any return home
// probability 0.00.
const minSeen = 20

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
	return Softmax(z)
}

// Softmax turns scores into probabilities, in place, and returns z.
func Softmax(z []float64) []float64 {
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
	// Sources are the source options with their scores; SourceChanged
	// says the head overturned the rules' choice.
	Sources       []SourceScore
	SourceChanged bool
}

// Decide re-decides one claim in place and reports whether to keep it,
// with the candidates and the features that weighed most.
func (m *Model) Decide(text string, c *Candidate) (Decision, bool) {
	var buf []byte
	return m.decide(text, c, true, &buf)
}

// headOrder is the order of the heads' weights in Model.short and long.
var headOrder = [...]string{HeadKeep, HeadEvent, HeadGroup}

// compile merges the heads' weights so that scoring looks each feature up
// once, in a table that takes the feature's bytes as built (see
// strTable): the lookups were most of what the stage cost.
func (m *Model) compile() {
	m.compiled.Do(func() {
		width := 0
		for _, name := range headOrder {
			if h := m.Heads[name]; h != nil {
				width += len(h.Classes)
			}
		}
		rows := map[string][]float64{}
		for i, name := range headOrder {
			m.heads[i] = m.Heads[name]
		}
		off := 0
		for _, name := range headOrder {
			h := m.Heads[name]
			if h == nil {
				continue
			}
			for f, w := range h.W {
				row := rows[f]
				if row == nil {
					row = make([]float64, width)
					rows[f] = row
				}
				copy(row[off:], w)
			}
			off += len(h.Classes)
		}
		short, long := map[string][]float64{}, map[string][]float64{}
		for f, row := range rows {
			if f != "" && len(f) <= maxShortKey {
				short[f] = row
			} else {
				long[f] = row
			}
		}
		m.short, m.long = newShortTable(short), newStrTable(long)
	})
}

// probs returns each head's class probabilities for a claim, in
// headOrder; nil for a head the model lacks, or one need leaves out. The
// probabilities are computed in z, which allocates nothing when it is
// wide enough for every head: scoring runs for every figure read. Features
// are built in *buf, which the caller keeps across figures.
func (m *Model) probs(text string, c *Candidate, z []float64, need [len(headOrder)]bool, buf *[]byte) [len(headOrder)][]float64 {
	m.compile()
	z = z[:0]
	for _, h := range m.heads {
		if h != nil {
			z = append(z, h.Bias...)
		}
	}
	eachFeature(text, c, buf, func(f []byte) {
		if w := m.row(f); w != nil {
			w = w[:len(z)] // one bounds check for the row
			for k := range z {
				z[k] += w[k]
			}
		}
	})
	var out [len(headOrder)][]float64
	off := 0
	for i, h := range m.heads {
		if h != nil {
			if need[i] {
				out[i] = Softmax(z[off : off+len(h.Classes) : off+len(h.Classes)])
			}
			off += len(h.Classes)
		}
	}
	return out
}

// row is the weights of feature f, from the table that holds it, or nil.
func (m *Model) row(f []byte) []float64 {
	if len(f) != 0 && len(f) <= maxShortKey {
		return m.short.get(f)
	}
	if e := m.long.get(f); e != nil {
		return e.val
	}
	return nil
}

func (m *Model) decide(text string, cand *Candidate, explain bool, buf *[]byte) (Decision, bool) {
	c := &cand.Claim
	var d Decision
	if explain {
		d.Before = *c // a claim is large: copied only for --explain
	}
	ruleGroup := c.Group
	var zbuf [32]float64
	// The event head decides people figures only.
	need := [len(headOrder)]bool{true, explain || c.Kind == flowwatch.KindPeople, true}
	probs := m.probs(text, cand, zbuf[:], need, buf)
	var feats []string
	if explain {
		feats = Features(text, cand)
	}
	d.Keep = 1
	if p := probs[0]; p != nil {
		d.Keep = p[1]
	}
	groupSure := true
	if h := m.heads[2]; h != nil {
		p := probs[2]
		c.Group = m.choose(h, p, c.Group)
		if ruleGroup == "" {
			k := slices.Index(h.Classes, c.Group)
			groupSure = k >= 0 && p[k] >= m.Override
		}
		if explain {
			d.Group = probMap(h.Classes, p)
			d.Top = append(d.Top, h.top(feats, slices.Index(h.Classes, c.Group), 3)...)
		}
	}
	if h := m.heads[1]; h != nil && c.Kind == flowwatch.KindPeople {
		p := probs[1]
		c.Event = m.choose(h, p, c.Event)
		if explain {
			d.Event = probMap(h.Classes, p)
			d.Top = append(d.Top, h.top(feats, slices.Index(h.Classes, c.Event), 3)...)
		}
	}
	d.Sources, d.SourceChanged = m.chooseSource(cand, explain, buf)
	if cand.Dropped != "" {
		// A figure the rules found no people for comes back only when the
		// model is as sure whose it is as it must be to overturn a group;
		// and none comes back that counts more people than North Korea has
		// ever sent anywhere ("100 million may have perished" on a page
		// that names North Korea in its margins). One the rules gave to
		// another people ("армия Украины потеряла 30 тысяч солдат") stays
		// theirs, a rate of exchange stays a price of money, and the
		// accused of a case ("indicted 14 North Korean nationals") stay
		// no flow of people.
		return d, !finalDrop[cand.Dropped] && d.Keep >= m.Reinstate && c.Group != "" && groupSure && !beyondDeployments(c)
	}
	return d, d.Keep >= m.Threshold
}

// finalDrop holds the reasons for a drop the model may not overturn: the
// rules know the figure is no North Koreans' flow, not just that they
// found nothing tying it to them.
var finalDrop = map[string]bool{dropOtherPeople: true, dropRate: true, dropLegal: true}

// DropNoOrigin is the reason the rules give for a figure nothing ties to
// North Koreans.
const DropNoOrigin = dropNoOrigin

// AboutNorthKoreans reports whether the rules kept some figure of an
// article's candidates. A figure they tied to no North Koreans comes back
// only in such an article: a page about something else is not made one by
// the model.
func AboutNorthKoreans(cs []Candidate) bool {
	for i := range cs {
		if cs[i].Dropped == "" {
			return true
		}
	}
	return false
}

// maxReinstated is the most people a figure the rules dropped may count
// and still be taken back: the largest figure the train corpus's gold
// gives for North Koreans sent anywhere is 100,000, and only hypothetical
// ones ("as many as a million") reach a million.
const maxReinstated = 1_000_000

func beyondDeployments(c *flowwatch.Claim) bool {
	if c.Kind != flowwatch.KindPeople {
		return false
	}
	return c.Low != nil && *c.Low > maxReinstated || c.High != nil && *c.High > maxReinstated
}

// Choose re-decides every candidate of an article and returns those the
// model takes for claims, in text order. Claims that become the same claim
// are kept once.
func (m *Model) Choose(text string, cs []Candidate) []flowwatch.Claim {
	return m.pick(text, cs, false)
}

// pick is Choose; inPlace lets it re-decide the candidates in cs itself
// rather than in copies, for a caller whose cs is scratch (Extract): a
// candidate is large, and every one was copied.
func (m *Model) pick(text string, cs []Candidate, inPlace bool) []flowwatch.Claim {
	out := make([]flowwatch.Claim, 0, len(cs))
	type key struct {
		kind, group, event string
		low, high          float64
		start              int
	}
	var kbuf [smallKeys]key
	seen := keySet[key]{keys: kbuf[:0]}
	aboutNK := AboutNorthKoreans(cs)
	buf := make([]byte, 0, 64)
	var cp Candidate
	for i := range cs {
		cand := &cs[i]
		if cand.Dropped == DropNoOrigin && !aboutNK {
			continue
		}
		if !inPlace {
			cp = *cand
			cand = &cp
		}
		if _, keep := m.decide(text, cand, false, &buf); !keep {
			g, ok := m.convertedKept(text, cs, i, &buf)
			if !ok {
				continue
			}
			cand.Group = g // one amount, one owner
		}
		c := &cand.Claim
		var isNew bool
		if seen, isNew = seen.add(key{c.Kind, c.Group, c.Event, val(c.Low), val(c.High), c.Start}); !isNew {
			continue
		}
		out = append(out, *c)
	}
	return out
}

// convertedKept reports whether cs[i], a sum the rules kept, is stated
// again in another currency in parentheses right after it ("120,000
// rubles (roughly $1,500) a month") and the model keeps that conversion:
// the two are one amount, and the figure the text states first is the
// claim (the conversion is at most an optional one), so the model may not
// keep the second and drop the first. The first takes the group the
// model gives the second.
func (m *Model) convertedKept(text string, cs []Candidate, i int, buf *[]byte) (string, bool) {
	if i+1 >= len(cs) || cs[i].Dropped != "" || cs[i].Kind != flowwatch.KindMoney || cs[i+1].Kind != flowwatch.KindMoney {
		return "", false
	}
	a, b := &cs[i].Claim, &cs[i+1].Claim
	if a.Unit == b.Unit || a.Start != b.Start || b.FigureStart < a.FigureEnd || b.FigureStart-a.FigureEnd > maxConversionGap || b.FigureStart > len(text) {
		return "", false
	}
	gap := text[a.FigureEnd:b.FigureStart]
	if !strings.Contains(gap, "(") || strings.ContainsAny(gap, ").;") {
		return "", false
	}
	next := cs[i+1]
	_, keep := m.decide(text, &next, false, buf)
	return next.Group, keep
}

// maxConversionGap bounds the bytes between a sum and the parenthesised
// conversion after it: " (roughly ", " (약 ", " (около ".
const maxConversionGap = 24

// choose keeps the rules' class unless another is likelier and clears
// Override.
func (m *Model) choose(h *Head, p []float64, rule string) string {
	best := argmax(p)
	if h.Classes[best] == rule || p[best] < m.Override && slices.Contains(h.Classes, rule) {
		return rule
	}
	if k := slices.Index(h.Classes, rule); k >= 0 && k < len(h.Seen) && h.Seen[k] < minSeen {
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
// reading, the figure's size, and the words near the figure, marked by
// side. Words are cut to a stem-like prefix so that one feature covers a
// word's forms (направил, направить; deployed, deploying); Korean words
// give their syllable pairs, which carry the particles and verb endings.
// A feature may occur more than once; each occurrence counts.
func Features(text string, c *Candidate) []string {
	var out []string
	var buf []byte
	eachFeature(text, c, &buf, func(f []byte) { out = append(out, string(f)) })
	return out
}

// eachFeature calls emit with each feature of Features, built in *buf so
// that scoring allocates nothing per feature.
func eachFeature(text string, cand *Candidate, buf *[]byte, emit func([]byte)) {
	c := &cand.Claim
	b := *buf
	put := func(parts ...string) {
		b = b[:0]
		for _, p := range parts {
			b = append(b, p...)
		}
		emit(b)
	}
	put("bias")
	put("k=", c.Kind)
	put("ev=", c.Event)
	put("gr=", c.Group)
	put("q=", c.Qualifier)
	put("lang=", c.Lang)
	put("u=", c.Unit)
	put(magnitude(c))
	put("k.ev=", c.Kind, ".", c.Event)
	if cand.Dropped != "" {
		put("drop")
		put("drop=", cand.Dropped)
	}
	if c.Source != "" {
		put("src")
	}
	if c.When != nil {
		put("when")
	}
	if len(c.Place) > 0 {
		put("place")
	}
	defer func() { *buf = b }()
	fs, fe := c.FigureStart, c.FigureEnd
	if fs < c.Start || fe > c.End || fs >= fe || c.End > len(text) {
		return // no figure offsets: the rules' reading alone
	}
	word := func(prefix, w string) {
		b = appendWord(b[:0], prefix, "", w, emit)
	}
	// The two words nearest the figure are features of the narrow window
	// (L2:, R2:) too, emitted after the wide one's: appendWord normalises
	// such a word once for both.
	near := func(n int, prefix string) string {
		if n < 2 {
			return prefix
		}
		return ""
	}
	i := fs
	for n := 0; n < featureWindow; n++ {
		ws, we := prevWord(text, c.Start, i)
		if ws < 0 {
			break
		}
		b = appendWord(b[:0], "L:", near(n, "L2:"), text[ws:we], emit)
		i = ws
	}
	i = fe
	for n := 0; n < featureWindow; n++ {
		ws, we := nextWord(text, i, c.End)
		if ws < 0 {
			break
		}
		b = appendWord(b[:0], "R:", near(n, "R2:"), text[ws:we], emit)
		i = we
	}
	for i := fs; ; {
		ws, we := nextWord(text, i, fe)
		if ws < 0 {
			break
		}
		word("F:", text[ws:we])
		i = we
	}
	// A Korean or Russian sentence often ends on its predicate.
	i = c.End
	for n := 0; n < 3; n++ {
		ws, we := prevWord(text, fe, i)
		if ws < 0 {
			break
		}
		word("E:", text[ws:we])
		i = ws
	}
	if nl := strings.IndexByte(text, '\n'); nl < 0 || c.Start < nl {
		put("first-line")
	}
	if c.End-c.Start < 60 {
		put("short")
	}
}

func isWordRune(r rune) bool { return isLetterRune(r) || isDigitRune(r) }

// wordByte is isWordRune for an ASCII byte, -1 for a byte that starts
// or continues a multi-byte rune. Most of the text the windows read is
// ASCII, and a table spares it the decoding.
var wordByte = func() (t [256]int8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80:
			t[c] = -1
		case isWordRune(rune(c)):
			t[c] = 1
		}
	}
	return t
}()

// nextWord finds the first word in text[from:to]: letters and digits,
// with hyphens inside. It returns -1, -1 when there is none. ASCII bytes
// are classed by wordByte inline: every figure's windows are read here.
func nextWord(text string, from, to int) (int, int) {
	i := from
	for i < to {
		if w := wordByte[text[i]]; w >= 0 {
			if w == 1 {
				break
			}
			i++
			continue
		}
		if isCyrillic2(text[:to], i) || isHangul3(text[:to], i) {
			break // letters, told without decoding: Russian and Korean windows are all of them
		}
		r, n := decodeRune(text[i:to])
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= to {
		return -1, -1
	}
	j := i
	for j < to {
		if w := wordByte[text[j]]; w >= 0 {
			if w == 0 && text[j] != '-' {
				break
			}
			j++
			continue
		}
		if isCyrillic2(text[:to], j) {
			j += 2
			continue
		}
		if isHangul3(text[:to], j) {
			j += 3
			continue
		}
		r, n := decodeRune(text[j:to])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return i, j
}

// prevWord finds the last word in text[from:to], as nextWord does.
func prevWord(text string, from, to int) (int, int) {
	j := to
	for j > from {
		if w := wordByte[text[j-1]]; w >= 0 {
			if w == 1 {
				break
			}
			j--
			continue
		}
		if s := text[from:j]; endsCyrillic2(s) || endsHangul3(s) {
			break
		}
		r, n := decodeLastRune(text[from:j])
		if isWordRune(r) {
			break
		}
		j -= n
	}
	if j <= from {
		return -1, -1
	}
	i := j
	for i > from {
		if w := wordByte[text[i-1]]; w >= 0 {
			if w == 0 && text[i-1] != '-' {
				break
			}
			i--
			continue
		}
		if s := text[from:i]; endsCyrillic2(s) {
			i -= 2
			continue
		} else if endsHangul3(s) {
			i -= 3
			continue
		}
		r, n := decodeLastRune(text[from:i])
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	for i < j && text[i] == '-' {
		i++
	}
	return i, j
}

// appendWord emits w normalised, behind prefix: a number is "#"; a
// Korean word gives its syllable pairs; another word is lower-cased and
// cut to six letters (five in Cyrillic, whose endings are longer). When
// also is not "", it then emits the same features behind also.
func appendWord(b []byte, prefix, also, w string, emit func([]byte)) []byte {
	r, rn := utf8.RuneError, 0 // as utf8 decodes ""
	if w != "" {
		r, rn = rune(w[0]), 1 // most words are ASCII: no call for them
		if r >= utf8.RuneSelf {
			r, rn = decodeRune(w)
		}
	}
	switch {
	case r < utf8.RuneSelf:
		if '0' <= r && r <= '9' {
			b = append(append(b[:0], prefix...), '#')
			return emitAlso(b, len(prefix), also, emit)
		}
	case isDigitRune(r):
		b = append(append(b[:0], prefix...), '#')
		return emitAlso(b, len(prefix), also, emit)
	case isHangulRune(r) && also != "":
		// Several features: all of them behind prefix, then behind also.
		b = appendWord(b, prefix, "", w, emit)
		return appendWord(b, also, "", w, emit)
	case isHangulRune(r):
		// Each rune is decoded once: prev is where the rune before the
		// one at i starts. The prefix is written once for all pairs.
		b = append(b[:0], prefix...)
		prev, i := 0, rn
		if i >= len(w) {
			b = append(b, w...)
			emit(b)
			return b
		}
		for i < len(w) {
			n := 3
			if !isHangul3(w, i) {
				_, n = decodeRune(w[i:])
			}
			b = append(b[:len(prefix)], w[prev:i+n]...)
			emit(b)
			prev, i = i, i+n
		}
		return b
	}
	n := 6
	if isCyrillicRune(r) {
		n = 5
	}
	b = append(b[:0], prefix...)
	// Most words are ASCII for their first n bytes: copy them at once and
	// lower the copy, rather than appending byte by byte.
	if r < utf8.RuneSelf {
		start := len(b)
		b = append(b, w[:min(len(w), n)]...)
		ascii := true
		for x := start; x < len(b); x++ {
			c := b[x]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				b[x] = c + 'a' - 'A'
			}
		}
		if ascii {
			return emitAlso(b, len(prefix), also, emit)
		}
		b = b[:start] // a rune beyond ASCII: read it as below
	}
	for i := 0; i < len(w) && n > 0; n-- {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		if c0, c1, ok := lowerCyrillicBytes(w, i); ok {
			b = append(b, c0, c1) // Russian words: no decoding
			i += 2
			continue
		}
		r, size := decodeRune(w[i:])
		r = lowerRune(r)
		if 0x80 <= r && r < 0x800 {
			// Cyrillic, lowered, is two bytes: appended without a call.
			b = append(b, 0xC0|byte(r>>6), 0x80|byte(r&0x3F))
		} else {
			b = utf8.AppendRune(b, r)
		}
		i += size
	}
	return emitAlso(b, len(prefix), also, emit)
}

// emitAlso emits the feature b, whose prefix is b[:n], and when also is
// not "" the same feature behind also, built past the end of b. It
// returns b, the feature behind prefix.
func emitAlso(b []byte, n int, also string, emit func([]byte)) []byte {
	emit(b)
	if also == "" {
		return b
	}
	end := len(b)
	b = append(b, also...)
	b = append(b, b[n:end]...)
	emit(b[end:])
	return b[:end]
}

func magnitude(c *flowwatch.Claim) string {
	v := c.Low
	if v == nil {
		v = c.High
	}
	if v == nil || *v <= 0 {
		return "mag=none"
	}
	e := int(math.Floor(math.Log10(*v)))
	if 0 <= e && e < len(magNames) {
		return magNames[e] // spares scoring an allocation per figure
	}
	return "mag=" + strconv.Itoa(e)
}

var magNames = func() (t [16]string) {
	for e := range t {
		t[e] = "mag=" + strconv.Itoa(e)
	}
	return t
}()
