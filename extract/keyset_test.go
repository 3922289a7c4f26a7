package extract

import (
	"math"
	"testing"
)

// TestKeySet: a key is new once, before and after the set turns into a
// map, and a NaN never equals a key before it, as in a map.
func TestKeySet(t *testing.T) {
	type key struct {
		s string
		v float64
	}
	var ks keySet[key]
	ref := map[key]bool{}
	for i := 0; i < 3*smallKeys; i++ {
		for _, k := range []key{{"a", float64(i % 50)}, {"b", math.NaN()}, {"a", float64(i % 7)}} {
			want := !ref[k]
			ref[k] = true
			var got bool
			if ks, got = ks.add(k); got != want {
				t.Fatalf("step %d: add(%v) = %v, want %v", i, k, got, want)
			}
		}
	}
}
