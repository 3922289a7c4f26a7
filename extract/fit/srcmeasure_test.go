package fit

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/extract"
)

// TestSourceRelations reports, for the English claims the rules read that
// match a gold claim with a source, where the gold source stands among the
// figure's source options. Diagnostic: FLOWWATCH_SOURCE_RELATIONS=1.
func TestSourceRelations(t *testing.T) {
	if os.Getenv("FLOWWATCH_SOURCE_RELATIONS") == "" {
		t.Skip("diagnostic")
	}
	docs := measureDocs(t)
	x := extract.New(nil)
	rel := map[string]int{}
	n, ruleOK, oracle, noOpts := 0, 0, 0, 0
	for i := range docs {
		d := &docs[i]
		if d.Lang() != "en" {
			continue
		}
		cs := x.Candidates(d.Article)
		for _, m := range matchGold(d, cs) {
			c, g := &cs[m.cand], m.gold
			alts := strList(g.Source)
			if len(alts) == 0 || c.Dropped != "" {
				continue
			}
			n++
			if in(c.Source, alts) {
				ruleOK++
			}
			if c.Sources == nil {
				noOpts++
				continue
			}
			var hit *extract.SourceOption
			for k := range c.Sources {
				if in(c.Sources[k].Name, alts) {
					hit = &c.Sources[k]
					break
				}
			}
			if hit == nil {
				rel["missing"]++
				if os.Getenv("FLOWWATCH_SOURCE_RELATIONS") == "2" {
					t.Logf("missing %s: gold %v rule %q opts %v", d.Article.Name, alts, c.Source, names(c.Sources))
				}
				continue
			}
			oracle++
			rel["all "+primary(hit.Rels)]++
			if !in(c.Source, alts) {
				rel["rule-wrong "+primary(hit.Rels)]++
				for _, r := range extract.RelNamesOf(hit.Rels) {
					rel["rule-wrong has "+r]++
				}
				if os.Getenv("FLOWWATCH_SOURCE_RELATIONS") == "2" {
					t.Logf("wrong %s: gold %v rule %q rels %v opts %v", d.Article.Name, alts, c.Source, extract.RelNamesOf(hit.Rels), names(c.Sources))
				}
			}
		}
	}
	t.Logf("en matched with gold source %d: rules right %d (%.3f), oracle %d (%.3f), no options %d", n, ruleOK, float64(ruleOK)/float64(n), oracle, float64(oracle)/float64(n), noOpts)
	var keys []string
	for k := range rel {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return rel[keys[i]] > rel[keys[j]] })
	for _, k := range keys {
		t.Logf("%5d %s", rel[k], k)
	}
}

func names(o []extract.SourceOption) []string {
	var out []string
	for _, x := range o {
		out = append(out, x.Name)
	}
	return out
}

// primary is the nearest place a source is named: none, same, para, prev, earlier, later, else the first other relation.
func primary(r uint16) string {
	for _, k := range []uint16{extract.RelNone, extract.RelSame, extract.RelPara, extract.RelPrev, extract.RelEarlier, extract.RelLater} {
		if r&k != 0 {
			return strings.Join(extract.RelNamesOf(k), "")
		}
	}
	return strings.Join(extract.RelNamesOf(r&^extract.RelRule), "+")
}

