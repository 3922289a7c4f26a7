package extract

import (
	"encoding/binary"
	"maps"
	"math/bits"
	"slices"
)

// strTable is a read-only hash table from strings to values, looked up
// with the bytes of a key just built (a lower-cased word, a feature) or a
// slice of the text. The hot loops look up every token and every feature;
// a Go map keyed by string costs a conversion or a second lookup there,
// and its hash a call per key. Here the hash is FNV-1a, inline and cheap
// for short keys, which the tokenizer computes as it lower-cases a word;
// the table is at most half full, so a lookup costs one hash and usually
// one comparison. A probe reads a compact array of tags first, which
// stays in cache, and an entry only when its tag matches: most words of a
// text are in no lexicon. The keys are fixed when the table is built, so
// no input can lengthen a probe.
type strTable[V any] struct {
	tags  []uint32     // per slot: 0 when empty, else tagOf the key's hash
	slots []strSlot[V] // as long as tags, a power of two
	shift uint         // 64 - log2(len(slots))
}

type strSlot[V any] struct {
	key string
	val V
}

// tagOf keeps 32 bits of a hash, never 0.
func tagOf(h uint64) uint32 { return uint32(h) | 1 }

// newStrTable files every entry of m. Keys are filed in sorted order so
// that the layout does not depend on map order.
func newStrTable[V any](m map[string]V) strTable[V] {
	n := 8
	for n < 2*len(m) {
		n *= 2
	}
	t := strTable[V]{tags: make([]uint32, n), slots: make([]strSlot[V], n), shift: uint(64 - bits.TrailingZeros(uint(n)))}
	mask := uint64(n - 1)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		h := hashString(k)
		j := t.home(h)
		for t.tags[j] != 0 {
			j = (j + 1) & mask
		}
		t.tags[j] = tagOf(h)
		t.slots[j] = strSlot[V]{key: k, val: m[k]}
	}
	return t
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString and hashBytes are FNV-1a. Four bytes a round spare three
// loop tests in four: keys are short, and the loop's overhead was as much
// as the hashing.
func hashString(s string) uint64 { return fnv(s) }

func hashBytes(b []byte) uint64 { return fnv(b) }

func fnv[K string | []byte](k K) uint64 {
	h := uint64(fnvOffset)
	for len(k) >= 4 {
		h = (h ^ uint64(k[0])) * fnvPrime
		h = (h ^ uint64(k[1])) * fnvPrime
		h = (h ^ uint64(k[2])) * fnvPrime
		h = (h ^ uint64(k[3])) * fnvPrime
		k = k[4:]
	}
	for i := 0; i < len(k); i++ {
		h = (h ^ uint64(k[i])) * fnvPrime
	}
	return h
}

// home is the slot a hash starts probing at: the top bits of the hash
// mixed once more, since FNV's last byte barely reaches them.
func (t *strTable[V]) home(h uint64) uint64 {
	return (h * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the entry of key b, or nil.
func (t *strTable[V]) get(b []byte) *strSlot[V] { return probe(t, hashBytes(b), b) }

// find is get with b's hash (hashBytes) computed by the caller.
func (t *strTable[V]) find(h uint64, b []byte) *strSlot[V] { return probe(t, h, b) }

// getString is get for a key held as a string.
func (t *strTable[V]) getString(k string) *strSlot[V] { return probe(t, hashString(k), k) }

// probe looks up key k of hash h, held as bytes or as a string: one loop
// for both, the comparison converting without a copy.
func probe[V any, K string | []byte](t *strTable[V], h uint64, k K) *strSlot[V] {
	if len(t.tags) == 0 {
		return nil
	}
	tag, mask := tagOf(h), uint64(len(t.tags)-1)
	for j := t.home(h); ; j = (j + 1) & mask {
		switch t.tags[j] {
		case 0:
			return nil
		case tag:
			if s := &t.slots[j]; s.key == string(k) {
				return s
			}
		}
	}
}

// shortTable is a strTable of weight rows for keys of at most 16 bytes,
// which it holds packed in two words: a key is compared in three
// instructions, not a call, and hashed with two multiplications instead
// of a round per byte. The fitted stage looks up some forty features per
// figure, nearly all this short, and the lookups were a third of what it
// cost.
type shortTable struct {
	keys  []shortKey  // per slot; n == 0 when empty
	rows  [][]float64 // per slot
	shift uint        // 64 - log2(len(keys))
}

type shortKey struct {
	lo, hi uint64 // the key's bytes, little-endian, zero-padded
	n      uint64 // its length, 1 to 16
}

// maxShortKey is the longest key a shortTable holds.
const maxShortKey = 16

// packKey packs a key of 1 to maxShortKey bytes. A key of 4 bytes or
// more is read in words that may overlap, the overlap shifted out, so
// that packing it costs no copy.
func packKey(k []byte) shortKey {
	var lo, hi uint64
	switch n := len(k); {
	case n >= 8:
		lo = binary.LittleEndian.Uint64(k)
		if n > 8 {
			hi = binary.LittleEndian.Uint64(k[n-8:]) >> (8 * (16 - n))
		}
	case n >= 4:
		lo = uint64(binary.LittleEndian.Uint32(k)) | uint64(binary.LittleEndian.Uint32(k[n-4:]))<<(8*(n-4))
	default:
		for i := n - 1; i >= 0; i-- {
			lo = lo<<8 | uint64(k[i])
		}
	}
	return shortKey{lo, hi, uint64(len(k))}
}

func (k shortKey) hash() uint64 {
	return (k.lo*0x9E3779B97F4A7C15 ^ k.hi*0xC2B2AE3D27D4EB4F ^ k.n) * 0x94D049BB133111EB
}

// newShortTable files every row of m, whose keys are 1 to maxShortKey
// bytes long, in sorted order as newStrTable does.
func newShortTable(m map[string][]float64) shortTable {
	n := 8
	for n < 2*len(m) {
		n *= 2
	}
	t := shortTable{keys: make([]shortKey, n), rows: make([][]float64, n), shift: uint(64 - bits.TrailingZeros(uint(n)))}
	mask := uint64(n - 1)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		pk := packKey([]byte(k))
		j := pk.hash() >> t.shift
		for t.keys[j].n != 0 {
			j = (j + 1) & mask
		}
		t.keys[j], t.rows[j] = pk, m[k]
	}
	return t
}

// get returns the row of key b, or nil; b must be 1 to maxShortKey
// bytes long.
func (t *shortTable) get(b []byte) []float64 {
	k := packKey(b)
	mask := uint64(len(t.keys) - 1)
	for j := k.hash() >> t.shift; ; j = (j + 1) & mask {
		switch s := &t.keys[j]; {
		case s.n == 0:
			return nil
		case *s == k:
			return t.rows[j]
		}
	}
}
