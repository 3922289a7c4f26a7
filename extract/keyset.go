package extract

// keySet remembers the keys of the claims an article has kept, to keep
// each claim once. An article keeps a handful, so a scan of the keys on
// the caller's stack beats a map, which cost two allocations an article;
// past smallKeys it becomes a map all the same. Keys compare with ==, as
// map keys do (a NaN bound equals nothing).
type keySet[K comparable] struct {
	keys []K
	m    map[K]bool
}

const smallKeys = 32

// add reports whether k is new, and returns the set with k. It takes and
// returns the set by value so that a caller's buffer stays on its stack.
func (s keySet[K]) add(k K) (keySet[K], bool) {
	if s.m != nil {
		if s.m[k] {
			return s, false
		}
		s.m[k] = true
		return s, true
	}
	for _, x := range s.keys {
		if x == k {
			return s, false
		}
	}
	s.keys = append(s.keys, k)
	if len(s.keys) > smallKeys {
		s.m = make(map[K]bool, 2*smallKeys)
		for _, x := range s.keys {
			s.m[x] = true
		}
	}
	return s, true
}