// TestSourceScores prints, per held-out English figure whose gold source is
// among its options, the head's score of the gold and the rules' options.
func TestSourceScores(t *testing.T) {
	if os.Getenv("FLOWWATCH_SOURCE_RELATIONS") == "" {
		t.Skip("diagnostic")
	}
	docs := loadTrain(t)
	x := extract.New(nil)
	cands := make([][]extract.Candidate, len(docs))
	ex := make([][]Example, len(docs))
	for i := range docs {
		cands[i] = x.Candidates(docs[i].Article)
		ex[i] = docExamples(&docs[i], cands[i])
	}
	var fixes, breaks []float64
	for k := 0; k < Folds; k++ {
		var train []Example
		for i := range docs {
			if Fold(docs[i].Article.Name) != k {
				train = append(train, ex[i]...)
			}
		}
		m := Train(train, Options{})
		m.SourceMargin = 0
		for i := range docs {
			if Fold(docs[i].Article.Name) != k || docs[i].Lang() != "en" {
				continue
			}
			for _, gm := range matchGold(&docs[i], cands[i]) {
				c := cands[i][gm.cand]
				alts := strList(gm.gold.Source)
				if len(alts) == 0 || len(c.Sources) < 2 {
					continue
				}
				d, _ := m.Decide(docs[i].Article.Text, &c)
				var rule, best, gold float64 = 0, -1e9, -1e9
				bestName := ""
				for _, s := range d.Sources {
					if slices.Contains(s.Rels, "rule") {
						rule = s.Score
					} else if s.Score > best {
						best, bestName = s.Score, s.Name
					}
					if in(s.Name, alts) && s.Score > gold {
						gold = s.Score
					}
				}
				ruleOK := in(cands[i][gm.cand].Source, alts)
				switch {
				case ruleOK && best > rule-2:
					breaks = append(breaks, best-rule)
					t.Logf("right %s %.2f: rule %q best %q %v", docs[i].Article.Name, best-rule, cands[i][gm.cand].Source, bestName, d.Sources)
				case !ruleOK && gold > -1e9:
					fixes = append(fixes, gold-rule)
					t.Logf("FIX %s %.2f: rule %q gold %v %v", docs[i].Article.Name, gold-rule, cands[i][gm.cand].Source, alts, d.Sources)
				}
			}
		}
	}
	sort.Float64s(fixes)
	sort.Float64s(breaks)
	t.Logf("fixes %v", fixes)
	t.Logf("breaks %v", breaks)
}

// TestSourceNoneContexts: for English figures the rules credit to no one,
// how often the gold agrees, by the flags of the figure's sentence and the
// nearest relation of the option the gold names.
func TestSourceNoneContexts(t *testing.T) {
	if os.Getenv("FLOWWATCH_SOURCE_RELATIONS") == "" {
		t.Skip("diagnostic")
	}
	docs := loadTrain(t)
	x := extract.New(nil)
	tab := map[string][2]int{}
	for i := range docs {
		if docs[i].Lang() != "en" {
			continue
		}
		cs := x.Candidates(docs[i].Article)
		for _, gm := range matchGold(&docs[i], cs) {
			c := &cs[gm.cand]
			alts := strList(gm.gold.Source)
			if len(alts) == 0 || c.Source != "" || len(c.Sources) < 2 || c.Dropped != "" {
				continue
			}
			ctx := strings.Join(extract.CtxNamesOf(c.SourceCtx), "+")
			for _, o := range c.Sources {
				if o.Name == "" {
					continue
				}
				k := ctx + " | " + primary(o.Rels&^(extract.RelOutlet)) + topMark(o.Rels)
				v := tab[k]
				if in(o.Name, alts) {
					v[0]++
				} else {
					v[1]++
				}
				tab[k] = v
			}
		}
	}
	var keys []string
	for k := range tab {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%3d gold / %3d not  %s", tab[k][0], tab[k][1], k)
	}
}

func topMark(r uint16) string {
	if r&extract.RelTop != 0 {
		return " top"
	}
	return ""
}

// measureDocs is the set FLOWWATCH_SOURCE_SET names (a folder with
// articles/ and gold.jsonl), else the train corpus.
func measureDocs(t *testing.T) []Doc {
	dir := os.Getenv("FLOWWATCH_SOURCE_SET")
	if dir == "" {
		return loadTrain(t)
	}
	docs, err := LoadSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestSourceMarginsOnSet fits on the whole train corpus and counts, on
// FLOWWATCH_SOURCE_SET, the matched claims with the gold's source under
// each margin: whether what cross-validation chose holds on another set.
func TestSourceMarginsOnSet(t *testing.T) {
	if os.Getenv("FLOWWATCH_SOURCE_SET") == "" {
		t.Skip("diagnostic: FLOWWATCH_SOURCE_SET=DIR")
	}
	train := loadTrain(t)
	x := extract.New(nil)
	m := Train(Examples(train, x.Candidates), Options{})
	docs := measureDocs(t)
	for _, margin := range SourceMargins {
		m.SourceMargin = margin
		var s Score
		for i := range docs {
			s.Add(ScoreDoc(docs[i].Gold, m.Choose(docs[i].Article.Text, x.Candidates(docs[i].Article))))
		}
		t.Logf("margin %v: source %d/%d", margin, s.Attr["source"][0], s.Attr["source"][1])
	}
}
