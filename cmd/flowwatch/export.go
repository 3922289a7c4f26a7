package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/export"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/reconcile"
)

func init() {
	register(&command{
		name:    "export",
		summary: "write stored claims (CSV, JSON Lines, FollowTheMoney, ACLED-style CSV), or facts and estimates (CSV, JSON Lines)",
		run:     runExport,
	})
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "",
		"Writes the stored claims matching the filters to standard output (or -o FILE).\n"+
			"Formats: csv (one row per claim), jsonl (the claims' JSON), ftm (FollowTheMoney\n"+
			"entities for Aleph: Article, Event, Organization or Person, Documentation), acled\n"+
			"(event_date, actor, location, source, notes, count; people claims only).\n"+
			"The filters are those of flowwatch claims and of the API's /api/claims.\n"+
			"--what facts writes reconciled facts (csv or jsonl; the filters select facts as\n"+
			"flowwatch facts does), --what estimates the monthly estimate rows (csv or jsonl).")
	db := dbFlag(fs, e)
	format := fs.String("format", "csv", "output format: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	what := fs.String("what", "claims", "what to write: claims, facts or estimates")
	filters := map[string]*string{}
	for _, f := range []struct{ name, help string }{
		{"kind", "people, money or share"}, {"group", "workers, soldiers, engineers, it_workers or nationals"},
		{"event", "recruited, planned, sent, entered, present, killed, wounded, captured or withdrawn"},
		{"place", "canonical place name"}, {"source", "canonical source name"}, {"outlet", "outlet"},
		{"article", "article name"}, {"since", "published on or after `YYYY-MM-DD`"}, {"until", "published on or before `YYYY-MM-DD`"},
		{"min", "smallest figure"}, {"max", "largest figure"}, {"text", "words the sentence contains"}, {"article-id", "article version id"},
		{"limit", "most claims to write"},
	} {
		filters[f.name] = fs.String(f.name, "", f.help)
	}
	allVersions := fs.Bool("all-versions", false, "include claims of superseded article versions")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "export takes no arguments (got %q): filter with flags such as --group soldiers", rest[0])
	}
	q := url.Values{}
	for k, v := range filters {
		if *v != "" {
			q.Set(strings.ReplaceAll(k, "-", "_"), *v)
		}
	}
	if *allVersions {
		q.Set("all_versions", "true")
	}
	f, err := fwhttp.ClaimFilterFromQuery(q)
	if err != nil {
		return err
	}
	if err := checkEnum("what", *what, "claims", "facts", "estimates"); err != nil {
		return err
	}
	if *what != "claims" {
		return exportReconciled(ctx, e, *db, *what, *format, *out, f)
	}
	limit := f.Limit
	store, err := openReadStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	var w io.Writer = e.stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			return flowwatch.Errorf(flowwatch.EINVALID, "cannot write %s: %v", *out, err)
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	arts := map[int64]*flowwatch.Article{}
	ew, err := export.New(*format, bw, func(c flowwatch.Claim) *flowwatch.Article {
		if a, ok := arts[c.ArticleID]; ok {
			return a
		}
		a, _, err := store.Article(ctx, c.ArticleID)
		if err != nil {
			a = nil
		}
		if len(arts) > 10000 {
			clear(arts)
		}
		arts[c.ArticleID] = a
		return a
	})
	if err != nil {
		return err
	}
	const page = 5000
	f.Limit, f.Offset = page, 0
	n := 0
	for done := false; !done; {
		cs, err := store.Claims(ctx, f)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if limit > 0 && n >= limit {
				done = true
				break
			}
			if err := ew.Write(c); err != nil {
				return err
			}
			n++
		}
		if len(cs) < page {
			break
		}
		f.Offset, f.AfterID = 0, cs[len(cs)-1].ID
	}
	if err := ew.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if *out != "" {
		e.stderr.Write([]byte("flowwatch export: wrote " + strconv.Itoa(n) + " claims to " + *out + "\n"))
	}
	return nil
}

// exportReconciled writes facts or estimate rows, reconciled from the
// whole store as flowwatch facts and estimates do; f selects facts.
func exportReconciled(ctx context.Context, e *env, db, what, format, out string, f flowwatch.ClaimFilter) error {
	if err := checkFormat(format, "csv", "jsonl"); err != nil {
		return err
	}
	d, err := loadDomain("")
	if err != nil {
		return err
	}
	corpus, _, err := reconcileInput(ctx, e, "export", db, d, nil)
	if err != nil {
		return err
	}
	opt := reconcile.ForDomain(d)
	facts, conflicts := corpus.Facts(opt)
	var w io.Writer = e.stdout
	if out != "" {
		file, err := os.Create(out)
		if err != nil {
			return flowwatch.Errorf(flowwatch.EINVALID, "cannot write %s: %v", out, err)
		}
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	n := 0
	if what == "facts" {
		ff := reconcile.FactFilter{ClaimFilter: f}
		facts, _ = reconcile.FilterFacts(facts, conflicts, ff.Keep)
		if f.Limit > 0 && len(facts) > f.Limit {
			facts = facts[:f.Limit]
		}
		n, err = len(facts), export.WriteFacts(bw, format, facts)
	} else {
		rows := reconcile.Rows(reconcile.Estimates(facts, opt), "", "")
		n, err = len(rows), export.WriteEstimates(bw, format, rows)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if out != "" {
		fmt.Fprintf(e.stderr, "flowwatch export: wrote %d %s to %s\n", n, what, out)
	}
	return nil
}
