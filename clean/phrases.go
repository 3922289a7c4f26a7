package clean

import "strings"

// phraseSet answers "does this line contain any of these phrases" in one
// pass over the line instead of one strings.Contains per phrase: every
// line of every page asks it, and the rule file holds over a hundred
// phrases. Phrases are indexed by their first two bytes; a bitmap of
// those pairs lets most positions be skipped without a map lookup.
type phraseSet struct {
	seen   [1 << 16 / 64]uint64
	byPair map[uint16][]string
	short  []string // one-byte phrases, checked directly
}

func newPhraseSet(phrases []string) *phraseSet {
	s := &phraseSet{byPair: map[uint16][]string{}}
	for _, p := range phrases {
		if len(p) < 2 {
			s.short = append(s.short, p)
			continue
		}
		k := uint16(p[0])<<8 | uint16(p[1])
		s.seen[k/64] |= 1 << (k % 64)
		s.byPair[k] = append(s.byPair[k], p)
	}
	return s
}

// containsAny reports whether line contains one of the phrases.
func (s *phraseSet) containsAny(line string) bool {
	for _, p := range s.short {
		if strings.Contains(line, p) {
			return true
		}
	}
	for i := 0; i+1 < len(line); i++ {
		k := uint16(line[i])<<8 | uint16(line[i+1])
		if s.seen[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range s.byPair[k] {
			if strings.HasPrefix(line[i:], p) {
				return true
			}
		}
	}
	return false
}
