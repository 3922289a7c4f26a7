// Package storetest is the conformance suite every flowwatch.Store must
// pass: sqlite and postgres run the same tests, so the two stores cannot
// drift apart in what they promise.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
)

// Run runs the suite; open must return a new, empty store each call and
// arrange for it to be closed and removed when t ends.
func Run(t *testing.T, open func(t *testing.T) flowwatch.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, flowwatch.Store)
	}{
		{"Identity", testIdentity},
		{"Versions", testVersions},
		{"Invalid", testInvalid},
		{"ClaimRoundTrip", testClaimRoundTrip},
		{"ClaimFilters", testClaimFilters},
		{"Articles", testArticles},
		{"Search", testSearch},
		{"Stats", testStats},
		{"ReplaceClaims", testReplaceClaims},
		{"EachArticle", testEachArticle},
		{"FeedState", testFeedState},
		{"Tokens", testTokens},
		{"Concurrent", testConcurrent},
		{"Cancelled", testCancelled},
		{"Revision", testRevision},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

var ctx = context.Background()

func date(s string) flowwatch.Date {
	d, err := flowwatch.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// article builds an article whose text is the quotes of its claims, one
// sentence each, and fills the claims' offsets.
func article(name, url, outlet, published string, claims ...flowwatch.Claim) (*flowwatch.Article, []flowwatch.Claim) {
	a := &flowwatch.Article{Name: name, URL: url, Title: "Title of " + name, Outlet: outlet, Lang: "en"}
	if published != "" {
		a.Published = date(published)
	}
	var b strings.Builder
	b.WriteString("Intro paragraph for " + name + ". ")
	for i := range claims {
		claims[i].Start = b.Len()
		b.WriteString(claims[i].Quote)
		claims[i].End = b.Len()
		b.WriteString(" ")
	}
	a.Text = b.String()
	return a, claims
}

func save(t *testing.T, s flowwatch.Store, a *flowwatch.Article, claims []flowwatch.Claim) flowwatch.SaveResult {
	t.Helper()
	res, err := s.SaveArticle(ctx, a, claims)
	if err != nil {
		t.Fatalf("SaveArticle(%s): %v", a.Name, err)
	}
	return res
}

func people(group, event string, low, high *float64, quote string) flowwatch.Claim {
	q := flowwatch.QualExact
	if low == nil || high == nil {
		q = flowwatch.QualAtLeast
	} else if *low != *high {
		q = flowwatch.QualRange
	}
	return flowwatch.Claim{Kind: flowwatch.KindPeople, Group: group, Event: event, Low: low, High: high,
		Qualifier: q, Unit: "people", Quote: quote, Extractor: "test-1"}
}

func testIdentity(t *testing.T, s flowwatch.Store) {
	c := people(flowwatch.GroupSoldiers, flowwatch.EventSent, flowwatch.F(12000), flowwatch.F(12000), "About twelve thousand troops went, said the agency.")
	a, claims := article("a1", "https://example.com/a1", "Example", "2025-01-10", c)
	if res := save(t, s, a, claims); res != flowwatch.New {
		t.Fatalf("first save = %v, want new", res)
	}
	if a.ID == 0 || a.Version != 1 || a.Hash != flowwatch.TextHash(a.Text) || a.FirstSeen.IsZero() || a.LastSeen.IsZero() {
		t.Fatalf("after save: id %d version %d hash %q first %v last %v", a.ID, a.Version, a.Hash, a.FirstSeen, a.LastSeen)
	}
	if claims[0].ArticleID != a.ID || claims[0].ID == 0 {
		t.Fatalf("claim ids after save: %+v", claims[0])
	}
	id := a.ID

	// The same text again, even from a fresh struct, writes nothing.
	b, bclaims := article("a1", "https://example.com/a1", "Example", "2025-01-10", c)
	if res := save(t, s, b, bclaims); res != flowwatch.Unchanged {
		t.Fatalf("re-save = %v, want unchanged", res)
	}
	if b.ID != id || b.Version != 1 {
		t.Fatalf("re-save gave id %d version %d, want %d 1", b.ID, b.Version, id)
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{}); n != 1 {
		t.Fatalf("claims after re-save = %d, want 1", n)
	}

	// Without a URL the text is the identity: the same text is one article,
	// the same text at a URL is another.
	h1, h1c := article("h1", "", "Example", "", c)
	h2, h2c := article("h1", "", "Example", "", c)
	if r1, r2 := save(t, s, h1, h1c), save(t, s, h2, h2c); r1 != flowwatch.New || r2 != flowwatch.Unchanged || h1.ID != h2.ID {
		t.Fatalf("hash identity: %v %v ids %d %d", r1, r2, h1.ID, h2.ID)
	}
	if h1.ID == id {
		t.Fatal("an article without URL took the identity of one with a URL")
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.ArticleVersions != 2 || st.Claims != 2 {
		t.Fatalf("stats = %d articles %d versions %d claims, want 2 2 2", st.Articles, st.ArticleVersions, st.Claims)
	}
}

func testVersions(t *testing.T, s flowwatch.Store) {
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 123456000, time.UTC)
	c1 := people(flowwatch.GroupSoldiers, flowwatch.EventKilled, flowwatch.F(300), flowwatch.F(300), "Three hundred soldiers died, an official said.")
	v1, v1c := article("story", "https://example.com/story", "Example", "2025-03-01", c1)
	v1.LastSeen = t0
	if res := save(t, s, v1, v1c); res != flowwatch.New {
		t.Fatalf("v1 = %v", res)
	}
	if !v1.FirstSeen.Equal(t0) || !v1.LastSeen.Equal(t0) {
		t.Fatalf("v1 seen %v..%v, want %v", v1.FirstSeen, v1.LastSeen, t0)
	}

	// The page changed: both versions stay, each with its claims.
	c2 := people(flowwatch.GroupSoldiers, flowwatch.EventKilled, flowwatch.F(400), flowwatch.F(400), "Four hundred soldiers died, an official said on Monday.")
	c3 := people(flowwatch.GroupSoldiers, flowwatch.EventWounded, flowwatch.F(2700), flowwatch.F(2700), "Another 2,700 were wounded.")
	v2, v2c := article("story", "https://example.com/story", "Example", "2025-03-01", c2, c3)
	v2.LastSeen = t0.Add(time.Hour)
	if res := save(t, s, v2, v2c); res != flowwatch.Updated {
		t.Fatalf("v2 = %v, want updated", res)
	}
	if v2.ID == v1.ID || v2.Version != 2 {
		t.Fatalf("v2 id %d version %d (v1 id %d)", v2.ID, v2.Version, v1.ID)
	}
	for _, tt := range []struct {
		id   int64
		want int
	}{{v1.ID, 1}, {v2.ID, 2}} {
		_, cs, err := s.Article(ctx, tt.id)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != tt.want {
			t.Fatalf("version %d has %d claims, want %d", tt.id, len(cs), tt.want)
		}
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{LatestVersionsOnly: true}); n != 2 {
		t.Fatalf("latest-version claims = %d, want 2", n)
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{}); n != 3 {
		t.Fatalf("all claims = %d, want 3", n)
	}
	if as, _ := s.Articles(ctx, flowwatch.ArticleFilter{}); len(as) != 1 || as[0].ID != v2.ID {
		t.Fatalf("latest articles = %+v, want only v2", ids(as))
	}
	if as, _ := s.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true}); len(as) != 2 {
		t.Fatalf("all versions = %v, want 2", ids(as))
	}

	// Seeing v2 again moves only its last_seen.
	again, againc := article("story", "https://example.com/story", "Example", "2025-03-01", c2, c3)
	again.LastSeen = t0.Add(2 * time.Hour)
	if res := save(t, s, again, againc); res != flowwatch.Unchanged {
		t.Fatalf("v2 again = %v", res)
	}
	got, _, err := s.Article(ctx, v2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.FirstSeen.Equal(t0.Add(time.Hour)) || !got.LastSeen.Equal(t0.Add(2*time.Hour)) {
		t.Fatalf("v2 seen %v..%v after re-seeing", got.FirstSeen, got.LastSeen)
	}

	// The page reverted to its first text: v1 is current again, no new version.
	back, backc := article("story", "https://example.com/story", "Example", "2025-03-01", c1)
	back.LastSeen = t0.Add(3 * time.Hour)
	if res := save(t, s, back, backc); res != flowwatch.Updated || back.ID != v1.ID || back.Version != 1 {
		t.Fatalf("revert = %v id %d version %d, want updated %d 1", res, back.ID, back.Version, v1.ID)
	}
	if as, _ := s.Articles(ctx, flowwatch.ArticleFilter{}); len(as) != 1 || as[0].ID != v1.ID {
		t.Fatalf("latest after revert = %v, want v1 %d", ids(as), v1.ID)
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{LatestVersionsOnly: true}); n != 1 {
		t.Fatalf("latest-version claims after revert = %d, want 1", n)
	}
	if st, _ := s.Stats(ctx); st.Articles != 1 || st.ArticleVersions != 2 {
		t.Fatalf("stats after revert: %d articles %d versions", st.Articles, st.ArticleVersions)
	}
}

func ids(as []flowwatch.Article) []int64 {
	var out []int64
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func testInvalid(t *testing.T, s flowwatch.Store) {
	good := people(flowwatch.GroupWorkers, flowwatch.EventPresent, flowwatch.F(5), flowwatch.F(5), "Five workers are there.")
	tests := []struct {
		name string
		a    flowwatch.Article
		c    []flowwatch.Claim
	}{
		{"no name", flowwatch.Article{Text: "Some text."}, nil},
		{"no text", flowwatch.Article{Name: "x"}, nil},
		{"offsets past the end", flowwatch.Article{Name: "x", Text: "Short."}, []flowwatch.Claim{{Kind: "people", Quote: "Short.", Start: 0, End: 99}}},
		{"negative offset", flowwatch.Article{Name: "x", Text: "Short."}, []flowwatch.Claim{{Kind: "people", Quote: "Short.", Start: -1, End: 3}}},
		{"no kind", flowwatch.Article{Name: "x", Text: "Short."}, []flowwatch.Claim{{Quote: "Short.", Start: 0, End: 6}}},
		// The second claim is bad: the first must not be stored either.
		{"one bad claim of two", flowwatch.Article{Name: "x", Text: "Five workers are there."}, []flowwatch.Claim{good, {Kind: "people", Start: 5, End: 1}}},
	}
	for _, tt := range tests {
		a := tt.a
		if tt.name == "one bad claim of two" {
			tt.c[0].Start, tt.c[0].End = 0, len(a.Text)
		}
		_, err := s.SaveArticle(ctx, &a, tt.c)
		if code := flowwatch.ErrorCode(err); code != flowwatch.EINVALID {
			t.Errorf("%s: error %v (code %q), want invalid", tt.name, err, code)
		}
	}
	if st, _ := s.Stats(ctx); st.ArticleVersions != 0 || st.Claims != 0 {
		t.Fatalf("invalid saves wrote %d versions %d claims", st.ArticleVersions, st.Claims)
	}
	if _, _, err := s.Article(ctx, 987654); flowwatch.ErrorCode(err) != flowwatch.ENOTFOUND {
		t.Fatalf("Article(missing) = %v, want not found", err)
	}
}

// normClaims makes claims comparable: empty and nil lists are one value.
func normClaims(cs []flowwatch.Claim) []flowwatch.Claim {
	out := slices.Clone(cs)
	for i := range out {
		if len(out[i].Place) == 0 {
			out[i].Place = nil
		}
		if len(out[i].Orgs) == 0 {
			out[i].Orgs = nil
		}
	}
	return out
}

func diffClaims(t *testing.T, what string, got, want []flowwatch.Claim) {
	t.Helper()
	got, want = normClaims(got), normClaims(want)
	if len(got) != len(want) {
		t.Fatalf("%s: %d claims, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			t.Errorf("%s: claim %d\n got %s\nwant %s", what, i, g, w)
			if !reflect.DeepEqual(got[i].When, want[i].When) {
				t.Errorf("  when %+v, want %+v", got[i].When, want[i].When)
			}
		}
	}
}

func testClaimRoundTrip(t *testing.T, s flowwatch.Store) {
	claims := []flowwatch.Claim{
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventSent,
			Low: flowwatch.F(11000), High: flowwatch.F(12000), Qualifier: flowwatch.QualRange, Unit: "people",
			Place: []string{"Russia", "Kursk Oblast"}, When: &flowwatch.Period{From: date("2024-10-01"), To: date("2024-12-31")},
			Source: "NIS", Via: "Yonhap", Orgs: []string{"7th General Bureau", "KPA"}, Lang: "en",
			Quote: "Between 11,000 and 12,000 troops were sent to Kursk late last year, the spy agency said.", Extractor: "en-7",
			Measure: flowwatch.MeasureFlow, Increment: true, Scope: flowwatch.ScopeRegion, Page: 12},
		// Open ends, no time, no source, no place: nulls must come back as nulls.
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupWorkers, Event: flowwatch.EventPresent,
			Low: flowwatch.F(10000.5), High: nil, Qualifier: flowwatch.QualAtLeast, Unit: "people",
			Quote: "More than ten thousand workers are there.", Extractor: "en-7", Measure: flowwatch.MeasureStock},
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupNationals, Event: flowwatch.EventEntered,
			Low: nil, High: flowwatch.F(5000), Qualifier: flowwatch.QualAtMost, Unit: "people", Place: []string{},
			When: &flowwatch.Period{From: date("2024-01-01"), To: date("2024-01-01")}, Lang: "ko",
			Quote: "최대 5천 명이 입국했다.", Extractor: "ko-2", Measure: flowwatch.MeasureDocuments, Scope: flowwatch.ScopeRussia},
		{Kind: flowwatch.KindMoney, Group: flowwatch.GroupWorkers, Low: flowwatch.F(800), High: flowwatch.F(800),
			Qualifier: flowwatch.QualExact, Unit: "USD", Per: flowwatch.PerMonth, Source: "Daily NK",
			Quote: "Each earns $800 a month.", Extractor: "en-7"},
		{Kind: flowwatch.KindShare, Group: flowwatch.GroupWorkers, Low: flowwatch.F(90), High: flowwatch.F(90),
			Qualifier: flowwatch.QualApprox, Unit: "percent", Quote: "About 90% of it is taken.", Lang: "en"},
		{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Event: flowwatch.EventKilled,
			Low: flowwatch.F(0), High: flowwatch.F(0), Qualifier: flowwatch.QualExact, Unit: "people",
			Quote: "No soldiers (0) died «there» 'today' \"yes\" 100% _under_ \\ score.", Lang: "en"},
	}
	a, claims := article("roundtrip", "https://example.org/rt?id=1", "Example Daily", "2025-02-13", claims...)
	a.Lang = "en"
	save(t, s, a, claims)

	// What the caller's slice now holds is what the store must return.
	want := slices.Clone(claims)
	for i, c := range want {
		if c.ID == 0 || c.ArticleID != a.ID || c.Article != "roundtrip" || c.Outlet != "Example Daily" ||
			c.URL != a.URL || c.Published != date("2025-02-13") {
			t.Fatalf("claim %d after save: %+v", i, c)
		}
	}
	if want[1].Lang != "en" {
		t.Fatalf("claim without lang did not take the article's: %q", want[1].Lang)
	}
	got, gotClaims, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	diffClaims(t, "Article", gotClaims, want)
	listed, err := s.Claims(ctx, flowwatch.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	diffClaims(t, "Claims", listed, want)
	if got.Text != a.Text || got.Title != a.Title || got.URL != a.URL || got.Outlet != a.Outlet ||
		got.Published != a.Published || got.Lang != a.Lang || got.Hash != a.Hash || got.Name != a.Name ||
		got.Version != 1 || !got.FirstSeen.Equal(a.FirstSeen) || !got.LastSeen.Equal(a.LastSeen) || got.Claims != len(want) {
		t.Fatalf("article round trip:\n got %+v\nwant %+v", got, a)
	}
	for _, c := range gotClaims {
		if a.Text[c.Start:c.End] != c.Quote {
			t.Fatalf("offsets %d-%d give %q, quote %q", c.Start, c.End, a.Text[c.Start:c.End], c.Quote)
		}
	}
	// JSON nulls as the spec asks, straight from the store.
	b, _ := json.Marshal(gotClaims[1])
	for _, frag := range []string{`"high":null`, `"when":null`, `"source":null`, `"place":[]`, `"per":null`} {
		if !strings.Contains(string(b), frag) {
			t.Errorf("claim JSON %s lacks %s", b, frag)
		}
	}
}

