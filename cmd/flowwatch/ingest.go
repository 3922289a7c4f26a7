package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/ingest"
)

func init() {
	register(&command{
		name:    "ingest",
		summary: "store articles and claims from files, JSON Lines, feeds, pages and WARC archives",
		run:     runIngest,
	})
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH|URL|FEED...",
		"Stores every article read from the inputs, with its claims, in the database.\n"+
			"Inputs: files and directories (text, HTML; .jsonl records {url,title,outlet,\n"+
			"published,text|html}; .warc/.warc.gz archives; .rss/.atom feeds), - for standard\n"+
			"input, and http/https URLs of pages or RSS/Atom feeds. An article already stored\n"+
			"is skipped; new text at a known URL is kept as a new version. Each bad input is\n"+
			"reported on its own line and the rest go on; a database failure stops the run,\n"+
			"and running the same command again finishes it.")
	db := dbFlag(fs, e)
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "articles cleaned, extracted and stored in parallel")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "HTTP timeout per request")
	allowPrivate := fs.Bool("allow-private", false, "let fetches reach loopback, private and link-local addresses (intranet feeds); refused by default")
	noFetch := fs.Bool("no-fetch", false, "never fetch over HTTP: URL inputs fail and feed items use the text the feed carries")
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	batch := fs.Int("batch", ingest.DefaultBatchSize, "most articles saved in one transaction (1: one per article)")
	quiet := fs.Bool("q", false, "no progress bar, only the summary")
	jsonOut := fs.Bool("json", false, "print the summary as a JSON object on standard output")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usageErr(fs, "give at least one file, directory, URL or - for standard input")
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

	p := &ingest.Pipeline{Store: st, Extractor: extract.New(d), Outlets: d, Workers: *workers, BatchSize: *batch}
	if !*noFetch {
		p.Fetcher = &fetch.Client{Timeout: *timeout, AllowPrivate: *allowPrivate}
	}
	bar := newIngestBar(e.stderr, *quiet, func() (int, bool) { return ingest.Count(ctx, inputs) })
	p.OnItem = func(it ingest.ItemResult) {
		if it.Err != nil {
			bar.clear()
			fmt.Fprintf(e.stderr, "flowwatch ingest: %s: %s\n", escapeLine(it.Origin), escapeLine(userMessage(it.Err)))
		}
		bar.add(it)
	}
	if path := os.Getenv("FLOWWATCH_CPUPROFILE"); path != "" {
		// For finding where ingest's time goes (bench/ingest): not a flag,
		// since users have no use for it.
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	res, err := p.Ingest(ctx, inputs, e.stdin)
	bar.finish()
	fmt.Fprintf(e.stderr, "flowwatch ingest: %d articles: %s\n", res.Total(), res)
	if *jsonOut {
		out := struct {
			ingest.Result
			Seconds float64 `json:"seconds"`
		}{res, res.Elapsed.Seconds()}
		if b, jerr := json.Marshal(out); jerr == nil {
			fmt.Fprintf(e.stdout, "%s\n", b)
		}
	}
	if err != nil {
		var se *ingest.StoreError
		switch {
		case errors.As(err, &se):
			return fmt.Errorf("%w\nstopped: every article stored so far is complete with its claims; fix the database and run the same command again to finish", err)
		case errors.Is(err, context.Canceled):
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "interrupted; articles stored so far are complete, and running the same command again finishes the rest")
		}
		return err
	}
	if res.Failed > 0 {
		return errReported
	}
	return nil
}

// ingestBar is a progress bar on a terminal and nothing otherwise (the
// summary line is printed either way): a bar with a total and the time
// left when the inputs can be counted first, a spinner with running
// counts when they cannot (WARC, JSON Lines, feeds, URLs, stdin).
type ingestBar struct {
	bar *progressbar.ProgressBar
	res ingest.Result
}

func newIngestBar(w io.Writer, quiet bool, count func() (int, bool)) *ingestBar {
	tty := w
	if rw, ok := w.(redactWriter); ok {
		tty = rw.w // to ask whether it is a terminal; the bar still writes through rw
	}
	f, ok := tty.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &ingestBar{}
	}
	total, known := count()
	if !known {
		total = -1
	}
	return newBar(w, total)
}

// newBar draws on w: a bar out of total, or a spinner when total is -1.
func newBar(w io.Writer, total int) *ingestBar {
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionClearOnFinish(),
	}
	if total < 0 {
		opts = append(opts, progressbar.OptionSpinnerType(14))
	} else {
		opts = append(opts, progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth())
	}
	return &ingestBar{bar: progressbar.NewOptions(total, opts...)}
}

func (b *ingestBar) add(it ingest.ItemResult) {
	if b.bar == nil {
		return
	}
	if it.Err != nil {
		b.res.Failed++
	} else {
		switch it.Result {
		case flowwatch.New:
			b.res.New++
		case flowwatch.Updated:
			b.res.Updated++
		default:
			b.res.Unchanged++
		}
	}
	b.bar.Add(1)
	b.bar.Describe(fmt.Sprintf("%d new, %d unchanged, %d updated, %d failed", b.res.New, b.res.Unchanged, b.res.Updated, b.res.Failed))
}

func (b *ingestBar) clear() {
	if b.bar != nil {
		b.bar.Clear()
	}
}

func (b *ingestBar) finish() {
	if b.bar != nil {
		b.bar.Finish()
	}
}
