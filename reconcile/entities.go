package reconcile

import (
	"sort"

	"github.com/flowwatch/flowwatch"
)

// entities links the organizations, agencies and officials of domain data
// to the claims that cite them as source or name them in their sentence.
func (s *state) entities() []flowwatch.Entity {
	o := s.opt.Orgs
	if o == nil {
		return nil
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
	for i := range s.claims {
		c := &s.claims[i]
		linked := map[string]bool{}
		if org, ok := o.Lookup(c.Source); ok {
			a := get(org.Name)
			a.asSource++
			a.claims = append(a.claims, i)
			linked[org.Name] = true
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