// corpus saves a small fixed set of articles for the filter tests and
// returns the quote of each claim by a short key.
func corpus(t *testing.T, s flowwatch.Store) map[string]int64 {
	mk := func(key string, c flowwatch.Claim) flowwatch.Claim { c.Quote = key + ": " + c.Quote; return c }
	soldiersSent := mk("s1", people(flowwatch.GroupSoldiers, flowwatch.EventSent, flowwatch.F(12000), flowwatch.F(12000), "Twelve thousand troops were sent."))
	soldiersSent.Place, soldiersSent.Source = []string{"Russia", "Kursk Oblast"}, "NIS"
	killed := mk("s2", people(flowwatch.GroupSoldiers, flowwatch.EventKilled, flowwatch.F(300), flowwatch.F(300), "About 300 were killed."))
	killed.Place, killed.Source = []string{"Kursk Oblast"}, "NIS"
	workers := mk("w1", people(flowwatch.GroupWorkers, flowwatch.EventPresent, flowwatch.F(10000), nil, "Over 10,000 workers toil in Vladivostok."))
	workers.Place, workers.Source = []string{"Vladivostok"}, "Daily NK"
	wage := mk("m1", flowwatch.Claim{Kind: flowwatch.KindMoney, Group: flowwatch.GroupWorkers, Low: flowwatch.F(800), High: flowwatch.F(800),
		Qualifier: flowwatch.QualExact, Unit: "USD", Per: flowwatch.PerMonth, Quote: "They get $800 a month."})
	wounded := mk("s3", people(flowwatch.GroupSoldiers, flowwatch.EventWounded, nil, flowwatch.F(2700), "Up to 2,700 WOUNDED, officials said."))
	wounded.Source = "ISW"
	engineers := mk("e1", people(flowwatch.GroupEngineers, flowwatch.EventPlanned, flowwatch.F(1000), flowwatch.F(1000), "A thousand sappers will go to Kursk."))
	engineers.Place = []string{"Kursk Oblast"}

	a1, c1 := article("jan", "https://a.example/jan", "Alpha", "2025-01-15", soldiersSent, killed)
	a2, c2 := article("feb", "https://b.example/feb", "Beta", "2025-02-20", workers, wage)
	a3, c3 := article("mar", "https://a.example/mar", "Alpha", "2025-03-05", wounded)
	a4, c4 := article("undated", "", "Gamma", "", engineers)
	for _, x := range []struct {
		a *flowwatch.Article
		c []flowwatch.Claim
	}{{a1, c1}, {a2, c2}, {a3, c3}, {a4, c4}} {
		save(t, s, x.a, x.c)
	}
	return map[string]int64{"jan": a1.ID, "feb": a2.ID, "mar": a3.ID, "undated": a4.ID}
}

