// Package ingest turns inputs (files, directories, JSON Lines records,
// RSS/Atom feeds, pages over HTTP, WARC archives) into stored articles
// and claims. Sources produce Docs; a pool of workers cleans, extracts and
// saves them, one transaction per article, so a crash loses at most the
// articles in flight and a rerun skips what is already stored.
//
// The same Pipeline serves `flowwatch ingest`, `flowwatch watch` and the
// dashboard's ingest endpoint.
package ingest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/input"
	"github.com/flowwatch/flowwatch/pdf"
)

// Extractor finds the claims of a cleaned article (extract.Extractor).
type Extractor interface {
	Extract(a *flowwatch.Article) []flowwatch.Claim
}

// Pipeline ingests into Store. Set Store and Extractor; the rest may stay
// zero. A Pipeline is safe for concurrent use once set up.
type Pipeline struct {
	Store     flowwatch.Store
	Extractor Extractor
	// Fetcher fetches URLs named as inputs and the pages of feed items
	// that carry only a summary; nil refuses URLs with a clear line and
	// ingests feed items from their own content.
	Fetcher *fetch.Client
	// Workers is how many articles are cleaned, extracted and saved at
	// once; 0 means one per CPU (at least 2, so that one article is
	// extracted while another is written).
	Workers int
	// OnItem, when set, sees every item's outcome. It is called from
	// one goroutine at a time.
	OnItem func(ItemResult)
	// BatchSize is the most articles saved in one transaction when the
	// store implements flowwatch.BatchSaver; 0 means DefaultBatchSize,
	// 1 turns batching off. Batches only fill up when the store is
	// slower than extraction, so a trickle of items is saved at once.
	BatchSize int
	// Outlets names outlets canonically ("Korea Herald" and "The Korea
	// Herald" are one outlet); nil means the embedded sources data.
	Outlets interface{ OutletName(string) string }
	// SaveTimeout bounds one article's save. Saves run to completion
	// even when the run's context is cancelled (SIGINT), so that an
	// article is never left half-ingested; this is their deadline.
	SaveTimeout time.Duration
}

// DefaultBatchSize is Pipeline.BatchSize's default.
const DefaultBatchSize = 1024

// Doc is one article to be: what a source knows about it before cleaning.
// Fields left empty are filled from the page itself by clean.
type Doc struct {
	Origin string // names the input in messages: a path, path:line, URL, archive@offset
	Key    string // the source's own id for the item (feed GUID), passed through to ItemResult
	Name   string // the claims' "article"; derived from URL or text hash when empty
	URL    string // where the page lives; its canonical form is the article's identity
	Title  string
	Outlet string
	// Override makes Title, Outlet and Published win over what the page
	// says about itself (records); otherwise they only fill its gaps.
	Override bool
	// DefaultOutlet is used when neither Outlet nor the page names one
	// (a feed's title).
	DefaultOutlet string
	Published     flowwatch.Date
	Raw           []byte // text or HTML
	// Fetch, when set, is fetched for Raw (a feed item's page); on
	// failure Fallback (the item's summary) is used if not empty.
	Fetch    string
	Fallback []byte
	Err      error // the source could not produce this item
}

// ItemResult is what happened to one Doc.
type ItemResult struct {
	Origin  string
	Key     string
	Article *flowwatch.Article // nil when the item failed before cleaning
	Result  flowwatch.SaveResult
	Claims  int
	Err     error // the item failed alone; the run goes on
}

// Result counts a run's outcomes.
type Result struct {
	New       int           `json:"new"`
	Unchanged int           `json:"unchanged"`
	Updated   int           `json:"updated"`
	Failed    int           `json:"failed"`
	Claims    int           `json:"claims"` // stored by this run (new and updated articles)
	Elapsed   time.Duration `json:"elapsed_ns"`
}

// Total is the number of items seen.
func (r Result) Total() int { return r.New + r.Unchanged + r.Updated + r.Failed }

func (r Result) String() string {
	s := fmt.Sprintf("%d new, %d unchanged, %d updated, %d failed; %d claims stored",
		r.New, r.Unchanged, r.Updated, r.Failed, r.Claims)
	if r.Elapsed > 0 {
		secs := r.Elapsed.Seconds()
		s += fmt.Sprintf(" in %.1fs", secs)
		if n := r.Total(); n > 0 && secs > 0 {
			s += fmt.Sprintf(" (%.0f articles/s)", float64(n)/secs)
		}
	}
	return s
}

