package reconcile

import (
	"fmt"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/flowwatch/flowwatch"
)

// Near-duplicate detection: MinHash over word shingles with LSH banding,
// so that comparing n articles costs about n, not n². The parameters and
// the threshold were chosen by measurement (docs/reconcile.md).
const (
	shingleWords = 4   // words per shingle
	numHashes    = 128 // MinHash signature length
	bands        = 32  // LSH bands of numHashes/bands rows: candidates from about 0.4 similarity
	rows         = numHashes / bands

	// DefaultCopyThreshold is the estimated Jaccard similarity of 4-word
	// shingles from which two articles count as copies. Measured: a wire
	// story and its republications score 0.75–1.0 even with a dateline
	// added or a figure changed; different stories on the same event
	// score under 0.1 (docs/reconcile.md).
	DefaultCopyThreshold = 0.5

	// minShingles: texts shorter than this are too short to call copies
	// except when identical.
	minShingles = 8
)

var seeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// words splits text into lower-case words of letters and digits, so that
// punctuation, spacing and case do not hide a copy.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// signature is the MinHash signature of text's word shingles and the
// number of distinct shingles. Each shingle is hashed once (FNV-1a over
// its words); the 128 hash functions are x ↦ (x ⊕ seedᵢ)·oddᵢ, a cheap
// family that is a permutation of 64-bit values for each i.
func signature(text string) (sig [numHashes]uint64, n int) {
	w := words(text)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	if len(w) < shingleWords {
		return sig, 0
	}
	hs := make([]uint64, 0, len(w)-shingleWords+1)
	for i := 0; i+shingleWords <= len(w); i++ {
		h := uint64(14695981039346656037)
		for _, x := range w[i : i+shingleWords] {
			for k := 0; k < len(x); k++ {
				h ^= uint64(x[k])
				h *= 1099511628211
			}
			h ^= 0xff // word separator
			h *= 1099511628211
		}
		hs = append(hs, splitmix(h))
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	for _, v := range hs {
		for k := range sig {
			if m := (v ^ seeds[k]) * odds[k]; m < sig[k] {
				sig[k] = m
			}
		}
	}
	return sig, len(hs)
}

var odds = func() [numHashes]uint64 {
	var o [numHashes]uint64
	x := uint64(0x2545f4914f6cdd1d)
	for i := range o {
		x = splitmix(x)
		o[i] = x | 1
	}
	return o
}()

// similarity estimates Jaccard similarity from two signatures.
func similarity(a, b *[numHashes]uint64) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// Similarity is the estimated Jaccard similarity of two texts' 4-word
// shingles, as copy detection sees it.
func Similarity(a, b string) float64 {
	sa, _ := signature(a)
	sb, _ := signature(b)
	return similarity(&sa, &sb)
}

type uf []int

func newUF(n int) uf {
	u := make(uf, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u uf) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u uf) union(a, b int) {
	if a, b = u.find(a), u.find(b); a != b {
		if b < a {
			a, b = b, a
		}
		u[b] = a
	}
}

// copyGroups finds syndicated copies among the latest version of each
// article and records each copy's original in s.copyOf.
func (s *state) copyGroups() []flowwatch.CopyGroup {
	threshold := s.opt.CopyThreshold
	if threshold == 0 {
		threshold = DefaultCopyThreshold
	}
	// Latest versions only: an older version of the same page is not a copy.
	var idx []int
	var ts []*textSig
	for _, i := range s.byName {
		if s.articles[i].Text != "" || s.sigs[s.articles[i].Name] != nil {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	sigs := make([][numHashes]uint64, len(idx))
	sizes := make([]int, len(idx))
	for _, i := range idx {
		t := s.sigs[s.articles[i].Name]
		if t == nil {
			t = sigOf(s.articles[i].Text)
		}
		ts = append(ts, t)
	}
	for k, t := range ts {
		sigs[k], sizes[k] = t.sig, t.n
	}
	u := newUF(len(idx))
	buckets := map[uint64][]int{}
	byHash := map[uint64]int{}
	for k := range idx {
		if j, ok := byHash[ts[k].hash]; ok {
			u.union(j, k)
			continue
		}
		byHash[ts[k].hash] = k
		if sizes[k] < minShingles {
			continue
		}
		for b := 0; b < bands; b++ {
			h := uint64(b) * 0x100000001b3
			for r := 0; r < rows; r++ {
				h = splitmix(h ^ sigs[k][b*rows+r])
			}
			for _, j := range buckets[h] {
				if u.find(j) != u.find(k) && similarity(&sigs[j], &sigs[k]) >= threshold {
					u.union(j, k)
				}
			}
			buckets[h] = append(buckets[h], k)
		}
	}
	members := map[int][]int{}
	for k := range idx {
		r := u.find(k)
		members[r] = append(members[r], k)
	}
	var groups []flowwatch.CopyGroup
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		// The original is the earliest published; unknown dates count as late.
		sort.Slice(ms, func(x, y int) bool {
			a, b := &s.articles[idx[ms[x]]], &s.articles[idx[ms[y]]]
			if a.Published.IsZero() != b.Published.IsZero() {
				return !a.Published.IsZero()
			}
			if a.Published != b.Published {
				return a.Published.Before(b.Published)
			}
			return a.Name < b.Name
		})
		orig := s.articles[idx[ms[0]]].Name
		g := flowwatch.CopyGroup{Original: orig, Similarity: 1}
		for _, k := range ms[1:] {
			name := s.articles[idx[k]].Name
			g.Copies = append(g.Copies, name)
			s.copyOf[name] = orig
			g.Similarity = math.Min(g.Similarity, similarity(&sigs[ms[0]], &sigs[k]))
		}
		g.Similarity = math.Round(g.Similarity*100) / 100
		g.ID = "g-" + shortHash(orig)
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Original < groups[j].Original })
	s.alteredFigures(groups)
	return groups
}

var digitRun = regexp.MustCompile(`[0-9][0-9,.\s]*[0-9]|[0-9]`)

// masked is a quote with its numbers blanked, to find the same sentence
// in an original and its copy even when the copy changed the figure.
func masked(q string) string {
	return strings.Join(words(digitRun.ReplaceAllString(q, " # ")), " ")
}

// alteredFigures compares each copy's claims with its original's: the same
// sentence stating another figure was corrupted (or corrected) in copying.
func (s *state) alteredFigures(groups []flowwatch.CopyGroup) {
	byArticle := map[string][]int{}
	for i := range s.claims {
		a := s.claims[i].Article
		if _, ok := s.copyOf[a]; ok {
			byArticle[a] = append(byArticle[a], i)
		}
	}
	originals := map[string]bool{}
	for _, g := range groups {
		originals[g.Original] = true
	}
	for i := range s.claims {
		if a := s.claims[i].Article; originals[a] {
			byArticle[a] = append(byArticle[a], i)
		}
	}
	for gi := range groups {
		g := &groups[gi]
		origByQuote := map[string][]int{}
		for _, i := range byArticle[g.Original] {
			origByQuote[masked(s.claims[i].Quote)] = append(origByQuote[masked(s.claims[i].Quote)], i)
		}
		for _, copyName := range g.Copies {
			for _, i := range byArticle[copyName] {
				c := &s.claims[i]
				cands := origByQuote[masked(c.Quote)]
				if len(cands) == 0 {
					continue
				}
				match := false
				for _, j := range cands {
					if sameFigure(c, &s.claims[j]) {
						match = true
						break
					}
				}
				if !match {
					// Pair with the original claim of the same kind in the same sentence.
					j := cands[0]
					for _, k := range cands {
						if s.claims[k].Kind == c.Kind && s.claims[k].Group == c.Group {
							j = k
							break
						}
					}
					g.Altered = append(g.Altered, flowwatch.AlteredFig{Copy: s.ref(i), Original: s.ref(j)})
					s.altered[i] = true
				}
			}
		}
	}
}

func sameFigure(a, b *flowwatch.Claim) bool {
	return eqPtr(a.Low, b.Low) && eqPtr(a.High, b.High)
}

func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func shortHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}
