package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

// koEnglishMinWords is how many Latin words a line of a Korean page needs
// to be read as English prose: a name, an acronym or a menu is not.
const koEnglishMinWords = 6

// koEnglishText is the text of a Korean page with only its English lines
// left, every other byte a space (so offsets stay those of the page), and
// whether any line was kept. A line is English when, after a transcript's
// speaker label in brackets ("[라이더 대변인] “We believe …"), it holds no
// Hangul and at least koEnglishMinWords Latin words: a briefing's
// original words or a foreign outlet's lead that the page quotes.
func koEnglishText(text string) (string, bool) {
	var b []byte
	kept := false
	for ls := 0; ls < len(text); {
		le := lineEnd(text, ls)
		from := ls + koLabelEnd(text[ls:le])
		if koEnglishLine(text[from:le]) {
			if b == nil {
				b = []byte(strings.Repeat(" ", len(text)))
			}
			copy(b[from:le], text[from:le])
			kept = true
		}
		ls = le + 1
	}
	if !kept {
		return "", false
	}
	// Every line end comes back; the rest of the page stays blank.
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			b[i] = '\n'
		}
	}
	return string(b), true
}

// koLabelEnd is the length of a speaker label in brackets that opens line
// ("[기자] ", "[라이더 대변인] "), 0 for none.
func koLabelEnd(line string) int {
	t := strings.TrimLeft(line, " ")
	if !strings.HasPrefix(t, "[") {
		return 0
	}
	k := strings.IndexByte(t, ']')
	if k < 0 || k > 40 {
		return 0
	}
	return len(line) - len(t) + k + 1
}

// koEnglishLine reports whether line is English prose (koEnglishText).
func koEnglishLine(line string) bool {
	words, in := 0, false
	for _, r := range line {
		if mlIsHangul(r) {
			return false
		}
		latin := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		if latin && !in {
			words++
		}
		in = latin
	}
	return words >= koEnglishMinWords
}

// koEnglishClaims reads the English lines of a Korean page with the
// English rules and puts their claims in place of what the Korean engine
// read in the same lines: Korean grammar misreads English sentences
// ("About 1,000 North Koreans killed …" has no Korean group word). A
// claim the English rules leave without a source takes the source of the
// Korean claim right before it: the page quotes in English what the
// speaker it has just named said.
func (x *Extractor) koEnglishClaims(a *flowwatch.Article, out []flowwatch.Claim, dropped []Candidate) ([]flowwatch.Claim, []Candidate) {
	en, ok := koEnglishText(a.Text)
	mod, lx := languages["en"], x.lex["en"]
	if !ok || mod == nil || lx == nil {
		return out, dropped
	}
	inEnglish := func(c *flowwatch.Claim) bool {
		return c.FigureStart < len(en) && en[c.FigureStart] != ' '
	}
	korean := out[:0]
	for _, c := range out {
		if !inEnglish(&c) {
			korean = append(korean, c)
		}
	}
	ea := *a
	ea.Text = en
	buf := bufPool.Get().(*buffers)
	defer buf.put()
	doc := x.read(en, mod, lx, buf)
	eng, edropped := x.claims(&ea, doc, mod, lx, nil, nil, nil)
	for i := range eng {
		c := &eng[i]
		c.Lang = a.Lang
		if c.Source != "" {
			continue
		}
		for _, k := range korean {
			if k.FigureStart < c.FigureStart {
				c.Source, c.Via = k.Source, k.Via
			}
		}
	}
	out = append(korean, eng...)
	slices.SortStableFunc(out, func(a, b flowwatch.Claim) int { return a.FigureStart - b.FigureStart })
	for _, d := range edropped {
		d.Lang = a.Lang
		dropped = append(dropped, d)
	}
	return out, dropped
}
