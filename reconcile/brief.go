package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// A Brief is what `flowwatch report` prints: headline figures with their
// ranges, sources and dates, what is new since a date, open conflicts,
// estimates, copies and sanctions, every figure numbered to its evidence.
// Its fields hold plain text; each writer escapes for its format.
type Brief struct {
	Articles, Claims int
	From, To         string // publication dates covered
	Since            string // "" when no --since

	Headlines []Headline
	New       []Headline // facts first reported on or after Since
	Updated   []Headline // older facts with reports on or after Since
	Conflicts []ConflictView
	Estimates []EstimateView
	Copies    []CopyView
	Sanctions []SanctionView
	Entities  []EntityView
	Evidence  []EvidenceView
}

type Headline struct {
	ID          string
	What        string // "soldiers sent"
	Figure      string // headline figure: "about 11,000"
	Range       string // "10,000–12,000"
	Unit        string
	Place       string
	Sources     string
	Independent int
	Reports     int
	First       string // date and outlet of the first report
	Last        string
	Refs        []int
	Conflicts   int
	Sanctions   string
}

type ConflictView struct {
	ID      string
	What    string
	Reason  string
	Details string
	A, B    SideView
}

type SideView struct {
	Figure  string
	Sources string
	Place   string
	Refs    []int
}

type EstimateView struct {
	Title  string
	Method string
	Rows   []EstimateRow
}

type EstimateRow struct {
	Month, Low, High, Best, Basis, Sources, Why string
	Carried                                     bool
}

type CopyView struct {
	Original string
	Copies   string
	Altered  []string
}

type SanctionView struct {
	Title   string
	Summary string
	Claims  int
	Facts   []string
}

type EntityView struct {
	Name, Kind      string
	AsSource, Named int
}

type EvidenceView struct {
	N       int
	Outlet  string
	Date    string
	URL     string // only http and https links are kept
	Article string
	Chain   string // who the reporting outlet had it from: "Sample Wire ← NIS"
	Figure  string
	Quote   string
}

// Headline, conflict and evidence limits keep a brief readable.
const (
	maxHeadlines = 15
	maxRefs      = 6
	maxConflicts = 20
)

