// Package changes says what changed in the reconciled picture since a
// time: new facts, changed estimates and new conflicts. Facts and
// estimates are computed from stored claims, never persisted, so the
// picture at an earlier time is rebuilt from the article versions
// flowwatch had seen by then (their first_seen), and compared with the
// picture now. Nothing extra is stored, and every store gives the same
// answer through the same code.
package changes

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/flowwatch/flowwatch"
)

// Kinds of change.
const (
	KindFact     = "fact"     // a fact no earlier claim supported
	KindEstimate = "estimate" // a series whose monthly band or best figure moved
	KindConflict = "conflict" // two figures found to disagree
)

// Reconciler is what changes needs of reconciliation: the JSON bodies of
// /api/facts (items and conflicts) and /api/estimates (items). It is the
// http package's Reconciler; changes reads the bodies through their JSON
// contract, so it follows whatever reconcile's Go types become.
type Reconciler interface {
	Facts(ctx context.Context, articles []flowwatch.Article, claims []flowwatch.Claim) (any, error)
	Estimates(ctx context.Context, articles []flowwatch.Article, claims []flowwatch.Claim) (any, error)
}

// Store is the part of flowwatch.Store changes reads.
type Store interface {
	Articles(ctx context.Context, f flowwatch.ArticleFilter) ([]flowwatch.Article, error)
	Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error)
}

// Change is one thing that changed. ID is stable: the same change has
// the same ID in every listing, so a feed reader or webhook receiver can
// tell it has seen it.
type Change struct {
	ID      string    `json:"id"`
	Kind    string    `json:"kind"`
	At      time.Time `json:"at"` // when flowwatch first saw the newest evidence behind it
	Title   string    `json:"title"`
	Summary string    `json:"summary"`

	Fact     string   `json:"fact,omitempty"`     // the fact (new fact) or the fact that moved the estimate
	Series   string   `json:"series,omitempty"`   // estimate
	Month    string   `json:"month,omitempty"`    // estimate: the latest month that moved
	Before   *Band    `json:"before,omitempty"`   // estimate: that month's band before (nil: none)
	After    *Band    `json:"after,omitempty"`    // estimate: that month's band now
	Months   int      `json:"months,omitempty"`   // estimate: months whose band moved
	Reason   string   `json:"reason,omitempty"`   // conflict
	Sources  []string `json:"sources,omitempty"`  // original sources behind it
	Claims   []int64  `json:"claims,omitempty"`   // claims to open as evidence (ids)
	Articles []string `json:"articles,omitempty"` // the articles those claims are in
}

// Band is one month of an estimate series.
type Band struct {
	Low   *float64 `json:"low"`
	High  *float64 `json:"high"`
	Best  *float64 `json:"best"`
	Basis string   `json:"basis,omitempty"`
}

// Since lists what changed after since, newest first.
func Since(ctx context.Context, st Store, rc Reconciler, since time.Time) ([]Change, error) {
	h, err := load(ctx, st)
	if err != nil {
		return nil, err
	}
	before, now := h.at(since), h.at(time.Time{})
	if len(now.claims) == len(before.claims) && len(now.arts) == len(before.arts) {
		return []Change{}, nil // nothing seen after since: the picture cannot have moved
	}
	pb, err := picture(ctx, rc, before)
	if err != nil {
		return nil, fmt.Errorf("changes: the picture at %s: %w", since.Format(time.RFC3339), err)
	}
	pn, err := picture(ctx, rc, now)
	if err != nil {
		return nil, fmt.Errorf("changes: the picture now: %w", err)
	}
	seen := h.seenAt(now)
	out := newFacts(pb, pn, before, seen)
	out = append(out, movedEstimates(pb, pn, seen, since)...)
	out = append(out, newConflicts(pb, pn, seen)...)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// ParseSince reads a --since or ?since= value: a date (YYYY-MM-DD, the
// start of that day in UTC) or an RFC 3339 time.
func ParseSince(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, flowwatch.Errorf(flowwatch.EINVALID, "since %q is not a date: use YYYY-MM-DD or an RFC 3339 time (2025-04-01T09:00:00Z)", s)
}