func keys(cs []flowwatch.Claim) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, strings.SplitN(c.Quote, ":", 2)[0])
	}
	return out
}

func testClaimFilters(t *testing.T, s flowwatch.Store) {
	arts := corpus(t, s)
	f := flowwatch.F
	tests := []struct {
		name string
		f    flowwatch.ClaimFilter
		want []string // in store order
	}{
		{"none", flowwatch.ClaimFilter{}, []string{"s1", "s2", "w1", "m1", "s3", "e1"}},
		{"kind", flowwatch.ClaimFilter{Kind: "money"}, []string{"m1"}},
		{"group", flowwatch.ClaimFilter{Group: "soldiers"}, []string{"s1", "s2", "s3"}},
		{"event", flowwatch.ClaimFilter{Event: "killed"}, []string{"s2"}},
		{"kind and group", flowwatch.ClaimFilter{Kind: "people", Group: "workers"}, []string{"w1"}},
		{"place", flowwatch.ClaimFilter{Place: "Kursk Oblast"}, []string{"s1", "s2", "e1"}},
		{"place is exact", flowwatch.ClaimFilter{Place: "Kursk"}, []string{}},
		{"place and group", flowwatch.ClaimFilter{Place: "Kursk Oblast", Group: "soldiers"}, []string{"s1", "s2"}},
		{"source", flowwatch.ClaimFilter{Source: "NIS"}, []string{"s1", "s2"}},
		{"outlet", flowwatch.ClaimFilter{Outlet: "Alpha"}, []string{"s1", "s2", "s3"}},
		{"article", flowwatch.ClaimFilter{Article: "feb"}, []string{"w1", "m1"}},
		{"article id", flowwatch.ClaimFilter{ArticleID: arts["mar"]}, []string{"s3"}},
		{"since", flowwatch.ClaimFilter{Since: date("2025-02-20")}, []string{"w1", "m1", "s3"}},
		{"until", flowwatch.ClaimFilter{Until: date("2025-02-20")}, []string{"s1", "s2", "w1", "m1"}},
		{"since and until", flowwatch.ClaimFilter{Since: date("2025-01-16"), Until: date("2025-03-04")}, []string{"w1", "m1"}},
		{"min value", flowwatch.ClaimFilter{MinValue: f(2700)}, []string{"s1", "w1", "s3"}},
		{"max value", flowwatch.ClaimFilter{MaxValue: f(800)}, []string{"s2", "m1"}},
		{"min and max", flowwatch.ClaimFilter{MinValue: f(1000), MaxValue: f(10000)}, []string{"w1", "s3", "e1"}},
		{"text", flowwatch.ClaimFilter{Text: "kursk"}, []string{"e1"}},
		{"text case", flowwatch.ClaimFilter{Text: "wounded"}, []string{"s3"}},
		{"text with like metachars", flowwatch.ClaimFilter{Text: "%"}, []string{}},
		{"text and outlet", flowwatch.ClaimFilter{Text: "thousand", Outlet: "Alpha"}, []string{"s1"}},
		{"limit", flowwatch.ClaimFilter{Limit: 2}, []string{"s1", "s2"}},
		{"limit offset", flowwatch.ClaimFilter{Limit: 2, Offset: 3}, []string{"m1", "s3"}},
		{"place and limit", flowwatch.ClaimFilter{Place: "Kursk Oblast", Limit: 1, Offset: 1}, []string{"s2"}},
		{"place and text", flowwatch.ClaimFilter{Place: "Kursk Oblast", Text: "sappers"}, []string{"e1"}},
		{"article id keeps text order", flowwatch.ClaimFilter{ArticleID: arts["feb"]}, []string{"w1", "m1"}},
		{"offset past end", flowwatch.ClaimFilter{Offset: 10}, []string{}},
		{"no match", flowwatch.ClaimFilter{Kind: "people", Group: "it_workers"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Claims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if k := keys(got); !slices.Equal(k, tt.want) {
				t.Errorf("Claims = %v, want %v", k, tt.want)
			}
			n, err := s.CountClaims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			cf := tt.f
			cf.Limit, cf.Offset = -1, 0
			all, _ := s.Claims(ctx, cf)
			if n != len(all) {
				t.Errorf("CountClaims = %d, want %d (ignoring limit and offset)", n, len(all))
			}
		})
	}
	// Keyset paging visits every claim once, in order, whatever the filter.
	for _, f := range []flowwatch.ClaimFilter{{}, {Place: "Kursk Oblast"}, {Group: "soldiers", LatestVersionsOnly: true}} {
		want, _ := s.Claims(ctx, f)
		var got []flowwatch.Claim
		for page := f; ; {
			page.Limit = 2
			cs, err := s.Claims(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) == 0 {
				break
			}
			got = append(got, cs...)
			page.AfterID = cs[len(cs)-1].ID
		}
		if !slices.Equal(keys(got), keys(want)) {
			t.Errorf("paging %+v by AfterID = %v, want %v", f, keys(got), keys(want))
		}
	}
}

