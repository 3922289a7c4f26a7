package extract

import "github.com/flowwatch/flowwatch"

// moneyOwner settles whose a wage, a sum or a share is once ownerGroup
// has read the figure's sentence (g, ok): a share of wages with no people
// named is the workers' ("they keep a small part of their pay; up to 60
// percent goes to the state"), and the workers of an article about IT
// workers are those IT workers ("They make thousands a month and hand
// 80% of it over"; "workers must remit some $1,500").
func (lx *Lexicon) moneyOwner(doc []sent, i int, f *Figure, g string, ok, nk bool) (string, bool) {
	s := &doc[i]
	if f.Kind == flowwatch.KindShare && (lx.changeBefore(s.toks, f.Start) || lx.shareOfUnowned(s.toks, f.End)) {
		return "", false // a growth rate, a share of land or trade: no one's
	}
	if f.Kind == flowwatch.KindMoney && rewardAt(s.toks, f.Start, f.End) {
		return "", false // "up to $5 million for information": a reward offered, nobody's pay
	}
	if f.Kind == flowwatch.KindMoney && (lx.unownedBefore(s.toks, f.Start) || lx.unownedBefore(s.toks, conversionOf(s.toks, f.Start))) {
		return "", false // "a GDP of 40 trillion won", "exports were around $300 million", "fares from 30,000 rubles ($380)"
	}
	if g == "" && lx.wagesIn(s.toks) && (f.Kind == flowwatch.KindShare || s.origin) {
		// "they keep a small part of their pay; up to 60 percent goes to
		// the state", "Russian pay may bring Pyongyang $100-$200 million a
		// year".
		g, ok = flowwatch.GroupWorkers, nk || s.origin
	}
	if g == "" && f.Kind == flowwatch.KindShare && i > 0 && lx.shareOfPayBefore(s.toks, f.End, doc[i-1].toks) {
		// "A builder there is paid about $800 a month. The state keeps 70
		// percent of it": the share is of the pay the sentence before states.
		if g = lx.lastGroup(doc[i-1].toks); g == "" {
			g = flowwatch.GroupWorkers
		}
		ok = nk || lx.originOf(&doc[i-1]) // whose pay: the sentence that states it says
	}
	if (g == flowwatch.GroupWorkers || g == "") && lx.itContext(doc, i, f.Start) {
		g, ok = flowwatch.GroupITWorkers, nk
	}
	if g != "" && !ok && lx.lastGroup(s.toks) != "" && lx.nkBefore(doc, i) {
		// "The IT workers, a few of them paid as much as $200,000 a year":
		// wages are stated paragraphs after the North Koreans are named;
		// their people must be named in the sentence itself.
		ok = true
	}
	return g, ok
}

// rewardAt reports whether the sum at toks[fs:fe] is a reward: a reward
// word (grammar reward_word) in the four words before it ("a reward of up
// to $5 million") or right after its "for" ("$3 million for information").
func rewardAt(toks []Token, fs, fe int) bool {
	for k := fs - 1; k >= 0 && k >= fs-4; k-- {
		if rewardWord[toks[k].Low] {
			return true
		}
	}
	return fe+1 < len(toks) && toks[fe].Low == "for" && rewardWord[toks[fe+1].Low]
}

// shareOfPayBefore reports whether the share ending at toks[fe] is "of"
// a pronoun (grammar share_pronoun) and prev states a rate of pay: a sum
// of money and a period ("$800 a month").
func (lx *Lexicon) shareOfPayBefore(toks []Token, fe int, prev []Token) bool {
	if fe+1 >= len(toks) || toks[fe].Low != "of" || !sharePronoun[toks[fe+1].Low] {
		return false
	}
	cur, per := false, false
	for k := range prev {
		if !cur && prev[k].may(lx.currency) && lx.currency.at(prev, k) != nil {
			cur = true
		}
		if cur && prev[k].may(lx.per) && lx.per.at(prev, k) != nil {
			per = true
		}
	}
	return per
}

// nkBefore reports whether one of the itContextBack sentences before
// doc[i] names North Korea or its people.
func (lx *Lexicon) nkBefore(doc []sent, i int) bool {
	for j := i - 1; j >= 0 && j >= i-itContextBack; j-- {
		if lx.originOf(&doc[j]) {
			return true
		}
	}
	return false
}

