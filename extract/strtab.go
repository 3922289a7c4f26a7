package extract

import (
	"hash/maphash"
	"maps"
	"slices"
)

// strTable is a read-only hash table from strings to values, looked up
// with the bytes of a key just built (a lower-cased word, a feature) or a
// slice of the text. The hot loops look up every token and every feature;
// a Go map keyed by string costs a conversion or a second lookup there,
// and open addressing over a table at most half full costs one hash and
// usually one comparison.
type strTable[V any] struct {
	seed  maphash.Seed
	slots []strSlot[V] // a power of two long
}

type strSlot[V any] struct {
	hash uint64
	key  string
	val  V
	used bool
}

// newStrTable files every entry of m. Keys are filed in sorted order so
// that the layout does not depend on map order.
func newStrTable[V any](m map[string]V) strTable[V] {
	t := strTable[V]{seed: maphash.MakeSeed()}
	n := 8
	for n < 2*len(m) {
		n *= 2
	}
	t.slots = make([]strSlot[V], n)
	mask := uint64(n - 1)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		h := maphash.String(t.seed, k)
		j := h & mask
		for t.slots[j].used {
			j = (j + 1) & mask
		}
		t.slots[j] = strSlot[V]{hash: h, key: k, val: m[k], used: true}
	}
	return t
}

// get returns the entry of key b, or nil.
func (t *strTable[V]) get(b []byte) *strSlot[V] {
	if len(t.slots) == 0 {
		return nil
	}
	h := maphash.Bytes(t.seed, b)
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := &t.slots[j]
		if !s.used {
			return nil
		}
		if s.hash == h && s.key == string(b) {
			return s
		}
	}
}

// getString is get for a key held as a string.
func (t *strTable[V]) getString(k string) *strSlot[V] {
	if len(t.slots) == 0 {
		return nil
	}
	h := maphash.String(t.seed, k)
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := &t.slots[j]
		if !s.used {
			return nil
		}
		if s.hash == h && s.key == k {
			return s
		}
	}
}
