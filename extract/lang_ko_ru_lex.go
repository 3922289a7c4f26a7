package extract

// Lexicons for the Korean and Russian modules: the words of a language
// that name places, sources, groups, events and the little words that
// change a figure's meaning. The words live in the domain data
// (domain/data/places.ko.json, sources.ko.json, lexicon.ko.json and the
// .ru files, in the same format as the English files and overridable the
// same way with --domain); this file turns them into one matcher per
// language.
//
// Alias syntax in those files, chosen so a linguist can edit them without
// reading Go (it is inert for the English matcher, which never sees
// Hangul or Cyrillic):
//
//	word        matches the word (Russian: a whole token, any case;
//	            Korean: anywhere, since particles attach to the word)
//	stem*       Russian: a token that starts with stem (case endings
//	            vary: рабоч* is рабочие, рабочих, рабочим); at least
//	            three letters
//	^word       Korean: the word starts an eojeol (no Hangul before it)
//	word$       Korean: no Hangul after it, or only a particle
//	=Word       Russian: case-sensitive (the surname Ли, not the particle ли)
//
// How the Lexicon sections are read by these modules:
//
//	groups      group → nouns; the group "person" counts people without
//	            saying who (человек), the group "" marks longer words that
//	            merely contain a group word (북한인권, гражданск*)
//	events      event → verbs and nouns
//	planned     words that make a movement planned (계획, должны)
//	foreign     people who are not North Korean (러시아군, украинск* войск*)
//	said        reporting verbs: a country that is their subject is the
//	            source (러시아는 … 보고했다, Южная Корея заявила)
//	according   phrases before a source (по данным, по оценкам)
//	citing      an outlet citing its source (со ссылкой на X, X를 인용해):
//	            X is the claim's source, the outlet its via
//	anaphora    with the value "back": openings of a sentence that
//	            attributes the sentence before it (Об этом сообщил …)
//	stop        nouns after a number that count something else (года, раз)
//	demand      words of need (дефицит*, 부족): a count of people nearer
//	            one than any event word is no claim
//	origin      North Korea and its people, matched as lower-case
//	            substrings (кндр, северокоре, 북한): a clause that names
//	            another people before its figure and none of these is
//	            about that people

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch/domain"
)

// Term categories. A hit's value is the canonical English name (places,
// sources), the group or event enum, or a marker name.
const (
	catPlace   = "place"
	catSource  = "source"
	catGroup   = "group" // value "" marks a word that merely contains a group word (북한인권)
	catEvent   = "event"
	catPlan    = "plan"    // a word that turns the event into planned (계획, намерен)
	catForeign = "foreign" // a group of people who are not North Korean (러시아군, украинских)
	catBack    = "back"    // opens a sentence that attributes the previous one (Об этом сообщил)
	catNoFig   = "nofig"   // a word after a number that is not a count of people (года, раз)
	catSaid    = "said"    // a reporting verb (밝혔다, заявил)
	catAccord  = "accord"  // a phrase before a source (по данным)
	catCite    = "cite"    // an outlet citing its source (со ссылкой на, 인용)
	catDemand  = "demand"  // a word of need: the count near it is not people who moved (дефицит, 부족)
	catAnaphor = "anaphor" // points back to a source named before (по его словам, депутат, 의원); value: its kind
)

