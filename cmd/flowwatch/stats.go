package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/flowwatch/flowwatch"
)

func init() {
	register(&command{
		name:    "stats",
		summary: "summarise the database: articles, versions, claims, outlets, sources",
		run:     runStats,
	})
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "", "Prints counts of what the database holds.")
	db := dbFlag(fs, e)
	format := fs.String("format", "table", "output: table or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "stats takes no arguments (got %q)", rest[0])
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	st, err := openQueryStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "%s\n", b)
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\n", s.Articles)
	fmt.Fprintf(tw, "article versions\t%d\n", s.ArticleVersions)
	fmt.Fprintf(tw, "claims\t%d\n", s.Claims)
	fmt.Fprintf(tw, "outlets\t%d\n", s.Outlets)
	fmt.Fprintf(tw, "sources\t%d\n", s.Sources)
	if !s.FirstPublished.IsZero() {
		fmt.Fprintf(tw, "published\t%s .. %s\n", s.FirstPublished, s.LastPublished)
	}
	for _, m := range []struct {
		name string
		by   map[string]int
	}{{"kind", s.ByKind}, {"group", s.ByGroup}} {
		keys := make([]string, 0, len(m.by))
		for k := range m.by {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return m.by[keys[i]] > m.by[keys[j]] || (m.by[keys[i]] == m.by[keys[j]] && keys[i] < keys[j])
		})
		for _, k := range keys {
			fmt.Fprintf(tw, "claims by %s: %s\t%d\n", m.name, dash(k), m.by[k])
		}
	}
	return tw.Flush()
}
