package extract

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// The measure stage reads what each people claim counts (stock, flow,
// cumulative total, plan, documents, casualties), whether it adds to an
// earlier figure, and where it counts, from the claim's event and places
// and the cue words of its sentence (domain/data/measures.json).
// Reconciliation groups and estimates by these fields and never re-reads
// the quote. It is pure: claims in, the same claims with three fields set.

// Measurer sets Measure, Increment and Scope on claims.
type Measurer struct {
	d    *domain.Domain
	cues map[string]*cueSet
	// places holds d.Place of every place's canonical name, which is what
	// claims carry: d.Place folds the name, an allocation per place. Only
	// the long-lived default Measurer fills it (see indexPlaces).
	places map[string]domain.Place
}

// indexPlaces fills x.places.
func (x *Measurer) indexPlaces() *Measurer {
	x.places = map[string]domain.Place{}
	for _, p := range x.d.Places() {
		if q, ok := x.d.Place(p.Name); ok {
			x.places[p.Name] = q
		}
	}
	return x
}

type cueSet struct {
	cumulative, period, increment, documents, border, front, abroad cueIndex
}

// cueIndex files cues by what their first word needs, so that each token
// of a quote is tried only against the cues it can start: every people
// claim's quote meets every cue list.
type cueIndex struct {
	num   []cue      // cues starting with a number
	first [256][]cue // the others, by the cueKey of their first word
}

func (x *cueIndex) add(c cue) {
	switch w := c[0]; {
	case w.num:
		x.num = append(x.num, c)
	case w.text != "": // an empty word matches nothing (see cueAt)
		k := cueKey(w.text)
		x.first[k] = append(x.first[k], c)
	}
}

// at lists the cues that may match at t.
func (x *cueIndex) at(t mtok) []cue {
	if t.num {
		return x.num
	}
	if t.text == "" {
		return nil
	}
	return x.first[cueKey(t.text)]
}

// cueKey is the byte a word's cues are filed by: its first letter, lower
// case, when that is ASCII, else the last byte of its first rune. All of
// Cyrillic starts with D0 or D1 and Hangul with EA-ED, so filing by the
// first byte put all of a Russian or Korean list in one or two buckets,
// and every word of a quote was tried against them. A word matches a cue
// only if it starts with the cue's first word, whose first rune is then
// its own: the two have the same key.
func cueKey(w string) byte {
	c := w[0]
	if c < utf8.RuneSelf {
		return lowerByte(c)
	}
	n := 2
	if c >= 0xF0 {
		n = 4
	} else if c >= 0xE0 {
		n = 3
	}
	return w[min(n, len(w))-1]
}

// cue is one phrase: its words, each "#" (a number), a whole word, or a
// prefix (a word written with "*", or a Korean word that particles follow).
type cue []cueWord

type cueWord struct {
	text   string
	num    bool
	prefix bool
}

// NewMeasurer compiles the cues of m; d places the claims' places.
func NewMeasurer(d *domain.Domain, m *domain.MeasureData) *Measurer {
	x := &Measurer{d: d, cues: map[string]*cueSet{}}
	for lang, c := range m.Cues {
		x.cues[lang] = &cueSet{
			cumulative: compileCues(c.Cumulative), period: compileCues(c.Period),
			increment: compileCues(c.Increment), documents: compileCues(c.Documents),
			border: compileCues(c.Border), front: compileCues(c.Front),
			abroad: compileCues(c.Abroad),
		}
	}
	return x
}

func compileCues(phrases []string) cueIndex {
	var out cueIndex
	for _, p := range phrases {
		var c cue
		for _, w := range strings.Fields(strings.ToLower(p)) {
			switch {
			case w == "#":
				c = append(c, cueWord{num: true})
			case strings.HasSuffix(w, "*"):
				c = append(c, cueWord{text: strings.TrimSuffix(w, "*"), prefix: true})
			default:
				// Korean particles attach to the noun (국경에서): a Hangul cue of
				// two or more syllables matches the words it begins.
				r, _ := utf8.DecodeRuneInString(w)
				c = append(c, cueWord{text: w, prefix: unicode.Is(unicode.Hangul, r) && utf8.RuneCountInString(w) > 1})
			}
		}
		if len(c) > 0 {
			out.add(c)
		}
	}
	return out
}