// mlScript reports whether an alias is written in the module's script
// (Hangul or Cyrillic), ignoring the syntax marks.
func mlScript(alias string, korean bool) bool {
	for _, r := range alias {
		if korean && mlIsHangul(r) || !korean && unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// mlLatin reports whether an alias is a Latin name worth matching in
// Korean or Russian text: NK News, ISW, Reuters. Short or lower-case ones
// (US, the) would match noise.
func mlLatin(alias string) bool {
	if len(alias) < 3 {
		return false
	}
	upper := false
	for _, r := range alias {
		if r >= 0x80 {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			upper = true
		}
	}
	return upper
}

// mlNewMatcher compiles one language's matcher from the domain data:
// places and sources with aliases in the language's script (and Latin
// names), and the language's lexicon.
func mlNewMatcher(korean bool, d *domain.Domain, lang string) (*mlMatcher, map[string]domain.Place) {
	m := &mlMatcher{korean: korean, byKey: map[string][]*mlTerm{}}
	places := map[string]domain.Place{}
	n := 0
	add := func(cat, value, raw string) {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return
		}
		t := &mlTerm{cat: cat, value: value, order: n}
		n++
		if korean {
			if mlLatin(raw) {
				t.latin = true
			}
			if strings.HasPrefix(raw, "^") {
				t.start, raw = true, raw[1:]
			}
			if strings.HasSuffix(raw, "$") {
				t.end, raw = true, raw[:len(raw)-1]
			}
			t.words = []string{raw}
			r, _ := utf8.DecodeRuneInString(raw)
			m.byKey[string(r)] = append(m.byKey[string(r)], t)
			m.markStart(r)
			m.trie.add(t)
			return
		}
		if strings.HasPrefix(raw, "=") || mlLatin(raw) {
			t.exactCase, raw = true, strings.TrimPrefix(raw, "=")
		}
		for _, w := range mlTokenWords(raw) {
			stem := strings.HasSuffix(w, "*")
			w = strings.TrimSuffix(w, "*")
			if !t.exactCase {
				w = mlLower(w)
			}
			t.words = append(t.words, w)
			t.stem = append(t.stem, stem)
		}
		if len(t.words) == 0 {
			return
		}
		k := mlRuKey(mlLower(t.words[0]))
		m.byKey[k] = append(m.byKey[k], t)
	}
	for _, p := range d.Places() {
		for _, a := range p.Aliases {
			if mlScript(a, korean) {
				add(catPlace, p.Name, a)
				places[p.Name] = p
			}
		}
	}
	for _, s := range d.Sources() {
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			if mlScript(a, korean) || mlLatin(a) {
				add(catSource, s.Name, a)
			}
		}
	}
	l := d.Lexicon(lang)
	if l == nil {
		return m.indexed(), places
	}
	for _, g := range mlSortedKeys(l.Groups) {
		for _, w := range l.Groups[g] {
			add(catGroup, g, w)
		}
	}
	for _, e := range mlSortedKeys(l.Events) {
		for _, w := range l.Events[e] {
			add(catEvent, e, w)
		}
	}
	for _, w := range l.Planned {
		add(catPlan, "planned", w)
	}
	for _, w := range l.Foreign {
		add(catForeign, "foreign", w)
	}
	for w, v := range l.Anaphora {
		if v == "back" {
			add(catBack, "back", w)
		} else {
			add(catAnaphor, v, w)
		}
	}
	for _, w := range l.Stop {
		add(catNoFig, "nofig", w)
	}
	for _, w := range l.Said {
		add(catSaid, "said", w)
	}
	for _, w := range l.According {
		add(catAccord, "accord", w)
	}
	for _, w := range l.Citing {
		add(catCite, "cite", w)
	}
	for _, w := range l.Demand {
		add(catDemand, "demand", w)
	}
	return m.indexed(), places
}

// indexed files the Russian terms in ruKeys, and finds the trie node of
// each Korean start rune, once all terms are added.
func (m *mlMatcher) indexed() *mlMatcher {
	if !m.korean {
		m.ruKeys = newStrTable(m.byKey)
		return m
	}
	m.startRank = make([]int32, len(m.starts))
	n := int32(0)
	for w, bits64 := range m.starts {
		m.startRank[w] = n
		for set := bits64; set != 0; set &= set - 1 {
			r := rune(w*64 + bits.TrailingZeros64(set))
			m.startNode = append(m.startNode, m.trie.walk(string(r)))
			n++
		}
	}
	return m
}

// startNodeOf is the trie node the bytes of start rune r, decoded from
// sz bytes, lead to; -1 when they are not r's own (an invalid byte read
// as U+FFFD) or r has no node of its own (rune 0 stands for every rune
// above 0xFFFF).
func (m *mlMatcher) startNodeOf(r rune, sz int) int32 {
	if r == 0 || r >= 0x10000 || r == utf8.RuneError && sz != 3 {
		return -1
	}
	w, bit := r/64, uint64(1)<<(r%64)
	return m.startNode[m.startRank[w]+int32(bits.OnesCount64(m.starts[w]&(bit-1)))]
}

// walk is the node the bytes of w lead to from the root, or -1.
func (tr *koTrie) walk(w string) int32 {
	if len(tr.nodes) == 0 {
		return -1
	}
	n := int32(0)
	for k := 0; k < len(w) && n >= 0; k++ {
		n = tr.nodes[n].child(w[k])
	}
	return n
}

