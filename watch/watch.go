// Package watch polls feeds on a schedule and ingests their new items.
// Each feed is fetched with a conditional GET (ETag, Last-Modified), backs
// off on its own errors without holding up the other feeds, and keeps its
// state in the store, so a restarted watcher resumes each feed's schedule.
package watch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/feed"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/ingest"
)

// Defaults.
const (
	DefaultEvery      = 15 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	DefaultParallel   = 4
)

// Watcher polls feeds. Pipeline (with Store and Fetcher) is required.
type Watcher struct {
	Pipeline   *ingest.Pipeline
	Every      time.Duration // between successful polls of a feed
	MaxBackoff time.Duration // longest wait after repeated errors
	Parallel   int           // feeds polled at once
	Log        *slog.Logger
	// AfterPoll, when set, is called after a poll that stored new or
	// updated articles, with the time the poll began: what changed since
	// then is what the poll brought (watch --notify posts it).
	AfterPoll func(ctx context.Context, feed string, began time.Time, pr PollResult)

	once sync.Once
	sem  chan struct{}
	mu   sync.Mutex
	seen map[string]map[string]bool // feed URL → keys of items already ingested
}

func (w *Watcher) init() {
	w.once.Do(func() {
		if w.Every <= 0 {
			w.Every = DefaultEvery
		}
		if w.MaxBackoff <= 0 {
			w.MaxBackoff = DefaultMaxBackoff
		}
		if w.MaxBackoff < w.Every {
			w.MaxBackoff = w.Every
		}
		if w.Parallel <= 0 {
			w.Parallel = DefaultParallel
		}
		if w.Log == nil {
			w.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		}
		w.sem = make(chan struct{}, w.Parallel)
		w.seen = map[string]map[string]bool{}
	})
}

// ReadFeeds reads a feeds file: one URL per line; blank lines and lines
// starting with # are skipped. Bad lines come back as problems (one line
// each, naming the line) and do not stop the good ones.
func ReadFeeds(r io.Reader, name string) (feeds []string, problems []error, err error) {
	sc := bufio.NewScanner(io.LimitReader(r, 4<<20))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Fields(line); len(f) > 0 {
			line = f[0]
		}
		if _, err := fetch.CheckURL(line); err != nil {
			problems = append(problems, fmt.Errorf("%s:%d: %q: %v", name, n, line, err))
			continue
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return feeds, problems, nil
}

// Run polls every feed until ctx is done, then returns nil after the
// polls in flight have stored what they had fetched. It returns early
// with an error only when the store fails.
func (w *Watcher) Run(ctx context.Context, feeds []string) error {
	w.init()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for _, u := range feeds {
		wg.Go(func() {
			if err := w.loop(ctx, u); err != nil {
				cancel(err)
			}
		})
	}
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return nil
}

// Backoff is how long to wait before polling a feed whose last polls
// failed failures times in a row.
func (w *Watcher) Backoff(failures int) time.Duration {
	w.init()
	d := w.Every
	for i := 0; i < failures && d < w.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, w.MaxBackoff)
}

