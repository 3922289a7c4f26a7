package extract

import (
	"encoding/binary"
	"fmt"
	"testing"
)

// TestPackKey checks the overlapping loads against the plain packing:
// the key's bytes copied into 16 zeroed bytes.
func TestPackKey(t *testing.T) {
	const text = "L2:북한군 파병 R:сообщ F:#"
	for n := 1; n <= maxShortKey; n++ {
		for off := 0; off+n <= len(text); off++ {
			k := []byte(text[off : off+n])
			var b [maxShortKey]byte
			copy(b[:], k)
			want := shortKey{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:]), uint64(n)}
			if got := packKey(k); got != want {
				t.Fatalf("packKey(%q) = %v, want %v", k, got, want)
			}
		}
	}
}

// TestShortTable looks up every key a table holds, and keys it does not:
// prefixes and extensions of its keys, which pack to near words.
func TestShortTable(t *testing.T) {
	m := map[string][]float64{}
	for i := 0; i < 300; i++ {
		m[fmt.Sprintf("L:w%d", i)] = []float64{float64(i)}
	}
	m["R2:북한"] = []float64{-1}
	m["exactly16bytes!!"] = []float64{-2}
	tab := newShortTable(m)
	for k, row := range m {
		if got := tab.get([]byte(k)); len(got) != 1 || got[0] != row[0] {
			t.Errorf("get(%q) = %v, want %v", k, got, row)
		}
	}
	for _, k := range []string{"L:w", "L:w3000", "R2:북", "R:북한", "exactly16bytes!?", "L", "x"} {
		if got := tab.get([]byte(k)); got != nil {
			t.Errorf("get(%q) = %v, want nil", k, got)
		}
	}
}