// mlTerm is one compiled lexicon entry.
type mlTerm struct {
	cat, value string
	words      []string // Russian: lower-cased tokens; Korean: one string
	stem       []bool   // Russian: per word, prefix match
	exactCase  bool
	start, end bool // Korean ^ and $
	latin      bool // Korean: a Latin name, bounded by non-letters
	order      int  // earlier data wins ties of equal length
}

// mlHit is a term found in a sentence, byte offsets into the sentence.
type mlHit struct {
	start, end int
	cat, value string
}

// mlMatcher finds lexicon terms in sentences of one language.
type mlMatcher struct {
	korean bool
	// Korean: terms by first rune. Russian: terms by the first three
	// runes of their first (lower-cased) word.
	byKey map[string][]*mlTerm
	// ruKeys is byKey for Russian in a strTable: findRU looks up every
	// token, and a map's look-up cost twice as much.
	ruKeys strTable[[]*mlTerm]
	// Korean: the first runes of terms below 0x10000, as bits, so that
	// findKO looks up byKey only at runes some term starts with.
	starts []uint64
	// Korean: every term by the bytes of its word, so that findKO
	// walks the text once from a position instead of comparing each
	// term that starts with its rune.
	trie koTrie
	// Korean: the trie node each start rune's bytes lead to (-1 none),
	// in rune order; startRank[w] is how many start runes have bits in
	// starts[:w]. findKO goes from a start rune straight to its node,
	// where walking its three bytes from the root was a third of the walk.
	startRank []int32
	startNode []int32
}

// koTrie is a byte trie of Korean terms.
type koTrie struct {
	nodes []koNode // nodes[0] is the root
	empty bool     // a term with an empty word: findKO compares terms one by one
}

type koNode struct {
	keys  []byte    // child bytes
	kids  []int32   // child nodes, by keys
	terms []*mlTerm // terms whose word ends here, by order (they are added in order)
	// dense is the children by byte (-1 none) of a node with many, where
	// scanning keys cost more than the rest of the walk.
	dense *[256]int32
}

// koDenseKids is how many children make a node dense.
const koDenseKids = 8

func (tr *koTrie) add(t *mlTerm) {
	if len(tr.nodes) == 0 {
		tr.nodes = append(tr.nodes, koNode{})
	}
	w := t.words[0]
	if w == "" {
		tr.empty = true
		return
	}
	n := int32(0)
	for k := 0; k < len(w); k++ {
		c := tr.nodes[n].child(w[k])
		if c < 0 {
			c = int32(len(tr.nodes))
			tr.nodes = append(tr.nodes, koNode{})
			nd := &tr.nodes[n]
			nd.keys = append(nd.keys, w[k])
			nd.kids = append(nd.kids, c)
			if len(nd.keys) >= koDenseKids {
				if nd.dense == nil {
					nd.dense = new([256]int32)
					for b := range nd.dense {
						nd.dense[b] = -1
					}
					for x, key := range nd.keys[:len(nd.keys)-1] {
						nd.dense[key] = nd.kids[x]
					}
				}
				nd.dense[w[k]] = c
			}
		}
		n = c
	}
	tr.nodes[n].terms = append(tr.nodes[n].terms, t)
}

func (n *koNode) child(b byte) int32 {
	if n.dense != nil {
		return n.dense[b]
	}
	for k, c := range n.keys {
		if c == b {
			return n.kids[k]
		}
	}
	return -1
}

func mlSortedKeys(m map[string][]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// mlRuKey is the index key of a Russian token: its first three runes.
// ASCII and two-byte runes (Cyrillic) are measured inline: every token of
// a sentence is looked up.
func mlRuKey(w string) string {
	i := 0
	for n := 0; n < 3 && i < len(w); n++ {
		switch c := w[i]; {
		case c < utf8.RuneSelf:
			i++
		case i+1 < len(w) && mlTwoByte(c, w[i+1]):
			i += 2
		default:
			_, sz := mlDecode(w, i)
			i += sz
		}
	}
	return w[:i]
}

// mlLower lower-cases s rune by rune, keeping any rune whose lower
// case has another UTF-8 length, so byte offsets stay valid.
func mlLower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c == 0xD0 && i+1 < len(s) && (s[i+1] == 0x81 || s[i+1] >= 0x90 && s[i+1] <= 0xAF) || c == 0xD1 && i+1 < len(s) && s[i+1] == 0x91 {
			goto slow
		}
		if c >= 0x80 && c != 0xD0 && c != 0xD1 {
			goto slow
		}
	}
	return s