func testArticles(t *testing.T, s flowwatch.Store) {
	corpus(t, s)
	tests := []struct {
		name string
		f    flowwatch.ArticleFilter
		want []string // newest first, undated last
	}{
		{"all", flowwatch.ArticleFilter{}, []string{"mar", "feb", "jan", "undated"}},
		{"outlet", flowwatch.ArticleFilter{Outlet: "Alpha"}, []string{"mar", "jan"}},
		{"since", flowwatch.ArticleFilter{Since: date("2025-02-01")}, []string{"mar", "feb"}},
		{"until", flowwatch.ArticleFilter{Until: date("2025-02-20")}, []string{"feb", "jan"}},
		{"text", flowwatch.ArticleFilter{Text: "SAPPERS"}, []string{"undated"}},
		{"title text", flowwatch.ArticleFilter{Text: "title of feb"}, []string{"feb"}},
		{"limit offset", flowwatch.ArticleFilter{Limit: 2, Offset: 1}, []string{"feb", "jan"}},
	}
	for _, tt := range tests {
		got, err := s.Articles(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, a := range got {
			names = append(names, a.Name)
		}
		if !slices.Equal(names, tt.want) {
			t.Errorf("%s: Articles = %v, want %v", tt.name, names, tt.want)
		}
	}
	got, _ := s.Articles(ctx, flowwatch.ArticleFilter{Outlet: "Beta"})
	if len(got) != 1 || got[0].Claims != 2 || got[0].Text == "" || got[0].Title != "Title of feb" {
		t.Fatalf("Articles(Beta) = %+v, want feb with 2 claims and its text", got)
	}
}

func testSearch(t *testing.T, s flowwatch.Store) {
	texts := []struct{ name, url, text string }{
		{"en", "https://s.example/en", "Officials said the soldiers arrived near the border in October. Reporters could not confirm the soldiers' route."},
		{"ko", "https://s.example/ko", "국정원은 북한군 병사들이 러시아에 도착했다고 밝혔다."},
		{"ru", "https://s.example/ru", "По данным разведки, солдаты прибыли в Курскую область."},
		{"other", "https://s.example/other", "A weather report about rain & wind."},
	}
	for _, x := range texts {
		save(t, s, &flowwatch.Article{Name: x.name, URL: x.url, Title: "Report " + x.name, Text: x.text}, nil)
	}
	tests := []struct {
		query   string
		want    []string
		snippet string // must appear in the first hit's snippet
	}{
		{"soldiers", []string{"en"}, "«soldiers»"},
		{"soldier", []string{"en"}, "«soldiers»"}, // prefix
		{"SOLDIERS border", []string{"en"}, "«border»"},
		{"soldiers rain", nil, ""},
		{"러시아", []string{"ko"}, "«러시아에»"},
		{"солдаты", []string{"ru"}, "«солдаты»"},
		{"rain", []string{"other"}, "«rain» & wind"}, // snippets are raw text: the front end escapes
		{`"unbalanced AND (OR* NEAR`, nil, ""},       // query syntax is not interpreted
		{"nothinglikethis", nil, ""},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var names []string
		for _, h := range hits {
			names = append(names, h.Article.Name)
		}
		if !slices.Equal(names, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, names, tt.want)
			continue
		}
		if tt.snippet != "" && !strings.Contains(hits[0].Snippet, tt.snippet) {
			t.Errorf("Search(%q) snippet %q lacks %q", tt.query, hits[0].Snippet, tt.snippet)
		}
		for _, h := range hits {
			if h.Article.ID == 0 || h.Article.URL == "" || h.Article.Title == "" {
				t.Errorf("Search(%q) hit article %+v lacks fields", tt.query, h.Article)
			}
		}
	}
	if _, err := s.Search(ctx, " ?! ", 10); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Errorf("Search of no words = %v, want invalid", err)
	}

	// Only an article's latest version is found; better matches rank first.
	save(t, s, &flowwatch.Article{Name: "en", URL: "https://s.example/en", Text: "Now the page speaks only of weather and rain, rain, rain."}, nil)
	hits, err := s.Search(ctx, "rain", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Article.Name != "en" || hits[0].Rank < hits[1].Rank {
		t.Errorf("Search(rain) after update = %+v", hits)
	}
	if hits, _ := s.Search(ctx, "soldiers", 10); len(hits) != 0 {
		t.Errorf("Search found a superseded version: %+v", hits)
	}
	// The page went back to its first text, which is current again.
	save(t, s, &flowwatch.Article{Name: "en", URL: "https://s.example/en", Title: "Report en", Text: texts[0].text}, nil)
	if hits, _ := s.Search(ctx, "soldiers", 10); len(hits) != 1 || hits[0].Article.Version != 1 {
		t.Errorf("Search after the revert = %+v, want version 1", hits)
	}
	if hits, _ := s.Search(ctx, "weather", 10); len(hits) != 1 || hits[0].Article.Name != "other" {
		t.Errorf("Search(weather) after the revert = %+v, want only other", hits)
	}
}