func (w *Watcher) loop(ctx context.Context, u string) error {
	for {
		st, err := w.Pipeline.Store.FeedState(ctx, u)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return &ingest.StoreError{Err: fmt.Errorf("feed state of %s: %w", u, err)}
		}
		if !st.LastPolled.IsZero() {
			next := st.LastPolled.Add(w.Backoff(st.Failures))
			if !sleep(ctx, time.Until(next)) {
				return nil
			}
		}
		select {
		case w.sem <- struct{}{}:
		case <-ctx.Done():
			return nil
		}
		_, err = w.Poll(ctx, u)
		<-w.sem
		var se *ingest.StoreError
		if errors.As(err, &se) {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// PollResult is one poll's outcome.
type PollResult struct {
	NotModified bool
	Items       int // items in the feed
	Skipped     int // already ingested by this watcher
	ingest.Result
}

// Poll fetches one feed once and ingests its new items. Feed errors are
// recorded in the feed's state and logged, and returned; a
// *ingest.StoreError means the store failed and watching should stop.
func (w *Watcher) Poll(ctx context.Context, u string) (PollResult, error) {
	began := time.Now()
	pr, err := w.poll(ctx, u)
	if err == nil && w.AfterPoll != nil && pr.New+pr.Updated > 0 {
		w.AfterPoll(ctx, u, began, pr)
	}
	return pr, err
}

func (w *Watcher) poll(ctx context.Context, u string) (PollResult, error) {
	w.init()
	var pr PollResult
	log := w.Log.With("feed", u)
	st, err := w.Pipeline.Store.FeedState(ctx, u)
	if err != nil {
		return pr, &ingest.StoreError{Err: fmt.Errorf("feed state of %s: %w", u, err)}
	}
	st.URL = u
	fetcher := w.Pipeline.Fetcher
	if fetcher == nil {
		return pr, errors.New("watch needs a fetcher")
	}
	resp, err := fetcher.Get(ctx, u, fetch.Validators{ETag: st.ETag, LastModified: st.LastModified})
	if ctx.Err() != nil {
		return pr, ctx.Err() // stopping: this poll did not happen
	}
	if err == nil && !resp.NotModified {
		var f *feed.Feed
		if f, err = feed.Parse(resp.Body); err == nil {
			return w.ingest(ctx, log, st, resp, f)
		}
	}
	if err != nil {
		st.Failures++
		st.LastError = err.Error()
		st.LastPolled = time.Now()
		log.Warn("feed poll failed", "err", err.Error(), "failures", st.Failures, "retry_in", w.Backoff(st.Failures).String())
		if serr := w.saveState(st); serr != nil {
			return pr, serr
		}
		return pr, err
	}
	pr.NotModified = true
	st.Failures, st.LastError, st.LastPolled = 0, "", time.Now()
	log.Info("feed not modified", "next_in", w.Every.String())
	return pr, w.saveState(st)
}

func (w *Watcher) ingest(ctx context.Context, log *slog.Logger, st flowwatch.FeedState, resp *fetch.Response, f *feed.Feed) (PollResult, error) {
	pr := PollResult{Items: len(f.Items)}
	w.mu.Lock()
	seen, known := w.seen[st.URL]
	w.mu.Unlock()
	if !known {
		// First poll of this feed in this process: start from what the
		// store remembers of earlier runs.
		seen = make(map[string]bool, len(st.Seen))
		for _, k := range st.Seen {
			seen[k] = true
		}
	}
	fresh := &feed.Feed{Title: f.Title, Link: f.Link}
	current := map[string]bool{}
	for _, it := range f.Items {
		current[it.Key] = true
		if it.Key != "" && seen[it.Key] {
			pr.Skipped++
			continue
		}
		fresh.Items = append(fresh.Items, it)
	}
	done := map[string]bool{}
	var mu sync.Mutex
	res, err := w.Pipeline.Run(ctx, func(ctx context.Context, emit func(ingest.Doc) error) error {
		return w.Pipeline.FeedDocs(st.URL, fresh, emit)
	}, func(it ingest.ItemResult) {
		if it.Err != nil {
			if ctx.Err() == nil {
				log.Warn("item failed", "item", it.Origin, "err", message(it.Err))
			}
			return
		}
		mu.Lock()
		done[it.Key] = true
		mu.Unlock()
	})
	pr.Result = res
	// Remember what was ingested, and forget items that left the feed,
	// so memory stays bounded by the feeds' own length.
	next := map[string]bool{}
	for k := range current {
		if seen[k] || done[k] {
			next[k] = true
		}
	}
	w.mu.Lock()
	w.seen[st.URL] = next
	w.mu.Unlock()
	st.Seen = st.Seen[:0:0]
	for k := range next {
		st.Seen = append(st.Seen, k)
	}
	sort.Strings(st.Seen)
	if err != nil {
		// Stopping (SIGINT) or a store failure: the validators are not
		// saved, so the next poll fetches the feed again and picks up
		// whatever this one did not finish.
		var se *ingest.StoreError
		if errors.As(err, &se) {
			log.Error("store failed", "err", err.Error())
		}
		return pr, err
	}
	if res.Failed == 0 {
		st.ETag, st.LastModified = resp.Validators.ETag, resp.Validators.LastModified
	} else {
		// Keep the old validators: a 304 next time would hide the
		// failed items until the feed changes.
		log.Info("keeping old validators so failed items are retried", "failed", res.Failed)
	}
	st.Failures, st.LastError, st.LastPolled = 0, "", time.Now()
	log.Info("feed polled", "items", pr.Items, "skipped", pr.Skipped, "new", res.New,
		"unchanged", res.Unchanged, "updated", res.Updated, "failed", res.Failed, "claims", res.Claims)
	return pr, w.saveState(st)
}

// saveState runs to completion even while stopping: the poll it records
// has happened.
func (w *Watcher) saveState(st flowwatch.FeedState) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.Pipeline.Store.SaveFeedState(ctx, st); err != nil {
		return &ingest.StoreError{Err: fmt.Errorf("save feed state of %s: %w", st.URL, err)}
	}
	return nil
}

// message is an error as a log line shows it: an application error's
// message without its code, anything else in full.
func message(err error) string {
	if flowwatch.ErrorCode(err) != flowwatch.EINTERNAL {
		return flowwatch.ErrorMessage(err)
	}
	return err.Error()
}