slow:
	if low, ok := mlLowerInPlace(s); ok {
		return low
	}
	return mlLowerAny(s)
}

// mlLowerAny is mlLower of any string: an invalid byte becomes U+FFFD.
func mlLowerAny(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+32)
			i++
			continue
		case c < 0x80:
			b = append(b, c)
			i++
			continue
		case c == 0xD0 && i+1 < len(s):
			d := s[i+1]
			switch {
			case d == 0x81: // Ё, written е as often as not
				b = append(b, 0xD0, 0xB5)
			case d >= 0x90 && d <= 0x9F: // А–П
				b = append(b, 0xD0, d+0x20)
			case d >= 0xA0 && d <= 0xAF: // Р–Я
				b = append(b, 0xD1, d-0x20)
			default:
				b = append(b, c, d)
			}
			i += 2
			continue
		case c == 0xD1 && i+1 < len(s):
			if s[i+1] == 0x91 { // ё
				b = append(b, 0xD0, 0xB5)
			} else {
				b = append(b, c, s[i+1])
			}
			i += 2
			continue
		}
		r, sz := mlDecode(s, i)
		if r >= 0xA0 && r <= 0xBF || r >= 0x2000 && r <= 0x206F {
			// Punctuation (« » — “ …) has no case: copied, not looked up.
			b = append(b, s[i:i+sz]...)
			i += sz
			continue
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != sz {
			l = r
		}
		b = utf8.AppendRune(b, l)
		i += sz
	}
	return string(b)
}

// mlLowerInPlace is mlLower of s when its lower case keeps its length,
// as it does unless s holds an invalid byte (then ok is false). It copies
// the runs between capitals into one buffer and writes each capital's
// lower case: the whole article is lowered at once, and copying it twice
// (to bytes and back to a string) was a third of what reading a Russian
// article allocated.
func mlLowerInPlace(s string) (low string, ok bool) {
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		if i = mlLowerRun(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf { // A–Z
			b.WriteString(s[done:i])
			b.WriteByte(c + 32)
			done = i + 1
			i++
			continue
		}
		if c == 0xD0 || c == 0xD1 {
			if i+1 == len(s) {
				return "", false // mlLowerAny reads it as an invalid byte
			}
			if l0, l1 := ruLowerPair(c, s[i+1]); l0 != 0 {
				b.WriteString(s[done:i])
				b.WriteByte(l0)
				b.WriteByte(l1)
				done = i + 2
			}
			i += 2
			continue
		}
		r, sz := mlDecode(s, i)
		if r == utf8.RuneError && sz == 1 {
			return "", false
		}
		if r >= 0xA0 && r <= 0xBF || r >= 0x2000 && r <= 0x206F {
			i += sz // punctuation has no case
			continue
		}
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == sz {
			var e [utf8.UTFMax]byte
			utf8.EncodeRune(e[:], l)
			b.WriteString(s[done:i])
			b.Write(e[:sz])
			done = i + sz
		}
		i += sz
	}
	b.WriteString(s[done:])
	return b.String(), true
}

// mlLowerRun is where the run of bytes from s[i] that lowering leaves as
// they are ends: ASCII but capitals, and а–я but ё, as most of a Russian
// text is. A loop of its own keeps its few variables in registers.
func mlLowerRun(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return i
			}
			i++
			continue
		}
		if i+1 == len(s) {
			return i
		}
		if d := s[i+1]; c == 0xD0 && d >= 0xB0 || c == 0xD1 && d >= 0x80 && d <= 0xBF && d != 0x91 {
			i += 2
			continue
		}
		return i
	}
	return i
}

