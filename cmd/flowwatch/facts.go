package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/reconcile"
)

func init() {
	register(&command{
		name:    "facts",
		summary: "reconcile claims into facts: ranges, independent sources, conflicts",
		run:     runFacts,
	})
}

func runFacts(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "facts", "[PATH...]",
		"Groups claims that state the same quantity into facts, each with its range of\n"+
			"figures, its independent sources (syndicated copies count once), who first\n"+
			"reported it, and the conflicts among its figures. Claims come from the\n"+
			"database, or, with PATHs, from article files extracted in memory. Filters\n"+
			"select facts; every claim is reconciled first, so counts do not depend on them.")
	db := dbFlag(fs, e)
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	var ff reconcile.FactFilter
	fs.StringVar(&ff.Group, "group", "", "who: workers, soldiers, engineers, it_workers, nationals")
	fs.StringVar(&ff.Event, "event", "", "what happened: recruited, planned, sent, entered, present, killed, wounded, captured, withdrawn, casualties")
	fs.StringVar(&ff.Kind, "kind", "", "people, money or share")
	fs.StringVar(&ff.Place, "place", "", "canonical place name (Russia, Kursk Oblast, ...)")
	fs.StringVar(&ff.Source, "source", "", "original source (NIS, ISW, ...)")
	fs.StringVar(&ff.Outlet, "outlet", "", "an outlet that reported it")
	fs.StringVar(&ff.Article, "article", "", "an article that states it")
	fs.StringVar(&ff.Text, "text", "", "words one of its quotes contains (case-insensitive)")
	dateFlag(fs, &ff.Since, "since", "last reported on or after `YYYY-MM-DD`")
	dateFlag(fs, &ff.Until, "until", "first reported on or before `YYYY-MM-DD`")
	numFlag(fs, &ff.MinValue, "min", "largest figure at least `N`")
	numFlag(fs, &ff.MaxValue, "max", "smallest figure at most `N`")
	fs.StringVar(&ff.Measure, "measure", "", "what the figures count: stock, flow, cumulative, plan, documents, casualties")
	fs.StringVar(&ff.Scope, "scope", "", "where they count: russia, region, border, front, abroad")
	fs.BoolVar(&ff.Conflicted, "conflicts", false, "only facts with conflicts")
	limit := fs.Int("limit", 0, "most facts to print, best supported first; 0 for all")
	format := fs.String("format", "table", "output: table, or jsonl (one fact per line, with its evidence and conflicts)")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "jsonl"); err != nil {
		return err
	}
	if err := checkEnum("kind", ff.Kind, flowwatch.KindPeople, flowwatch.KindMoney, flowwatch.KindShare); err != nil {
		return err
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	corpus, failed, err := reconcileInput(ctx, e, "facts", *db, d, paths)
	if err != nil {
		return err
	}
	facts, conflicts := corpus.Facts(reconcile.ForDomain(d))
	facts, conflicts = reconcile.FilterFacts(facts, conflicts, ff.Keep)
	if *limit > 0 && len(facts) > *limit {
		facts, conflicts = reconcile.FilterFacts(facts[:*limit], conflicts, func(*flowwatch.Fact) bool { return true })
	}

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if *format == "jsonl" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		byID := map[string]flowwatch.Conflict{}
		for _, c := range conflicts {
			byID[c.ID] = c
		}
		for i := range facts {
			line := struct {
				*flowwatch.Fact
				ConflictList []flowwatch.Conflict `json:"conflict_details,omitempty"`
			}{Fact: &facts[i]}
			for _, id := range facts[i].Conflicts {
				line.ConflictList = append(line.ConflictList, byID[id])
			}
			if err := enc.Encode(line); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
	} else {
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "FACT\tWHAT\tFIGURE\tRANGE\tPLACE\tINDEP\tREPORTS\tSOURCES\tFIRST\tLAST\tCONFLICTS")
		for i := range facts {
			f := &facts[i]
			top := f.Figures[0]
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%d\n", f.ID, reconcile.Describe(f),
				cellText(reconcile.FigureText(top.Low, top.High, top.Qualifier)+" "+reconcile.UnitText(f), 30), reconcile.RangeText(f),
				cellText(strings.Join(f.Place, ", "), 30), f.Independent, f.Reports, cellText(strings.Join(f.Sources, ", "), 40),
				dash(f.FirstReported.String()), dash(f.LastReported.String()), len(f.Conflicts))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		if len(conflicts) > 0 {
			fmt.Fprintln(out, "\nCONFLICTS")
			for _, c := range conflicts {
				fmt.Fprintf(out, "%s  %s (%s) vs %s (%s): %s: %s\n", c.ID,
					reconcile.FigureText(c.A.Low, c.A.High, c.A.Qualifier), cellText(strings.Join(c.A.Sources, ", "), 60),
					reconcile.FigureText(c.B.Low, c.B.High, c.B.Qualifier), cellText(strings.Join(c.B.Sources, ", "), 60),
					c.Reason, cellText(strings.Join(c.Details, "; "), 200))
			}
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

// reconcileInput reads the corpus to reconcile: from PATHs extracted in
// memory, else from the store with reconcile.Load (what the API reads too).
//
// Inputs that cannot be read are reported on stderr, one line each, and
// counted in failed; the rest go on.
func reconcileInput(ctx context.Context, e *env, cmd, dsn string, d *domain.Domain, paths []string) (corpus *reconcile.Corpus, failed int, err error) {
	if len(paths) == 0 {
		st, err := openReadStore(ctx, dsn)
		if err != nil {
			return nil, 0, err
		}
		defer st.Close()
		corpus, err := reconcile.Load(ctx, st)
		return corpus, 0, err
	}
	var (
		arts   []flowwatch.Article
		claims []flowwatch.Claim
	)
	x := extract.New(d)
	err = extractAll(ctx, paths, e.stdin, runtime.GOMAXPROCS(0), x, "", func(res extracted) error {
		if res.err != nil {
			failed++
			fmt.Fprintf(e.stderr, "flowwatch %s: %s: %s\n", cmd, escapeLine(res.path), escapeLine(userMessage(res.err)))
			return nil
		}
		a := *res.article
		for _, c := range res.claims {
			if c.Outlet == "" {
				c.Outlet = a.Outlet
			}
			if c.URL == "" {
				c.URL = a.URL
			}
			if c.Published.IsZero() {
				c.Published = a.Published
			}
			claims = append(claims, c)
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, failed, fmt.Errorf("%s: %w", cmd, err)
	}
	if len(arts) == 0 && failed > 0 {
		return nil, failed, errReported
	}
	return reconcile.NewCorpus(arts, claims), failed, nil
}
