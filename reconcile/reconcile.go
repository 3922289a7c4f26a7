// Package reconcile turns claims from many articles into what is known:
// groups of syndicated copies, facts (claims stating the same quantity)
// with their independent sources, conflicts with their likely reasons,
// monthly estimates, entities and sanctions tags. It is pure: articles
// and claims in, a Result out, no I/O. The method is in docs/reconcile.md
// and docs/estimates.md.
package reconcile

import (
	"sort"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Options carries the domain knowledge reconciliation needs. The zero
// value works: places then match only by name, and no entities or
// sanctions are tagged.
type Options struct {
	// Parent names the region that contains a place ("Kursk Oblast" →
	// "Russia"), "" at the top. Facts join claims whose places contain
	// one another, and scope conflicts need to know which is narrower.
	Parent func(place string) string

	Orgs      *domain.Organizations
	Sanctions []domain.SanctionRule
	// Sources are the gazetteer's sources (agencies, outlets, officials);
	// a claim's source missing from Orgs still becomes an entity from here.
	Sources []flowwatch.Source

	// CopyThreshold is the estimated Jaccard similarity of word shingles
	// at or above which two articles are copies; 0 means DefaultCopyThreshold.
	CopyThreshold float64
}

// Default options from the embedded domain data, with parent lookup.
func Default(parent func(string) string) Options {
	return Options{Parent: parent, Orgs: domain.DefaultOrganizations(), Sanctions: domain.DefaultSanctions()}
}

// ForDomain is Default with the gazetteer's places and sources of d.
func ForDomain(d *domain.Domain) Options {
	o := Default(PlaceParent(func(p string) (string, bool) {
		pl, ok := d.Place(p)
		return pl.Country, ok
	}))
	o.Sources = d.Sources()
	return o
}

// Result is everything reconciliation finds.
type Result struct {
	Articles  int                     `json:"articles"`
	Claims    int                     `json:"claims"`
	Groups    []flowwatch.CopyGroup   `json:"copy_groups"`
	Facts     []flowwatch.Fact        `json:"facts"`
	Conflicts []flowwatch.Conflict    `json:"conflicts"`
	Estimates []flowwatch.Estimate    `json:"estimates"`
	Entities  []flowwatch.Entity      `json:"entities"`
	Sanctions []flowwatch.SanctionTag `json:"sanctions"`
}

// Reconcile runs every stage. Articles supply text (for copy detection),
// outlet, URL and publication date; claims whose article is not among
// them keep the outlet and dates they carry.
func Reconcile(articles []flowwatch.Article, claims []flowwatch.Claim, opt Options) *Result {
	return reconcile(newState(articles, claims, opt), opt)
}

func reconcile(s *state, opt Options) *Result {
	r := &Result{Articles: len(s.byName), Claims: len(s.claims)}
	r.Groups = s.copyGroups()
	s.datesFromCopies()
	s.sanctionTags()
	r.Facts = s.facts()
	r.Conflicts = s.conflicts(r.Facts)
	r.Estimates = Estimates(r.Facts, opt)
	r.Entities = s.entities()
	r.Sanctions = s.sanctionSummary()
	return r
}

// FactsOnly clusters claims into facts and conflicts without estimates,
// entities or copy detection beyond what articles' text allows; it is what
// `flowwatch facts` needs.
func FactsOnly(articles []flowwatch.Article, claims []flowwatch.Claim, opt Options) ([]flowwatch.Fact, []flowwatch.Conflict) {
	return factsOnly(newState(articles, claims, opt))
}

// Facts is FactsOnly over the corpus.
func (c *Corpus) Facts(opt Options) ([]flowwatch.Fact, []flowwatch.Conflict) {
	return factsOnly(newStateSigs(c.Articles, c.Claims, opt, c.sigs))
}

func factsOnly(s *state) ([]flowwatch.Fact, []flowwatch.Conflict) {
	s.copyGroups()
	s.datesFromCopies()
	s.sanctionTags()
	facts := s.facts()
	return facts, s.conflicts(facts)
}

// datesFromCopies dates the claims of an undated syndicated copy by its
// original: a copy appears no earlier than its original, and the figure
// is the original's, so it speaks of no later a time either.
func (s *state) datesFromCopies() {
	for i := range s.claims {
		it := &s.items[i]
		if !it.asOf.IsZero() {
			continue
		}
		if o, ok := s.copyOf[s.claims[i].Article]; ok {
			if j, ok := s.byName[o]; ok {
				it.asOf = refDate(s.claims[i].When, s.articles[j].Published)
			}
		}
	}
}

// FilterFacts keeps the facts that pass keep, and the conflicts that
// involve a kept fact.
func FilterFacts(facts []flowwatch.Fact, conflicts []flowwatch.Conflict, keep func(*flowwatch.Fact) bool) ([]flowwatch.Fact, []flowwatch.Conflict) {
	var out []flowwatch.Fact
	ids := map[string]bool{}
	for i := range facts {
		if keep(&facts[i]) {
			out = append(out, facts[i])
			ids[facts[i].ID] = true
		}
	}
	var cs []flowwatch.Conflict
	for _, c := range conflicts {
		if ids[c.A.Fact] || ids[c.B.Fact] {
			cs = append(cs, c)
		}
	}
	return out, cs
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