// ruLowerPair is the lower case of the two bytes c, d (c is 0xD0 or
// 0xD1), ё as е; l0 is 0 when they need no change.
func ruLowerPair(c, d byte) (l0, l1 byte) {
	if c == 0xD1 {
		if d == 0x91 { // ё
			return 0xD0, 0xB5
		}
		return 0, 0
	}
	switch {
	case d >= 0xB0: // а–п: lower case already
		return 0, 0
	case d == 0x81: // Ё, written е as often as not
		return 0xD0, 0xB5
	case d >= 0x90 && d <= 0x9F: // А–П
		return 0xD0, d + 0x20
	case d >= 0xA0 && d <= 0xAF: // Р–Я
		return 0xD1, d - 0x20
	}
	return 0, 0
}

// mlTok is a word of a Russian sentence: letters and digits, with inner
// hyphens kept (российско-украинской, IT-специалистов).
type mlTok struct {
	start, end int
	text       string // as written
	low        string // lower-cased, ё as е
}

func mlTokenWords(s string) []string {
	var ws []string
	for _, t := range mlTokenize(s) {
		ws = append(ws, t.text)
	}
	return ws
}

// mlASCIIWord are the ASCII bytes mlIsWordRune takes.
var mlASCIIWord = func() (set [utf8.RuneSelf]bool) {
	for c := range set {
		set[c] = mlIsWordRune(rune(c))
	}
	return set
}()

func mlIsWordRune(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '*':
		return true
	case r < 0x80:
		return false
	case 0x0400 <= r && r <= 0x04FF: // Cyrillic letters
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func mlTokenize(s string) []mlTok {
	return mlAppendTokens(make([]mlTok, 0, len(s)/7+1), s, mlLower(s))
}

// mlAppendTokens appends the tokens of s to dst; low is s lower-cased
// (same byte length), so token offsets hold in both.
func mlAppendTokens(dst []mlTok, s, low string) []mlTok {
	i := 0
	for i < len(s) {
		r, sz := rune(s[i]), 1
		if r >= 0x80 {
			r, sz = mlDecode(s, i)
		}
		if !mlIsWordRune(r) {
			i += sz
			continue
		}
		j := i + sz
		for j < len(s) {
			if c := s[j]; c >= 0xD0 && c <= 0xD3 && j+1 < len(s) && s[j+1]&0xC0 == 0x80 {
				// A Cyrillic letter (U+0400-04FF), read inline: decoding
				// each was half the time of tokenizing.
				j += 2
				continue
			} else if c < utf8.RuneSelf && mlASCIIWord[c] {
				j++
				continue
			}
			r2, sz2 := rune(s[j]), 1
			if r2 >= 0x80 {
				r2, sz2 = mlDecode(s, j)
			}
			if mlIsWordRune(r2) {
				j += sz2
				continue
			}
			if r2 == '-' && j+1 < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+1:])
				if unicode.IsLetter(r3) {
					j += sz2
					continue
				}
			}
			break
		}
		dst = append(dst, mlTok{start: i, end: j, text: s[i:j], low: low[i:j]})
		i = j
	}
	return dst
}

// find returns the leftmost-longest non-overlapping hits in s.
func (m *mlMatcher) find(s string, toks []mlTok) []mlHit {
	var buf [16]mlHit
	return exactHits(m.appendHits(buf[:0], s, toks))
}

// appendHits appends find's hits in s to dst.
func (m *mlMatcher) appendHits(dst []mlHit, s string, toks []mlTok) []mlHit {
	if m.korean {
		from := len(dst)
		dst = m.findKO(dst, s)
		// koWithoutDateline keeps the hits in place.
		return dst[:from+len(koWithoutDateline(s, dst[from:]))]
	}
	return m.findRU(dst, toks)
}

// exactHits copies hits gathered in a buffer on the stack to a slice of
// their own size; sentences keep their hits, and most have few. It is
// never nil: a nil hits slice means not read yet.
func exactHits(hs []mlHit) []mlHit {
	if len(hs) == 0 {
		return []mlHit{}
	}
	return append(make([]mlHit, 0, len(hs)), hs...)
}

// markStart records that a Korean term starts with r.
func (m *mlMatcher) markStart(r rune) {
	if m.starts == nil {
		m.starts = make([]uint64, 0x10000/64)
	}
	if r >= 0x10000 {
		r = 0 // too high for the bits: rune 0 stands for all of them
	}
	m.starts[r/64] |= 1 << (r % 64)
}

