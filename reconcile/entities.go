package reconcile

import (
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// entities links the organizations, agencies and officials of domain data
// to the claims that cite them as source or name them in their sentence.
func (s *state) entities() []flowwatch.Entity {
	o := s.opt.Orgs
	if o == nil {
		o = &domain.Organizations{}
	}
	// Sources the organizations file lacks still make entities.
	extra := map[string]flowwatch.Source{}
	for _, src := range s.opt.Sources {
		if _, ok := o.Lookup(src.Name); !ok {
			for _, n := range append([]string{src.Name}, src.Aliases...) {
				extra[strings.ToLower(n)] = src
			}
		}
	}
	type acc struct {
		asSource, named int
		claims          []int
	}
	byOrg := map[string]*acc{}
	get := func(n string) *acc {
		a := byOrg[n]
		if a == nil {
			a = &acc{}
			byOrg[n] = a
		}
		return a
	}
	for _, i := range s.order {
		c := &s.claims[i]
		linked := map[string]bool{}
		if org, ok := o.Lookup(c.Source); ok {
			a := get(org.Name)
			a.asSource++
			a.claims = append(a.claims, i)
			linked[org.Name] = true
		} else if src, ok := extra[strings.ToLower(c.Source)]; ok && c.Source != "" {
			a := get(src.Name)
			a.asSource++
			a.claims = append(a.claims, i)
			linked[src.Name] = true
		}
		names := append([]string(nil), c.Orgs...)
		names = append(names, o.Find(c.Quote)...)
		if c.Via != "" {
			names = append(names, c.Via)
		}
		for _, n := range names {
			org, ok := o.Lookup(n)
			if !ok || linked[org.Name] {
				continue
			}
			linked[org.Name] = true
			a := get(org.Name)
			a.named++
			a.claims = append(a.claims, i)
		}
	}
	var out []flowwatch.Entity
	seen := map[string]bool{}
	for _, src := range extra {
		if a := byOrg[src.Name]; a != nil && !seen[src.Name] {
			seen[src.Name] = true
			e := flowwatch.Entity{Name: src.Name, Kind: src.Kind, Country: src.Country, Aliases: src.Aliases, AsSource: a.asSource, Named: a.named}
			for _, i := range a.claims {
				e.Claims = append(e.Claims, s.ref(i))
			}
			out = append(out, e)
		}
	}
	for _, org := range o.List {
		a := byOrg[org.Name]
		if a == nil {
			continue
		}
		e := flowwatch.Entity{Name: org.Name, Kind: org.Kind, Country: org.Country, Aliases: org.Aliases, AsSource: a.asSource, Named: a.named}
		for _, i := range a.claims {
			e.Claims = append(e.Claims, s.ref(i))
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if x, y := out[i].AsSource+out[i].Named, out[j].AsSource+out[j].Named; x != y {
			return x > y
		}
		return out[i].Name < out[j].Name
	})
	return out
}
