package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/export"
	"github.com/flowwatch/flowwatch/reconcile"
)

func init() {
	register(&command{
		name:    "estimates",
		summary: "monthly estimates: workers and troops present, troops sent, casualties and killed, with bands and sources",
		run:     runEstimates,
	})
}

var monthRe = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

func runEstimates(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "estimates", "[PATH...]",
		"Prints the monthly estimate series built from facts (docs/estimates.md):\n"+
			"a low-high band, the best-supported figure, how the month was set\n"+
			"(reported, carried or derived) and the facts and original sources behind it.\n"+
			"Series: "+strings.Join(reconcile.SeriesNames(), ", ")+".\n"+
			"Claims come from the database, or, with PATHs, from article files.")
	db := dbFlag(fs, e)
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	series := fs.String("series", "", "only this series (`S`)")
	since := fs.String("since", "", "only months from `YYYY-MM` on")
	format := fs.String("format", "table", "output: table, json (JSON Lines: one object per series and month) or csv")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if err := checkEnum("series", *series, reconcile.SeriesNames()...); err != nil {
		return err
	}
	if *since != "" && !monthRe.MatchString(*since) {
		return flowwatch.Errorf(flowwatch.EINVALID, "--since %q: give a month as YYYY-MM", *since)
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	corpus, failed, err := reconcileInput(ctx, e, "estimates", *db, d, paths)
	if err != nil {
		return err
	}
	opt := reconcile.ForDomain(d)
	facts, _ := corpus.Facts(opt)
	rows := reconcile.Rows(reconcile.Estimates(facts, opt), *series, *since)
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if *format == "table" {
		err = writeRowsTable(out, rows)
	} else {
		err = export.WriteEstimates(out, *format, rows)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

func writeRowsTable(w io.Writer, rows []reconcile.MonthRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SERIES\tMONTH\tLOW\tHIGH\tBEST\tBASIS\tSOURCES\tWHY")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Series, r.Month, numText(r.Low), numText(r.High), numText(r.Best),
			r.Basis, cellText(strings.Join(r.Sources, ", "), 40), cellText(r.Why, 80))
	}
	return tw.Flush()
}

func numText(p *float64) string {
	if p == nil {
		return "–"
	}
	return reconcile.Num(*p)
}