// mayStart reports whether a Korean term may start with r.
func (m *mlMatcher) mayStart(r rune) bool {
	if r >= 0x10000 {
		r = 0
	}
	return m.starts != nil && m.starts[r/64]&(1<<(r%64)) != 0
}

func (m *mlMatcher) findKO(hs []mlHit, s string) []mlHit {
	i := 0
	for i < len(s) {
		// Decoded inline (rune3): a call per rune was a fifth of finding terms.
		c, r, sz := s[i], rune(s[i]), 1
		switch {
		case c < utf8.RuneSelf:
		case i+2 < len(s) && mlThreeByte(c, s[i+1], s[i+2]):
			r, sz = rune3(c, s[i+1], s[i+2]), 3
		default:
			r, sz = utf8.DecodeRuneInString(s[i:])
		}
		if !m.mayStart(r) {
			i += sz
			continue
		}
		var best *mlTerm
		bestEnd := 0
		if m.trie.empty {
			best, bestEnd = m.longestKOByRune(s, i, r)
		} else if n := m.startNodeOf(r, sz); n >= 0 {
			best, bestEnd = m.longestKOFrom(s, i, i+sz, n)
		} else {
			best, bestEnd = m.longestKO(s, i)
		}
		if best != nil {
			hs = append(hs, mlHit{start: i, end: bestEnd, cat: best.cat, value: best.value})
			i = bestEnd
			continue
		}
		i += sz
	}
	return hs
}

// longestKO is the longest term that matches at byte i of s, the
// earliest of equal length, and where it ends.
func (m *mlMatcher) longestKO(s string, i int) (*mlTerm, int) {
	return m.longestKOFrom(s, i, i, 0)
}

// longestKOFrom is longestKO with the walk begun: s[i:e] leads from the
// root to node n.
func (m *mlMatcher) longestKOFrom(s string, i, e int, n int32) (*mlTerm, int) {
	var best *mlTerm
	bestEnd := 0
	nd := &m.trie.nodes[n]
	for {
		for _, t := range nd.terms {
			if koTermFits(t, s, i, e) {
				best, bestEnd = t, e // longer than any before, earliest here
				break
			}
		}
		if e >= len(s) {
			break
		}
		c := nd.child(s[e])
		if c < 0 {
			break
		}
		nd, e = &m.trie.nodes[c], e+1
	}
	return best, bestEnd
}

// longestKOByRune is longestKO comparing each term that starts with r.
func (m *mlMatcher) longestKOByRune(s string, i int, r rune) (*mlTerm, int) {
	var best *mlTerm
	bestEnd := 0
	for _, t := range m.byKey[string(r)] {
		w := t.words[0]
		if !strings.HasPrefix(s[i:], w) {
			continue
		}
		e := i + len(w)
		if !koTermFits(t, s, i, e) {
			continue
		}
		if best == nil || e > bestEnd || (e == bestEnd && t.order < best.order) {
			best, bestEnd = t, e
		}
	}
	return best, bestEnd
}

// koTermFits reports whether term t, found at s[i:e], keeps its marks:
// ^ (no Hangul before), $ (a word end or a particle after) and a Latin
// name's bounds.
func koTermFits(t *mlTerm, s string, i, e int) bool {
	if t.start && i > 0 {
		p := mlPrevRune(s, i)
		if mlIsHangul(p) {
			return false
		}
	}
	if t.end && !koWordEnds(s[e:]) {
		return false
	}
	return !(t.latin && (i > 0 && mlASCIIAlnum(s[i-1]) || e < len(s) && mlASCIIAlnum(s[e])))
}

// koParticles may follow a word marked $ (러$ in 러에, 러의, 러측).
const koParticles = "은는이가을를에의와과로도만측"

func koWordEnds(rest string) bool {
	r, sz := utf8.DecodeRuneInString(rest)
	if sz == 0 || !mlIsHangul(r) {
		return true
	}
	if !strings.ContainsRune(koParticles, r) {
		return false
	}
	r2, sz2 := utf8.DecodeRuneInString(rest[sz:])
	return sz2 == 0 || !mlIsHangul(r2) || r == '에' // 에서
}

func mlIsHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

