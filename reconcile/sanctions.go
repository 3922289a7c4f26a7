package reconcile

import (
	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// sanctionTags marks every claim a sanctions rule bears on (rules from
// domain data: kind, group, event, place within a listed place, and a
// reference date on or after the rule's start).
func (s *state) sanctionTags() {
	for i := range s.claims {
		s.items[i].sanctions = nil
		for _, r := range s.opt.Sanctions {
			if s.applies(&r, i) {
				s.items[i].sanctions = append(s.items[i].sanctions, r.ID)
			}
		}
	}
}

func (s *state) applies(r *domain.SanctionRule, i int) bool {
	c, it := &s.claims[i], &s.items[i]
	if !has(r.Kinds, c.Kind) || !has(r.Groups, c.Group) || (len(r.Events) > 0 && !has(r.Events, c.Event)) {
		return false
	}
	if it.asOf.IsZero() || it.asOf.Before(r.From) {
		return false
	}
	for _, p := range c.Place {
		for _, q := range r.Places {
			if s.within(p, q) {
				return true
			}
		}
	}
	return false
}

func has(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// sanctionSummary lists, per rule, the claims it bears on.
func (s *state) sanctionSummary() []flowwatch.SanctionTag {
	var out []flowwatch.SanctionTag
	for _, r := range s.opt.Sanctions {
		t := flowwatch.SanctionTag{Rule: r.ID, Title: r.Title, Claims: []int{}}
		for i := range s.items {
			if has(s.items[i].sanctions, r.ID) {
				t.Claims = append(t.Claims, i)
			}
		}
		out = append(out, t)
	}
	return out
}