// defaultMeasurer reads with the embedded cues and gazetteer.
var defaultMeasurer = sync.OnceValue(func() *Measurer {
	return NewMeasurer(domain.Default(), domain.DefaultMeasures()).indexPlaces()
})

// Measures sets Measure, Increment and Scope on every people claim of
// claims, with the embedded cues and d's places (nil: the embedded ones).
func Measures(d *domain.Domain, claims []flowwatch.Claim) {
	if len(claims) == 0 {
		return
	}
	if d == nil || d == domain.Default() {
		defaultMeasurer().Set(claims)
		return
	}
	NewMeasurer(d, domain.DefaultMeasures()).Set(claims)
}

// Set reads every people claim of claims; other kinds get no measure.
func (x *Measurer) Set(claims []flowwatch.Claim) {
	var (
		quote string
		toks  []mtok
		read  bool
		q     quoteCues
	)
	buf := mtokPool.Get().(*[]mtok)
	for i := range claims {
		c := &claims[i]
		if c.Kind != flowwatch.KindPeople {
			c.Measure, c.Increment, c.Scope = "", false, ""
			continue
		}
		if c.Quote != quote || !read {
			quote, toks, read = c.Quote, appendMeasureTokens((*buf)[:0], c.Quote), true
			*buf = toks
			q = quoteCues{}
		}
		if cs := x.cueSetOf(c.Lang); q.toks == nil || q.cs != cs {
			q = quoteCues{toks: toks, cs: cs}
		}
		x.set(c, &q)
	}
	clear(*buf) // keep no quote alive in the pool
	mtokPool.Put(buf)
}

// mtokPool holds token buffers: a quote's tokens are dropped as soon as its
// claims are read, and were most of what the stage allocated.
var mtokPool = sync.Pool{New: func() any { return new([]mtok) }}

// noCues is the cue set of a language without cues.
var noCues = &cueSet{}

// cueSetOf is the cue set of a language, English's for one without.
func (x *Measurer) cueSetOf(lang string) *cueSet {
	cs := x.cues[strings.ToLower(lang)]
	if cs == nil {
		cs = x.cues["en"]
	}
	if cs == nil {
		cs = noCues
	}
	return cs
}

// quoteCues remembers which of a cue set's lists match anywhere in a
// quote's tokens: the claims of a sentence share its quote, and each
// asked the same lists again.
type quoteCues struct {
	toks       []mtok
	cs         *cueSet
	asked, has uint8 // by the cue* bits below
}

const (
	cueDocuments = 1 << iota
	cueCumulative
	cuePeriod
	cueFront
	cueAbroad
	cueBorder
)

// any is anyCue(q.toks, l), l being the list of cs that bit names.
func (q *quoteCues) any(l *cueIndex, bit uint8) bool {
	if q.asked&bit == 0 {
		q.asked |= bit
		if anyCue(q.toks, l) {
			q.has |= bit
		}
	}
	return q.has&bit != 0
}

func (x *Measurer) set(c *flowwatch.Claim, q *quoteCues) {
	at := figureAt(q.toks, c)
	c.Increment = near(q.toks, &q.cs.increment, at)
	c.Measure = measureOf(c, q)
	c.Scope = x.scope(c, q)
}

// measureOf applies the rules of docs/estimates.md: the event decides,
// and for sent and entered the cue words decide between a total to date,
// one period's flow and papers.
func measureOf(c *flowwatch.Claim, q *quoteCues) string {
	cs := q.cs
	switch c.Event {
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		return flowwatch.MeasureCasualties
	case flowwatch.EventPlanned:
		return flowwatch.MeasurePlan
	case flowwatch.EventPresent:
		return flowwatch.MeasureStock
	case flowwatch.EventRecruited, flowwatch.EventWithdrawn:
		return flowwatch.MeasureFlow
	case flowwatch.EventEntered:
		// North Koreans at large entering are border statistics (the
		// spec's nationals), papers and crossings whatever the words.
		if c.Group == flowwatch.GroupNationals || q.any(&cs.documents, cueDocuments) {
			return flowwatch.MeasureDocuments
		}
		return flowwatch.MeasureFlow
	case flowwatch.EventSent:
		switch {
		case c.Increment:
			return flowwatch.MeasureFlow
		case q.any(&cs.cumulative, cueCumulative):
			return flowwatch.MeasureCumulative
		case q.any(&cs.period, cuePeriod):
			return flowwatch.MeasureFlow
		}
		// An undated "sent 12,000" reports the deployment as a whole.
		return flowwatch.MeasureCumulative
	}
	return ""
}