// Add sums two results (elapsed times add too).
func (r *Result) Add(o Result) {
	r.New += o.New
	r.Unchanged += o.Unchanged
	r.Updated += o.Updated
	r.Failed += o.Failed
	r.Claims += o.Claims
	r.Elapsed += o.Elapsed
}

func (r *Result) count(it ItemResult) {
	if it.Err != nil {
		r.Failed++
		return
	}
	switch it.Result {
	case flowwatch.New:
		r.New++
		r.Claims += it.Claims
	case flowwatch.Updated:
		r.Updated++
		r.Claims += it.Claims
	default:
		r.Unchanged++
	}
}

// Producer emits the Docs of a run. emit returns an error (the run's
// cause) once the run is stopping; the producer should return it.
type Producer func(ctx context.Context, emit func(Doc) error) error

// StoreError is a failure of the store (disk full, connection lost): it
// stops the run, since every further article would fail the same way.
type StoreError struct{ Err error }

func (e *StoreError) Error() string { return "store: " + e.Err.Error() }
func (e *StoreError) Unwrap() error { return e.Err }

// Run drives produce through the workers. onItem (may be nil) sees each
// item's outcome, after p.OnItem. The error is a store failure, a
// producer failure, or ctx's error; items that fail alone are counted in
// Result.Failed and reported to the callbacks, not returned.
func (p *Pipeline) Run(ctx context.Context, produce Producer, onItem func(ItemResult)) (Result, error) {
	if p.Store == nil || p.Extractor == nil {
		return Result{}, errors.New("ingest: pipeline needs a store and an extractor")
	}
	start := time.Now()
	workers := p.Workers
	if workers <= 0 {
		workers = max(2, runtime.GOMAXPROCS(0))
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	batchSize := p.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	batcher, batching := p.Store.(flowwatch.BatchSaver)
	batching = batching && batchSize > 1

	jobs := make(chan Doc, workers*2)
	writes := make(chan prepared, max(batchSize, workers*2))
	var (
		mu     sync.Mutex
		res    Result
		wg     sync.WaitGroup
		failed atomic.Bool // a store failure: save nothing more
	)
	report := func(it ItemResult) {
		mu.Lock()
		defer mu.Unlock()
		res.count(it)
		if p.OnItem != nil {
			p.OnItem(it)
		}
		if onItem != nil {
			onItem(it)
		}
	}
	fatal := func(err error) {
		failed.Store(true)
		cancel(err)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				if ctx.Err() != nil {
					continue // stopping: leave the rest for the next run
				}
				pr := p.prepare(ctx, d)
				if pr.it.Err != nil {
					if ctx.Err() == nil {
						report(pr.it)
					} // else a fetch cut short by stopping: not this item's fault
					continue
				}
				if batching {
					writes <- pr
					continue
				}
				if failed.Load() {
					continue
				}
				one := []prepared{pr}
				if err := p.save(ctx, nil, one); err != nil {
					fatal(err)
					continue
				}
				report(one[0].it)
			}
		}()
	}
	// One writer drains prepared articles into batches. It saves what
	// the workers finished even after ctx is cancelled (their text and
	// claims are complete), and nothing after a store failure.
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for pr := range writes {
			batch := []prepared{pr}
		fill:
			for len(batch) < batchSize {
				select {
				case x, ok := <-writes:
					if !ok {
						break fill
					}
					batch = append(batch, x)
				default:
					break fill
				}
			}
			if failed.Load() {
				continue
			}
			if err := p.save(ctx, batcher, batch); err != nil {
				fatal(err)
				continue
			}
			for _, b := range batch {
				report(b.it)
			}
		}
	}()
	emit := func(d Doc) error {
		select {
		case <-ctx.Done():
			return context.Cause(ctx)
		case jobs <- d:
			return nil
		}
	}
	perr := produce(ctx, emit)
	close(jobs)
	wg.Wait()
	close(writes)
	<-writerDone
	res.Elapsed = time.Since(start)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return res, cause // a store failure, or the parent's deadline
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if perr != nil {
		return res, perr
	}
	return res, nil
}

