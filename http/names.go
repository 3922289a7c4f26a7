package http

import (
	"context"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Readers type place, source and outlet filters the way they say them:
// "kursk", "nis", "korea herald". Claims store canonical names ("Kursk
// Oblast", "NIS", "The Korea Herald"), and the stores match them exactly,
// so that a filter uses their indexes. A typed name is therefore resolved
// to the canonical one before any store sees the filter, in two steps, the
// same for SQLite, PostgreSQL and the claim index:
//
//  1. the domain data's aliases, case-insensitively (CanonicalNames, which
//     the CLI's filters go through too);
//  2. the names actually stored, case-insensitively (Server.foldNames), for
//     names the domain data does not know ("sbs news").

// CanonicalNames rewrites f's place, source and outlet through the domain
// data's names and aliases. A name the data does not know is left as typed.
// The API's filters go through it, and the CLI's claims filters too.
func CanonicalNames(f *flowwatch.ClaimFilter, d *domain.Domain) {
	if f.Place != "" {
		if p, ok := d.Place(f.Place); ok {
			f.Place = p.Name
		}
	}
	if f.Source != "" {
		if s, ok := d.SourceByAlias(f.Source); ok {
			f.Source = s.Name
		}
	}
	if f.Outlet != "" {
		f.Outlet = d.OutletName(f.Outlet)
	}
}

// storedNames are the distinct places, sources and outlets of the stored
// claims, by their case-folded form.
type storedNames struct {
	place, source, outlet map[string]string
}

// namesTTL is how long the stored names are reused: new names arrive with
// ingests, and a name typed in another case minutes after its first claim
// was stored is a rare miss that the exact name still finds.
const namesTTL = time.Minute

func (s *Server) storedNames(ctx context.Context) (*storedNames, error) {
	v, err := s.cache.do("stored-names", namesTTL, func() (any, error) {
		n := &storedNames{place: map[string]string{}, source: map[string]string{}, outlet: map[string]string{}}
		err := s.allClaims(ctx, flowwatch.ClaimFilter{LatestVersionsOnly: true}, func(c flowwatch.Claim) error {
			for _, p := range c.Place {
				n.place[strings.ToLower(p)] = p
			}
			if c.Source != "" {
				n.source[strings.ToLower(c.Source)] = c.Source
			}
			if c.Outlet != "" {
				n.outlet[strings.ToLower(c.Outlet)] = c.Outlet
			}
			return nil
		})
		return n, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*storedNames), nil
}

// foldNames resolves f's place, source and outlet to a stored name that
// differs only in case. Names already stored as typed, and all the
// filters that name none of the three, cost nothing.
func (s *Server) foldNames(ctx context.Context, f *flowwatch.ClaimFilter) error {
	if f.Place == "" && f.Source == "" && f.Outlet == "" {
		return nil
	}
	n, err := s.storedNames(ctx)
	if err != nil {
		return err
	}
	for _, x := range []struct {
		v *string
		m map[string]string
	}{{&f.Place, n.place}, {&f.Source, n.source}, {&f.Outlet, n.outlet}} {
		if *x.v == "" {
			continue
		}
		if stored, ok := x.m[strings.ToLower(*x.v)]; ok {
			*x.v = stored
		}
	}
	return nil
}
