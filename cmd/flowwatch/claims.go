package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/export"
	fwhttp "github.com/flowwatch/flowwatch/http"
)

func init() {
	register(&command{
		name:    "claims",
		summary: "list stored claims, filtered (table, CSV or JSON Lines)",
		run:     runClaims,
	})
}

func runClaims(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "claims", "",
		"Lists the stored claims that match every filter given, in the order they were\n"+
			"stored. Claims of superseded article versions are left out unless --all-versions.")
	db := dbFlag(fs, e)
	var f flowwatch.ClaimFilter
	fs.StringVar(&f.Group, "group", "", "who: workers, soldiers, engineers, it_workers, nationals")
	fs.StringVar(&f.Event, "event", "", "what happened: recruited, planned, sent, entered, present, killed, wounded, captured, withdrawn")
	fs.StringVar(&f.Kind, "kind", "", "people, money or share")
	fs.StringVar(&f.Place, "place", "", "place, by name or alias, any case (kursk finds Kursk Oblast)")
	fs.StringVar(&f.Source, "source", "", "source, by name or alias, any case (nis finds NIS)")
	fs.StringVar(&f.Outlet, "outlet", "", "outlet that published the article, by name or alias")
	fs.StringVar(&f.Article, "article", "", "article name")
	fs.Int64Var(&f.ArticleID, "article-id", 0, "article version id")
	fs.StringVar(&f.Text, "text", "", "words the quote contains (case-insensitive)")
	dateFlag(fs, &f.Since, "since", "published on or after `YYYY-MM-DD`")
	dateFlag(fs, &f.Until, "until", "published on or before `YYYY-MM-DD`")
	numFlag(fs, &f.MinValue, "min", "figure at least `N` (the larger end of a range)")
	numFlag(fs, &f.MaxValue, "max", "figure at most `N` (the smaller end of a range)")
	fs.IntVar(&f.Limit, "limit", flowwatch.DefaultLimit, "most claims to print; -1 for all")
	fs.IntVar(&f.Offset, "offset", 0, "claims to skip first")
	fs.Int64Var(&f.AfterID, "after-id", 0, "only claims with an ID above `N` (page by the last ID printed: faster than --offset)")
	all := fs.Bool("all-versions", false, "include claims of superseded article versions")
	count := fs.Bool("count", false, "print only the number of matching claims")
	format := fs.String("format", "table", "output: table, csv or jsonl")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "claims takes no arguments (got %q): filters are flags, see 'flowwatch claims -h'", rest[0])
	}
	if err := checkFormat(*format, "table", "csv", "jsonl"); err != nil {
		return err
	}
	if err := checkEnum("group", f.Group, flowwatch.GroupWorkers, flowwatch.GroupSoldiers, flowwatch.GroupEngineers, flowwatch.GroupITWorkers, flowwatch.GroupNationals); err != nil {
		return err
	}
	if err := checkEnum("event", f.Event, flowwatch.EventRecruited, flowwatch.EventPlanned, flowwatch.EventSent, flowwatch.EventEntered,
		flowwatch.EventPresent, flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured, flowwatch.EventWithdrawn); err != nil {
		return err
	}
	if err := checkEnum("kind", f.Kind, flowwatch.KindPeople, flowwatch.KindMoney, flowwatch.KindShare); err != nil {
		return err
	}
	f.LatestVersionsOnly = !*all
	fwhttp.CanonicalNames(&f, domain.Default())
	st, err := openQueryStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *count {
		n, err := st.CountClaims(ctx, f)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, n)
		return nil
	}
	// A table says when more claims match than it shows. One row more
	// than the page tells so; counting them all could take seconds on a
	// large store, and --count is there for that.
	page := f
	if *format == "table" && f.Limit > 0 {
		page.Limit++
	}
	claims, err := st.Claims(ctx, page)
	if err != nil {
		return err
	}
	more := len(claims) > f.Limit && f.Limit > 0
	if more {
		claims = claims[:f.Limit]
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	if *format == "table" {
		err = claimTable(out, claims)
	} else {
		w, werr := export.New(*format, out, nil)
		if werr != nil {
			return werr
		}
		for _, c := range claims {
			if err = w.Write(c); err != nil {
				break
			}
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if more {
		fmt.Fprintf(e.stderr, "flowwatch claims: showing the first %d matching claims; for more, use --limit, or --after-id %d (--count counts them)\n",
			len(claims), claims[len(claims)-1].ID)
	}
	return nil
}

func claimTable(w io.Writer, claims []flowwatch.Claim) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLE\tPUBLISHED\tKIND\tGROUP\tEVENT\tFIGURE\tQUALIFIER\tPLACE\tSOURCE\tOUTLET\tQUOTE")
	for _, c := range claims {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			c.ID, cellText(c.Article, 40), dash(c.Published.String()), c.Kind, dash(c.Group), dash(c.Event),
			figure(c), c.Qualifier, dash(cellText(strings.Join(c.Place, ","), 30)), dash(cellText(c.Source, 30)),
			dash(cellText(c.Outlet, 24)), cellText(c.Quote, 80))
	}
	return tw.Flush()
}

// cellText makes untrusted text safe for a terminal table: control
// characters (escape sequences, tabs, newlines) become spaces, runs of
// space collapse, and long text is cut to max runes.
func cellText(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if max > 0 {
		if r := []rune(s); len(r) > max {
			s = string(r[:max-1]) + "…"
		}
	}
	return s
}

func checkFormat(got string, allowed ...string) error {
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "unknown --format %q: use %s", got, strings.Join(allowed, ", "))
}

func checkEnum(flagName, got string, allowed ...string) error {
	if got == "" {
		return nil
	}
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "unknown --%s %q: use one of %s", flagName, got, strings.Join(allowed, ", "))
}

func dateFlag(fs *flag.FlagSet, d *flowwatch.Date, name, usage string) {
	fs.Func(name, usage, func(s string) error {
		v, err := flowwatch.ParseDate(s)
		if err != nil || len(s) != 10 {
			return fmt.Errorf("want a date as YYYY-MM-DD")
		}
		*d = v
		return nil
	})
}

func numFlag(fs *flag.FlagSet, p **float64, name, usage string) {
	fs.Func(name, usage, func(s string) error {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		if err != nil {
			return fmt.Errorf("want a number")
		}
		*p = &v
		return nil
	})
}