// IngestDocs stores docs (records posted to an API, say).
func (p *Pipeline) IngestDocs(ctx context.Context, docs []Doc) (Result, error) {
	return p.Run(ctx, func(ctx context.Context, emit func(Doc) error) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}

// prepared is a doc cleaned and extracted, ready to save.
type prepared struct {
	it     ItemResult
	claims []flowwatch.Claim
}

// prepare fetches (feed items), cleans and extracts one doc. A failure is
// in it.Err: the item fails alone.
func (p *Pipeline) prepare(ctx context.Context, d Doc) prepared {
	it := ItemResult{Origin: d.Origin, Key: d.Key}
	if d.Err != nil {
		it.Err = d.Err
		return prepared{it: it}
	}
	raw := d.Raw
	var fetchErr error
	if d.Fetch != "" {
		body, final, err := p.fetchPage(ctx, d.Fetch)
		switch {
		case err == nil:
			raw = body
			if d.URL == "" {
				d.URL = final
			}
		case len(d.Fallback) > 0 && ctx.Err() == nil:
			raw, fetchErr = d.Fallback, err
		default:
			it.Err = fmt.Errorf("fetch %s: %w", d.Fetch, err)
			return prepared{it: it}
		}
	}
	a, err := p.article(ctx, d, raw)
	if err != nil {
		if fetchErr != nil {
			// Say why the page was not read, not only why the
			// feed's summary was not enough.
			err = fmt.Errorf("fetch: %w; the feed's summary: %v", fetchErr, err)
		}
		it.Err = err
		return prepared{it: it}
	}
	it.Article = a
	claims := p.Extractor.Extract(a)
	pdf.SetPages(a.Text, claims)
	for i := range claims {
		c := &claims[i]
		if c.Extractor == "" {
			c.Extractor = flowwatch.ExtractorVersion
		}
		c.Article = a.Name
	}
	return prepared{it: it, claims: claims}
}

// save stores prepared articles, in one transaction when batcher is set,
// and fills in their results. An article the store rejects as invalid
// fails alone (in its it.Err); any other error is a store failure and is
// returned.
func (p *Pipeline) save(ctx context.Context, batcher flowwatch.BatchSaver, batch []prepared) error {
	timeout := p.SaveTimeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	// Saves run to completion even when ctx is cancelled: an article is
	// stored whole or not at all, never abandoned in the middle.
	saveCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout*time.Duration(max(1, len(batch)/16)))
	defer cancel()
	if batcher != nil && len(batch) > 1 {
		in := make([]flowwatch.ArticleClaims, len(batch))
		for i, b := range batch {
			in[i] = flowwatch.ArticleClaims{Article: b.it.Article, Claims: b.claims}
		}
		results, err := batcher.SaveArticles(saveCtx, in)
		if err == nil && len(results) == len(batch) {
			for i := range batch {
				batch[i].done(results[i])
			}
			return nil
		}
		if err != nil && !invalid(err) {
			return &StoreError{Err: fmt.Errorf("saving %d articles: %w", len(batch), err)}
		}
		// One article spoiled the batch: save them one by one so that
		// it fails alone.
	}
	for i := range batch {
		b := &batch[i]
		r, err := p.Store.SaveArticle(saveCtx, b.it.Article, b.claims)
		if err != nil {
			if invalid(err) {
				b.it.Err = errors.New(flowwatch.ErrorMessage(err))
				b.it.Article.Text = ""
				continue
			}
			return &StoreError{Err: fmt.Errorf("saving %s: %w", b.it.Origin, err)}
		}
		b.done(r)
	}
	return nil
}

func (b *prepared) done(r flowwatch.SaveResult) {
	b.it.Result = r
	if r != flowwatch.Unchanged {
		b.it.Claims = len(b.claims)
	}
	// The text has been written; callers only need the metadata, and
	// dropping it keeps a 100,000-article run's memory flat.
	b.it.Article.Text = ""
	b.claims = nil
}

func invalid(err error) bool {
	switch flowwatch.ErrorCode(err) {
	case flowwatch.EINVALID, flowwatch.ETOOLARGE:
		return true
	}
	return false
}

