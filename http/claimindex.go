package http

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowwatch/flowwatch"
)

// claimIndex is an in-memory read model of every stored claim (all
// versions), so that GET /api/claims answers any filter from memory, in
// microseconds, with exactly what the store would answer: the same rows,
// the same order, the same bytes. In pure-Go SQLite each distinct filter
// cost about 1.5 ms of CPU (index lookups, row scanning, offsets skipped
// row by row, decoding); under 100 clients that queued into a p99 of
// hundreds of milliseconds whenever the response cache could not help.
//
// The index keeps compact columns (ids, strings interned as small ints,
// dates as ints, the two ends of each figure, place lists, the quote
// lower-cased for the text filter) and each claim's JSON as the API writes
// it, so a page is a copy of bytes. About 600 bytes a claim on the load
// benchmark's corpus; see DefaultClaimIndexBytes for the budget.
//
// Freshness: the server polls the store's Revision (a few index lookups)
// every claimIndexPoll. Claims appended since the last sync are fetched by
// id (AfterID), new versions supersede their URL's older ones, and the
// result is checked against a Revision read afterwards (claim count,
// largest id, superseded versions and the sum of their ids); anything
// else (re-extraction, an older version becoming latest again, commits
// out of id order in PostgreSQL) reloads everything in the background,
// while requests go on reading the previous index. Ingest through this
// server syncs before it answers, and until that sync has succeeded
// requests go to the store.
type claimIndex struct {
	store  flowwatch.Store
	budget int64
	log    *slog.Logger

	snap     atomic.Pointer[claimSnap] // nil until the first load, or when over budget
	dirty    atomic.Int64              // bumped by ingest through the server
	clean    atomic.Int64              // the dirty count the published snapshot includes
	mu       sync.Mutex                // one sync at a time
	synced   flowwatch.Revision        // what snap was built from; under mu
	kick     chan struct{}
	nextFull time.Time     // no full reload before then (bounds their CPU); under mu
	needFull bool          // appending failed: only a full reload will do; under mu
	overAt   time.Time     // when a load last went over budget; under mu
	loads    atomic.Int64  // full loads, for tests
	rebuilds atomic.Int64  // syncs that read the newest rows again, for tests
	rebuild  int           // how many: rebuildRows, less in tests
	lastLoad time.Duration // under mu
}

// DefaultClaimIndexBytes bounds the claim index: past it (about 400,000
// claims of the load benchmark's size) the index is dropped and the store
// answers every request, as it does before the first load. A full reload
// holds the old and the new index at once for a moment: twice this.
const DefaultClaimIndexBytes = 256 << 20

// claimIndexPoll is how often the store's Revision is read: writes by
// other processes show within about this long (plus a reload, if one is
// needed).
const claimIndexPoll = time.Second

// loadPage is how many claims one store query of a load reads.
const loadPage = 5000

func newClaimIndex(store flowwatch.Store, budget int64, log *slog.Logger) *claimIndex {
	return &claimIndex{store: store, budget: budget, log: log, kick: make(chan struct{}, 1), rebuild: rebuildRows}
}

// current is the snapshot to answer from, or nil: not loaded yet, over
// budget, or behind an ingest through the server.
func (x *claimIndex) current() *claimSnap {
	if x == nil || x.clean.Load() < x.dirty.Load() {
		return nil
	}
	return x.snap.Load()
}

