package extract

import (
	"testing"

	"github.com/flowwatch/flowwatch/domain"
)

// Low is the lower case of every word, whether the intern table has it or
// not: the code compares Low with words of its own ("told", "africa") and
// no list of them is kept.
func TestTokenizeInternAgrees(t *testing.T) {
	lx := compile(domain.Default(), "en")
	texts := []string{
		"Between The NIS, Vladivostok and Wi Sung-lac TOLD Reuters: Über 5 Thousand",
		"Labour migrants from Africa number about 40,000",
		"ZZZQX Told Qqq AFRICA Asia Caucasus",
		"“According to” the 7th General Bureau’s Über-count, 1\u00a0000 troops (U.S. estimate) — Seoul's NIS said.",
	}
	for _, text := range texts {
		plain := Tokenize(text, 0, len(text), nil)
		interned := tokenize(text, 0, len(text), nil, &lx.words)
		if len(plain) != len(interned) {
			t.Fatalf("%q: %d tokens, want %d", text, len(interned), len(plain))
		}
		for i := range plain {
			if p, q := plain[i], interned[i]; q.Low != p.Low {
				t.Errorf("token %q: Low %q, want %q", p.Text, q.Low, p.Low)
			}
			// The tokenizer marks as Lexicon.mark does from the vocab.
			marked := plain[i : i+1 : i+1]
			lx.mark(marked)
			if m, q := marked[0], interned[i]; q.mask != m.mask || q.ends != m.ends || q.wid != m.wid {
				t.Errorf("token %q: mask %x ends %x id %d, want %x %x %d", m.Text, q.mask, q.ends, q.wid, m.mask, m.ends, m.wid)
			}
		}
	}
}

// Every word of every lexicon phrase is interned, so that the common
// capitalised forms ("General Bureau") cost no allocation.
func TestInternCoversLexicon(t *testing.T) {
	lx := compile(domain.Default(), "en")
	for _, m := range lx.all {
		for _, ps := range m.first {
			for _, p := range ps {
				for _, w := range p.low {
					if lx.words.getString(w) == nil {
						t.Errorf("%q (of %q) is not interned", w, p.low)
					}
				}
			}
		}
	}
}