// changeBefore reports whether a verb of change comes right before the
// figure at toks[fs], "by" between or not: "grew by 60%", "rose 12 percent".
func (lx *Lexicon) changeBefore(toks []Token, fs int) bool {
	k := fs - 1
	if k >= 0 && toks[k].Low == "by" {
		k--
	}
	return k >= 0 && toks[k].in(wcChange, lx.change)
}

// shareOfUnowned reports whether the share ending at toks[fe] is "of" a
// thing no people own: "40 percent of the territory it held".
func (lx *Lexicon) shareOfUnowned(toks []Token, fe int) bool {
	if fe >= len(toks) || toks[fe].Low != "of" {
		return false
	}
	for k := fe + 1; k < len(toks) && k <= fe+6; k++ {
		if lx.unowned[toks[k].Low] || lx.unowned[toks[k].Text] {
			return true
		}
		if toks[k].Low == "'s" || toks[k].Low == "’s" || toks[k].Low == "'" {
			continue // "of North Korea's GDP"
		}
		if g, _ := lx.Group(toks, k); toks[k].Kind == Punct || g != "" {
			return false
		}
	}
	return false
}

// conversionOf is, for a sum in brackets right after another sum ("30,000
// rubles (about $380)"), where that sum's words start (its number and
// currency before the bracket); else fs. A conversion belongs to what the
// sum it converts belongs to.
func conversionOf(toks []Token, fs int) int {
	for k := fs - 1; k >= 2 && k >= fs-3; k-- {
		if toks[k].Low == "(" {
			if p := &toks[k-1]; p.Kind == Number || p.Kind == Word && !isCap(p) {
				return k - 2
			}
			return fs
		}
		if toks[k].Kind != Word {
			return fs
		}
	}
	return fs
}

// unownedBefore reports whether a thing no people own is named in the
// five words before toks[fs], within its clause.
func (lx *Lexicon) unownedBefore(toks []Token, fs int) bool {
	for k := fs - 1; k >= 0 && k >= fs-5; k-- {
		switch toks[k].Low {
		case ",", ".", ";", ":":
			return false
		}
		if lx.unowned[toks[k].Low] || lx.unowned[toks[k].Text] {
			return true
		}
	}
	return false
}

func (lx *Lexicon) wagesIn(toks []Token) bool {
	for k := range toks {
		if toks[k].may(lx.wages) && lx.wages.at(toks, k) != nil {
			return true
		}
	}
	return false
}

// itContextBack is how many sentences before a figure may still name
// the IT workers its "workers" are.
const itContextBack = 8

// itContext reports whether the nearest people named before toks[fs] of
// doc[i], in its sentence and then up to itContextBack sentences back,
// are IT workers; plain "workers" on the way are those same people.
// itCaps reports whether t is one of the IT words matched as written
// ("IT"). Those are all capitals, so a word that starts with a small
// letter, as most do, is none of them without a look-up.
func itCaps(lx *Lexicon, t *Token) bool {
	if c := t.Text[0]; 'a' <= c && c <= 'z' {
		return false
	}
	return t.maybe(wcITCaps) && lx.itWorkCaps[t.Text]
}

func (lx *Lexicon) itContext(doc []sent, i, fs int) bool {
	for j := i; j >= 0 && j >= i-itContextBack; j-- {
		toks := doc[j].toks
		end := len(toks)
		if j == i {
			end = fs
		}
		g := ""
		for k := 0; k < end; k++ {
			if itCaps(lx, &toks[k]) || toks[k].may(lx.itWork) && lx.itWork.at(toks, k) != nil {
				g = flowwatch.GroupITWorkers
				continue
			}
			if !toks[k].may(lx.groups) {
				continue
			}
			if v, l := lx.Group(toks, k); v != "" {
				if v != flowwatch.GroupWorkers && !lx.foreignBefore(toks, k) {
					g = v
				}
				k += l - 1
			}
		}
		if g != "" {
			return g == flowwatch.GroupITWorkers
		}
	}
	return false
}
