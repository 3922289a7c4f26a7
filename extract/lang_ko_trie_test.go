package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch/domain"
)

// TestKOTrieMatchesTerms checks that the Korean matcher's trie finds at
// every rune of some sentences the term that comparing every term
// starting with that rune finds: the longest, the earliest of equal
// length, with its ^ $ and Latin bounds kept.
func TestKOTrieMatchesTerms(t *testing.T) {
	m := mlModulesFor(domain.Default()).ko.m
	if m.trie.empty || len(m.trie.nodes) < 2 {
		t.Fatal("the default Korean lexicon should fill the trie")
	}
	sents := []string{
		"북한군 1만 명이 러시아 쿠르스크에 파병됐다고 국정원이 밝혔다.",
		"러시아측은 북한 노동자 수천 명을 연해주 건설 현장에 보냈다.",
		"NK뉴스와 데일리NK는 북한인권 단체를 인용해 전했다. 러에서 러의 러시아군",
		"합참은 우크라이나군 병사 200여 명이 북한군에 포로로 잡혔다고 보고했다.",
		"[서울=연합뉴스] 홍길동 기자 = 모스크바에서 외화벌이 노동자들이 일하러 갔다.",
		"",
	}
	found := 0
	for _, s := range sents {
		for i := 0; i < len(s); {
			r, sz := utf8.DecodeRuneInString(s[i:])
			gt, ge := m.longestKO(s, i)
			wt, we := m.longestKOByRune(s, i, r)
			if gt != wt || ge != we {
				t.Errorf("%q at %d: trie %v..%d, terms %v..%d", s, i, gt, ge, wt, we)
			}
			if gt != nil {
				found++
			}
			i += sz
		}
	}
	if found < 15 {
		t.Errorf("%d terms found in the sentences; they name more", found)
	}
}

// TestMLIndexMatchesIndex checks mlIndex against strings.Index for every
// word cut from some Korean, Russian and mixed text, in every part of it.
func TestMLIndexMatchesIndex(t *testing.T) {
	texts := []string{
		"북한은 노동자 수천 명을 보냈고, 북한군 1만 명이 러시아에 있다고 북한 매체가 전했다.",
		"Северокорейские рабочие прибыли; северокорейских военных было 12 тысяч — «Ёнхап».",
		"NK News: 북한 workers 러시아 Россия 2024",
	}
	for _, text := range texts {
		var cuts []int
		for i := range text {
			cuts = append(cuts, i)
		}
		cuts = append(cuts, len(text))
		for a := range cuts {
			for b := a + 1; b < len(cuts) && b <= a+6; b++ {
				w := text[cuts[a]:cuts[b]]
				for _, s := range []string{text, text[cuts[a]:], text[:cuts[b]], text[len(text)/2:], "", "북"} {
					if got, want := mlIndex(s, w), strings.Index(s, w); got != want {
						t.Fatalf("mlIndex(%q, %q) = %d, strings.Index %d", s, w, got, want)
					}
				}
			}
		}
	}
}

// TestMLDecodeMatchesUTF8 checks mlDecode and mlPrevRune against the
// library on every two-byte sequence with a lead byte C0-DF, every
// three-byte one with a lead byte E0-EF and on every byte alone, before
// and after other bytes.
func TestMLDecodeMatchesUTF8(t *testing.T) {
	check := func(s string) {
		for i := 0; i < len(s); i++ {
			r, n := mlDecode(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("mlDecode(%q, %d) = %U %d, want %U %d", s, i, r, n, wr, wn)
			}
		}
		for i := 0; i <= len(s); i++ {
			r, n := mlDecodeLast(s, i)
			wr, wn := utf8.DecodeLastRuneInString(s[:i])
			if r != wr || n != wn || mlPrevRune(s, i) != wr {
				t.Fatalf("mlDecodeLast(%q, %d) = %U %d, want %U %d", s, i, r, n, wr, wn)
			}
		}
	}
	for c := 0; c < 256; c++ {
		check(string([]byte{byte(c)}))
		check(string([]byte{'a', byte(c), 0xEA, 0xB0}))
	}
	for c := 0xC0; c <= 0xDF; c++ {
		for c1 := 0; c1 < 256; c1++ {
			check(string([]byte{byte(c), byte(c1)}))
			check(string([]byte{byte(c), byte(c1), 'x'}))
		}
	}
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := 0; c1 < 256; c1++ {
			for c2 := 0; c2 < 256; c2++ {
				check(string([]byte{byte(c), byte(c1), byte(c2)}))
			}
		}
	}
	check("북한군 1만 명. Россия, 2024년 — ok")
}

