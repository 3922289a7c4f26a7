package extract

// placeHit is a gazetteer place named in a sentence.
type placeHit struct {
	start, end int
	idx        int
}

// placeHits lists the places a sentence names, leaving out names inside a
// source's name ("The Moscow Times"), ignored places (the origin country)
// and capitals used for their governments ("Moscow confirmed").
func (lx *Lexicon) placeHits(s *sent) []placeHit {
	if s.hitsDone {
		return s.hits
	}
	s.hits, s.hitsDone = lx.findPlaces(s), true
	return s.hits
}

func (lx *Lexicon) findPlaces(s *sent) []placeHit {
	toks := s.toks
	var out []placeHit
	inSource := make([]bool, len(toks))
	for _, m := range s.attr.mentions {
		for k := m.start; k < m.end && k < len(toks); k++ {
			inSource[k] = true
		}
	}
	for k := 0; k < len(toks); k++ {
		if inSource[k] {
			continue
		}
		if !toks[k].may(lx.sources) && !toks[k].may(lx.places) {
			continue
		}
		if p := lx.sources.at(toks, k); p != nil {
			k += len(p.low) - 1
			continue
		}
		p := lx.places.at(toks, k)
		if p == nil {
			continue
		}
		pl := lx.placeList[p.idx]
		e := k + len(p.low)
		if p.val == "name" && !isCap(&toks[k]) && toks[k].Kind == Word {
			k = e - 1
			continue
		}
		if e+1 < len(toks) && toks[e].Low == "-" && toks[e].Glued && toks[e+1].Glued && compoundSuffix[toks[e+1].Low] {
			k = e - 1
			continue // "Moscow-based", "Seoul-led"
		}
		if pl.Ignore {
			k = e - 1
			continue
		}
		if pl.Metonym && p.val == "name" && !(k > 0 && lx.locatives[toks[k-1].Low]) {
			k = e - 1
			continue
		}
		out = append(out, placeHit{k, e, p.idx})
		k = e - 1
	}
	return out
}

// figurePlaces is where a figure is: the sub-national places of its clause
// (else of its sentence, else of the next sentence when that one goes on
// about "these soldiers"), plus the countries of its sentence.
func (lx *Lexicon) figurePlaces(s *sent, f *Figure, figs []Figure, doc []sent, i int) []string {
	hits := lx.placeHits(s)
	cs, ce := s.clause(f.Start, f.End)
	var countries, clauseSub, sentSub []string
	for _, h := range hits {
		pl := lx.placeList[h.idx]
		if pl.Kind == "country" {
			countries = appendUniq(countries, pl.Name)
			continue
		}
		if h.start >= cs && h.end <= ce {
			clauseSub = appendUniq(clauseSub, pl.Name)
			continue
		}
		// A place in another clause is that clause's own figure's.
		hs, he := s.clause(h.start, h.end)
		own := false
		for j := range figs {
			if figs[j].Start >= hs && figs[j].End <= he {
				own = true
			}
		}
		if !own {
			sentSub = appendUniq(sentSub, pl.Name)
		}
	}
	sub := clauseSub
	if len(sub) == 0 {
		sub = sentSub
	}
	if len(sub) == 0 && i+1 < len(doc) && doc[i+1].para == s.para && len(doc[i+1].toks) > 0 {
		nx := &doc[i+1]
		if lx.demonstratives[nx.toks[0].Low] {
			for _, h := range lx.findPlaces(nx) {
				pl := lx.placeList[h.idx]
				if pl.Kind == "country" {
					countries = appendUniq(countries, pl.Name)
				} else {
					sub = appendUniq(sub, pl.Name)
				}
			}
		}
	}
	// "had arrived in the region", "are fighting there": the place of the
	// sentence before, in the same paragraph or the one before it.
	if len(sub) == 0 && i > 0 && lx.hasPhrase(lx.placeAnaphora, s.toks) {
		for _, h := range lx.placeHits(&doc[i-1]) {
			if pl := lx.placeList[h.idx]; pl.Kind != "country" {
				sub = appendUniq(sub, pl.Name)
			}
		}
	}
	out := append([]string{}, sub...)
	for _, c := range countries {
		out = appendUniq(out, c)
	}
	// A country that contains a named sub-national place adds nothing.
	return out
}

func appendUniq(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// hasPhrase reports whether a phrase of m occurs in toks.
func (lx *Lexicon) hasPhrase(m *pmatch, toks []Token) bool {
	for i := range toks {
		if toks[i].may(m) && m.at(toks, i) != nil {
			return true
		}
	}
	return false
}

var compoundSuffix = map[string]bool{"based": true, "born": true, "led": true, "backed": true, "made": true}