// run keeps the index current until ctx ends.
func (x *claimIndex) run(ctx context.Context) {
	tick := time.NewTicker(claimIndexPoll)
	defer tick.Stop()
	for {
		x.mu.Lock()
		err := x.sync(ctx)
		x.mu.Unlock()
		if err != nil && ctx.Err() == nil {
			x.log.Warn("claim index: sync failed; the store answers until it succeeds", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-x.kick:
		}
	}
}

// written says that this server wrote claims: requests go to the store
// until a sync that began after the write has succeeded, which is tried
// here at once unless one is under way (then the loop runs another).
func (x *claimIndex) written(ctx context.Context) {
	if x == nil {
		return
	}
	x.dirty.Add(1)
	if x.mu.TryLock() {
		err := x.syncCheap(ctx)
		x.mu.Unlock()
		if err == nil {
			return
		}
	}
	select {
	case x.kick <- struct{}{}:
	default:
	}
}

// syncCheap syncs if that takes no full reload (under mu).
func (x *claimIndex) syncCheap(ctx context.Context) error {
	gen := x.dirty.Load()
	old := x.snap.Load()
	if old == nil || x.needFull {
		return errors.New("no index yet, or a full reload is due")
	}
	rev, err := x.store.Revision(ctx)
	if err != nil {
		return err
	}
	if rev == x.synced {
		x.clean.Store(gen)
		return nil
	}
	next, err := x.appendNew(ctx, old, rev)
	if errors.Is(err, errReload) {
		x.needFull = true
	}
	if err != nil {
		return err
	}
	x.publish(next, rev, gen)
	return nil
}

// sync brings the index up to the store's current Revision (under mu).
func (x *claimIndex) sync(ctx context.Context) error {
	gen := x.dirty.Load()
	rev, err := x.store.Revision(ctx)
	if err != nil {
		return err
	}
	old := x.snap.Load()
	if old != nil && rev == x.synced {
		x.clean.Store(gen)
		return nil
	}
	if old != nil && !x.needFull {
		next, err := x.appendNew(ctx, old, rev)
		if err == nil {
			x.publish(next, rev, gen)
			return nil
		}
		if !errors.Is(err, errReload) {
			return err
		}
		// Trying again at every poll until the reload is allowed would
		// cost a rebuild a second for nothing.
		x.needFull = true
	}
	now := time.Now()
	if now.Before(x.nextFull) || (!x.overAt.IsZero() && now.Sub(x.overAt) < 5*time.Minute) {
		return nil // the previous index goes on answering; retried later
	}
	t0 := time.Now()
	next, err := x.load(ctx, rev)
	x.lastLoad = time.Since(t0)
	// Reloads cost a second or two of CPU at 100,000 claims: one at most
	// every three times as long as the last took keeps them under a third
	// of a core however often the store changes (re-extraction rewrites
	// every claim, one article at a time).
	x.nextFull = time.Now().Add(2 * x.lastLoad)
	if errors.Is(err, errOverBudget) {
		x.overAt = time.Now()
		x.snap.Store(nil)
		x.log.Warn("claim index: the claims exceed its memory budget; the store answers every request", "claims", rev.Claims, "budget_bytes", x.budget)
		return nil
	}
	if err != nil {
		return err
	}
	x.overAt = time.Time{}
	x.needFull = false
	x.loads.Add(1)
	x.publish(next, rev, gen)
	// A load reads every claim as structs before packing them: give that
	// memory back now rather than at the runtime's leisure, so that the
	// server's size is the index's, not twice it.
	debug.FreeOSMemory()
	x.log.Debug("claim index loaded", "claims", next.n, "bytes", next.bytes, "took", x.lastLoad)
	return nil
}

func (x *claimIndex) publish(s *claimSnap, rev flowwatch.Revision, gen int64) {
	x.snap.Store(s)
	x.synced = rev
	x.clean.Store(gen)
}

var (
	errReload     = errors.New("claim index: needs a full reload")
	errOverBudget = errors.New("claim index: over its memory budget")
)

// claimSnap is one immutable state of the index. Rows are claims in id
// order. A later snapshot may share the backing arrays and append past
// this one's n: readers never look past n, so that is safe; flags that
// change on existing rows (latest) are copied first.
type claimSnap struct {
	n      int
	id     []int64
	ver    []int64 // article version id
	kind   []uint32
	grp    []uint32
	event  []uint32
	source []uint32
	outlet []uint32
	art    []uint32 // article name
	url    []uint32 // the article's URL: the identity of URL articles
	pub    []int32  // yyyymmdd, 0 when unknown
	lo, hi []float64
	latest []bool
	// Places of row i are place[placeOff[i]:placeOff[i+1]].
	placeOff []uint32
	place    []uint32
	// The lower-cased quote of row i is quote[quoteOff[i]:quoteOff[i+1]-1],
	// followed by a 0 byte, so that a search of the whole arena never
	// matches across two quotes (needles with 0 bytes go to the store).
	quoteOff []uint32
	quote    []byte
	jsonOff  []uint32 // JSON of row i is json[jsonOff[i]:jsonOff[i+1]]
	json     []byte
	hash     []uint64 // claimHash of each row's JSON, for ETags
	dict     *dict
	// post lists, for each value of a column with few values, the rows
	// that hold it in id order: a query walks the shortest list among its
	// filters rather than every row (a selective pair of filters at offset
	// 450 otherwise read half the index).
	post  [nPost]map[uint32][]int32
	bytes int64 // what the budget counts
}

// The columns with posting lists.
const (
	pKind = iota
	pGrp
	pEvent
	pSource
	pOutlet
	pPlace
	nPost
)

func (s *claimSnap) addPost(col int, id uint32, row int32) {
	if id == 0 {
		return
	}
	l := s.post[col][id]
	if len(l) > 0 && l[len(l)-1] == row {
		return // a place named twice
	}
	s.post[col][id] = append(l, row)
}

// dict interns strings; id 0 is "" (SQL NULL). A snapshot's dict is never
// changed: new strings go to a copy.
type dict struct {
	ids   map[string]uint32
	names []string
}

func (d *dict) clone() *dict {
	c := &dict{ids: make(map[string]uint32, len(d.ids)+64), names: slices.Clip(d.names)}
	for k, v := range d.ids {
		c.ids[k] = v
	}
	return c
}

func (d *dict) intern(s string) uint32 {
	if s == "" {
		return 0
	}
	if id, ok := d.ids[s]; ok {
		return id
	}
	id := uint32(len(d.names))
	d.names = append(d.names, s)
	d.ids[s] = id
	return id
}

// lookup is s's id: 0 for "" (any), ok false when no claim has it.
func (d *dict) lookup(s string) (id uint32, ok bool) {
	if s == "" {
		return 0, true
	}
	id, ok = d.ids[s]
	return id, ok
}

func newSnap() *claimSnap {
	s := &claimSnap{placeOff: []uint32{0}, quoteOff: []uint32{0}, jsonOff: []uint32{0},
		dict: &dict{ids: map[string]uint32{}, names: []string{""}}}
	for i := range s.post {
		s.post[i] = map[uint32][]int32{}
	}
	return s
}

// perRowBytes is the fixed cost of a row in the columns above.
const perRowBytes = 8 + 8 + 7*4 + 4 + 16 + 1 + 3*4 + 5*4 + 8

// add appends claim c as a row; d is the dict being built (s.dict or its
// copy). It reports errOverBudget past budget.
func (s *claimSnap) add(c *flowwatch.Claim, latest bool, budget int64) error {
	js, err := c.MarshalJSON()
	if err != nil {
		return fmt.Errorf("claim index: encode claim %d: %w", c.ID, err)
	}
	d := s.dict
	row := int32(s.n)
	if s.n >= math.MaxInt32 {
		return errOverBudget
	}
	s.id = append(s.id, c.ID)
	s.ver = append(s.ver, c.ArticleID)
	s.kind = append(s.kind, d.intern(c.Kind))
	s.grp = append(s.grp, d.intern(c.Group))
	s.event = append(s.event, d.intern(c.Event))
	s.source = append(s.source, d.intern(c.Source))
	s.outlet = append(s.outlet, d.intern(c.Outlet))
	s.art = append(s.art, d.intern(c.Article))
	s.url = append(s.url, d.intern(c.URL))
	var pub int32
	if !c.Published.IsZero() {
		pub = int32(c.Published.Year*10000 + int(c.Published.Month)*100 + c.Published.Day)
	}
	s.pub = append(s.pub, pub)
	lo, hi := math.NaN(), math.NaN() // NULL: no comparison holds, as in SQL
	switch {
	case c.Low != nil && c.High != nil:
		lo, hi = *c.Low, *c.High
	case c.Low != nil:
		lo, hi = *c.Low, *c.Low
	case c.High != nil:
		lo, hi = *c.High, *c.High
	}
	s.lo, s.hi = append(s.lo, lo), append(s.hi, hi)
	s.latest = append(s.latest, latest)
	for _, p := range c.Place {
		id := d.intern(p)
		s.place = append(s.place, id)
		s.addPost(pPlace, id, row)
	}
	s.addPost(pKind, s.kind[row], row)
	s.addPost(pGrp, s.grp[row], row)
	s.addPost(pEvent, s.event[row], row)
	s.addPost(pSource, s.source[row], row)
	s.addPost(pOutlet, s.outlet[row], row)
	s.placeOff = append(s.placeOff, uint32(len(s.place)))
	s.quote = appendLowerASCII(s.quote, c.Quote)
	s.quote = append(s.quote, 0)
	s.json = append(s.json, js...)
	s.hash = append(s.hash, claimHash(js))
	s.bytes += int64(perRowBytes + 4*len(c.Place) + len(c.Quote) + 1 + len(js))
	if len(s.quote) > math.MaxUint32 || len(s.json) > math.MaxUint32 || s.bytes > budget {
		return errOverBudget
	}
	s.quoteOff = append(s.quoteOff, uint32(len(s.quote)))
	s.jsonOff = append(s.jsonOff, uint32(len(s.json)))
	s.n++
	return nil
}

func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// load reads every claim into a new snapshot. rev is the Revision read
// just before; the snapshot's latest flags are first guessed (a URL's
// newest version with claims is its latest; articles without a URL have
// one version) and, when the guess disagrees with the store's superseded
// versions, read from the store.
func (x *claimIndex) load(ctx context.Context, rev flowwatch.Revision) (*claimSnap, error) {
	s := newSnap()
	f := flowwatch.ClaimFilter{Limit: loadPage}
	for {
		cs, err := x.store.Claims(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("claim index: load: %w", err)
		}
		for i := range cs {
			if err := s.add(&cs[i], true, x.budget); err != nil {
				return nil, err
			}
		}
		if len(cs) < loadPage {
			break
		}
		f.AfterID = cs[len(cs)-1].ID
	}
	newest := map[uint32]int64{} // URL: its newest version with claims
	for i := 0; i < s.n; i++ {
		if u := s.url[i]; u != 0 && s.ver[i] > newest[u] {
			newest[u] = s.ver[i]
		}
	}
	for i := 0; i < s.n; i++ {
		if u := s.url[i]; u != 0 {
			s.latest[i] = s.ver[i] == newest[u]
		}
	}
	if sum := s.summary(); sum.Superseded == rev.Superseded && sum.SupersededIDs == rev.SupersededIDs {
		return s, nil
	}
	// The guess is wrong (an older version is latest again, or the latest
	// has no claims): ask the store which claims are latest.
	latest := make([]bool, s.n)
	f = flowwatch.ClaimFilter{Limit: loadPage, LatestVersionsOnly: true}
	for {
		cs, err := x.store.Claims(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("claim index: load latest: %w", err)
		}
		for _, c := range cs {
			if i, ok := s.row(c.ID); ok {
				latest[i] = true
			}
		}
		if len(cs) < loadPage {
			break
		}
		f.AfterID = cs[len(cs)-1].ID
	}
	s.latest = latest
	return s, nil
}

// appendNew is old plus the claims stored since, if that is all that
// changed; errReload otherwise. When appending alone does not account for
// the store's Revision, the newest rebuildRows rows are read again: that
// covers commits out of id order (PostgreSQL hands out ids when claims are
// inserted, so a transaction may commit lower ids after a sync saw higher
// ones) and SQLite's reuse of the newest ids, for the cost of copying the
// older rows (a memmove) rather than reading every claim from the store.
func (x *claimIndex) appendNew(ctx context.Context, old *claimSnap, rev flowwatch.Revision) (*claimSnap, error) {
	from := old.n
	for attempt := 0; ; attempt++ {
		next, err := x.appendFrom(ctx, old, from)
		if err != nil && !errors.Is(err, errReload) {
			return nil, err
		}
		if err == nil {
			// The Revision read after the fetches must describe exactly
			// the new snapshot, or something other than appends happened.
			after, err := x.store.Revision(ctx)
			if err != nil {
				return nil, err
			}
			sum := next.summary()
			if sum.Claims == after.Claims && sum.MaxClaimID == after.MaxClaimID &&
				sum.Superseded == after.Superseded && sum.SupersededIDs == after.SupersededIDs {
				return next, nil
			}
			if after.MaxClaimID > sum.MaxClaimID && attempt < 2 {
				continue // claims stored while we fetched: fetch again
			}
		}
		if from == old.n && old.n > 0 {
			from = max(0, old.n-x.rebuild)
			x.rebuilds.Add(1)
			continue
		}
		return nil, errReload
	}
}

// rebuildRows is how many of the newest rows appendNew reads again when
// appending alone does not explain a change.
const rebuildRows = 10000

// appendFrom is old's rows before row from, then every claim stored after
// them. With from == old.n it shares old's arrays and appends past old.n
// (see claimSnap); with less, it copies the rows it keeps.
func (x *claimIndex) appendFrom(ctx context.Context, old *claimSnap, from int) (*claimSnap, error) {
	var afterID int64
	if from > 0 {
		afterID = old.id[from-1]
	}
	all, err := x.fetchAfter(ctx, afterID, false)
	if err != nil {
		return nil, err
	}
	latest, err := x.fetchAfter(ctx, afterID, true)
	if err != nil {
		return nil, err
	}
	isLatest := make(map[int64]bool, len(latest))
	for _, c := range latest {
		isLatest[c.ID] = true
	}
	var next *claimSnap
	if from == old.n {
		if len(all) == 0 {
			next = old
		} else {
			next = old.share()
		}
	} else {
		next = old.copyPrefix(from)
	}
	if len(all) > 0 {
		// New strings go to a copy of the dict; old readers keep theirs.
		for i := range all {
			if next.dict == old.dict && !next.dict.hasAll(&all[i]) {
				next.dict = old.dict.clone()
				break
			}
		}
		// A new latest version of a URL supersedes that URL's other versions.
		superseding := map[uint32]int64{}
		for _, c := range all {
			if isLatest[c.ID] && c.URL != "" {
				if u, ok := next.dict.lookup(c.URL); ok {
					superseding[u] = c.ArticleID
				} else {
					superseding[next.dict.intern(c.URL)] = c.ArticleID
				}
			}
		}
		if len(superseding) > 0 {
			lat := slices.Clone(next.latest[:next.n])
			for i := range lat {
				if v, ok := superseding[next.url[i]]; ok && next.url[i] != 0 && next.ver[i] != v {
					lat[i] = false
				}
			}
			next.latest = lat
		}
		for i := range all {
			if err := next.add(&all[i], isLatest[all[i].ID], x.budget); err != nil {
				if errors.Is(err, errOverBudget) {
					return nil, errReload
				}
				return nil, err
			}
		}
	}
	// The newest version's claims may have been replaced by as many with
	// the same ids (SQLite reuses the largest rowids): compare them.
	if old.n > 0 {
		tail := old.ver[old.n-1]
		now, err := x.store.Claims(ctx, flowwatch.ClaimFilter{ArticleID: tail, Limit: -1})
		if err != nil {
			return nil, fmt.Errorf("claim index: check newest version: %w", err)
		}
		k := 0
		for i := 0; i < next.n; i++ {
			if next.ver[i] != tail {
				continue
			}
			if k >= len(now) {
				return nil, errReload
			}
			js, err := now[k].MarshalJSON()
			if err != nil {
				return nil, err
			}
			if !bytes.Equal(js, next.rowJSON(i)) {
				return nil, errReload
			}
			k++
		}
		if k != len(now) {
			return nil, errReload
		}
	}
	return next, nil
}

// share is a snapshot with old's rows that appends to old's arrays past
// old.n (which old's readers never read); slicing to n first drops
// whatever a failed earlier attempt left there.
func (old *claimSnap) share() *claimSnap {
	next := *old
	n := old.n
	next.id, next.ver, next.kind, next.grp = old.id[:n], old.ver[:n], old.kind[:n], old.grp[:n]
	next.event, next.source, next.outlet, next.art = old.event[:n], old.source[:n], old.outlet[:n], old.art[:n]
	next.url, next.pub, next.lo, next.hi = old.url[:n], old.pub[:n], old.lo[:n], old.hi[:n]
	next.hash, next.latest = old.hash[:n], old.latest[:n]
	next.placeOff, next.quoteOff, next.jsonOff = old.placeOff[:n+1], old.quoteOff[:n+1], old.jsonOff[:n+1]
	next.place, next.quote, next.json = old.place[:old.placeOff[n]], old.quote[:old.quoteOff[n]], old.json[:old.jsonOff[n]]
	for col := range next.post {
		next.post[col] = make(map[uint32][]int32, len(old.post[col]))
		for id, l := range old.post[col] {
			next.post[col][id] = l
		}
	}
	return &next
}

// copyPrefix is a snapshot of old's first n rows in arrays of its own.
func (old *claimSnap) copyPrefix(n int) *claimSnap {
	grow := func(k int) int { return k + k/4 + 1024 }
	next := &claimSnap{n: n, dict: old.dict}
	next.id = append(make([]int64, 0, grow(n)), old.id[:n]...)
	next.ver = append(make([]int64, 0, grow(n)), old.ver[:n]...)
	u32 := func(a []uint32) []uint32 { return append(make([]uint32, 0, grow(len(a))), a...) }
	next.kind, next.grp, next.event = u32(old.kind[:n]), u32(old.grp[:n]), u32(old.event[:n])
	next.source, next.outlet, next.art, next.url = u32(old.source[:n]), u32(old.outlet[:n]), u32(old.art[:n]), u32(old.url[:n])
	next.pub = append(make([]int32, 0, grow(n)), old.pub[:n]...)
	next.lo = append(make([]float64, 0, grow(n)), old.lo[:n]...)
	next.hi = append(make([]float64, 0, grow(n)), old.hi[:n]...)
	next.hash = append(make([]uint64, 0, grow(n)), old.hash[:n]...)
	next.latest = append(make([]bool, 0, grow(n)), old.latest[:n]...)
	next.placeOff, next.quoteOff, next.jsonOff = u32(old.placeOff[:n+1]), u32(old.quoteOff[:n+1]), u32(old.jsonOff[:n+1])
	next.place = u32(old.place[:old.placeOff[n]])
	next.quote = append(make([]byte, 0, grow(int(old.quoteOff[n]))), old.quote[:old.quoteOff[n]]...)
	next.json = append(make([]byte, 0, grow(int(old.jsonOff[n]))), old.json[:old.jsonOff[n]]...)
	for col := range next.post {
		next.post[col] = make(map[uint32][]int32, len(old.post[col]))
		for id, l := range old.post[col] {
			k := sort.Search(len(l), func(i int) bool { return int(l[i]) >= n })
			if k > 0 {
				next.post[col][id] = append(make([]int32, 0, grow(k)), l[:k]...)
			}
		}
	}
	for i := 0; i < n; i++ {
		next.bytes += int64(perRowBytes + 4*int(old.placeOff[i+1]-old.placeOff[i]) +
			int(old.quoteOff[i+1]-old.quoteOff[i]) + int(old.jsonOff[i+1]-old.jsonOff[i]))
	}
	return next
}

func (d *dict) hasAll(c *flowwatch.Claim) bool {
	for _, s := range []string{c.Kind, c.Group, c.Event, c.Source, c.Outlet, c.Article, c.URL} {
		if _, ok := d.lookup(s); !ok {
			return false
		}
	}
	for _, p := range c.Place {
		if _, ok := d.lookup(p); !ok {
			return false
		}
	}
	return true
}

func (x *claimIndex) fetchAfter(ctx context.Context, after int64, latest bool) ([]flowwatch.Claim, error) {
	var out []flowwatch.Claim
	f := flowwatch.ClaimFilter{AfterID: after, Limit: loadPage, LatestVersionsOnly: latest}
	for {
		cs, err := x.store.Claims(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("claim index: fetch new claims: %w", err)
		}
		out = append(out, cs...)
		if len(cs) < loadPage {
			return out, nil
		}
		f.AfterID = cs[len(cs)-1].ID
	}
}

// summary is the part of a Revision the snapshot can compute itself.
func (s *claimSnap) summary() flowwatch.Revision {
	r := flowwatch.Revision{Claims: int64(s.n)}
	if s.n > 0 {
		r.MaxClaimID = s.id[s.n-1]
	}
	seen := map[int64]bool{}
	for i := 0; i < s.n; i++ {
		if !s.latest[i] && !seen[s.ver[i]] {
			seen[s.ver[i]] = true
			r.Superseded++
			r.SupersededIDs += s.ver[i]
		}
	}
	return r
}

func (s *claimSnap) row(id int64) (int, bool) {
	i, ok := slices.BinarySearch(s.id[:s.n], id)
	return i, ok
}

func (s *claimSnap) rowJSON(i int) []byte { return s.json[s.jsonOff[i]:s.jsonOff[i+1]] }

// claimQuery is a ClaimFilter resolved against one snapshot.
type claimQuery struct {
	kind, grp, event, source, outlet, art, place uint32
	ver                                          int64
	since, until                                 int32
	min, max                                     float64
	hasMin, hasMax, latest                       bool
	text                                         []byte
	start                                        int // first row (AfterID)
	none                                         bool
	cand                                         []int32 // the shortest posting list of the filters; nil: every row
	useCand                                      bool
}

// resolve turns f into a query on s; ok is false when the index cannot
// answer f exactly (a text filter with non-ASCII or NUL bytes: the stores
// fold case differently beyond ASCII, SQLite not at all, PostgreSQL by
// the database's locale).
func (s *claimSnap) resolve(f flowwatch.ClaimFilter) (q claimQuery, ok bool) {
	for i := 0; i < len(f.Text); i++ {
		if f.Text[i] >= 0x80 || f.Text[i] == 0 {
			return q, false
		}
	}
	d := s.dict
	look := func(v string) uint32 {
		id, found := d.lookup(v)
		if !found {
			q.none = true
		}
		return id
	}
	q.kind, q.grp, q.event = look(f.Kind), look(f.Group), look(f.Event)
	q.source, q.outlet, q.art, q.place = look(f.Source), look(f.Outlet), look(f.Article), look(f.Place)
	q.ver, q.latest = f.ArticleID, f.LatestVersionsOnly
	date := func(d flowwatch.Date) int32 { return int32(d.Year*10000 + int(d.Month)*100 + d.Day) }
	if !f.Since.IsZero() {
		q.since = date(f.Since)
	}
	if !f.Until.IsZero() {
		q.until = date(f.Until)
	}
	if f.MinValue != nil {
		q.min, q.hasMin = *f.MinValue, true
	}
	if f.MaxValue != nil {
		q.max, q.hasMax = *f.MaxValue, true
	}
	if f.Text != "" {
		q.text = appendLowerASCII(nil, f.Text)
	}
	if f.AfterID != 0 {
		q.start = sort.Search(s.n, func(i int) bool { return s.id[i] > f.AfterID })
	}
	for col, id := range [nPost]uint32{q.kind, q.grp, q.event, q.source, q.outlet, q.place} {
		if id == 0 {
			continue
		}
		if l := s.post[col][id]; !q.useCand || len(l) < len(q.cand) {
			q.cand, q.useCand = l, true
		}
	}
	if q.useCand {
		from := sort.Search(len(q.cand), func(k int) bool { return int(q.cand[k]) >= q.start })
		q.cand = q.cand[from:]
	}
	return q, true
}

// match reports whether row i passes every filter but text.
func (s *claimSnap) match(q *claimQuery, i int) bool {
	if (q.latest && !s.latest[i]) || (q.ver != 0 && s.ver[i] != q.ver) ||
		(q.kind != 0 && s.kind[i] != q.kind) || (q.grp != 0 && s.grp[i] != q.grp) ||
		(q.event != 0 && s.event[i] != q.event) || (q.source != 0 && s.source[i] != q.source) ||
		(q.outlet != 0 && s.outlet[i] != q.outlet) || (q.art != 0 && s.art[i] != q.art) {
		return false
	}
	if q.since != 0 || q.until != 0 {
		p := s.pub[i]
		if p == 0 || (q.since != 0 && p < q.since) || (q.until != 0 && p > q.until) {
			return false
		}
	}
	if (q.hasMin && !(s.hi[i] >= q.min)) || (q.hasMax && !(s.lo[i] <= q.max)) {
		return false
	}
	if q.place != 0 && !slices.Contains(s.place[s.placeOff[i]:s.placeOff[i+1]], q.place) {
		return false
	}
	return true
}

// each calls fn for the rows matching q, in id order, until fn returns
// false.
func (s *claimSnap) each(q *claimQuery, fn func(i int) bool) {
	if q.none {
		return
	}
	// A short posting list beats searching every quote.
	if q.useCand && (len(q.text) == 0 || len(q.cand) < s.n/8) {
		for _, r := range q.cand {
			i := int(r)
			if s.match(q, i) && (len(q.text) == 0 || bytes.Contains(s.quote[s.quoteOff[i]:s.quoteOff[i+1]-1], q.text)) && !fn(i) {
				return
			}
		}
		return
	}
	if len(q.text) == 0 {
		for i := q.start; i < s.n; i++ {
			if s.match(q, i) && !fn(i) {
				return
			}
		}
		return
	}
	// Search the quote arena from row to row: one bytes.Index call finds
	// the next quote with the text, however many lie between.
	end := int(s.quoteOff[s.n])
	pos := int(s.quoteOff[q.start])
	for pos < end {
		j := bytes.Index(s.quote[pos:end], q.text)
		if j < 0 {
			return
		}
		at := uint32(pos + j)
		i := sort.Search(s.n, func(k int) bool { return s.quoteOff[k+1] > at })
		if s.match(q, i) && !fn(i) {
			return
		}
		pos = int(s.quoteOff[i+1])
	}
}

// rows are the rows store.Claims(f) returns, in its order: id order, or
// the article's text order with an ArticleID (claims of one version are
// stored in text order, so that is id order too).
func (s *claimSnap) rows(q *claimQuery, f flowwatch.ClaimFilter) []int {
	limit := f.Limit
	if limit == 0 {
		limit = flowwatch.DefaultLimit
	}
	skip := f.Offset
	var out []int
	if limit > 0 {
		out = make([]int, 0, min(limit, 1024))
	}
	s.each(q, func(i int) bool {
		if skip > 0 {
			skip--
			return true
		}
		out = append(out, i)
		return limit < 0 || len(out) < limit
	})
	return out
}

func (s *claimSnap) count(q *claimQuery) int {
	n := 0
	s.each(q, func(int) bool { n++; return true })
	return n
}

// ClaimIndexReady reports whether the claim index answers GET /api/claims
// (false before its first load, when over budget or turned off), for
// benchmarks and health checks.
func (s *Server) ClaimIndexReady() bool { return s.index.current() != nil }

// ClaimIndexStats are the index's size: claims and the bytes its budget
// counts (0, 0 when it does not answer).
func (s *Server) ClaimIndexStats() (claims int, bytes int64) {
	if snap := s.index.current(); snap != nil {
		return snap.n, snap.bytes
	}
	return 0, 0
}
