package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/flowwatch/flowwatch/changes"
)

func init() {
	register(&command{
		name:    "changes",
		summary: "list what changed since a date: new facts, changed estimates, new conflicts",
		run:     runChanges,
	})
}

func runChanges(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "changes", "--since DATE",
		"Lists what changed in the reconciled picture after DATE (YYYY-MM-DD or an RFC 3339\n"+
			"time): facts no earlier claim supported, estimate series whose monthly band moved\n"+
			"(with the fact that moved it) and new conflicts, newest first. The picture at DATE\n"+
			"is rebuilt from the article versions flowwatch had seen by then.")
	db := dbFlag(fs, e)
	sinceFlag := fs.String("since", "", "list changes after `DATE` (required)")
	format := fs.String("format", "table", "output: table or jsonl (one change per line)")
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(fs, "changes takes no arguments (got %q)", rest[0])
	}
	if *sinceFlag == "" {
		return usageErr(fs, "--since DATE is required")
	}
	since, err := changes.ParseSince(*sinceFlag)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "jsonl"); err != nil {
		return err
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	st, err := openReadStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := changes.Since(ctx, st, newStoreReconciler(d), since)
	if err != nil {
		return err
	}
	if *format == "jsonl" {
		enc := json.NewEncoder(e.stdout)
		for _, c := range list {
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return nil
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stderr, "flowwatch changes: nothing changed after %s\n", since.Format("2006-01-02 15:04 MST"))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEEN\tKIND\tCHANGE")
	for _, c := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.At.UTC().Format("2006-01-02 15:04"), c.Kind, strings.ReplaceAll(c.Title, "\t", " "))
	}
	return tw.Flush()
}
