package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch/domain"
)

// Russian reporting quotes many people the gazetteer cannot know: a
// developer's adviser, a regional official, an analyst. Such a person is
// written in full where first named, a given name the lexicon knows and
// a capitalised surname ("Павел Беленец заявил"), and is a source when a
// reporting verb stands next to the name. The name is given in Latin
// letters, as English-language reporting and the gold spell it.

// ruNames are the lexicon's given names and letters (first_names,
// translit).
type ruNames struct {
	first    map[string]string
	translit map[string]string
}

func ruNamesOf(l *domain.Lexicon) *ruNames {
	if l == nil || len(l.FirstNames) == 0 {
		return nil
	}
	return &ruNames{first: l.FirstNames, translit: l.Translit}
}

// ruPerson is a person named in full in a sentence: the bytes of the
// name and its Latin spelling.
type ruPerson struct {
	start, end int
	name       string
}

// persons are the people a sentence names in the nominative, given name
// then surname, whom no source of the gazetteer covers (its hits read).
func (rn *ruNames) persons(s *mlSent) []ruPerson {
	if rn == nil {
		return nil
	}
	if !s.personsOK {
		s.persons, s.personsOK = rn.read(s), s.hits != nil
	}
	return s.persons
}

func (rn *ruNames) read(s *mlSent) []ruPerson {
	var out []ruPerson
	for k := 0; k+1 < len(s.toks); k++ {
		given, ok := rn.first[s.toks[k].low]
		if !ok || !ruCapitalised(s.toks[k].text) {
			continue
		}
		sur := s.toks[k+1]
		if !ruCapitalised(sur.text) || !ruCyrillicWord(sur.text) || strings.TrimSpace(s.text[s.toks[k].end:sur.start]) != "" || ruCovered(s, s.toks[k].start, sur.end) {
			continue
		}
		out = append(out, ruPerson{start: s.toks[k].start, end: sur.end, name: given + " " + rn.spell(sur.low)})
		k++
	}
	return out
}

// spell writes a lower-cased Russian surname in Latin letters, with the
// two habits of English-language reporting a letter table cannot hold:
// -ий and -ый end in y (Зеленский, Zelensky), and е opens a word as ye.
func (rn *ruNames) spell(w string) string {
	end := ""
	if strings.HasSuffix(w, "ий") || strings.HasSuffix(w, "ый") {
		w, end = w[:len(w)-len("ий")], "y"
	}
	var b strings.Builder
	for i, r := range w {
		t, ok := rn.translit[string(r)]
		switch {
		case i == 0 && r == 'е':
			t = "ye"
		case !ok:
			t = string(r)
		}
		b.WriteString(t)
	}
	out := b.String() + end
	r, n := utf8.DecodeRuneInString(out)
	return string(unicode.ToUpper(r)) + out[n:]
}

// ruSpeakerPerson is a person the gazetteer does not know who speaks the
// sentence: named right before a reporting verb, one adverb between at
// most ("Павел Беленец ранее заявлял"), or after one, a title between
// (ruTitleGap: "сообщил советник губернатора Иван Петров").
func (rn *ruNames) speaker(s *mlSent) string {
	ps := rn.persons(s)
	if len(ps) == 0 {
		return ""
	}
	for _, h := range s.hits {
		if h.cat != catSaid {
			continue
		}
		for _, p := range ps {
			switch {
			case p.end <= h.start:
				if gap := s.text[p.end:h.start]; mlWordsBetween(gap) <= 1 && !strings.ContainsAny(gap, ",.;:«»\"()—–") {
					return p.name
				}
			case p.start >= h.end:
				if ruTitleGap(s.text[h.end:p.start]) {
					return p.name
				}
			}
		}
	}
	return ""
}

// after is a person the gazetteer does not know named after the
// reporting verb v, a title between (ruTitleGap), or "".
func (rn *ruNames) after(s *mlSent, v mlHit) string {
	for _, p := range rn.persons(s) {
		if p.start >= v.end && ruTitleGap(s.text[v.end:p.start]) {
			return p.name
		}
	}
	return ""
}

// last is the person a sentence names last, for a pronoun that points
// back to them ("По его словам"), and where the name ends; "" and -1
// when it names none.
func (rn *ruNames) last(s *mlSent) (string, int) {
	ps := rn.persons(s)
	if len(ps) == 0 {
		return "", -1
	}
	p := ps[len(ps)-1]
	return p.name, p.end
}

// bySurname is the person of s last named whose surname is the word w in
// another case ("Гусельников" after "Олег Гусельников", "Ерошенко"):
// the two share all but their last two letters, four at least.
func (rn *ruNames) bySurname(s *mlSent, w string) (string, int) {
	ps := rn.persons(s)
	for i := len(ps) - 1; i >= 0; i-- {
		sur := s.text[ps[i].start:ps[i].end]
		sur = sur[strings.LastIndexByte(sur, ' ')+1:]
		if ruSameStem(sur, w) {
			return ps[i].name, ps[i].end
		}
	}
	return "", -1
}

// ruSameStem reports whether a and b are one word in two cases: equal
// but for at most their last two letters, with four letters shared.
func ruSameStem(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	if n < 4 || len(ra)-n > 2 || len(rb)-n > 2 {
		return false
	}
	stem := max(4, max(len(ra), len(rb))-2)
	if stem > n {
		stem = n
	}
	return string(ra[:stem]) == string(rb[:stem])
}

// ruCovered reports whether a hit of the gazetteer's sources covers any
// of the bytes a..b: the gazetteer spells the people it knows.
func ruCovered(s *mlSent, a, b int) bool {
	for _, h := range s.hits {
		if h.cat == catSource && h.start < b && h.end > a {
			return true
		}
	}
	return false
}

func ruCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// ruCyrillicWord reports whether w is Cyrillic letters, a hyphen between
// (a double surname) allowed.
func ruCyrillicWord(w string) bool {
	for _, r := range w {
		if r != '-' && !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
	}
	return w != ""
}
