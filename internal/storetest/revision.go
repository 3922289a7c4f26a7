package storetest

import (
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
)

// testRevision checks that Revision changes with every change to what
// claims say or which are latest, and only then.
func testRevision(t *testing.T, s flowwatch.Store) {
	rev := func() flowwatch.Revision {
		t.Helper()
		r, err := s.Revision(ctx)
		if err != nil {
			t.Fatalf("Revision: %v", err)
		}
		return r
	}
	last := rev()
	if last != (flowwatch.Revision{}) {
		t.Fatalf("empty store: revision %+v, want zero", last)
	}
	// step runs a change and checks whether the revision moved.
	step := func(name string, wantChange bool, change func()) flowwatch.Revision {
		t.Helper()
		change()
		r := rev()
		if again := rev(); again != r {
			t.Fatalf("%s: two reads without a write differ: %+v, %+v", name, r, again)
		}
		if changed := r != last; changed != wantChange {
			t.Fatalf("%s: revision changed %v, want %v (before %+v, after %+v)", name, changed, wantChange, last, r)
		}
		last = r
		return r
	}
	claimsOf := func(tag string) []flowwatch.Claim {
		return []flowwatch.Claim{
			people(flowwatch.GroupSoldiers, flowwatch.EventSent, flowwatch.F(12000), flowwatch.F(12000), "About 12,000 troops went, "+tag+"."),
			people(flowwatch.GroupWorkers, flowwatch.EventPresent, flowwatch.F(5000), nil, "At least 5,000 workers are there, "+tag+"."),
		}
	}
	seen := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	saveAt := func(a *flowwatch.Article, claims []flowwatch.Claim, res flowwatch.SaveResult) {
		t.Helper()
		seen = seen.Add(time.Hour)
		a.LastSeen = seen
		if got := save(t, s, a, claims); got != res {
			t.Fatalf("save %s: %v, want %v", a.Name, got, res)
		}
	}

	v1, v1c := article("r1", "https://example.com/r1", "Example", "2025-01-10", claimsOf("first text")...)
	r := step("first article", true, func() { saveAt(v1, v1c, flowwatch.New) })
	if r.Claims != 2 || r.MaxClaimID != v1c[1].ID || r.Superseded != 0 || r.Tail == "" {
		t.Fatalf("after the first article: %+v (claim ids %d, %d)", r, v1c[0].ID, v1c[1].ID)
	}
	step("same text again", false, func() {
		a, c := article("r1", "https://example.com/r1", "Example", "2025-01-10", claimsOf("first text")...)
		saveAt(a, c, flowwatch.Unchanged)
	})
	step("article without claims", false, func() {
		a, c := article("r0", "https://example.com/r0", "Example", "2025-01-11")
		saveAt(a, c, flowwatch.New)
	})
	other, otherc := article("r2", "https://example.com/r2", "Example", "2025-01-12", claimsOf("other article")...)
	step("second article", true, func() { saveAt(other, otherc, flowwatch.New) })

	v2, v2c := article("r1", "https://example.com/r1", "Example", "2025-01-10", claimsOf("second text")...)
	r = step("new version supersedes", true, func() { saveAt(v2, v2c, flowwatch.Updated) })
	if r.Superseded != 1 || r.SupersededIDs != v1.ID || r.Claims != 6 {
		t.Fatalf("after a new version: %+v, want superseded version %d", r, v1.ID)
	}
	// An older sighting time leaves last_seen alone: only latest moves.
	step("older version latest again", true, func() {
		a, c := article("r1", "https://example.com/r1", "Example", "2025-01-10", claimsOf("first text")...)
		a.LastSeen = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		if got := save(t, s, a, c); got != flowwatch.Updated {
			t.Fatalf("re-seeing the first version: %v, want updated", got)
		}
	})
	if last.SupersededIDs != v2.ID {
		t.Fatalf("after the first version came back: %+v, want superseded version %d", last, v2.ID)
	}

	// v2 holds the newest claims: replacing them with as many reuses their
	// ids in SQLite, which only the tail digest sees.
	replaced := claimsOf("second text")
	replaced[0].Low, replaced[0].High = flowwatch.F(13000), flowwatch.F(13000)
	step("re-extract the newest version, same count", true, func() {
		if err := s.ReplaceClaims(ctx, v2.ID, replaced); err != nil {
			t.Fatal(err)
		}
	})
	step("re-extract an older version, same count", true, func() {
		c := claimsOf("other article")
		c[1].Group = flowwatch.GroupEngineers
		if err := s.ReplaceClaims(ctx, other.ID, c); err != nil {
			t.Fatal(err)
		}
	})
	step("re-extract to no claims", true, func() {
		if err := s.ReplaceClaims(ctx, other.ID, nil); err != nil {
			t.Fatal(err)
		}
	})
	step("feed state and token", false, func() {
		if err := s.SaveFeedState(ctx, flowwatch.FeedState{URL: "https://example.com/feed", ETag: "x"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateToken(ctx, "rev", "hash-rev"); err != nil {
			t.Fatal(err)
		}
	})
	r = step("new version without claims supersedes one with", true, func() {
		a, c := article("r1", "https://example.com/r1", "Example", "2025-01-10")
		a.Text = "A third text, with no figures."
		saveAt(a, c, flowwatch.Updated)
	})
	if r.Superseded != 2 || r.SupersededIDs != v1.ID+v2.ID {
		t.Fatalf("after a version without claims: %+v, want versions %d and %d superseded", r, v1.ID, v2.ID)
	}
	n, err := s.CountClaims(ctx, flowwatch.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Claims != int64(n) {
		t.Fatalf("revision counts %d claims, CountClaims %d", r.Claims, n)
	}
}
