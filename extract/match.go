package extract

import (
	"math/bits"
	"sort"
	"unicode"
)

// phrase is one lexicon entry tokenised the way text is.
type phrase struct {
	low   []string
	ids   []int32  // the words of low as vocab ids (see Lexicon.index)
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
	voc   *vocab // the index it is part of
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
		if mk := toks[i].mask; mk != 0 {
			if mk&m.bit == 0 {
				return nil
			}
			return m.atMarked(toks, i)
		}
	}
	return m.atSlow(toks, i)
}

// atMarked is at for a token Lexicon.mark has read: its phrases are found
// by its word id and the matcher's rank among those with a phrase
// starting there, and words compare by id, without hashing a string.
func (m *pmatch) atMarked(toks []Token, i int) *phrase {
	t := &toks[i]
	v := m.voc
	pl := &v.lists[int(v.off[t.wid])+bits.OnesCount64(t.mask&(m.bit-1))]
	if pl.trie == nil {
		return pl.firstMatch(toks, i)
	}
	// The phrases that match lie on one path of the trie; the deepest
	// node with one holds the longest, which is what the list order
	// (longest first) would have found first.
	var best *phrase
	n := pl.trie
	for k := 1; ; k++ {
		for _, p := range n.ends {
			if exactAt(p, toks, i) {
				best = p
				break
			}
		}
		if i+k >= len(toks) || len(n.next) == 0 {
			return best
		}
		u := &toks[i+k]
		if u.mask == 0 {
			return pl.firstMatch(toks, i) // not marked: compare words
		}
		n = n.child(u.wid)
		if n == nil {
			return best
		}
	}
}

// exactAt reports whether the words of p that must match as written do.
func exactAt(p *phrase, toks []Token, i int) bool {
	for k, ex := range p.exact {
		if ex != "" && toks[i+k].Text != ex {
			return false
		}
	}
	return true
}

// firstMatch returns the first phrase of pl that matches at toks[i],
// which has been marked. It reads pl.flat, not the phrases: a phrase's
// words and ids lie in allocations of their own, and fetching them for
// every phrase tried stalled on memory more than the comparisons cost.
func (pl *phraseList) firstMatch(toks []Token, i int) *phrase {
	for x := range pl.flat {
		e := &pl.flat[x]
		n := int(e.n)
		if i+n > len(toks) {
			continue
		}
		if e.exact && !exactAt(e.p, toks, i) {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			id := int32(0)
			if k <= len(e.ids) {
				id = e.ids[k-1]
			} else {
				id = e.p.ids[k]
			}
			if u := &toks[i+k]; u.wid != id && (u.mask != 0 || u.Low != e.p.low[k]) {
				ok = false
				break
			}
		}
		if ok {
			return e.p
		}
	}
	return nil
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
	// A marked token says which matchers have a phrase ending with it:
	// most tokens end none of m's, and callers try every token before a
	// source.
	if 0 < i && i <= len(toks) {
		if t := &toks[i-1]; t.mask&maskDone != 0 && m.bit != 0 && t.ends&m.bit == 0 {
			return nil
		}
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

// vocab numbers the words of a lexicon's indexed phrases.
type vocab struct {
	words map[string]vocabWord
	// lists[off[id]:off[id+1]] are, for the word of that id, the phrases
	// starting with it of each matcher that has some, in the order of the
	// matchers' bits: one array, so a look-up follows no slice header.
	lists []phraseList
	off   []int32
}

// phraseList is a matcher's phrases starting with one word, longest first.
// A long list ("the", "ukraine", a comma start many phrases, most sharing
// their next words) is also filed in a trie of word ids, walked along the
// text instead of comparing every phrase.
type phraseList struct {
	all  []*phrase
	flat []pentry // all, as firstMatch reads them
	trie *pnode
}

// pentry is a phrase with what firstMatch compares first: its length,
// whether any word must match as written, and the ids of its second to
// fourth words.
type pentry struct {
	p     *phrase
	n     int32
	exact bool
	ids   [3]int32
}

// pnode is the trie node of the words so far: the phrases that end there,
// in list order, and the words that go on.
type pnode struct {
	ends []*phrase
	next []pchild
}

type pchild struct {
	id int32
	n  *pnode
}

func (n *pnode) child(id int32) *pnode {
	for _, c := range n.next {
		if c.id == id {
			return c.n
		}
	}
	return nil
}

func newPhraseList(ps []*phrase) phraseList {
	pl := phraseList{all: ps, flat: make([]pentry, len(ps))}
	for k, p := range ps {
		e := &pl.flat[k]
		e.p, e.n = p, int32(len(p.low))
		for _, ex := range p.exact {
			e.exact = e.exact || ex != ""
		}
		copy(e.ids[:], p.ids[1:])
	}
	if len(ps) <= 2 {
		return pl
	}
	pl.trie = &pnode{}
	for _, p := range ps {
		n := pl.trie
		for _, id := range p.ids[1:] {
			c := n.child(id)
			if c == nil {
				c = &pnode{}
				n.next = append(n.next, pchild{id, c})
			}
			n = c
		}
		n.ends = append(n.ends, p)
	}
	return pl
}

type vocabWord struct {
	mask uint64 // the matchers with a phrase starting with the word
	ends uint64 // the matchers with a phrase ending with it (see endingAt)
	id   int32  // from 1; 0 is a word no phrase has
}

// index gives each matcher a bit and records, for every first word, the
// matchers that have a phrase starting with it; it numbers every word of
// their phrases.
func (x *Lexicon) index(ms ...*pmatch) {
	x.all = ms
	if len(ms) > 62 {
		ms = ms[:62]
	}
	v := &vocab{words: map[string]vocabWord{}}
	id := func(w string) int32 {
		vw, ok := v.words[w]
		if !ok {
			vw.id = int32(len(v.words) + 1)
			v.words[w] = vw
		}
		return vw.id
	}
	for i, m := range ms {
		m.bit = 1 << uint(i)
		m.voc = v
		for w, ps := range m.first {
			vw := v.words[w]
			vw.id = id(w)
			vw.mask |= m.bit
			v.words[w] = vw
			for _, p := range ps {
				p.ids = p.ids[:0]
				for _, lw := range p.low {
					p.ids = append(p.ids, id(lw))
				}
				last := p.low[len(p.low)-1]
				lw := v.words[last]
				lw.ends |= m.bit
				v.words[last] = lw
			}
		}
	}
	first := make([][]phraseList, len(v.words)+1)
	for _, m := range ms {
		for w, ps := range m.first {
			wid := v.words[w].id
			first[wid] = append(first[wid], newPhraseList(ps))
		}
	}
	v.off = make([]int32, len(first)+1)
	for id, pls := range first {
		v.off[id] = int32(len(v.lists))
		v.lists = append(v.lists, pls...)
	}
	v.off[len(first)] = int32(len(v.lists))
	x.vocab = v
}

// mark computes the masks and word ids of toks.
func (x *Lexicon) mark(toks []Token) {
	for i := range toks {
		vw := x.vocab.words[toks[i].Low]
		toks[i].mask = vw.mask | maskDone
		toks[i].ends = vw.ends
		toks[i].wid = vw.id
	}
}

// may reports whether a phrase of m may start at t (inlined fast path of
// the loops that try a matcher at every token).
func (t *Token) may(m *pmatch) bool { return t.mask == 0 || t.mask&m.bit != 0 }
