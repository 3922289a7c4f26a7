package extract

import "github.com/flowwatch/flowwatch"

// moneyOwner settles whose a wage, a sum or a share is once ownerGroup
// has read the figure's sentence (g, ok): a share of wages with no people
// named is the workers' ("paid a fraction of their salaries, while as
// much as 70 percent is taken"), and the workers of an article about IT
// workers are those IT workers ("They earn thousands monthly, with 85% of
// their pay sent back"; "workers are obliged to submit about $1,700").
func (lx *Lexicon) moneyOwner(doc []sent, i int, f *Figure, g string, ok, nk bool) (string, bool) {
	s := &doc[i]
	if g == "" && f.Kind == flowwatch.KindShare && lx.wagesIn(s.toks) {
		g, ok = flowwatch.GroupWorkers, nk
	}
	if (g == flowwatch.GroupWorkers || g == "") && lx.itContext(doc, i, f.Start) {
		return flowwatch.GroupITWorkers, nk
	}
	return g, ok
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
func (lx *Lexicon) itContext(doc []sent, i, fs int) bool {
	for j := i; j >= 0 && j >= i-itContextBack; j-- {
		toks := doc[j].toks
		end := len(toks)
		if j == i {
			end = fs
		}
		g := ""
		for k := 0; k < end; k++ {
			if lx.itWorkCaps[toks[k].Text] || toks[k].may(lx.itWork) && lx.itWork.at(toks, k) != nil {
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