func (m *mlMatcher) findRU(hs []mlHit, toks []mlTok) []mlHit {
	for i := 0; i < len(toks); {
		var best *mlTerm
		bestN := 0
		var terms []*mlTerm
		if e := m.ruKeys.getString(mlRuKey(toks[i].low)); e != nil {
			terms = e.val
		}
		for _, t := range terms {
			n := len(t.words)
			if i+n > len(toks) || !t.tokenFits(0, &toks[i]) {
				continue // most terms of a key differ in the first word
			}
			ok := true
			for k := 1; k < n && ok; k++ {
				ok = t.tokenFits(k, &toks[i+k])
			}
			if !ok {
				continue
			}
			if best == nil || n > bestN || (n == bestN && (len(t.words[n-1]) > len(best.words[n-1]) || (len(t.words[n-1]) == len(best.words[n-1]) && t.order < best.order))) {
				best, bestN = t, n
			}
		}
		if best != nil {
			hs = append(hs, mlHit{start: toks[i].start, end: toks[i+bestN-1].end, cat: best.cat, value: best.value})
			i += bestN
			continue
		}
		i++
	}
	return hs
}

// tokenFits reports whether tok matches word k of a Russian term.
func (t *mlTerm) tokenFits(k int, tok *mlTok) bool {
	s := tok.low
	if t.exactCase {
		s = tok.text
	}
	if t.stem[k] {
		return strings.HasPrefix(s, t.words[k])
	}
	return s == t.words[k]
}

func mlASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// mlWord is a lexicon phrase and what it stands for (a qualifier, an ISO
// currency, a pay period).
type mlWord struct {
	word, value string
	words       []string // Russian: lower-cased tokens
	stem        []bool
}

// mlNums are the words around numbers, from the lexicon sections bounds
// (before a number), bounds_after, currencies, percent and per. Longer
// phrases come first so that "не менее" wins over "менее".
type mlNums struct {
	before, after, currency, percent, per []mlWord
	// quota and quotaUnits: see domain.Lexicon.Quota.
	quota, quotaUnits []mlWord
	// docs: see domain.Lexicon.Documents; the value is the group.
	docs []mlWord
	// afterAt is after by the runeKey of its words' first rune, in
	// after's order: a bound after a figure is tried at up to four bytes
	// of every figure, and the list is long. By first byte alone, most of
	// the Korean list shared one of the four that start Hangul.
	afterAt [256][]mlWord
}

func mlNumsOf(l *domain.Lexicon) *mlNums {
	nl := &mlNums{}
	if l == nil {
		return nl
	}
	conv := func(m map[string][]string) []mlWord {
		var out []mlWord
		for _, k := range mlSortedKeys(m) {
			for _, w := range m[k] {
				if strings.TrimSpace(w) == "" {
					continue
				}
				x := mlWord{word: w, value: k}
				for _, t := range mlTokenWords(w) {
					x.stem = append(x.stem, strings.HasSuffix(t, "*"))
					x.words = append(x.words, mlLower(strings.TrimSuffix(t, "*")))
				}
				out = append(out, x)
			}
		}
		sort.SliceStable(out, func(i, j int) bool {
			if len(out[i].words) != len(out[j].words) {
				return len(out[i].words) > len(out[j].words)
			}
			return len(out[i].word) > len(out[j].word)
		})
		return out
	}
	nl.before = conv(l.Bounds)
	nl.quota = conv(map[string][]string{"quota": l.Quota})
	nl.quotaUnits = conv(map[string][]string{"unit": l.QuotaUnits})
	nl.after = conv(l.BoundsAfter)
	nl.docs = conv(l.Documents)
	for _, q := range nl.after {
		k := runeKey(q.word)
		nl.afterAt[k] = append(nl.afterAt[k], q)
	}
	nl.currency = conv(l.Currencies)
	nl.per = conv(l.Per)
	nl.percent = conv(map[string][]string{"percent": l.Percent})
	return nl
}

// tokenIs reports whether a lower-cased token matches word k of w.
func (w mlWord) tokenIs(k int, tok string) bool {
	if w.stem[k] {
		return strings.HasPrefix(tok, w.words[k])
	}
	return tok == w.words[k]
}

