package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/flowwatch/flowwatch"
)

func init() {
	register(&command{
		name:    "articles",
		summary: "list stored articles, or show one with its text and claims",
		run:     runArticles,
	})
}

func runArticles(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "articles", "",
		"Lists stored articles (latest versions unless --all-versions), newest\n"+
			"publication first. --id N shows one article version with its text and claims.")
	db := dbFlag(fs, e)
	var f flowwatch.ArticleFilter
	fs.StringVar(&f.Outlet, "outlet", "", "outlet that published the article")
	fs.StringVar(&f.Text, "text", "", "words the title or text contains (case-insensitive)")
	dateFlag(fs, &f.Since, "since", "published on or after `YYYY-MM-DD`")
	dateFlag(fs, &f.Until, "until", "published on or before `YYYY-MM-DD`")
	fs.BoolVar(&f.AllVersions, "all-versions", false, "list every stored version, not only the latest")
	fs.IntVar(&f.Limit, "limit", 100, "most articles to print; -1 for all")
	fs.IntVar(&f.Offset, "offset", 0, "articles to skip first")
	id := fs.Int64("id", 0, "show this article version: its metadata, text and claims")
	format := fs.String("format", "table", "output: table, csv or jsonl")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "articles takes no arguments (got %q): see 'flowwatch articles -h'", rest[0])
	}
	if err := checkFormat(*format, "table", "csv", "jsonl"); err != nil {
		return err
	}
	st, err := openQueryStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	if *id != 0 {
		a, claims, err := st.Article(ctx, *id)
		if err != nil {
			return err
		}
		if *format == "jsonl" {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			return enc.Encode(struct {
				*flowwatch.Article
				ClaimList []flowwatch.Claim `json:"claims"`
			}{a, claims})
		}
		for _, kv := range [][2]string{{"id", strconv.FormatInt(a.ID, 10)}, {"name", a.Name}, {"title", a.Title},
			{"outlet", a.Outlet}, {"url", a.URL}, {"published", a.Published.String()}, {"lang", a.Lang},
			{"version", strconv.Itoa(a.Version)}, {"first_seen", fmtSeen(a.FirstSeen)}, {"last_seen", fmtSeen(a.LastSeen)},
			{"hash", a.Hash}} {
			if kv[1] != "" && kv[1] != "0" {
				fmt.Fprintf(out, "%s: %s\n", kv[0], cellText(kv[1], 0))
			}
		}
		fmt.Fprintf(out, "---\n%s\n\n", safeText(a.Text))
		return claimTable(out, claims)
	}
	arts, err := st.Articles(ctx, f)
	if err != nil {
		return err
	}
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for i := range arts {
			arts[i].Text = ""
			if err := enc.Encode(arts[i]); err != nil {
				return err
			}
		}
	case "csv":
		w := csv.NewWriter(out)
		w.Write([]string{"id", "name", "version", "title", "outlet", "published", "url", "lang", "claims", "first_seen", "last_seen"})
		for _, a := range arts {
			w.Write([]string{strconv.FormatInt(a.ID, 10), csvCell(a.Name), strconv.Itoa(a.Version), csvCell(a.Title),
				csvCell(a.Outlet), a.Published.String(), csvCell(a.URL), a.Lang, strconv.Itoa(a.Claims),
				fmtSeen(a.FirstSeen), fmtSeen(a.LastSeen)})
		}
		w.Flush()
		return w.Error()
	default:
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tV\tCLAIMS\tNAME\tTITLE")
		for _, a := range arts {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\n", a.ID, dash(a.Published.String()), dash(cellText(a.Outlet, 24)),
				a.Version, a.Claims, cellText(a.Name, 40), dash(cellText(a.Title, 70)))
		}
		return tw.Flush()
	}
	return nil
}

func fmtSeen(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// safeText keeps newlines but drops other control characters, so that an
// article's text cannot drive the terminal.
func safeText(s string) string {
	b := []rune{}
	for _, r := range s {
		if r == '\n' || r == '\t' || !(r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
			b = append(b, r)
		}
	}
	return string(b)
}
