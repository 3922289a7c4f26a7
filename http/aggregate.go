package http

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/reconcile"
)

// timeline is claims and figures per period, as parallel arrays: the shape
// charting libraries (uPlot) take without copying.
type timeline struct {
	Interval string     `json:"interval"`
	By       string     `json:"by"`
	Kind     string     `json:"kind"`
	Buckets  []string   `json:"buckets"` // first day of each period
	Claims   []int      `json:"claims"`  // claims in the period
	Low      []*float64 `json:"low"`     // smallest figure stated in the period
	Median   []*float64 `json:"median"`  //
	High     []*float64 `json:"high"`    // largest figure stated in the period
}

// maxBuckets bounds a timeline; a wider span gets a coarser interval.
const maxBuckets = 400

func bucketStart(d flowwatch.Date, interval string) flowwatch.Date {
	switch interval {
	case "year":
		return flowwatch.Date{Year: d.Year, Month: 1, Day: 1}
	case "week":
		wd := (int(d.Time().Weekday()) + 6) % 7 // ISO weeks start on Monday
		return d.AddDays(-wd)
	}
	return flowwatch.Date{Year: d.Year, Month: d.Month, Day: 1}
}

func nextBucket(d flowwatch.Date, interval string) flowwatch.Date {
	switch interval {
	case "year":
		return flowwatch.NewDate(d.Year+1, 1, 1)
	case "week":
		return d.AddDays(7)
	}
	return flowwatch.NewDate(d.Year, d.Month+1, 1)
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, append(claimParamNames, "interval", "by")...)
	f := p.claimFilter()
	interval := p.enum("interval", []string{"week", "month", "year"})
	by := p.enum("by", []string{"when", "published"})
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if interval == "" {
		interval = "month"
	}
	if by == "" {
		by = "when"
	}
	v, err := s.cached(filterKey("timeline", r.URL.Query()), func() (any, error) {
		return s.buildTimeline(r.Context(), f, interval, by)
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

func (s *Server) buildTimeline(ctx context.Context, f flowwatch.ClaimFilter, interval, by string) (*timeline, error) {
	kind := f.Kind
	if kind == "" {
		kind = flowwatch.KindPeople
	}
	type agg struct {
		n    int
		figs []float64
	}
	m := map[flowwatch.Date]*agg{}
	var first, last flowwatch.Date
	err := s.allClaims(ctx, f, func(c flowwatch.Claim) error {
		d := c.Published
		if by == "when" && c.When != nil && !c.When.From.IsZero() {
			d = c.When.From
		}
		if d.IsZero() {
			return nil
		}
		b := bucketStart(d, interval)
		a := m[b]
		if a == nil {
			a = &agg{}
			m[b] = a
		}
		a.n++
		if c.Kind == kind {
			if v := figure(c); v != nil {
				a.figs = append(a.figs, *v)
			}
		}
		if first.IsZero() || b.Before(first) {
			first = b
		}
		if b.After(last) {
			last = b
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	t := &timeline{Interval: interval, By: by, Kind: kind, Buckets: []string{}, Claims: []int{}, Low: []*float64{}, Median: []*float64{}, High: []*float64{}}
	if first.IsZero() {
		return t, nil
	}
	// Count periods first: one stray date decades off would otherwise make
	// thousands of empty buckets.
	n := 0
	for d := first; !d.After(last); d = nextBucket(d, interval) {
		if n++; n > maxBuckets {
			if interval == "year" {
				return nil, flowwatch.Errorf(flowwatch.EINVALID, "the claims span more than %d years: narrow with since and until", maxBuckets)
			}
			coarser := map[string]string{"week": "month", "month": "year"}[interval]
			return s.buildTimeline(ctx, f, coarser, by)
		}
	}
	for d := first; !d.After(last); d = nextBucket(d, interval) {
		t.Buckets = append(t.Buckets, d.String())
		a := m[d]
		if a == nil {
			t.Claims = append(t.Claims, 0)
			t.Low, t.Median, t.High = append(t.Low, nil), append(t.Median, nil), append(t.High, nil)
			continue
		}
		t.Claims = append(t.Claims, a.n)
		if len(a.figs) == 0 {
			t.Low, t.Median, t.High = append(t.Low, nil), append(t.Median, nil), append(t.High, nil)
			continue
		}
		sort.Float64s(a.figs)
		lo, hi, med := a.figs[0], a.figs[len(a.figs)-1], a.figs[len(a.figs)/2]
		t.Low, t.Median, t.High = append(t.Low, &lo), append(t.Median, &med), append(t.High, &hi)
	}
	return t, nil
}

// headline is one figure for the dashboard's top row: the range of what
// was reported for one (kind, group, event), how many claims and distinct
// sources back it, and the latest report.
type headline struct {
	Label   string           `json:"label"`
	Kind    string           `json:"kind"`
	Group   string           `json:"group"`
	Event   string           `json:"event,omitempty"`
	Unit    string           `json:"unit"`
	Per     string           `json:"per,omitempty"`
	Low     *float64         `json:"low"`
	High    *float64         `json:"high"`
	Claims  int              `json:"claims"`
	Sources int              `json:"sources"` // distinct attributed sources
	Outlets int              `json:"outlets"` // distinct outlets
	Latest  *flowwatch.Claim `json:"latest"`
}

// headlineOrder puts the figures analysts ask for first.
var headlineOrder = []string{"people/soldiers/sent", "people/soldiers/killed", "people/soldiers/wounded",
	"people/soldiers/captured", "people/workers/sent", "people/workers/present", "people/it_workers/present",
	"people/nationals/entered", "money/workers/"}

const maxHeadlines = 8

func (s *Server) handleSummary(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, claimParamNames...)
	f := p.claimFilter()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	v, err := s.cached(filterKey("summary", r.URL.Query()), func() (any, error) {
		return s.buildSummary(r.Context(), f)
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

func (s *Server) buildSummary(ctx context.Context, f flowwatch.ClaimFilter) (any, error) {
	type acc struct {
		h                *headline
		sources, outlets map[string]bool
	}
	m := map[string]*acc{}
	err := s.allClaims(ctx, f, func(c flowwatch.Claim) error {
		if c.Kind == flowwatch.KindShare || c.Group == "" {
			return nil
		}
		key := c.Kind + "/" + c.Group + "/" + c.Event
		if c.Kind == flowwatch.KindMoney {
			// Amounts compare only in one currency and period.
			key += c.Unit + "/" + c.Per
		}
		a := m[key]
		if a == nil {
			label := c.Group + " " + c.Event
			if c.Kind == flowwatch.KindMoney {
				label = c.Group + " pay"
				if c.Per != "" {
					label += " per " + c.Per
				}
			}
			a = &acc{h: &headline{Label: label, Kind: c.Kind, Group: c.Group, Event: c.Event, Unit: c.Unit, Per: c.Per},
				sources: map[string]bool{}, outlets: map[string]bool{}}
			m[key] = a
		}
		h := a.h
		h.Claims++
		if c.Source != "" {
			a.sources[c.Source] = true
		}
		if c.Outlet != "" {
			a.outlets[c.Outlet] = true
		}
		floor := c.Low
		if floor == nil {
			floor = c.High
		}
		if floor != nil && (h.Low == nil || *floor < *h.Low) {
			h.Low = floor
		}
		if top := figure(c); top != nil && (h.High == nil || *top > *h.High) {
			h.High = top
		}
		if h.Latest == nil || c.Published.After(h.Latest.Published) {
			cc := c
			h.Latest = &cc
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rank := func(key string) int {
		for i, k := range headlineOrder {
			if len(key) >= len(k) && key[:len(k)] == k {
				return i
			}
		}
		return len(headlineOrder)
	}
	keys := make([]string, 0, len(m))
	for k, a := range m {
		a.h.Sources, a.h.Outlets = len(a.sources), len(a.outlets)
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		if m[keys[i]].h.Claims != m[keys[j]].h.Claims {
			return m[keys[i]].h.Claims > m[keys[j]].h.Claims
		}
		return keys[i] < keys[j]
	})
	out := []*headline{}
	for _, k := range keys {
		if len(out) == maxHeadlines {
			break
		}
		out = append(out, m[k].h)
	}
	return map[string]any{"items": out, "generated": time.Now().UTC().Format(time.RFC3339)}, nil
}

// entity is one organisation, source or place named by claims.
type entity struct {
	Name   string `json:"name"`
	Type   string `json:"type"` // organization, source, place
	Claims int    `json:"claims"`
}

func (s *Server) handleEntities(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, claimParamNames...)
	f := p.claimFilter()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if rc, ok := s.opts.Reconciler.(StoreReconciler); ok && len(r.URL.Query()) == 0 {
		// The snapshot is built once for all waiting requests, so waiting
		// for it holds no turn; the turn bounds the pages built at once.
		snap, err := s.snapshot(r.Context(), rc)
		if err != nil {
			s.error(w, r, err, 0)
			return
		}
		release, err := s.acquire(r.Context())
		if err != nil {
			s.error(w, r, err, 0)
			return
		}
		defer release()
		s.json(w, r, map[string]any{"items": nonNilEntities(snap.res.Entities), "reconciled": true, "revision": snap.rev})
		return
	}
	if s.opts.Reconciler != nil {
		s.reconciled(w, r, "entities", f, s.opts.Reconciler.Entities)
		return
	}
	// Without reconciliation the entities are the names claims carry, as
	// extracted; merging aliases across outlets is reconcile's work.
	v, err := s.cached(filterKey("entities", r.URL.Query()), func() (any, error) {
		m := map[string]*entity{}
		add := func(typ, name string) {
			k := typ + "\x00" + name
			e := m[k]
			if e == nil {
				e = &entity{Name: name, Type: typ}
				m[k] = e
			}
			e.Claims++
		}
		err := s.allClaims(r.Context(), f, func(c flowwatch.Claim) error {
			for _, o := range c.Orgs {
				add("organization", o)
			}
			if c.Source != "" {
				add("source", c.Source)
			}
			for _, pl := range c.Place {
				add("place", pl)
			}
			return nil
		})
		out := make([]*entity, 0, len(m))
		for _, e := range m {
			out = append(out, e)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Claims != out[j].Claims {
				return out[i].Claims > out[j].Claims
			}
			return out[i].Type+out[i].Name < out[j].Type+out[j].Name
		})
		return map[string]any{"items": out, "reconciled": false}, err
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

// StoreReconciler is a Reconciler that reconciles a whole store at once
// (reconcile.Load, then reconcile), as the CLI does. When the server's
// Reconciler is one, facts, estimates and entities are computed once per
// store revision and shared by every request and filter: each request
// filters and pages the shared result.
type StoreReconciler interface {
	ReconcileStore(ctx context.Context, st flowwatch.Store) (*reconcile.Result, error)
}

// maxExpensive caps the requests that reconcile or page reconciled data at
// once; the rest wait their turn (or give up with their context). Memory
// then grows with the cap, not with the number of clients.
const maxExpensive = 4

// expensiveWait is how long a request waits for a turn before a 503.
const expensiveWait = 30 * time.Second

// Page sizes of reconciled data: facts carry their evidence, so a fact
// shows its first evidence entries (evidence=N, up to maxEvidence) and says
// how many there are.
const (
	defaultFactLimit = 50
	defaultEvidence  = 20
	maxEvidence      = 500
)

// factPageBytes bounds a facts page's JSON (by estimate; at least one fact
// is always served): facts of a large store carry hundreds of figures and
// conflicts, and limit=1000&evidence=500 came to 80 MB at 100,000 claims,
// which the encoder, the response and the cache each held a copy of. A page
// cut short says has_more; the next starts at offset+len(items).
const factPageBytes = 4 << 20

// reconciledCache holds the reconciliation of the store's latest revision.
type reconciledCache struct {
	mu       sync.Mutex
	snap     *recSnapshot
	building *recBuild
	sem      chan struct{}
}

type recBuild struct {
	rev  flowwatch.Revision
	done chan struct{}
	snap *recSnapshot
	err  error
}

// recSnapshot is one revision's reconciliation with what requests look up.
type recSnapshot struct {
	rev       flowwatch.Revision
	res       *reconcile.Result
	conflicts map[string]*flowwatch.Conflict
}

// acquire takes a turn at expensive work.
func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	c := &s.rec
	c.mu.Lock()
	if c.sem == nil {
		c.sem = make(chan struct{}, maxExpensive)
	}
	sem := c.sem
	c.mu.Unlock()
	t := time.NewTimer(expensiveWait)
	defer t.Stop()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-t.C:
		return nil, flowwatch.Errorf(flowwatch.EUNAVAILABLE, "the server is busy reconciling for other requests: try again shortly")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// snapshot returns the reconciliation of the store's current revision,
// building it once however many requests ask.
func (s *Server) snapshot(ctx context.Context, rc StoreReconciler) (*recSnapshot, error) {
	rev, err := s.store.Revision(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.rec
	c.mu.Lock()
	if c.snap != nil && c.snap.rev == rev {
		snap := c.snap
		c.mu.Unlock()
		return snap, nil
	}
	b := c.building
	if b == nil || b.rev != rev {
		b = &recBuild{rev: rev, done: make(chan struct{})}
		c.building = b
		go s.buildSnapshot(rc, b)
	}
	c.mu.Unlock()
	select {
	case <-b.done:
		return b.snap, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// buildSnapshot reconciles the store for b's revision. It runs apart from
// the request that started it, so a client that gives up does not waste
// the work for the others.
func (s *Server) buildSnapshot(rc StoreReconciler, b *recBuild) {
	defer close(b.done)
	defer func() {
		if r := recover(); r != nil {
			b.err = fmt.Errorf("reconcile: %v", r)
			s.log.Error("reconcile panicked", "panic", r)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res, err := rc.ReconcileStore(ctx, s.store)
	if err != nil {
		b.err = err
		return
	}
	snap := &recSnapshot{rev: b.rev, res: res, conflicts: map[string]*flowwatch.Conflict{}}
	for i := range res.Conflicts {
		snap.conflicts[res.Conflicts[i].ID] = &res.Conflicts[i]
	}
	b.snap = snap
	c := &s.rec
	c.mu.Lock()
	if c.building == b {
		c.building = nil
	}
	c.snap = snap
	c.mu.Unlock()
}

// factParamNames are the filters of /api/facts: the claim filters, as
// `flowwatch facts` takes them, and its own.
var factParamNames = append(slices.Clone(claimParamNames), "measure", "scope", "conflicts", "limit", "offset", "evidence")

var (
	measures = []string{flowwatch.MeasureStock, flowwatch.MeasureFlow, flowwatch.MeasureCumulative, flowwatch.MeasurePlan,
		flowwatch.MeasureDocuments, flowwatch.MeasureCasualties}
	scopes = []string{flowwatch.ScopeRussia, flowwatch.ScopeRegion, flowwatch.ScopeBorder, flowwatch.ScopeFront, flowwatch.ScopeAbroad}
)

// factPage is the body of GET /api/facts.
type factPage struct {
	Items      []flowwatch.Fact     `json:"items"`
	Conflicts  []flowwatch.Conflict `json:"conflicts"` // conflicts of the facts on this page
	Total      int                  `json:"total"`     // facts that match
	Limit      int                  `json:"limit"`
	Offset     int                  `json:"offset"`
	HasMore    bool                 `json:"has_more"`
	Reconciled bool                 `json:"reconciled"`
	Revision   flowwatch.Revision   `json:"revision"`
}

func (s *Server) handleFacts(w http.ResponseWriter, r *http.Request) {
	rc, ok := s.opts.Reconciler.(StoreReconciler)
	if !ok {
		s.reconcileEndpoint(w, r, "facts", func(rc Reconciler) reconcileFunc { return rc.Facts })
		return
	}
	p := readParams(r, factParamNames...)
	ff := reconcile.FactFilter{ClaimFilter: p.claimFilter()}
	ff.Measure, ff.Scope, ff.Conflicted = p.enum("measure", measures), p.enum("scope", scopes), p.bool("conflicts")
	limit, offset := p.int("limit", defaultFactLimit, 1, maxLimit), p.int("offset", 0, 0, maxOffset)
	nev := p.int("evidence", defaultEvidence, 0, maxEvidence)
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	// The snapshot is built once for all waiting requests, so waiting
	// for it holds no turn; the turn bounds the pages built at once.
	snap, err := s.snapshot(r.Context(), rc)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	defer release()
	s.json(w, r, snap.factPage(&ff, limit, offset, nev))
}

// factPage filters the snapshot's facts and cuts a page, each fact with at
// most nev evidence entries (its figures' claim indexes then refer to the
// full list, which `flowwatch facts` prints).
func (snap *recSnapshot) factPage(ff *reconcile.FactFilter, limit, offset, nev int) *factPage {
	pg := &factPage{Items: []flowwatch.Fact{}, Conflicts: []flowwatch.Conflict{}, Limit: limit, Offset: offset, Reconciled: true, Revision: snap.rev}
	seen := map[string]bool{}
	facts := snap.res.Facts
	size, full := 0, false
	for i := range facts {
		f := &facts[i]
		if !ff.Keep(f) {
			continue
		}
		pg.Total++
		if pg.Total <= offset || len(pg.Items) >= limit || full {
			continue
		}
		page := *f
		if len(page.Evidence) > nev {
			page.Evidence = page.Evidence[:nev]
		}
		page.First = nil
		if len(f.Evidence) > 0 {
			first := f.Evidence[0]
			page.First = &first
		}
		add := factSize(&page)
		for _, id := range f.Conflicts {
			if c := snap.conflicts[id]; c != nil && !seen[id] {
				add += conflictSize(c)
			}
		}
		if len(pg.Items) > 0 && size+add > factPageBytes {
			full = true
			continue
		}
		size += add
		pg.Items = append(pg.Items, page)
		for _, id := range f.Conflicts {
			if c := snap.conflicts[id]; c != nil && !seen[id] {
				seen[id] = true
				pg.Conflicts = append(pg.Conflicts, *c)
			}
		}
	}
	pg.HasMore = offset+len(pg.Items) < pg.Total
	return pg
}

// factSize estimates the JSON size of a fact as a page shows it: its
// evidence and figures are nearly all of it.
func factSize(f *flowwatch.Fact) int {
	n := 600 + 40*len(f.Sources) + 40*len(f.Place)
	for i := range f.Evidence {
		e := &f.Evidence[i]
		n += refSize(&e.ClaimRef) + 120 + len(e.Source) + len(e.Original) + len(e.Report) + len(e.CopyOf)
		for _, s := range e.Chain {
			n += len(s) + 3
		}
		for _, s := range e.Place {
			n += len(s) + 3
		}
	}
	if f.First != nil {
		n += refSize(&f.First.ClaimRef) + 200
	}
	for i := range f.Figures {
		n += 100 + 6*len(f.Figures[i].Claims)
		for _, s := range f.Figures[i].Sources {
			n += len(s) + 3
		}
	}
	return n
}

func conflictSize(c *flowwatch.Conflict) int {
	n := 300
	for _, d := range c.Details {
		n += len(d) + 3
	}
	for _, sd := range []*flowwatch.ConflictSide{&c.A, &c.B} {
		n += 250 + 40*len(sd.Place) + 40*len(sd.Sources)
		for i := range sd.Claims {
			n += refSize(&sd.Claims[i])
		}
	}
	return n
}

// refSize is a claim reference's JSON size, quote escaping aside.
func refSize(r *flowwatch.ClaimRef) int {
	return 180 + len(r.Article) + len(r.Outlet) + len(r.URL) + len(r.Quote) + len(r.Qualifier)
}

// estimatesBody is the body of GET /api/estimates: one row per series and
// month (as `flowwatch estimates --format json` prints), and the series.
type estimatesBody struct {
	Items      []reconcile.MonthRow `json:"items"`
	Series     []seriesInfo         `json:"series"`
	Reconciled bool                 `json:"reconciled"`
	Revision   flowwatch.Revision   `json:"revision"`
}

type seriesInfo struct {
	Series     string `json:"series"`
	Title      string `json:"title"`
	Cumulative bool   `json:"cumulative"`
	Projection bool   `json:"projection,omitempty"`
}

func (s *Server) handleEstimates(w http.ResponseWriter, r *http.Request) {
	rc, ok := s.opts.Reconciler.(StoreReconciler)
	if !ok {
		s.reconcileEndpoint(w, r, "estimates", func(rc Reconciler) reconcileFunc { return rc.Estimates })
		return
	}
	p := readParams(r, "series", "since")
	series := p.enum("series", reconcile.SeriesNames())
	since := p.str("since")
	if since != "" && !monthParam.MatchString(since) {
		p.fail("since %q is not a month: use YYYY-MM", since)
	}
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	// The snapshot is built once for all waiting requests, so waiting
	// for it holds no turn; the turn bounds the pages built at once.
	snap, err := s.snapshot(r.Context(), rc)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	defer release()
	body := estimatesBody{Items: reconcile.Rows(snap.res.Estimates, series, since), Series: []seriesInfo{}, Reconciled: true, Revision: snap.rev}
	for _, e := range snap.res.Estimates {
		if series == "" || e.Series == series {
			body.Series = append(body.Series, seriesInfo{e.Series, e.Title, e.Cumulative, e.Projection})
		}
	}
	s.json(w, r, body)
}

var monthParam = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

type reconcileFunc func(context.Context, []flowwatch.Article, []flowwatch.Claim) (any, error)

func (s *Server) reconcileEndpoint(w http.ResponseWriter, r *http.Request, what string, pick func(Reconciler) reconcileFunc) {
	p := readParams(r, claimParamNames...)
	f := p.claimFilter()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if s.opts.Reconciler == nil {
		s.error(w, r, flowwatch.Errorf(eNotImplemented,
			"%s come from reconciling claims across outlets, which this build of flowwatch does not include yet; "+
				"the claims themselves are at /api/claims and the reported ranges at /api/summary", what), 0)
		return
	}
	s.reconciled(w, r, what, f, pick(s.opts.Reconciler))
}

// reconciled answers with fn over the claims that match f, for a
// Reconciler that is not a StoreReconciler. Articles keep their text:
// copy detection needs it, or syndicated copies would count as
// independent here and not in `flowwatch facts`.
func (s *Server) reconciled(w http.ResponseWriter, r *http.Request, what string, f flowwatch.ClaimFilter, fn reconcileFunc) {
	release, err := s.acquire(r.Context())
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	defer release()
	v, err := s.cached(filterKey(what, r.URL.Query()), func() (any, error) {
		var claims []flowwatch.Claim
		ids := map[int64]bool{}
		if err := s.allClaims(r.Context(), f, func(c flowwatch.Claim) error {
			claims = append(claims, c)
			ids[c.ArticleID] = true
			return nil
		}); err != nil {
			return nil, err
		}
		arts := make([]flowwatch.Article, 0, len(ids))
		for id := range ids {
			a, _, err := s.store.Article(r.Context(), id)
			if err != nil {
				return nil, fmt.Errorf("%s: article %d: %w", what, id, err)
			}
			arts = append(arts, *a)
		}
		return fn(r.Context(), arts, claims)
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

func nonNilEntities(es []flowwatch.Entity) []flowwatch.Entity {
	if es == nil {
		return []flowwatch.Entity{}
	}
	return es
}