// mlIndex is strings.Index for the words of Hangul and Cyrillic text: it
// looks for the last byte of w's first letter, which varies, where
// strings.Index looks for the first, which begins a quarter of all
// Hangul syllables and half of all Cyrillic letters. That made looking
// up a word in a sentence the costliest step of several stages.
func mlIndex(s, w string) int {
	// Any byte of w finds the same first match. This one is the first
	// past leading spaces (" — "), or the last of that letter when it is
	// not ASCII.
	j := 0
	for j < len(w)-1 && w[j] == ' ' {
		j++
	}
	if j == 0 && (w == "" || w[0] < utf8.RuneSelf) {
		return strings.Index(s, w)
	}
	switch c := w[j]; {
	case c >= 0xE0:
		j += 2
	case c >= 0xC0:
		j++
	}
	j = min(j, len(w)-1)
	c := w[j]
	for off := j; off < len(s); {
		k := strings.IndexByte(s[off:], c)
		if k < 0 {
			return -1
		}
		if p := off + k - j; strings.HasPrefix(s[p:], w) {
			return p
		}
		off += k + 1
	}
	return -1
}

// mlHas is strings.Contains by mlIndex.
func mlHas(s, w string) bool { return mlIndex(s, w) >= 0 }

// stemSet tells whether a word starts with one of its stems. Most words
// share no stem's first two bytes (for Cyrillic, its first letter), and
// those are told apart before any stem is compared: every token of a
// sentence is asked.
type stemSet struct {
	stems []string
	leads []uint16 // the stems' first two bytes
	short bool     // a stem is shorter than two bytes: no word is told apart
}

func newStemSet(stems []string) stemSet {
	ss := stemSet{stems: stems}
	for _, st := range stems {
		if len(st) < 2 {
			ss.short = true
		} else if k := lead2(st); !slices.Contains(ss.leads, k) {
			ss.leads = append(ss.leads, k)
		}
	}
	return ss
}

func lead2(w string) uint16 { return uint16(w[0])<<8 | uint16(w[1]) }

// prefixOf reports whether some stem is a prefix of w.
func (ss *stemSet) prefixOf(w string) bool {
	if !ss.short && (len(w) < 2 || !slices.Contains(ss.leads, lead2(w))) {
		return false
	}
	for _, st := range ss.stems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return false
}

// wordSet tells whether a text holds any of its words, as mlHas of each
// word would, with one search per group of words that share their first
// letter: the search for that letter is most of what finding a word
// costs, and the lists share few first letters (северокоре, северной
// коре, северная коре; 알려졌, 알려져; 이 중, 이중, 이 가운데).
type wordSet struct {
	groups []wordGroup
	empty  bool // an empty word, which every text holds
}

// wordGroup is the words of a wordSet that start with one rune, and the
// longest prefix they share, which is searched for.
type wordGroup struct {
	prefix string
	words  []string
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{}
	for _, w := range words {
		if w == "" {
			ws.empty = true
			continue
		}
		_, n := utf8.DecodeRuneInString(w)
		k := slices.IndexFunc(ws.groups, func(g wordGroup) bool { return strings.HasPrefix(g.prefix, w[:n]) })
		if k < 0 {
			ws.groups = append(ws.groups, wordGroup{prefix: w, words: []string{w}})
			continue
		}
		g := &ws.groups[k]
		g.words = append(g.words, w)
		p := 0
		for p < len(g.prefix) && p < len(w) && g.prefix[p] == w[p] {
			p++
		}
		g.prefix = g.prefix[:p]
	}
	return ws
}

// index is where the first of the words starts in s, -1 when none does:
// the least strings.Index of each word, with one search per group.
func (ws *wordSet) index(s string) int {
	if ws.empty {
		return 0
	}
	first := -1
	for _, g := range ws.groups {
	search:
		for off := 0; off < len(s); {
			k := mlIndex(s[off:], g.prefix)
			p := off + k
			if k < 0 || first >= 0 && p >= first {
				break // a word of this group starts no earlier
			}
			for _, w := range g.words {
				if strings.HasPrefix(s[p:], w) {
					first = p
					break search
				}
			}
			off = p + 1
		}
	}
	return first
}

// in reports whether s holds one of the words.
func (ws *wordSet) in(s string) bool {
	if ws.empty {
		return true
	}
	for _, g := range ws.groups {
		for off := 0; off < len(s); {
			k := mlIndex(s[off:], g.prefix)
			if k < 0 {
				break
			}
			p := off + k
			for _, w := range g.words {
				if strings.HasPrefix(s[p:], w) {
					return true
				}
			}
			off = p + 1
		}
	}
	return false
}