// NewBrief selects and words what a brief shows. since may be zero.
func NewBrief(r *Result, since flowwatch.Date, rules []domain.SanctionRule) *Brief {
	titles, summaries := map[string]string{}, map[string]string{}
	for _, rl := range rules {
		titles[rl.ID], summaries[rl.ID] = rl.Title, rl.Summary
	}
	b := &Brief{Articles: r.Articles, Claims: r.Claims, Since: since.String()}
	refs := map[int]int{} // claim index → evidence number
	ref := func(e flowwatch.ClaimRef, chain []string) int {
		if n, ok := refs[e.Index]; ok {
			return n
		}
		n := len(b.Evidence) + 1
		refs[e.Index] = n
		u := e.URL
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			u = ""
		}
		b.Evidence = append(b.Evidence, EvidenceView{N: n, Outlet: orDefault(e.Outlet, e.Article), Date: orDefault(e.Published.String(), "date unknown"),
			URL: u, Article: e.Article, Chain: strings.Join(rest(chain), " ← "), Figure: figureText(e.Low, e.High, e.Qualifier), Quote: e.Quote})
		return n
	}
	var first, last flowwatch.Date
	for fi := range r.Facts {
		for _, e := range r.Facts[fi].Evidence {
			if e.Published.IsZero() {
				continue
			}
			if first.IsZero() || e.Published.Before(first) {
				first = e.Published
			}
			if e.Published.After(last) {
				last = e.Published
			}
		}
	}
	b.From, b.To = first.String(), last.String()

	facts := make([]*flowwatch.Fact, 0, len(r.Facts))
	byID := map[string]*flowwatch.Fact{}
	for i := range r.Facts {
		f := &r.Facts[i]
		byID[f.ID] = f
		if f.Value != nil && (len(f.Figures) == 0 || f.Figures[0].Qualifier != flowwatch.QualVague) {
			facts = append(facts, f)
		}
	}
	sort.SliceStable(facts, func(i, j int) bool {
		a, c := facts[i], facts[j]
		if a.Independent != c.Independent {
			return a.Independent > c.Independent
		}
		if a.Reports != c.Reports {
			return a.Reports > c.Reports
		}
		if a.LastReported != c.LastReported {
			return a.LastReported.After(c.LastReported)
		}
		return a.ID < c.ID
	})
	headline := func(f *flowwatch.Fact) Headline {
		h := Headline{ID: f.ID, What: Describe(f), Figure: figureText(f.Figures[0].Low, f.Figures[0].High, f.Figures[0].Qualifier),
			Range: RangeText(f), Unit: UnitText(f), Place: strings.Join(f.Place, ", "), Sources: strings.Join(f.Sources, ", "),
			Independent: f.Independent, Reports: f.Reports, Conflicts: len(f.Conflicts), Sanctions: sanctionTitles(f.Sanctions, titles)}
		h.First = orDefault(f.FirstReported.String(), "date unknown") + ", " + orDefault(f.First.Outlet, f.First.Article)
		h.Last = f.LastReported.String()
		// One piece of evidence per independent report first, then the rest.
		seen := map[string]bool{}
		for pass := 0; pass < 2 && len(h.Refs) < maxRefs; pass++ {
			for _, e := range f.Evidence {
				if len(h.Refs) >= maxRefs {
					break
				}
				if (pass == 0) == seen[e.Report] {
					continue
				}
				if pass == 0 {
					seen[e.Report] = true
				}
				h.Refs = appendRef(h.Refs, ref(e.ClaimRef, e.Chain))
			}
		}
		return h
	}
	for _, f := range facts {
		if len(b.Headlines) < maxHeadlines {
			b.Headlines = append(b.Headlines, headline(f))
		}
	}
	if !since.IsZero() {
		for _, f := range facts {
			switch {
			case !f.FirstReported.IsZero() && !f.FirstReported.Before(since):
				b.New = append(b.New, headline(f))
			case !f.LastReported.IsZero() && !f.LastReported.Before(since):
				b.Updated = append(b.Updated, headline(f))
			}
		}
	}
	for _, c := range r.Conflicts {
		if len(b.Conflicts) >= maxConflicts {
			break
		}
		fa := byID[c.A.Fact]
		cv := ConflictView{ID: c.ID, What: Describe(fa), Reason: c.Reason, Details: strings.Join(c.Details, "; ")}
		for k, sd := range []flowwatch.ConflictSide{c.A, c.B} {
			sv := SideView{Figure: figureText(sd.Low, sd.High, sd.Qualifier), Sources: strings.Join(sd.Sources, ", "), Place: strings.Join(sd.Place, ", ")}
			f := byID[sd.Fact]
			for _, cr := range sd.Claims {
				if len(sv.Refs) >= maxRefs {
					break
				}
				sv.Refs = appendRef(sv.Refs, ref(cr, chainOf(f, cr.Index)))
			}
			if k == 0 {
				cv.A = sv
			} else {
				cv.B = sv
			}
		}
		if fb := byID[c.B.Fact]; fb != nil && fb.ID != fa.ID {
			cv.What = Describe(fa) + " / " + Describe(fb)
		}
		b.Conflicts = append(b.Conflicts, cv)
	}
	for _, e := range r.Estimates {
		// Every month with data: a brief that cut the series would hide
		// how a figure came to be.
		ev := EstimateView{Title: e.Title, Method: "see docs/estimates.md"}
		for _, p := range e.Points {
			row := EstimateRow{Month: p.Month, Low: "–", High: "open", Best: "–", Basis: p.Basis, Sources: strings.Join(p.Sources, ", "), Why: p.Why, Carried: p.Carried}
			if p.Low != nil {
				row.Low = Num(*p.Low)
			}
			if p.High != nil {
				row.High = Num(*p.High)
			}
			if p.Best != nil {
				row.Best = Num(*p.Best)
			}
			ev.Rows = append(ev.Rows, row)
		}
		b.Estimates = append(b.Estimates, ev)
	}
	for _, g := range r.Groups {
		cv := CopyView{Original: g.Original, Copies: strings.Join(g.Copies, ", ")}
		for _, a := range g.Altered {
			cv.Altered = append(cv.Altered, fmt.Sprintf("%s states %s where %s states %s [%d] [%d]",
				a.Copy.Article, figureText(a.Copy.Low, a.Copy.High, a.Copy.Qualifier), a.Original.Article,
				figureText(a.Original.Low, a.Original.High, a.Original.Qualifier), ref(a.Copy, nil), ref(a.Original, nil)))
		}
		b.Copies = append(b.Copies, cv)
	}
	for _, t := range r.Sanctions {
		sv := SanctionView{Title: t.Title, Summary: summaries[t.Rule], Claims: len(t.Claims)}
		for _, f := range facts {
			if has(f.Sanctions, t.Rule) && len(sv.Facts) < 8 {
				sv.Facts = append(sv.Facts, fmt.Sprintf("%s: %s", Describe(f), figureText(f.Figures[0].Low, f.Figures[0].High, f.Figures[0].Qualifier)))
			}
		}
		b.Sanctions = append(b.Sanctions, sv)
	}
	for i, e := range r.Entities {
		if i >= 12 {
			break
		}
		b.Entities = append(b.Entities, EntityView{Name: e.Name, Kind: e.Kind, AsSource: e.AsSource, Named: e.Named})
	}
	return b
}

func appendRef(refs []int, n int) []int {
	for _, r := range refs {
		if r == n {
			return refs
		}
	}
	return append(refs, n)
}

func chainOf(f *flowwatch.Fact, idx int) []string {
	if f == nil {
		return nil
	}
	for _, e := range f.Evidence {
		if e.Index == idx {
			return e.Chain
		}
	}
	return nil
}

func sanctionTitles(ids []string, titles map[string]string) string {
	var out []string
	for _, id := range ids {
		out = append(out, orDefault(titles[id], id))
	}
	return strings.Join(out, ", ")
}

// rest drops the reporting outlet, which the evidence line names already.
func rest(chain []string) []string {
	if len(chain) < 2 {
		return nil
	}
	return chain[1:]
}