// TestMLLowerValidMatchesAny checks the in-place lower-casing of valid
// text against the general one, and mlLower on invalid text, on every rune below U+3000 and on
// Russian text.
func TestMLLowerValidMatchesAny(t *testing.T) {
	var b strings.Builder
	for r := rune(1); r < 0x3000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		b.WriteRune(r)
		if got, ok := mlLowerInPlace(string(r)); !ok || got != mlLowerAny(string(r)) {
			t.Fatalf("%U: %q, want %q", r, got, mlLowerAny(string(r)))
		}
		if mlIsLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("mlIsLetter(%U) = %v", r, !unicode.IsLetter(r))
		}
	}
	for _, s := range []string{b.String(), "ЁЛКИ Ёнхап: СЕВЕРОКОРЕЙСКИЕ рабочие, «ТАСС» — Ι Σ İ"} {
		if got, ok := mlLowerInPlace(s); !ok || got != mlLowerAny(s) {
			t.Errorf("mlLowerInPlace(%q) = %q, want %q", s, got, mlLowerAny(s))
		}
	}
	// Invalid bytes grow in the general reading; mlLower takes it then.
	for _, s := range []string{"Ж\xff", "ПРИВЕТ\xd0", "\xd0Z", "А\xe3\x81"} {
		if got, want := mlLower(s), mlLowerAny(s); got != want {
			t.Errorf("mlLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSplitStops checks the splitters' stop bytes: the first byte of
// every rune they split at, and no byte inside a Hangul or Cyrillic
// letter.
func TestSplitStops(t *testing.T) {
	for _, c := range []struct {
		set   *[256]bool
		runes string
	}{{koSplitStops, "\n.?!。니"}, {ruSplitStops, "\n.!?…"}} {
		for _, r := range c.runes {
			if !c.set[string(r)[0]] {
				t.Errorf("%q does not stop the splitter", r)
			}
		}
		for _, r := range "북한군 Северокорейские" {
			for _, b := range []byte(string(r))[1:] {
				if c.set[b] {
					t.Errorf("a byte inside %q stops the splitter", r)
				}
			}
		}
	}
}

func TestMLFieldCountMatchesFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b ", "\t북한\u00a0군\u0085 1만\n", "с  целью \xff отправки", "\u2003x\u3000y", "a\vb\fc\rd"} {
		if got, want := mlFieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("mlFieldCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestMLLowerPunctuation checks that mlLower, which copies punctuation
// without looking its case up, lower-cases as unicode.ToLower around it.
func TestMLLowerPunctuation(t *testing.T) {
	for r := rune(0xA0); r <= 0x206F; r++ {
		if r > 0xBF && r < 0x2000 {
			continue
		}
		if unicode.ToLower(r) != r {
			t.Fatalf("%U has a lower case; mlLower copies it", r)
		}
	}
	if got := mlLower("«Ёнхап» — СЕУЛ…"); got != "«енхап» — сеул…" {
		t.Errorf("mlLower = %q", got)
	}
}

// TestKONumLeads checks that every rune past ASCII a Korean numeral may
// start with has a lead byte koFigures stops at.
func TestKONumLeads(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !koNumStart(r) {
			continue
		}
		if c := string(r)[0]; c != koNumLeadEB && c != koNumLeadEC {
			t.Errorf("%c starts a numeral; koFigures skips its lead byte %#x", r, c)
		}
	}
}

func TestMLLastFieldMatchesFields(t *testing.T) {
	for _, s := range []string{"", "  ", "a", "санкций ООН ", "по резолюции\u00a0", "x \u2000y\u3000", "\xe2\x80 \xc2\xa0z", "a \xff\xfe", "\u0085b\u0085"} {
		want := ""
		if fs := strings.Fields(s); len(fs) > 0 {
			want = fs[len(fs)-1]
		}
		if got := mlLastField(s); got != want {
			t.Errorf("mlLastField(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTokenizeInline checks that the tokenizer's inline reading of
// Cyrillic and ASCII letters agrees with mlIsWordRune: every rune the
// inline path takes as a letter is one.
func TestTokenizeInline(t *testing.T) {
	for r := rune(0x400); r <= 0x4FF; r++ {
		if b := string(r); b[0] < 0xD0 || b[0] > 0xD3 || !mlIsWordRune(r) {
			t.Errorf("%U: lead byte %#x, word rune %v", r, b[0], mlIsWordRune(r))
		}
	}
	got := ""
	for _, tok := range mlTokenize("Северо-корейские IT-специалисты: 5 000 чел., ёж\xd0 «ТАСС» d\xd1") {
		got += tok.text + "|"
	}
	if want := "Северо-корейские|IT-специалисты|5|000|чел|ёж|ТАСС|d|"; got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
}

// TestKOParticleMatchesFields checks koParticle, which reads words one
// at a time, against the reading that splits all of the text first.
func TestKOParticleMatchesFields(t *testing.T) {
	for _, text := range []string{"", " ", "은", " 국정원은 밝혔다", "이 발표에서", "측은", "  러시아가,  ", "정부 관계자 기자 설명 대변인은", "a b c d 는", "\u3000그는\u00a0말", "에 \xff는"} {
		for _, topic := range []bool{false, true} {
			if got, want := koParticle(text, topic), splitParticle(text, topic); got != want {
				t.Errorf("koParticle(%q, %v) = %v, want %v", text, topic, got, want)
			}
		}
	}
}

func splitParticle(text string, topic bool) bool {
	words := strings.Fields(text)
	if text == "" || text[0] == ' ' {
		words = append([]string{""}, words...)
	}
	for k, w := range words {
		if k > 3 {
			return false
		}
		if res, done := koParticleWord(w, topic); done {
			return res
		}
	}
	return false
}