func testStats(t *testing.T, s flowwatch.Store) {
	if st, err := s.Stats(ctx); err != nil || st.Articles != 0 || st.Claims != 0 || !st.FirstPublished.IsZero() {
		t.Fatalf("empty stats = %+v, %v", st, err)
	}
	corpus(t, s)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := flowwatch.Stats{Articles: 4, ArticleVersions: 4, Claims: 6, Outlets: 3, Sources: 3,
		ByKind:         map[string]int{"people": 5, "money": 1},
		ByGroup:        map[string]int{"soldiers": 3, "workers": 2, "engineers": 1},
		FirstPublished: date("2025-01-15"), LastPublished: date("2025-03-05")}
	if !reflect.DeepEqual(st, want) {
		t.Fatalf("Stats =\n%+v\nwant\n%+v", st, want)
	}
}

func testReplaceClaims(t *testing.T, s flowwatch.Store) {
	arts := corpus(t, s)
	id := arts["feb"]
	a, old, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	repl := []flowwatch.Claim{old[1]}
	repl[0].ID, repl[0].Extractor, repl[0].Low, repl[0].High = 0, "en-9", flowwatch.F(900), flowwatch.F(900)
	// A re-extraction fills the structured reading older rows lack.
	repl[0].Measure, repl[0].Increment, repl[0].Scope, repl[0].Page = flowwatch.MeasureCumulative, true, flowwatch.ScopeFront, 3
	if err := s.ReplaceClaims(ctx, id, repl); err != nil {
		t.Fatal(err)
	}
	if repl[0].ID == 0 || repl[0].ArticleID != id {
		t.Fatalf("replaced claim ids: %+v", repl[0])
	}
	_, got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	diffClaims(t, "after ReplaceClaims", got, repl)
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{}); n != 5 {
		t.Fatalf("claims after replace = %d, want 5", n)
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{Place: "Vladivostok"}); n != 0 {
		t.Fatalf("a removed claim's place still matches (%d)", n)
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{LatestVersionsOnly: true, Article: "feb"}); n != 1 {
		t.Fatalf("replaced claims of the latest version are not latest (%d)", n)
	}
	// Bad offsets change nothing.
	bad := []flowwatch.Claim{{Kind: "people", Start: 0, End: len(a.Text) + 1}}
	if err := s.ReplaceClaims(ctx, id, bad); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Fatalf("ReplaceClaims(bad offsets) = %v, want invalid", err)
	}
	if _, got, _ := s.Article(ctx, id); len(got) != 1 {
		t.Fatalf("failed replace left %d claims", len(got))
	}
	if err := s.ReplaceClaims(ctx, 987654, nil); flowwatch.ErrorCode(err) != flowwatch.ENOTFOUND {
		t.Fatalf("ReplaceClaims(missing) = %v, want not found", err)
	}
	if err := s.ReplaceClaims(ctx, id, nil); err != nil {
		t.Fatal(err)
	}
	if _, got, _ := s.Article(ctx, id); len(got) != 0 {
		t.Fatalf("replace with none left %d claims", len(got))
	}
}

