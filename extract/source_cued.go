package extract

// A cue of attribution may name someone the gazetteer does not know
// ("according to Vladimir Sokolov, …", "…, according to a new study by
// the Harbor Labour Watch (HLW)"). Wire copy and the pages of NGOs and
// institutes credit their figures this way as often as with a verb of
// saying after the name, which speaker reads.

// maxCuedName is the most words of a name after a cue: bodies run long
// ("Database Centre for Human Rights in the Far East").
const maxCuedName = 8

// cuedName is the person or body the gazetteer does not know that a cue
// of attribution names, in the form its source takes (a body introduced
// with its acronym in brackets is the acronym, as the gazetteer names the
// bodies it knows), or "". body says whether it is a body (its acronym or
// its publication names it so), whose report "the report" may be later.
func (a *attributor) cuedName(toks []Token) (name string, body bool) {
	for k := 0; k < len(toks); k++ {
		if !toks[k].may(a.lx.according) && toks[k].Low != "by" {
			continue // most words: one test each
		}
		b, pub := -1, false
		if toks[k].may(a.lx.according) {
			if p := a.lx.according.at(toks, k); p != nil {
				b = k + len(p.low)
			}
		}
		if b < 0 && toks[k].Low == "by" && k > 0 && publicationNoun[toks[k-1].Low] {
			b, pub = k+1, true // "a report by …" with no cue before it
		}
		if b < 0 {
			continue
		}
		if e := publicationBy(toks, b); e > b {
			b, pub = e, true // "according to a new study by …"
		}
		if b < len(toks) && toks[b].Low == "the" {
			b++
		}
		if b+1 < len(toks) && toks[b].in(wcAbbrev, a.lx.abbrev) && toks[b+1].Low == "." {
			b += 2 // "according to Dr. Cho": the title is no part of the name
		}
		e := nameAfter(toks, b)
		if e == b || notNames[toks[b].Low] {
			continue
		}
		if acronymAfter(toks, e) {
			// The brackets mark a name, whatever words it holds ("Centre
			// for North Korean Labour Rights (CNKLR)").
			return toks[e+1].Text, true
		}
		end := skipAffiliation(toks, e) // "Cho of the Hanbit Institute, …": the person
		if end < len(toks) && !cuedNameEnd(&toks[end]) || a.notName(toks[b:e]) {
			continue
		}
		if e-b == 1 && !isAcronym(toks[b].Text) && a.namedPerson(toks[b].Text) == "" && !a.capitalisedInside(toks[b].Text) {
			continue
		}
		return a.fullName(toks[b:e]), pub || e-b == 1 && isAcronym(toks[b].Text)
	}
	return "", false
}

// publicationBy is where the name starts after a publication and the
// word that gives its author ("a new study by", "the 2025 survey of",
// "estimates compiled by"), or b when toks[b] opens no such phrase.
func publicationBy(toks []Token, b int) int {
	j := b
	if j < len(toks) && toks[j].in(wcDeterminer, determiners) {
		j++
	}
	for n := 0; n < 3 && j < len(toks) && toks[j].Kind != Punct; n++ {
		if publicationNoun[toks[j].Low] {
			j++
			if j+1 < len(toks) && toks[j].Kind == Word && len(toks[j].Low) > 3 && toks[j].Low[len(toks[j].Low)-2:] == "ed" && toks[j+1].Low == "by" {
				j++ // "estimates compiled by"
			}
			if j < len(toks) && (toks[j].Low == "by" || toks[j].Low == "from" || toks[j].Low == "of") {
				return j + 1
			}
			return b
		}
		j++
	}
	return b
}

// nameAfter is where a run of capitalised words starting at toks[b] ends:
// at most maxCuedName words, joined by glued hyphens or by a lowercase
// "for", "of" or "and" between capitals.
func nameAfter(toks []Token, b int) int {
	e := b
	for e < len(toks) && e-b < maxCuedName {
		t := &toks[e]
		switch {
		case isCap(t):
			e++
		case e > b && t.Low == "-" && t.Glued && e+1 < len(toks) && toks[e+1].Glued && toks[e+1].Kind == Word:
			e += 2 // "Lee Seong-kweun"
		case e > b && nameJoiner[t.Low] && e+1 < len(toks) && isCap(&toks[e+1]):
			e++
		default:
			return e
		}
	}
	return e
}

// cuedNameEnd reports whether a name after a cue may end before t: the
// clause or sentence goes on after punctuation; a lowercase word would
// make the capitals an adjective ("according to Western intelligence").
func cuedNameEnd(t *Token) bool {
	switch t.Low {
	case ",", ".", ";", ":", "—", "–", "!":
		return true
	}
	return false
}
