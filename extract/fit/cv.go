package fit

import (
	"slices"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// Result is a cross-validated score, by language and in all.
type Result struct {
	Rules  map[string]Score // the rules' reading alone, by language
	Fitted map[string]Score // with the model fitted on the other folds
	Seen   map[string]Score // with the model fitted on every fold: how far it memorises
	// Held is every article's claims from the model that did not see it,
	// by article name: what --cv-out writes for error analysis.
	Held map[string][]flowwatch.Claim
	// Misses counts the held-out misses by language and kind (see
	// missKind): where recall is lost.
	Misses map[string]map[string]int
	// Extras counts the held-out predictions no gold matches, by language
	// and kind (see Extras): where precision is lost.
	Extras map[string]map[string]int
	// Langs are the languages where the fitted stage scored a higher F1
	// than the rules alone: those the written model re-decides
	// (extract.Model.Langs). Shipped is the score of what the extractor
	// then does in each language: Fitted where the model applies, else
	// Rules.
	Langs   []string
	Shipped map[string]Score
	// SourceMargin is the source head's margin that credited the most
	// held-out claims to the gold's source (extract.Model.SourceMargin);
	// Margins has the count of each margin tried, for the report.
	SourceMargin float64
	Margins      map[float64]int
}

// CrossValidate fits on four folds and scores the fifth, for each fold,
// and adds the five held-out scores up by language. No article is ever
// scored by a model that saw it.
func CrossValidate(docs []Doc, x *extract.Extractor, opt Options) Result {
	cands := make([][]extract.Candidate, len(docs))
	rules := make([][]flowwatch.Claim, len(docs))
	ex := make([][]Example, len(docs))
	for i := range docs {
		cands[i] = x.Candidates(docs[i].Article)
		for _, c := range cands[i] {
			if c.Dropped == "" {
				rules[i] = append(rules[i], c.Claim)
			}
		}
		ex[i] = docExamples(&docs[i], cands[i])
	}
	res := Result{Rules: map[string]Score{}, Fitted: map[string]Score{}, Seen: map[string]Score{}, Held: map[string][]flowwatch.Claim{}, Misses: map[string]map[string]int{}, Extras: map[string]map[string]int{}}
	var all []Example
	for i := range docs {
		all = append(all, ex[i]...)
	}
	full := Train(all, opt)
	models := make([]*extract.Model, Folds)
	var marginCounts map[float64]int
	for k := 0; k < Folds; k++ {
		var train []Example
		for i := range docs {
			if Fold(docs[i].Article.Name) != k {
				train = append(train, ex[i]...)
			}
		}
		models[k] = Train(train, opt)
	}
	res.SourceMargin, marginCounts = chooseMargin(docs, cands, models)
	full.SourceMargin = res.SourceMargin
	for i := range docs {
		add(res.Seen, docs[i].Lang(), ScoreDoc(docs[i].Gold, full.Choose(docs[i].Article.Text, cands[i])))
	}
	for i := range docs {
		m := models[Fold(docs[i].Article.Name)]
		m.SourceMargin = res.SourceMargin
		lang := docs[i].Lang()
		add(res.Rules, lang, ScoreDoc(docs[i].Gold, rules[i]))
		got := m.Choose(docs[i].Article.Text, cands[i])
		add(res.Fitted, lang, ScoreDoc(docs[i].Gold, got))
		res.Held[docs[i].Article.Name] = got
		addCounts(res.Misses, lang, Misses(docs[i].Gold, got, cands[i]))
		addCounts(res.Extras, lang, Extras(docs[i].Gold, got))
	}
	res.Margins = marginCounts
	res.chooseLangs()
	return res
}

// chooseMargin scores every held-out article with each of SourceMargins
// and returns the margin under which most matched claims have the gold's
// source (in every language: the head leaves alone those without
// options); a tie goes to the more cautious margin. The choice is made on
// the held-out scores it reports, like chooseLangs.
func chooseMargin(docs []Doc, cands [][]extract.Candidate, models []*extract.Model) (float64, map[float64]int) {
	counts := map[float64]int{}
	best, bestN := NeverMargin, -1
	for _, margin := range SourceMargins {
		n := 0
		for i := range docs {
			m := models[Fold(docs[i].Article.Name)]
			if !m.Applies(docs[i].Article.Lang) {
				continue
			}
			m.SourceMargin = margin
			n += ScoreDoc(docs[i].Gold, m.Choose(docs[i].Article.Text, cands[i])).Attr["source"][0]
		}
		counts[margin] = n
		if n > bestN {
			best, bestN = margin, n
		}
	}
	return best, counts
}

// chooseLangs keeps the model in a language only where it beat the rules
// on articles it had not seen; a tie goes to the rules, which are cheaper
// and say why. The choice is made on the same held-out scores it reports,
// so Shipped is slightly optimistic where the two were close.
func (res *Result) chooseLangs() {
	res.Shipped = map[string]Score{}
	res.Langs = []string{} // the model applies nowhere until a language earns it
	for lang, f := range res.Fitted {
		r := res.Rules[lang]
		if f.F1() > r.F1() {
			res.Langs = append(res.Langs, lang)
			res.Shipped[lang] = f
		} else {
			res.Shipped[lang] = r
		}
	}
	slices.Sort(res.Langs)
}

func addCounts(m map[string]map[string]int, lang string, c map[string]int) {
	if m[lang] == nil {
		m[lang] = map[string]int{}
	}
	for k, n := range c {
		m[lang][k] += n
	}
}

func add(m map[string]Score, lang string, s Score) {
	t := m[lang]
	t.Add(s)
	m[lang] = t
}

// Fit fits the model on every doc and cross-validates it to choose the
// languages it re-decides: what `flowwatch train` embeds.
func Fit(docs []Doc, x *extract.Extractor, opt Options) *extract.Model {
	m := Train(Examples(docs, x.Candidates), opt)
	res := CrossValidate(docs, x, opt)
	m.Langs = res.Langs
	if m.Heads[extract.HeadSource] != nil {
		m.SourceMargin = res.SourceMargin
	}
	return m
}
