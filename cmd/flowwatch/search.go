package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/flowwatch/flowwatch"
)

func init() {
	register(&command{
		name:    "search",
		summary: "full-text search of stored articles, with highlighted snippets",
		run:     runSearch,
	})
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY...",
		"Finds the latest versions of stored articles containing every word of QUERY\n"+
			"(each word also matches as a prefix), best first, with a snippet around the\n"+
			"matches. Matches are marked «like this», or in bold on a terminal.")
	db := dbFlag(fs, e)
	limit := fs.Int("limit", 20, "most articles to print")
	format := fs.String("format", "table", "output: table, csv or jsonl")
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return usageErr(fs, "give the words to search for")
	}
	if err := checkFormat(*format, "table", "csv", "jsonl"); err != nil {
		return err
	}
	if *limit <= 0 {
		return flowwatch.Errorf(flowwatch.EINVALID, "--limit must be at least 1")
	}
	st, err := openQueryStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, query, *limit)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for _, h := range hits {
			if err := enc.Encode(h); err != nil {
				return err
			}
		}
	case "csv":
		w := csv.NewWriter(out)
		w.Write([]string{"id", "article", "title", "outlet", "published", "url", "rank", "snippet"})
		for _, h := range hits {
			a := h.Article
			w.Write([]string{strconv.FormatInt(a.ID, 10), csvCell(a.Name), csvCell(a.Title), csvCell(a.Outlet),
				a.Published.String(), csvCell(a.URL), strconv.FormatFloat(h.Rank, 'g', 6, 64), csvCell(h.Snippet)})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return err
		}
	default:
		bold := false
		if f, ok := e.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			bold = true
		}
		for i, h := range hits {
			a := h.Article
			title := cellText(a.Title, 100)
			if title == "" {
				title = cellText(a.Name, 100)
			}
			fmt.Fprintf(out, "%d. [%d] %s\n", i+1, a.ID, title)
			meta := []string{}
			for _, s := range []string{cellText(a.Outlet, 40), a.Published.String(), cellText(a.URL, 120)} {
				if s != "" {
					meta = append(meta, s)
				}
			}
			if len(meta) > 0 {
				fmt.Fprintf(out, "   %s\n", strings.Join(meta, " · "))
			}
			fmt.Fprintf(out, "   %s\n\n", highlight(cellText(h.Snippet, 0), bold))
		}
		if len(hits) == 0 {
			fmt.Fprintf(e.stderr, "flowwatch search: no article matches %q\n", cellText(query, 80))
		}
	}
	return out.Flush()
}

// highlight turns the store's «» match marks into bold on a terminal.
// The snippet has been through cellText first, so the article cannot
// smuggle its own escape sequences in.
func highlight(s string, bold bool) string {
	if !bold {
		return s
	}
	return strings.NewReplacer("«", "\x1b[1m", "»", "\x1b[0m").Replace(s)
}

// csvCell defuses spreadsheet formulas in untrusted text, as export does.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
