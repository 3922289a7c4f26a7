package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/pdf"
)

func init() {
	register(&command{
		name:    "reextract",
		summary: "re-run claim extraction over stored article text (after an upgrade); fetches nothing",
		run:     runReextract,
	})
}

func runReextract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reextract", "",
		"Extracts claims again from the text of every stored article version and\n"+
			"replaces each version's claims in one transaction, with extractor version\n"+
			flowwatch.ExtractorVersion+". Nothing is fetched. Interrupted, it can simply be run again.")
	db := dbFlag(fs, e)
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "reextract takes no arguments (got %q)", rest[0])
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	x := extract.New(d)
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	before, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	n := max(1, *workers)
	jobs := make(chan *flowwatch.Article, n)
	ctx2, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		versions int
	)
	for range n {
		wg.Go(func() {
			for a := range jobs {
				if ctx2.Err() != nil {
					continue
				}
				claims := x.Extract(a)
				// Text read from a PDF keeps its form feeds: pages survive.
				pdf.SetPages(a.Text, claims)
				for i := range claims {
					if claims[i].Extractor == "" {
						claims[i].Extractor = flowwatch.ExtractorVersion
					}
					claims[i].Article = a.Name
				}
				// A replacement runs to completion once begun, so an
				// interrupt never leaves a version between old and new claims.
				sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx2), 2*time.Minute)
				err := st.ReplaceClaims(sctx, a.ID, claims)
				scancel()
				if err != nil {
					cancel(fmt.Errorf("replace claims of article %d (%s): %w", a.ID, a.Name, err))
					continue
				}
				mu.Lock()
				versions++
				mu.Unlock()
			}
		})
	}
	err = st.EachArticle(ctx2, func(a *flowwatch.Article) error {
		select {
		case jobs <- a:
			return nil
		case <-ctx2.Done():
			return context.Cause(ctx2)
		}
	})
	close(jobs)
	wg.Wait()
	if cause := context.Cause(ctx2); cause != nil && !errors.Is(cause, context.Canceled) {
		err = cause
	}
	if err == nil {
		err = ctx.Err()
	}
	after, serr := st.Stats(context.WithoutCancel(ctx))
	if serr == nil {
		fmt.Fprintf(e.stderr, "flowwatch reextract: %d article versions re-extracted with %s in %.1fs; claims %d → %d\n",
			versions, flowwatch.ExtractorVersion, time.Since(start).Seconds(), before.Claims, after.Claims)
	}
	if errors.Is(err, context.Canceled) {
		return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "interrupted after %d article versions; run it again to finish", versions)
	}
	return err
}
