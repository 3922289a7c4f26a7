package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/reconcile"
)

func init() {
	register(&command{
		name:    "report",
		summary: "write an analyst's brief (Markdown or HTML): headline figures, what is new, conflicts, estimates",
		run:     runReport,
	})
}

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "[PATH...]",
		"Writes a brief an analyst could send: headline figures with their ranges,\n"+
			"independent sources and dates, what is new since --since, open conflicts,\n"+
			"monthly estimates, syndicated copies and sanctions, each figure numbered to\n"+
			"its evidence (outlet, date, link, quote). Claims come from the database, or,\n"+
			"with PATHs, from article files extracted in memory.")
	db := dbFlag(fs, e)
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	var since flowwatch.Date
	dateFlag(fs, &since, "since", "list what was first or again reported on or after `YYYY-MM-DD`")
	format := fs.String("format", "md", "output: md (Markdown) or html")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "md", "html"); err != nil {
		return err
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	corpus, failed, err := reconcileInput(ctx, e, "report", *db, d, paths)
	if err != nil {
		return err
	}
	opt := reconcile.ForDomain(d)
	b := reconcile.NewBrief(corpus.Reconcile(opt), since, opt.Sanctions)
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if *format == "html" {
		err = b.WriteHTML(out)
	} else {
		err = b.WriteMarkdown(out)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if failed > 0 {
		return errReported // the brief covers the inputs that could be read
	}
	return nil
}
