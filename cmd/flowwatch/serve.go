package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/reconcile"
	"github.com/flowwatch/flowwatch/samples"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "serve the dashboard and JSON API (--samples: load the bundled sample articles first)",
		run:     runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "",
		"Serves the dashboard and the JSON API (/api/openapi.json lists the endpoints).\n"+
			"Reading needs no token, so the default address is loopback only; writing\n"+
			"(POST /api/ingest) needs a token from 'flowwatch token create NAME'.\n"+
			"With --samples, the sample articles bundled in the binary are loaded into\n"+
			"the database first; loading them again changes nothing.")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on")
	db := dbFlag(fs, e)
	withSamples := fs.Bool("samples", false, "load the bundled sample articles before serving")
	rate := fs.Float64("rate", 50, "requests per second allowed per client address (0 turns the limit off)")
	maxBody := fs.Int64("max-body", 10<<20, "largest request body in `bytes`")
	respTTL := fs.Duration("response-cache", time.Second, "reuse whole JSON answers for this long (0 turns it off); ingest through the server clears them")
	var allowedHosts hostList
	fs.Var(&allowedHosts, "allowed-host", "a `NAME` clients may use for this server besides localhost and its IP addresses (repeatable; *.example.org for subdomains); other Host headers get 421")
	verbose := fs.Bool("v", false, "log every request on stderr")
	memLimit := fs.Int64("memory-limit", 256, "soft memory limit in `MB`: past it the runtime collects garbage harder (0 leaves the Go default; a GOMEMLIMIT in the environment wins)")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "serve takes no arguments (got %q); to load files run 'flowwatch ingest PATH' first", rest[0])
	}
	if *memLimit < 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "--memory-limit %d: give megabytes, or 0 for no limit", *memLimit)
	}
	// Reconciling 100,000 claims allocates several times what it keeps;
	// without a limit the heap grows to twice its peak before collecting,
	// 0.9 GB at 100,000 claims where the live heap stays under 300 MB.
	if *memLimit > 0 && os.Getenv("GOMEMLIMIT") == "" { // the runtime read GOMEMLIMIT itself
		prev := debug.SetMemoryLimit(*memLimit << 20)
		defer debug.SetMemoryLimit(prev)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	ingest := pipelineIngest(store)
	if *withSamples {
		if err := loadSamples(ctx, e, ingest); err != nil {
			return err
		}
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	r := *rate
	if r == 0 {
		r = -1 // Options treats 0 as "default"; the flag's 0 means off
	}
	ttl := *respTTL
	if ttl <= 0 {
		ttl = -1 // Options treats 0 as "default"
	}
	srv := fwhttp.NewServer(store, fwhttp.Options{
		ResponseTTL:  ttl,
		Ingest:       ingest,
		Reconciler:   newStoreReconciler(domain.Default()),
		Logger:       slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})),
		RatePerSec:   r,
		MaxBodyBytes: *maxBody,
		AllowedHosts: allowedHosts,
	})
	if err := srv.Listen(*addr); err != nil {
		return err
	}
	if !fwhttp.IsLoopback(srv.Addr()) {
		fmt.Fprintf(e.stderr, "flowwatch serve: WARNING: listening on %s (%s), reachable from other machines; "+
			"anyone who can reach it can read every article and claim (writes still need a token). "+
			"Use --addr 127.0.0.1:8080 to keep it local. Clients must name it by IP address, or by a name given with --allowed-host\n", *addr, srv.Addr())
	}
	fmt.Fprintf(e.stderr, "flowwatch: dashboard at http://%s/ (API: /api/openapi.json, database: %s); Ctrl-C stops\n", srv.Addr(), redact(*db))
	return srv.Serve(ctx)
}

// loadSamples ingests every bundled sample article. Saving identical text
// again is Unchanged in the store, so running the demo twice adds nothing.
func loadSamples(ctx context.Context, e *env, ingest fwhttp.IngestFunc) error {
	names, err := fs.Glob(samples.FS, "*.txt")
	if err != nil {
		return err
	}
	sort.Strings(names)
	counts := map[string]int{}
	claims := 0
	for _, n := range names {
		raw, err := fs.ReadFile(samples.FS, n)
		if err != nil {
			return fmt.Errorf("read sample %s: %w", n, err)
		}
		res, err := ingest(ctx, n[:len(n)-len(path.Ext(n))], raw)
		if err != nil {
			fmt.Fprintf(e.stderr, "flowwatch serve: sample %s: %s\n", n, userMessage(err))
			counts["failed"]++
			continue
		}
		counts[res.Result]++
		claims += res.Claims
	}
	fmt.Fprintf(e.stderr, "flowwatch: %d sample articles: %d new, %d updated, %d unchanged, %d failed (%d claims extracted)\n",
		len(names), counts["new"], counts["updated"], counts["unchanged"], counts["failed"], claims)
	return nil
}

// storeReconciler serves /api/facts, /api/estimates and /api/entities by
// reconciling the claims that match the request's filters.
type storeReconciler struct{ opt reconcile.Options }

func newStoreReconciler(d *domain.Domain) storeReconciler {
	return storeReconciler{reconcile.ForDomain(d)}
}

// ReconcileStore implements fwhttp.StoreReconciler: the API reconciles
// the whole store once per revision, exactly as `flowwatch facts` does.
func (r storeReconciler) ReconcileStore(ctx context.Context, st flowwatch.Store) (*reconcile.Result, error) {
	c, err := reconcile.Load(ctx, st)
	if err != nil {
		return nil, err
	}
	return c.Reconcile(r.opt), nil
}

func (r storeReconciler) Facts(_ context.Context, arts []flowwatch.Article, claims []flowwatch.Claim) (any, error) {
	facts, conflicts := reconcile.FactsOnly(arts, claims, r.opt)
	return reconciled(facts, "conflicts", conflicts), nil
}

func (r storeReconciler) Estimates(_ context.Context, arts []flowwatch.Article, claims []flowwatch.Claim) (any, error) {
	facts, _ := reconcile.FactsOnly(arts, claims, r.opt)
	return reconciled(reconcile.Estimates(facts, r.opt)), nil
}

func (r storeReconciler) Entities(_ context.Context, arts []flowwatch.Article, claims []flowwatch.Claim) (any, error) {
	return reconciled(reconcile.Reconcile(arts, claims, r.opt).Entities), nil
}

// reconciled is a JSON body: items (never null) and extra key-value pairs.
func reconciled[T any](items []T, extra ...any) map[string]any {
	if items == nil {
		items = []T{}
	}
	m := map[string]any{"items": items, "reconciled": true}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i].(string)] = extra[i+1]
	}
	return m
}

// hostList collects repeated --allowed-host flags (commas also separate).
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for _, n := range strings.Split(v, ",") {
		if n = strings.TrimSpace(n); n != "" {
			*h = append(*h, n)
		}
	}
	return nil
}
