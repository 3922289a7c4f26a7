package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/changes"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/notify"
	"github.com/flowwatch/flowwatch/watch"
)

func init() {
	register(&command{
		name:    "watch",
		summary: "poll RSS/Atom feeds on a schedule and ingest their new items",
		run:     runWatch,
	})
}

func runWatch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "watch", "--feeds FILE",
		"Polls every feed listed in FILE (one URL per line, # comments) with conditional\n"+
			"GETs, ingests new items (fetching an item's page when the feed carries only a\n"+
			"summary), backs off on a feed's errors, and logs to stderr. SIGINT or SIGTERM\n"+
			"stops it after the articles being stored are complete.")
	db := dbFlag(fs, e)
	feedsFile := fs.String("feeds", "", "`FILE` listing the feed URLs (required)")
	every := fs.Duration("every", watch.DefaultEvery, "time between polls of a feed")
	maxBackoff := fs.Duration("max-backoff", watch.DefaultMaxBackoff, "longest wait before retrying a failing feed")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "HTTP timeout per request")
	allowPrivate := fs.Bool("allow-private", false, "let fetches reach loopback, private and link-local addresses (intranet feeds); refused by default")
	parallel := fs.Int("parallel", watch.DefaultParallel, "feeds polled at once")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "articles cleaned, extracted and stored in parallel per feed")
	once := fs.Bool("once", false, "poll each feed once and exit (for cron)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	verbose := fs.Bool("v", false, "log debug details")
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	notifyURL := fs.String("notify", "", "POST each change a poll brings (new fact, moved estimate, new conflict) as JSON to `URL`, retrying a few times")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "watch takes no arguments (got %q): list feeds in the --feeds file", rest[0])
	}
	if *feedsFile == "" {
		return usageErr(fs, "--feeds FILE is required")
	}
	if *every < time.Second {
		return flowwatch.Errorf(flowwatch.EINVALID, "--every %s is too short: poll at most once a second", *every)
	}
	if err := checkFormat(*logFormat, "text", "json"); err != nil {
		return err
	}
	var notifier *notify.Notifier
	if *notifyURL != "" {
		if notifier, err = notify.New(*notifyURL); err != nil {
			return err
		}
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	var h slog.Handler = slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})
	if *logFormat == "json" {
		h = slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: level})
	}
	log := slog.New(h)

	f, err := os.Open(*feedsFile)
	if err != nil {
		return flowwatch.Errorf(flowwatch.EINVALID, "--feeds %s: cannot open it (%v)", *feedsFile, err)
	}
	feeds, problems, err := watch.ReadFeeds(f, *feedsFile)
	f.Close()
	if err != nil {
		return err
	}
	for _, p := range problems {
		log.Warn("skipping feed line", "err", p.Error())
	}
	if len(feeds) == 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "--feeds %s lists no http or https feed URL", *feedsFile)
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := &watch.Watcher{
		Pipeline: &ingest.Pipeline{
			Store: st, Extractor: extract.New(d), Outlets: d, Workers: *workers,
			Fetcher: &fetch.Client{Timeout: *timeout, AllowPrivate: *allowPrivate},
		},
		Every: *every, MaxBackoff: *maxBackoff, Parallel: *parallel, Log: log,
	}
	if notifier != nil {
		w.AfterPoll = notifyChanges(st, newStoreReconciler(d), notifier, log)
	}
	if *once {
		failed := 0
		for _, u := range feeds {
			if _, err := w.Poll(ctx, u); err != nil {
				var se *ingest.StoreError
				if errors.As(err, &se) {
					return err
				}
				if ctx.Err() != nil {
					break
				}
				failed++
			}
		}
		if failed > 0 {
			return errReported
		}
		return nil
	}
	log.Info("watching feeds", "feeds", len(feeds), "every", every.String(), "db", redact(*db))
	if err := w.Run(ctx, feeds); err != nil {
		log.Error("stopped", "err", err.Error())
		return fmt.Errorf("%w\nstopped: fix the database and start watch again; feeds resume where they were", err)
	}
	log.Info("stopped cleanly")
	return nil
}

// notifyChanges posts what each poll changed. Polls run in parallel, so
// a poll's "since it began" may include another's changes; the notifier
// sends each change once. A webhook failure is logged and watching goes on.
func notifyChanges(st flowwatch.Store, rc changes.Reconciler, n *notify.Notifier, log *slog.Logger) func(context.Context, string, time.Time, watch.PollResult) {
	var mu sync.Mutex // one reconciliation at a time: they are the costly part
	return func(ctx context.Context, feed string, began time.Time, _ watch.PollResult) {
		mu.Lock()
		defer mu.Unlock()
		list, err := changes.Since(ctx, st, rc, began)
		if err != nil {
			log.Error("changes for --notify", "feed", feed, "err", err.Error())
			return
		}
		if err := n.Send(ctx, list); err != nil {
			log.Warn("notify failed", "err", err.Error())
			return
		}
		if len(list) > 0 {
			log.Info("notified", "changes", len(list), "url", n.URL)
		}
	}
}