// scope: combat words put the people at the front; a region or city puts
// them there; border words near the border; else the country they are in,
// and "overseas" with no Russian place is everywhere North Korea sends
// people, which no Russian series counts.
func (x *Measurer) scope(c *flowwatch.Claim, q *quoteCues) string {
	cs := q.cs
	if q.any(&cs.front, cueFront) {
		return flowwatch.ScopeFront
	}
	var russia, abroad, ukraine bool
	for _, name := range c.Place {
		p, ok := x.places[name]
		if !ok {
			p, ok = x.d.Place(name)
		}
		if !ok {
			continue
		}
		switch {
		case p.Name == "Russia":
			russia = true
		case p.Name == "Ukraine":
			ukraine = true
		case p.Country == "Russia" || p.Country == "Ukraine":
			return flowwatch.ScopeRegion
		default:
			abroad = true
		}
	}
	switch {
	case !russia && q.any(&cs.abroad, cueAbroad): // за границей is abroad, not at the border
		return flowwatch.ScopeAbroad
	case q.any(&cs.border, cueBorder):
		return flowwatch.ScopeBorder
	case russia:
		return flowwatch.ScopeRussia
	case ukraine && c.Group == flowwatch.GroupSoldiers:
		return flowwatch.ScopeFront
	case ukraine || abroad:
		return flowwatch.ScopeAbroad
	}
	return ""
}

// mtok is one word of a quote, lower-cased, or a number with its value.
// A word of an ASCII quote is left as written, capitals and all (folded
// set): lowering the quote copied every quote of every claim, and a word
// compares with the cues' lower-case words folding its capitals as well.
type mtok struct {
	text   string
	num    bool
	folded bool // text may hold ASCII capitals: it stands for its lower case
	val    float64
}

func hasCapital(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// is reports whether the word's lower case is w.
func (t mtok) is(w string) bool {
	if !t.folded {
		return t.text == w
	}
	if len(t.text) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lowerByte(t.text[i]) != w[i] {
			return false
		}
	}
	return true
}

// hasPrefix reports whether the word's lower case starts with w.
func (t mtok) hasPrefix(w string) bool {
	if !t.folded {
		return strings.HasPrefix(t.text, w)
	}
	return len(t.text) >= len(w) && mtok{text: t.text[:len(w)], folded: true}.is(w)
}

// measureTokens splits a quote into words and numbers; a number ends
// where letters start (3천, 11-thousand), and thousands separators stay in
// it (12,000).
func measureTokens(q string) []mtok { return appendMeasureTokens(nil, q) }