func (p *Pipeline) fetchPage(ctx context.Context, u string) ([]byte, string, error) {
	if p.Fetcher == nil {
		return nil, "", errors.New("fetching is turned off")
	}
	resp, err := p.Fetcher.Get(ctx, u, fetch.Validators{})
	if err != nil {
		return nil, "", err
	}
	return resp.Body, resp.URL, nil
}

// article cleans raw into an article and applies what the source knows.
func (p *Pipeline) article(ctx context.Context, d Doc, raw []byte) (*flowwatch.Article, error) {
	if err := input.Check(raw); err != nil {
		// Bad input, not a failure of ours: API clients get 422.
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "%s", err.Error())
	}
	name := d.Name
	if name == "" && d.URL != "" {
		name = URLName(d.URL)
	}
	m := clean.Meta{URL: d.URL, Title: d.Title, Outlet: d.Outlet, Published: d.Published}
	var a *flowwatch.Article
	var err error
	if pdf.Is(raw) {
		a, err = pdf.Article(ctx, name, raw, m)
	} else {
		a, err = parse(name, raw, m)
	}
	if err != nil {
		return nil, err
	}
	if a == nil || strings.TrimSpace(a.Text) == "" {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "no article text found")
	}
	u := d.URL
	if u == "" || sameSite(a.URL, d.URL) {
		// The page's canonical link names it better than the address it
		// came from (tracking, AMP paths), but only on its own site: a
		// page cannot make itself a version of another outlet's article.
		u = cmp.Or(a.URL, d.URL)
	}
	a.URL = ""
	if fetch.IsURL(u) {
		a.URL = flowwatch.CanonicalURL(u)
	}
	// What the page states about itself fills the gaps of what the source
	// knew, except for records, whose fields say what the user means.
	if d.Override {
		if d.Title != "" {
			a.Title = d.Title
		}
		if d.Outlet != "" {
			a.Outlet = d.Outlet
		}
		if !d.Published.IsZero() {
			a.Published = d.Published
		}
	}
	if a.Outlet == "" {
		a.Outlet = d.DefaultOutlet
	}
	a.Outlet = p.outlets().OutletName(a.Outlet)
	sum := sha256.Sum256([]byte(a.Text))
	a.Hash = hex.EncodeToString(sum[:])
	switch {
	case name != "":
		a.Name = name
	case a.Name == "" && a.URL != "":
		a.Name = URLName(a.URL)
	case a.Name == "":
		a.Name = "text-" + a.Hash[:16]
	}
	return a, nil
}

func (p *Pipeline) outlets() interface{ OutletName(string) string } {
	if p.Outlets != nil {
		return p.Outlets
	}
	return domain.Default()
}

// parse runs the cleaner, which must never take the process down: a page
// that makes it panic fails alone.
func parse(name string, raw []byte, m clean.Meta) (a *flowwatch.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("could not clean this page (cleaner failure: %v)", r)
		}
	}()
	a, err = clean.ParseWith(name, raw, m)
	if err != nil {
		// The cleaner names the input by its article name; our lines name
		// it by origin already.
		code, msg := flowwatch.ErrorCode(err), flowwatch.ErrorMessage(err)
		if code == flowwatch.EINTERNAL {
			msg = err.Error()
		}
		return nil, flowwatch.Errorf(code, "%s", strings.TrimPrefix(msg, name+": "))
	}
	return a, nil
}

// URLName is a readable, stable article name for a URL: host, last path
// segment and a short hash of the canonical URL, so that two pages with
// the same slug on one site keep distinct names.
func URLName(raw string) string {
	c := flowwatch.CanonicalURL(raw)
	sum := sha256.Sum256([]byte(c))
	host, seg := "", ""
	rest := c
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		host, rest = rest[:i], rest[i:]
	} else {
		host, rest = rest, ""
	}
	host = strings.TrimPrefix(host, "www.")
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest = rest[:i]
	}
	for _, s := range strings.Split(rest, "/") {
		if s != "" {
			seg = s
		}
	}
	if i := strings.LastIndexByte(seg, '.'); i > 0 && len(seg)-i <= 6 {
		seg = seg[:i]
	}
	var b strings.Builder
	for _, r := range host + "-" + seg {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 80 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-") + "-" + hex.EncodeToString(sum[:4])
}

// sameSite says whether two URLs are on one host (a leading "www." aside).
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil || ua.Hostname() == "" {
		return false
	}
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	return host(ua) == host(ub)
}
