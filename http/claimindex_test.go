package http

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pgtest"
	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/sqlite"
)

var bg = context.Background()

// indexStores are the real stores the index is checked against: SQLite,
// and PostgreSQL when FLOWWATCH_TEST_POSTGRES is set.
func indexStores(t *testing.T) map[string]func(t *testing.T) flowwatch.Store {
	m := map[string]func(t *testing.T) flowwatch.Store{"sqlite": func(t *testing.T) flowwatch.Store {
		s, err := sqlite.Open(bg, filepath.Join(t.TempDir(), "index.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}}
	if pgtest.URL() != "" {
		m["postgres"] = func(t *testing.T) flowwatch.Store { return pgtest.Store(t, "index_test_") }
	}
	return m
}

// oddArticles are the corners the generated corpus lacks: no URL, no
// date, open and missing figures, LIKE's special characters, mixed case
// and non-ASCII quotes.
func oddArticles() []flowwatch.ArticleClaims {
	mk := func(name, u string, pub flowwatch.Date, claims ...flowwatch.Claim) flowwatch.ArticleClaims {
		a := &flowwatch.Article{Name: name, URL: u, Outlet: "Odd Outlet", Published: pub, Lang: "en"}
		var b strings.Builder
		for i := range claims {
			claims[i].Start = b.Len()
			b.WriteString(claims[i].Quote)
			claims[i].End = b.Len()
			b.WriteString(" ")
		}
		a.Text = b.String()
		return flowwatch.ArticleClaims{Article: a, Claims: claims}
	}
	c := func(kind, group string, low, high *float64, quote string, place ...string) flowwatch.Claim {
		return flowwatch.Claim{Kind: kind, Group: group, Event: flowwatch.EventSent, Low: low, High: high, Quote: quote, Place: place, Source: "Odd Source"}
	}
	f := flowwatch.F
	return []flowwatch.ArticleClaims{
		mk("odd-nourl", "", flowwatch.NewDate(2024, 5, 1),
			c("people", "soldiers", f(100), nil, "At least 100 SOLDIERS, 50% of them_new, went.", "Kursk Oblast"),
			c("people", "workers", nil, f(900), `Up to 900 workers; a back\slash and 'quotes' "too".`)),
		mk("odd-nodate", "https://odd.example/nodate", flowwatch.Date{},
			c("people", "soldiers", nil, nil, "Many North Korean Soldiers were sent to Курская область.", "Kursk Oblast", "Russia"),
			c("money", "workers", f(1000), f(2000), "Workers earn 1,000 to 2,000 dollars: 북한 노동자.")),
		mk("odd-range", "https://odd.example/range", flowwatch.NewDate(2025, 12, 31),
			c("share", "", f(0), f(0), "Zero percent, said nobody."),
			c("people", "nationals", f(-5), f(1e9), "A silly range from -5 to a billion.")),
	}
}

// fill stores the generated corpus plus versions and the odd articles.
func fill(t *testing.T, st flowwatch.Store, n int) {
	t.Helper()
	for i := range n {
		a, cs := storetest.Generate(i)
		if _, err := st.SaveArticle(bg, a, cs); err != nil {
			t.Fatal(err)
		}
		if i%7 == 3 {
			// A second version of some: the first is superseded.
			b, bcs := storetest.Generate(i + 100000)
			b.URL, b.Name = a.URL, a.Name
			if _, err := st.SaveArticle(bg, b, bcs); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, ac := range oddArticles() {
		if _, err := st.SaveArticle(bg, ac.Article, ac.Claims); err != nil {
			t.Fatal(err)
		}
	}
}

// randomFilter draws a filter from the values the store holds, with now
// and then one it does not.
func randomFilter(r *mrand.Rand, all []flowwatch.Claim) flowwatch.ClaimFilter {
	pick := func() flowwatch.Claim { return all[r.IntN(len(all))] }
	var f flowwatch.ClaimFilter
	f.LatestVersionsOnly = r.IntN(3) > 0
	for range 1 + r.IntN(3) {
		switch r.IntN(16) {
		case 0:
			f.Kind = pick().Kind
		case 1:
			f.Group = pick().Group
		case 2:
			f.Event = pick().Event
		case 3:
			if p := pick().Place; len(p) > 0 {
				f.Place = p[r.IntN(len(p))]
			} else {
				f.Place = "Nowhere"
			}
		case 4:
			f.Source = pick().Source
		case 5:
			f.Outlet = pick().Outlet
		case 6:
			f.Article = pick().Article
		case 7:
			f.ArticleID = pick().ArticleID
		case 8:
			f.Since = pick().Published
		case 9:
			f.Until = pick().Published
		case 10:
			if v := pick().Low; v != nil {
				f.MinValue = flowwatch.F(*v + float64(r.IntN(3)-1))
			}
		case 11:
			if v := pick().High; v != nil {
				f.MaxValue = flowwatch.F(*v)
			}
		case 12, 13:
			q := pick().Quote
			i := r.IntN(len(q))
			j := min(len(q), i+1+r.IntN(8))
			b := []byte(q[i:j])
			for k := range b {
				if r.IntN(2) == 0 && b[k] >= 'a' && b[k] <= 'z' {
					b[k] -= 'a' - 'A'
				}
			}
			f.Text = string(b)
			if r.IntN(10) == 0 {
				f.Text = []string{"%", "_", `\`, "50%", "them_new", "no such text"}[r.IntN(6)]
			}
		case 14:
			f.AfterID = pick().ID + int64(r.IntN(3)-1)
		case 15:
			f.Kind = "no-such-kind"
		}
	}
	f.Limit = []int{0, -1, 1, 7, 51}[r.IntN(5)]
	if r.IntN(3) == 0 {
		f.Offset = r.IntN(60)
	}
	return f
}

// compareIndex checks the snapshot against the store for n random filters.
func compareIndex(t *testing.T, st flowwatch.Store, snap *claimSnap, r *mrand.Rand, n int) {
	t.Helper()
	all, err := st.Claims(bg, flowwatch.ClaimFilter{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if snap.n != len(all) {
		t.Fatalf("index has %d claims, store %d", snap.n, len(all))
	}
	answered := 0
	for range n {
		f := randomFilter(r, all)
		q, ok := snap.resolve(f)
		if !ok {
			continue
		}
		answered++
		want, err := st.Claims(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		got := snap.rows(&q, f)
		var gotB, wantB bytes.Buffer
		for _, i := range got {
			gotB.Write(snap.rowJSON(i))
			gotB.WriteByte('\n')
		}
		for _, c := range want {
			js, _ := c.MarshalJSON()
			wantB.Write(js)
			wantB.WriteByte('\n')
		}
		if gotB.String() != wantB.String() {
			t.Fatalf("filter %+v: index has %d claims, store %d\nindex:\n%.2000s\nstore:\n%.2000s", f, len(got), len(want), gotB.String(), wantB.String())
		}
		wantN, err := st.CountClaims(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		if gotN := snap.count(&q); gotN != wantN {
			t.Fatalf("filter %+v: index counts %d, store %d", f, gotN, wantN)
		}
	}
	if answered < n/2 {
		t.Fatalf("the index answered only %d of %d filters", answered, n)
	}
}

func quietIndex(st flowwatch.Store) *claimIndex {
	return newClaimIndex(st, DefaultClaimIndexBytes, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// syncNow runs one sync, allowing a full reload at once.
func syncNow(t *testing.T, x *claimIndex) {
	t.Helper()
	x.mu.Lock()
	x.nextFull = time.Time{}
	err := x.sync(bg)
	x.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if x.current() == nil {
		t.Fatal("no index after sync")
	}
}

// sameSnap checks that an index kept up to date equals one loaded afresh.
func sameSnap(t *testing.T, st flowwatch.Store, got *claimSnap) {
	t.Helper()
	fresh := quietIndex(st)
	syncNow(t, fresh)
	want := fresh.current()
	if got.n != want.n {
		t.Fatalf("kept index has %d claims, fresh %d", got.n, want.n)
	}
	for i := 0; i < got.n; i++ {
		if got.id[i] != want.id[i] || got.latest[i] != want.latest[i] || !bytes.Equal(got.rowJSON(i), want.rowJSON(i)) {
			t.Fatalf("row %d: kept id %d latest %v %s, fresh id %d latest %v %s", i,
				got.id[i], got.latest[i], got.rowJSON(i), want.id[i], want.latest[i], want.rowJSON(i))
		}
	}
	if g, w := got.summary(), want.summary(); g != w {
		t.Fatalf("summaries differ: kept %+v, fresh %+v", g, w)
	}
}

// The index answers every filter exactly as the store does, before and
// after every kind of change, and catches up by appending where it can.
func TestClaimIndexMatchesStore(t *testing.T) {
	for name, open := range indexStores(t) {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			fill(t, st, 400)
			r := mrand.New(mrand.NewPCG(1, 2))
			x := quietIndex(st)
			x.rebuild = 100 // the newest 100 rows: some changes fall outside
			syncNow(t, x)
			compareIndex(t, st, x.current(), r, 600)

			gen := 1000
			save := func(a *flowwatch.Article, cs []flowwatch.Claim) {
				t.Helper()
				if _, err := st.SaveArticle(bg, a, cs); err != nil {
					t.Fatal(err)
				}
			}
			newest := func() (int64, []flowwatch.Claim) {
				t.Helper()
				cs, err := st.Claims(bg, flowwatch.ClaimFilter{Limit: 1, Offset: 0, AfterID: 0})
				if err != nil {
					t.Fatal(err)
				}
				rev, _ := st.Revision(bg)
				last, err := st.Claims(bg, flowwatch.ClaimFilter{AfterID: rev.MaxClaimID - 1, Limit: 1})
				if err != nil || len(last) != 1 || len(cs) == 0 {
					t.Fatalf("newest claim: %v %v", last, err)
				}
				v := last[0].ArticleID
				_, vcs, err := st.Article(bg, v)
				if err != nil {
					t.Fatal(err)
				}
				return v, vcs
			}
			const (
				appended = "appended"
				rebuilt  = "rebuilt the newest rows"
				reloaded = "reloaded"
			)
			steps := []struct {
				name, how string
				change    func()
			}{
				{"new articles", appended, func() {
					for range 30 {
						a, cs := storetest.Generate(gen)
						gen++
						save(a, cs)
					}
				}},
				{"new versions of known URLs", appended, func() {
					for i := range 5 {
						a, _ := storetest.Generate(i * 11)
						b, bcs := storetest.Generate(gen)
						gen++
						b.URL, b.Name = a.URL, a.Name
						if len(bcs) == 0 {
							continue
						}
						save(b, bcs)
					}
				}},
				{"older version latest again", reloaded, func() {
					a, cs := storetest.Generate(3) // 3 has a second version
					a.LastSeen = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
					save(a, cs)
				}},
				{"newest version re-extracted, as many claims", rebuilt, func() {
					v, cs := newest()
					for i := range cs {
						cs[i].ID = 0
						cs[i].Low = flowwatch.F(*cs[i].Low + 1)
					}
					if err := st.ReplaceClaims(bg, v, cs); err != nil {
						t.Fatal(err)
					}
				}},
				{"older version re-extracted", reloaded, func() {
					all, _ := st.Claims(bg, flowwatch.ClaimFilter{Limit: 1, Offset: 50})
					v := all[0].ArticleID
					_, cs, _ := st.Article(bg, v)
					for i := range cs {
						cs[i].ID, cs[i].Group = 0, flowwatch.GroupEngineers
					}
					if err := st.ReplaceClaims(bg, v, cs[:len(cs)-1]); err != nil {
						t.Fatal(err)
					}
				}},
				{"new version without claims supersedes", reloaded, func() {
					a, _ := storetest.Generate(10)
					a.Text = "A new text with no figures at all."
					save(a, nil)
				}},
				{"odd articles again, one changed", appended, func() {
					for i, ac := range oddArticles() {
						if i == 2 {
							ac.Article.Text += " Updated."
						}
						save(ac.Article, ac.Claims)
					}
				}},
			}
			for _, step := range steps {
				loads, rebuilds := x.loads.Load(), x.rebuilds.Load()
				step.change()
				syncNow(t, x)
				how := appended
				if x.loads.Load() != loads {
					how = reloaded
				} else if x.rebuilds.Load() != rebuilds {
					how = rebuilt
				}
				if how != step.how {
					t.Errorf("%s: %s, want %s", step.name, how, step.how)
				}
				rev, err := st.Revision(bg)
				if err != nil {
					t.Fatal(err)
				}
				if x.synced != rev {
					t.Fatalf("%s: index at revision %+v, store at %+v", step.name, x.synced, rev)
				}
				sameSnap(t, st, x.current())
				compareIndex(t, st, x.current(), r, 150)
			}
		})
	}
}

// Ingest through the server shows in the next request: until the index
// has caught up, the store answers.
func TestClaimIndexWritten(t *testing.T) {
	st := indexStores(t)["sqlite"](t)
	fill(t, st, 50)
	x := quietIndex(st)
	syncNow(t, x)
	before := x.current()
	a, cs := storetest.Generate(5000)
	for len(cs) == 0 {
		a, cs = storetest.Generate(int(a.Published.Time().Unix()%100000) + 5001)
	}
	if _, err := st.SaveArticle(bg, a, cs); err != nil {
		t.Fatal(err)
	}
	x.written(bg)
	now := x.current()
	if now == nil || now == before || now.n != before.n+len(cs) {
		t.Fatalf("after written: index %v (before %d claims, %d saved)", now, before.n, len(cs))
	}
	// A sync already under way: the store answers until the next.
	x.mu.Lock()
	x.written(bg)
	if x.current() != nil {
		t.Error("index answers while behind a write")
	}
	x.mu.Unlock()
	syncNow(t, x)
	if x.current() == nil {
		t.Error("no index after the next sync")
	}
}

// Past its budget the index is dropped and the store answers.
func TestClaimIndexBudget(t *testing.T) {
	st := indexStores(t)["sqlite"](t)
	fill(t, st, 50)
	x := newClaimIndex(st, 10_000, slog.New(slog.NewTextHandler(io.Discard, nil)))
	x.mu.Lock()
	err := x.sync(bg)
	x.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if x.current() != nil {
		t.Fatal("an index over budget answers")
	}
}

func BenchmarkClaimIndexPage(b *testing.B) {
	s, err := sqlite.Open(bg, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := range 3000 {
		a, cs := storetest.Generate(i)
		s.SaveArticle(bg, a, cs)
	}
	x := quietIndex(s)
	x.mu.Lock()
	x.sync(bg)
	x.mu.Unlock()
	snap := x.current()
	for _, f := range storetest.BenchFilters() {
		f.Limit = 51
		b.Run(fmt.Sprintf("%.60s", fmt.Sprintf("%v", f)), func(b *testing.B) {
			q, _ := snap.resolve(f)
			for b.Loop() {
				snap.rows(&q, f)
			}
		})
	}
}

// Pages from the index are the store's pages byte for byte, ETag, total,
// has_more and next link included.
func TestClaimIndexPagesMatchStore(t *testing.T) {
	st := indexStores(t)["sqlite"](t)
	fill(t, st, 200)
	indexed := NewServer(st, Options{RatePerSec: -1, ResponseTTL: -1})
	syncNow(t, indexed.index)
	plain := NewServer(st, Options{RatePerSec: -1, ResponseTTL: -1, ClaimIndexBytes: -1})
	for _, q := range []string{
		"", "limit=5", "limit=5&count=true", "group=soldiers&limit=3&offset=4", "group=soldiers&event=killed&limit=1000",
		"place=" + url.QueryEscape("Place D3") + "&limit=2&after_id=40", "text=SEN&limit=4&count=1", "all_versions=true&limit=7&offset=3",
		"article_id=5&limit=1", "article_id=5", "min=5000&max=9000&since=2023-01-01&until=2024-12-31&limit=20",
		"source=nobody", "offset=100000", "kind=money&count=true&limit=1000",
	} {
		get := func(s *Server) (*httptest.ResponseRecorder, string) {
			w := httptest.NewRecorder()
			s.Handler().ServeHTTP(w, httptest.NewRequest("GET", "http://localhost/api/claims?"+q, nil))
			return w, w.Header().Get("ETag")
		}
		a, atag := get(indexed)
		b, btag := get(plain)
		if a.Code != 200 || a.Body.String() != b.Body.String() || atag != btag {
			t.Errorf("%s: index %d %s\n%.600s\nstore %d %s\n%.600s", q, a.Code, atag, a.Body.String(), b.Code, btag, b.Body.String())
		}
	}
}

// Another process's writes to the same SQLite file show at the next sync.
func TestClaimIndexOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	st, err := sqlite.Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fill(t, st, 30)
	x := quietIndex(st)
	syncNow(t, x)
	other, err := sqlite.Open(bg, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for i := 30; i < 40; i++ {
		a, cs := storetest.Generate(i)
		if _, err := other.SaveArticle(bg, a, cs); err != nil {
			t.Fatal(err)
		}
	}
	syncNow(t, x)
	sameSnap(t, st, x.current())
	compareIndex(t, st, x.current(), mrand.New(mrand.NewPCG(3, 4)), 100)
}