func testEachArticle(t *testing.T, s flowwatch.Store) {
	// More than one batch, with a changed article, so every version shows.
	want := map[int64]string{}
	for i := range 230 {
		a := &flowwatch.Article{Name: fmt.Sprintf("n%03d", i), URL: fmt.Sprintf("https://e.example/%d", i%200), Text: fmt.Sprintf("Text number %d.", i)}
		save(t, s, a, nil)
		want[a.ID] = a.Text
	}
	got := map[int64]string{}
	err := s.EachArticle(ctx, func(a *flowwatch.Article) error {
		if _, dup := got[a.ID]; dup {
			return fmt.Errorf("version %d visited twice", a.ID)
		}
		got[a.ID] = a.Text
		// Writing from inside the walk is what reextract does.
		return s.ReplaceClaims(ctx, a.ID, []flowwatch.Claim{{Kind: "people", Quote: a.Text, Start: 0, End: len(a.Text)}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("EachArticle visited %d versions, want %d", len(got), len(want))
	}
	if n, _ := s.CountClaims(ctx, flowwatch.ClaimFilter{}); n != 230 {
		t.Fatalf("claims after walk = %d, want 230", n)
	}
	stop := errors.New("stop")
	calls := 0
	if err := s.EachArticle(ctx, func(*flowwatch.Article) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("EachArticle did not stop at fn's error: %v after %d calls", err, calls)
	}
}

func testFeedState(t *testing.T, s flowwatch.Store) {
	url := "https://feeds.example/rss"
	st, err := s.FeedState(ctx, url)
	if err != nil || !reflect.DeepEqual(st, flowwatch.FeedState{URL: url}) {
		t.Fatalf("unknown feed = %+v, %v", st, err)
	}
	states := []flowwatch.FeedState{
		{URL: url, ETag: `W/"abc"`, LastModified: "Wed, 21 Oct 2025 07:28:00 GMT", LastPolled: time.Date(2025, 10, 21, 7, 30, 0, 5000, time.UTC),
			Seen: []string{"guid:a-1", "link:https://news.example/story/2?x=\"q\"", "guid:한국어"}},
		{URL: url, LastPolled: time.Date(2025, 10, 21, 8, 30, 0, 0, time.UTC), LastError: "timeout after 30s", Failures: 2,
			Seen: []string{"guid:a-1"}},
		{URL: url, LastPolled: time.Date(2025, 10, 21, 9, 30, 0, 0, time.UTC)},
	}
	for _, want := range states {
		if err := s.SaveFeedState(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedState(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if !got.LastPolled.Equal(want.LastPolled) {
			t.Fatalf("LastPolled = %v, want %v", got.LastPolled, want.LastPolled)
		}
		got.LastPolled = want.LastPolled
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("FeedState = %+v, want %+v", got, want)
		}
	}
	if err := s.SaveFeedState(ctx, flowwatch.FeedState{}); flowwatch.ErrorCode(err) != flowwatch.EINVALID {
		t.Fatalf("SaveFeedState(no URL) = %v", err)
	}
}

func testTokens(t *testing.T, s flowwatch.Store) {
	a, err := s.CreateToken(ctx, "laptop", "hash-a")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Created.IsZero() || time.Since(a.Created) > time.Minute {
		t.Fatalf("created token %+v", a)
	}
	b, err := s.CreateToken(ctx, "ci", "hash-b")
	if err != nil {
		t.Fatal(err)
	}
	for _, dup := range [][2]string{{"laptop", "hash-c"}, {"other", "hash-a"}} {
		if _, err := s.CreateToken(ctx, dup[0], dup[1]); flowwatch.ErrorCode(err) != flowwatch.ECONFLICT {
			t.Errorf("CreateToken(%v) = %v, want conflict", dup, err)
		}
	}
	got, err := s.TokenByHash(ctx, "hash-b")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != b.ID || got.Name != "ci" || !got.Created.Equal(b.Created) || got.LastUsed.IsZero() {
		t.Fatalf("TokenByHash = %+v, want %+v used", got, b)
	}
	if _, err := s.TokenByHash(ctx, "nope"); flowwatch.ErrorCode(err) != flowwatch.ENOTFOUND {
		t.Fatalf("TokenByHash(unknown) = %v", err)
	}
	list, err := s.Tokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID || list[1].LastUsed.IsZero() || !list[0].LastUsed.IsZero() {
		t.Fatalf("Tokens = %+v", list)
	}
	if err := s.DeleteToken(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteToken(ctx, a.ID); flowwatch.ErrorCode(err) != flowwatch.ENOTFOUND {
		t.Fatalf("second DeleteToken = %v", err)
	}
	if _, err := s.TokenByHash(ctx, "hash-a"); flowwatch.ErrorCode(err) != flowwatch.ENOTFOUND {
		t.Fatalf("deleted token still found: %v", err)
	}
}

func testConcurrent(t *testing.T, s flowwatch.Store) { Concurrent(t, s) }

// Concurrent saves overlapping articles from many goroutines spread over
// stores, which may be several Stores open on one database (as two
// processes or machines would be): each identity must end with exactly
// its versions and their claims, once.
func Concurrent(t *testing.T, stores ...flowwatch.Store) {
	s := stores[0]
	const workers, articles, versions = 8, 10, 2
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range articles * versions {
				n := (i + w) % (articles * versions) // each worker starts elsewhere
				id, v := n%articles, n/articles
				c := people(flowwatch.GroupSoldiers, flowwatch.EventSent, flowwatch.F(float64(100*id+v)), flowwatch.F(float64(100*id+v)),
					fmt.Sprintf("Article %d version %d says %d were sent.", id, v, 100*id+v))
				c2 := c
				c2.Quote = fmt.Sprintf("A second figure, %d, in article %d.", v, id)
				a, cs := article(fmt.Sprintf("c%d", id), fmt.Sprintf("https://c.example/%d", id), "C", "2025-05-01", c, c2)
				if _, err := stores[w%len(stores)].SaveArticle(ctx, a, cs); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != articles || st.ArticleVersions != articles*versions || st.Claims != 2*articles*versions {
		t.Fatalf("after concurrent saves: %d articles %d versions %d claims, want %d %d %d",
			st.Articles, st.ArticleVersions, st.Claims, articles, articles*versions, 2*articles*versions)
	}
	all, err := s.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range all {
		k := fmt.Sprintf("%s/%d", a.Name, a.Version)
		if seen[k] || a.Version < 1 || a.Version > versions || a.Claims != 2 {
			t.Fatalf("version %s duplicated or malformed: %+v", k, a)
		}
		seen[k] = true
	}
	latest, _ := s.Articles(ctx, flowwatch.ArticleFilter{Limit: -1})
	if len(latest) != articles {
		t.Fatalf("%d latest versions, want %d", len(latest), articles)
	}
}

// testCancelled saves with contexts that end at every point of a save:
// each attempt either stores the article with all its claims or nothing.
func testCancelled(t *testing.T, s flowwatch.Store) {
	dead, cancel := context.WithCancel(ctx)
	cancel()
	c := people(flowwatch.GroupWorkers, flowwatch.EventSent, flowwatch.F(1), flowwatch.F(1), "One worker went.")
	a, cs := article("dead", "https://x.example/dead", "X", "", c)
	if _, err := s.SaveArticle(dead, a, cs); !errors.Is(err, context.Canceled) {
		t.Fatalf("SaveArticle(cancelled) = %v, want context.Canceled in the chain", err)
	}
	var claims []flowwatch.Claim
	for i := range 400 {
		claims = append(claims, people(flowwatch.GroupWorkers, flowwatch.EventSent, flowwatch.F(float64(i)), flowwatch.F(float64(i)), fmt.Sprintf("Figure %d.", i)))
	}
	// Time one whole save, then cut saves off from its start to past its end.
	a0, cs0 := article("big", "https://x.example/big", "X", "", slices.Clone(claims)...)
	start := time.Now()
	save(t, s, a0, cs0)
	full := time.Since(start)
	failed, saved := 0, 1
	const tries = 30
	for i := range tries {
		a, cs := article(fmt.Sprintf("big%d", i), fmt.Sprintf("https://x.example/big%d", i), "X", "", slices.Clone(claims)...)
		tctx, cancel := context.WithTimeout(ctx, full*time.Duration(i)/(tries/2))
		_, err := s.SaveArticle(tctx, a, cs)
		cancel()
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
				t.Fatalf("save %d: %v, want a context error", i, err)
			}
			failed++
		} else {
			saved++
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.ArticleVersions != saved || st.Claims != saved*len(claims) {
		t.Fatalf("%d saves succeeded, %d failed; store holds %d versions and %d claims, want %d and %d",
			saved, failed, st.ArticleVersions, st.Claims, saved, saved*len(claims))
	}
	t.Logf("%d saves completed, %d were cut off, none half-written", saved, failed)
	if all, _ := s.Articles(ctx, flowwatch.ArticleFilter{Limit: -1}); len(all) != saved {
		t.Fatalf("%d articles listed, want %d", len(all), saved)
	}
}
