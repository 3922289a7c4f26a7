package extract

import (
	"sort"
	"unicode"
)

// phrase is one lexicon entry tokenised the way text is.
type phrase struct {
	low   []string
	exact []string // non-empty entries must match Token.Text exactly (acronyms)
	val   string
	num   float64
	idx   int
}

// matcher finds lexicon phrases at a token position, longest first. It is
// keyed by the first token, so a lookup costs one map access per token.
type pmatch struct {
	first map[string][]*phrase
	bit   uint64 // this matcher's bit in Token.mask (0: not indexed)
}

func newPmatch() *pmatch { return &pmatch{first: map[string][]*phrase{}} }

// add tokenises s and files it under its first token. Short all-capital
// words (NIS, AP, US) only match as written, so "us" and "ap" do not.
func (m *pmatch) add(s, val string, num float64, idx int) {
	toks := Tokenize(s, 0, len(s), nil)
	if len(toks) == 0 {
		return
	}
	p := &phrase{val: val, num: num, idx: idx}
	for _, t := range toks {
		p.low = append(p.low, t.Low)
		ex := ""
		if t.Kind == Word && isAcronym(t.Text) {
			ex = t.Text
		}
		p.exact = append(p.exact, ex)
	}
	k := p.low[0]
	m.first[k] = append(m.first[k], p)
	sort.SliceStable(m.first[k], func(a, b int) bool { return len(m.first[k][a].low) > len(m.first[k][b].low) })
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 0 && n <= 4
}

// at returns the longest phrase starting at toks[i], or nil.
func (m *pmatch) at(toks []Token, i int) *phrase {
	// Tokens read by Extract carry the set of matchers that have a phrase
	// starting with them (mask is 0 until computed), so most look-ups end
	// here, inlined, without a map access. Every matcher is non-nil.
	if uint(i) < uint(len(toks)) {
		if mk := toks[i].mask; mk != 0 && mk&m.bit == 0 {
			return nil
		}
	}
	return m.atSlow(toks, i)
}

func (m *pmatch) atSlow(toks []Token, i int) *phrase {
	if m == nil || i < 0 || i >= len(toks) {
		return nil
	}
	for _, p := range m.first[toks[i].Low] {
		if i+len(p.low) > len(toks) {
			continue
		}
		// The first word matched the map key; only its case may differ.
		if p.exact[0] != "" && toks[i].Text != p.exact[0] {
			continue
		}
		ok := true
		for k := 1; k < len(p.low); k++ {
			t := &toks[i+k]
			if t.Low != p.low[k] || (p.exact[k] != "" && t.Text != p.exact[k]) {
				ok = false
				break
			}
		}
		if ok {
			return p
		}
	}
	return nil
}

// endingAt returns the longest phrase that ends right before toks[i]
// (covering toks[i-n:i]), or nil.
func (m *pmatch) endingAt(toks []Token, i int, maxLen int) *phrase {
	if m == nil {
		return nil
	}
	for n := maxLen; n >= 1; n-- {
		s := i - n
		if s < 0 {
			continue
		}
		if p := m.at(toks, s); p != nil && len(p.low) == n {
			return p
		}
		if t := &toks[s]; t.mask&maskDone != 0 && t.mask&m.bit == 0 && m.bit != 0 {
			continue
		}
		// a shorter phrase with the same start is tried by at's order only
		// when longer ones fail; check all phrases of exactly length n.
		for _, p := range m.first[toks[s].Low] {
			if len(p.low) != n {
				continue
			}
			ok := true
			for k := range p.low {
				t := &toks[s+k]
				if t.Low != p.low[k] || (p.exact[k] != "" && t.Text != p.exact[k]) {
					ok = false
					break
				}
			}
			if ok {
				return p
			}
		}
	}
	return nil
}

// set is a set of single lower-cased words.
type set map[string]bool

func newSet(words []string) set {
	s := set{}
	for _, w := range words {
		s[lower(w)] = true
	}
	return s
}

// maskDone marks a token whose mask has been computed.
const maskDone = 1 << 63

// index gives each matcher a bit and records, for every first word, the
// matchers that have a phrase starting with it.
func (x *Lexicon) index(ms ...*pmatch) {
	x.all = ms
	x.firstMask = map[string]uint64{}
	for i, m := range ms {
		if i >= 62 {
			break
		}
		m.bit = 1 << uint(i)
		for w := range m.first {
			x.firstMask[w] |= m.bit
		}
	}
}

// mark computes the masks of toks.
func (x *Lexicon) mark(toks []Token) {
	for i := range toks {
		toks[i].mask = x.firstMask[toks[i].Low] | maskDone
	}
}

// may reports whether a phrase of m may start at t (inlined fast path of
// the loops that try a matcher at every token).
func (t *Token) may(m *pmatch) bool { return t.mask == 0 || t.mask&m.bit != 0 }
