package changes

import (
	"context"
	"fmt"
	"time"

	"github.com/flowwatch/flowwatch"
)

// history is every stored article version with its claims.
type history struct {
	versions []flowwatch.Article
	claims   map[int64][]flowwatch.Claim // by article version id
}

// state is what flowwatch held at one time: the latest version of each
// article seen by then, with its claims.
type state struct {
	arts   []flowwatch.Article
	claims []flowwatch.Claim
}

func load(ctx context.Context, st Store) (*history, error) {
	vs, err := st.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true, Limit: -1})
	if err != nil {
		return nil, fmt.Errorf("changes: articles: %w", err)
	}
	h := &history{versions: vs, claims: map[int64][]flowwatch.Claim{}}
	f := flowwatch.ClaimFilter{Limit: 5000}
	for {
		cs, err := st.Claims(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("changes: claims: %w", err)
		}
		for _, c := range cs {
			h.claims[c.ArticleID] = append(h.claims[c.ArticleID], c)
		}
		if len(cs) < f.Limit {
			return h, nil
		}
		f.AfterID = cs[len(cs)-1].ID
	}
}

// at is the state at t; the zero t is now.
func (h *history) at(t time.Time) state {
	latest := map[string]int{} // article name → index into versions
	for i, v := range h.versions {
		if !t.IsZero() && v.FirstSeen.After(t) {
			continue
		}
		if j, ok := latest[v.Name]; !ok || v.Version > h.versions[j].Version {
			latest[v.Name] = i
		}
	}
	var s state
	for i, v := range h.versions {
		if j, ok := latest[v.Name]; ok && j == i {
			s.arts = append(s.arts, v)
			s.claims = append(s.claims, h.claims[v.ID]...)
		}
	}
	return s
}

// seen maps a claim id to when flowwatch first saw its article version.
type seen map[int64]time.Time

func (h *history) seenAt(s state) seen {
	first := map[int64]time.Time{}
	for _, a := range s.arts {
		first[a.ID] = a.FirstSeen
	}
	out := seen{}
	for _, c := range s.claims {
		out[c.ID] = first[c.ArticleID]
	}
	return out
}

// latest is the newest time among ids (zero when none is known).
func (s seen) latest(ids []int64) time.Time {
	var t time.Time
	for _, id := range ids {
		if at := s[id]; at.After(t) {
			t = at
		}
	}
	return t
}