// appendMeasureTokens appends the tokens of q to out.
func appendMeasureTokens(out []mtok, q string) []mtok {
	ascii := isASCII(q)
	if !ascii {
		q = lowerString(q)
	}
	for i := 0; i < len(q); {
		r, n := rune(q[i]), 1 // ASCII without a call: English quotes are all of it
		if r >= utf8.RuneSelf {
			switch {
			case isCyrillic2(q, i):
				r, n = 'ж', 2 // the word's letters are read below; any Cyrillic letter opens it
			case isHangul3(q, i):
				r, n = '한', 3
			default:
				r, n = decodeRune(q[i:])
			}
		}
		switch {
		case isDigitRune(r):
			j := i
			for j < len(q) {
				r2, n2 := rune(q[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = decodeRune(q[j:])
				}
				if isDigitRune(r2) {
					j += n2
					continue
				}
				if (r2 == ',' || r2 == '.') && j+1 < len(q) && q[j+1] >= '0' && q[j+1] <= '9' {
					j += n2
					continue
				}
				break
			}
			v, _ := strconv.ParseFloat(strings.ReplaceAll(q[i:j], ",", ""), 64)
			out = append(out, mtok{text: q[i:j], num: true, val: v})
			i = j
		case isLetterRune(r):
			j := i + n
			for j < len(q) {
				if c := q[j]; c < 0x80 {
					// ASCII: a letter goes on, anything else ends the word.
					if asciiClass[c]&asciiLetter == 0 {
						break
					}
					j++
					continue
				}
				if isCyrillic2(q, j) {
					j += 2 // a letter, not a digit
					continue
				}
				if isHangul3(q, j) {
					j += 3
					continue
				}
				r2, n2 := decodeRune(q[j:])
				if !isLetterRune(r2) || isDigitRune(r2) {
					break
				}
				j += n2
			}
			out = append(out, mtok{text: q[i:j], folded: ascii && hasCapital(q[i:j])})
			i = j
		default:
			i += n
		}
	}
	return out
}

func (w cueWord) matches(t mtok) bool {
	switch {
	case w.num:
		return t.num
	case t.num:
		return false
	case w.prefix:
		return t.hasPrefix(w.text)
	}
	return t.is(w.text)
}

// cueAt reports whether c matches toks from position i.
func cueAt(toks []mtok, c cue, i int) bool {
	if i+len(c) > len(toks) || len(c) == 0 {
		return false
	}
	// Most cues fail on their first byte: test it before anything else,
	// since every token meets every cue.
	if w, t := c[0], toks[i]; w.num != t.num || !w.num && (t.text == "" || w.text == "" || lowerByte(t.text[0]) != w.text[0]) {
		return false
	}
	for k, w := range c {
		if !w.matches(toks[i+k]) {
			return false
		}
	}
	return true
}

func anyCue(toks []mtok, cues *cueIndex) bool {
	for i := range toks {
		for _, c := range cues.at(toks[i]) {
			if cueAt(toks, c, i) {
				return true
			}
		}
	}
	return false
}

// Increment words qualify the figure they stand next to: "another 3,000"
// and "3,000 more troops" mark 3,000, not the 11,000 of the same sentence.
const (
	incrementBefore = 4 // words from the cue's end to the figure
	incrementAfter  = 3 // words from the figure's end to the cue
)

// near reports whether a cue stands close to the figure at at (a token
// span), or anywhere in the sentence when the figure was not found.
func near(toks []mtok, cues *cueIndex, at [2]int) bool {
	for i := range toks {
		for _, c := range cues.at(toks[i]) {
			if !cueAt(toks, c, i) {
				continue
			}
			if at[0] < 0 {
				return true
			}
			end := i + len(c)
			// A "# more" cue starts on the figure itself.
			if (end <= at[0] && at[0]-end < incrementBefore) || (i >= at[1] && i-at[1] < incrementAfter) || (i >= at[0] && i < at[1]) {
				return true
			}
		}
	}
	return false
}

// Scale words after a number: 12 thousand, 12 тысяч, 1만, 3천.
var scales = []struct {
	prefix string
	mult   float64
}{{"thousand", 1e3}, {"тыс", 1e3}, {"million", 1e6}, {"млн", 1e6}, {"миллион", 1e6}, {"만", 1e4}, {"천", 1e3}, {"백", 1e2}}

func scaleOf(t mtok) float64 {
	if t.num {
		return 0
	}
	for _, s := range scales {
		if t.hasPrefix(s.prefix) {
			return s.mult
		}
	}
	return 0
}

// figureAt finds the claim's figure in toks: the span of a number (with
// its scale words, and Korean compounds like 1만5천) whose value is the
// claim's low or high. {-1, -1} when none is.
func figureAt(toks []mtok, c *flowwatch.Claim) [2]int {
	var wbuf [2]float64
	want := wbuf[:0]
	if c.Low != nil {
		want = append(want, *c.Low)
	}
	if c.High != nil {
		want = append(want, *c.High)
	}
	for i := 0; i < len(toks); i++ {
		if !toks[i].num {
			continue
		}
		v, j := 0.0, i
		for j < len(toks) && toks[j].num {
			n := toks[j].val
			j++
			if j < len(toks) {
				if m := scaleOf(toks[j]); m > 0 {
					n *= m
					j++
					// 1만5천: a larger scale takes the smaller one after it.
					if j < len(toks) && toks[j].num && j+1 < len(toks) && scaleOf(toks[j+1]) > 0 && scaleOf(toks[j+1]) < m {
						v += n
						continue
					}
				}
			}
			v += n
			break
		}
		for _, w := range want {
			if v == w {
				return [2]int{i, j}
			}
		}
	}
	return [2]int{-1, -1}
}

// isASCII reports whether s has no byte beyond ASCII, reading eight
// bytes at a time: every quote of the measure stage is checked, and a
// byte at a time cost as much as reading its words.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // the shifts below compile to one load
		if (uint64(w[0])|uint64(w[1])<<8|uint64(w[2])<<16|uint64(w[3])<<24|
			uint64(w[4])<<32|uint64(w[5])<<40|uint64(w[6])<<48|uint64(w[7])<<56)&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
