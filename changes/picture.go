package changes

import (
	"context"
	"encoding/json"
	"fmt"
)

// The reconciled picture, read through the JSON contract of /api/facts
// and /api/estimates: only the fields changes needs.

type fact struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Group    string     `json:"group"`
	Event    string     `json:"event"`
	Measure  string     `json:"measure"`
	Unit     string     `json:"unit"`
	Per      string     `json:"per"`
	Place    []string   `json:"place"`
	Value    *float64   `json:"value"`
	Low      *float64   `json:"low"`
	High     *float64   `json:"high"`
	Sources  []string   `json:"sources"`
	Evidence []claimRef `json:"evidence"`
}

type claimRef struct {
	ID      int64  `json:"id"`
	Article string `json:"article"`
}

type side struct {
	Fact    string     `json:"fact"`
	Measure string     `json:"measure"`
	Low     *float64   `json:"low"`
	High    *float64   `json:"high"`
	Place   []string   `json:"place"`
	Sources []string   `json:"sources"`
	Claims  []claimRef `json:"claims"`
}

type conflict struct {
	ID      string   `json:"id"`
	Reason  string   `json:"reason"`
	Details []string `json:"details"`
	A       side     `json:"a"`
	B       side     `json:"b"`
}

// row is one month of one estimate series. Older bodies nest months as
// points of a series; both read into rows.
type row struct {
	Series  string   `json:"series"`
	Month   string   `json:"month"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Best    *float64 `json:"best"`
	Basis   string   `json:"basis"`
	Facts   []string `json:"facts"`
	Sources []string `json:"sources"`
	Carried bool     `json:"carried"`
	Points  []row    `json:"points"`
}

type pictureT struct {
	facts     []fact
	conflicts []conflict
	rows      []row
}

func picture(ctx context.Context, rc Reconciler, s state) (*pictureT, error) {
	p := &pictureT{}
	if len(s.claims) == 0 {
		return p, nil
	}
	fb, err := rc.Facts(ctx, s.arts, s.claims)
	if err != nil {
		return nil, err
	}
	var facts struct {
		Items     []fact     `json:"items"`
		Conflicts []conflict `json:"conflicts"`
	}
	if err := reread(fb, &facts); err != nil {
		return nil, fmt.Errorf("facts: %w", err)
	}
	eb, err := rc.Estimates(ctx, s.arts, s.claims)
	if err != nil {
		return nil, err
	}
	var est struct {
		Items []row `json:"items"`
	}
	if err := reread(eb, &est); err != nil {
		return nil, fmt.Errorf("estimates: %w", err)
	}
	p.facts, p.conflicts, p.rows = facts.Items, facts.Conflicts, flatten(est.Items)
	return p, nil
}

// reread decodes v's JSON form into out.
func reread(v any, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

func flatten(items []row) []row {
	var out []row
	for _, it := range items {
		if len(it.Points) == 0 {
			if it.Month != "" {
				out = append(out, it)
			}
			continue
		}
		for _, p := range it.Points {
			p.Series = it.Series
			out = append(out, p)
		}
	}
	for i := range out {
		if out[i].Basis == "" {
			out[i].Basis = "reported"
			if out[i].Carried {
				out[i].Basis = "carried"
			}
		}
		out[i].Points = nil
	}
	return out
}
