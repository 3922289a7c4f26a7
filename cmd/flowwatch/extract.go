package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"text/tabwriter"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/input"
	"github.com/flowwatch/flowwatch/pdf"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "print the claims in article files as JSON Lines (no database)",
		run:     runExtract,
	})
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "PATH...",
		"Reads articles (plain text, text with a key: value header closed by ---, HTML or PDF)\n"+
			"from files, directories (recursively) and - for standard input, and prints one\n"+
			"claim per line. Bad inputs are reported on stderr, one line each; the rest go on.")
	format := fs.String("format", "jsonl", "output format: jsonl or table")
	text := fs.Bool("text", false, "print the cleaned text that was read instead of claims")
	explain := fs.Bool("explain", false, "print, per figure, the candidates with their scores and what decided each field")
	domainFile := fs.String("domain", "", "domain data `FILE` overriding the embedded gazetteer, lexicons and sources")
	lang := fs.String("lang", "", "language of every input (en, ko, ru), overriding detection and lang: headers")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "articles processed in parallel")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageErr(fs, "give at least one file, directory or - for standard input")
	}
	if *format != "jsonl" && *format != "table" {
		return flowwatch.Errorf(flowwatch.EINVALID, "unknown --format %q: use jsonl or table", *format)
	}
	switch *lang {
	case "", "en", "ko", "ru":
	default:
		return flowwatch.Errorf(flowwatch.EINVALID, "unknown --lang %q: use en, ko or ru", *lang)
	}
	d, err := loadDomain(*domainFile)
	if err != nil {
		return err
	}
	x := extract.New(d)

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	var print func(res extracted) error
	switch {
	case *text:
		print = func(res extracted) error { return printText(out, res) }
	case *explain:
		print = func(res extracted) error { return printExplain(out, x, d, res) }
	case *format == "table":
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ARTICLE\tKIND\tGROUP\tEVENT\tFIGURE\tQUAL\tPLACE\tWHEN\tSOURCE\tQUOTE")
		defer tw.Flush()
		print = func(res extracted) error { return printTable(tw, res) }
	default:
		// Claim.MarshalJSON's output is written as is: a json.Encoder would
		// re-scan and compact it, which cost a sixth of a run's CPU.
		print = func(res extracted) error {
			for i := range res.claims {
				b, err := res.claims[i].MarshalJSON()
				if err != nil {
					return err
				}
				out.Write(b)
				if err := out.WriteByte('\n'); err != nil {
					return err
				}
			}
			return nil
		}
	}

	failed := 0
	err = extractAll(ctx, paths, e.stdin, *workers, x, *lang, func(res extracted) error {
		if res.err != nil {
			failed++
			fmt.Fprintf(e.stderr, "flowwatch extract: %s: %s\n", escapeLine(res.path), escapeLine(userMessage(res.err)))
			return nil
		}
		return print(res)
	})
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

func loadDomain(file string) (*domain.Domain, error) {
	if file == "" {
		return domain.Default(), nil
	}
	d, err := domain.Load(file)
	if err != nil {
		return nil, fmt.Errorf("load --domain %s: %w", file, err)
	}
	return d, nil
}

// extracted is one input's outcome.
type extracted struct {
	path    string
	article *flowwatch.Article
	claims  []flowwatch.Claim
	err     error
}

// extractAll cleans and extracts inputs on several goroutines and hands
// results to fn in input order. At most a few articles per worker are in
// flight, so memory stays flat however large the corpus.
func extractAll(ctx context.Context, paths []string, stdin io.Reader, workers int, x *extract.Extractor, lang string, fn func(extracted) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		item input.Item
		done chan extracted
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		defer close(order)
		walkErr <- input.Walk(ctx, paths, stdin, input.Options{}, func(it input.Item) error {
			j := &job{item: it, done: make(chan extracted, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.done <- extractOne(x, j.item, lang)
			}
		}()
	}
	for j := range order {
		if err := fn(<-j.done); err != nil {
			cancel()
			for range order {
			}
			return err
		}
	}
	if err := <-walkErr; err != nil && ctx.Err() == nil {
		return err
	}
	return ctx.Err()
}

// extractOne never lets a panic in cleaning or extraction take the batch
// down: the fuzz tests aim for none, and a user's run must finish anyway.
func extractOne(x *extract.Extractor, it input.Item, lang string) (res extracted) {
	res.path = it.Path
	if it.Err != nil {
		res.err = it.Err
		return res
	}
	defer func() {
		if r := recover(); r != nil {
			res.err = fmt.Errorf("internal error while reading this input (please report it): %v", r)
			res.claims = nil
		}
	}()
	var a *flowwatch.Article
	var err error
	if pdf.Is(it.Data) {
		a, err = pdf.Article(context.Background(), it.Name, it.Data, clean.Meta{})
	} else {
		a, err = clean.Parse(it.Name, it.Data)
	}
	if err != nil {
		res.err = err
		return res
	}
	if lang != "" {
		a.Lang = lang
	}
	res.article = a
	res.claims = x.Extract(a)
	pdf.SetPages(a.Text, res.claims)
	return res
}

func printText(w io.Writer, res extracted) error {
	a := res.article
	fmt.Fprintf(w, "==> %s <==\n", res.path)
	meta := []string{}
	for _, kv := range [][2]string{{"title", a.Title}, {"outlet", a.Outlet}, {"url", a.URL}, {"published", a.Published.String()}, {"lang", a.Lang}} {
		if kv[1] != "" {
			meta = append(meta, kv[0]+": "+kv[1])
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(w, "%s\n---\n", strings.Join(meta, "\n"))
	}
	_, err := fmt.Fprintf(w, "%s\n\n", strings.TrimRight(a.Text, "\n"))
	return err
}

func printTable(w io.Writer, res extracted) error {
	for _, c := range res.claims {
		when := ""
		if c.When != nil {
			when = c.When.From.String() + ".." + c.When.To.String()
		}
		quote := c.Quote
		if r := []rune(quote); len(r) > 70 {
			quote = string(r[:69]) + "…"
		}
		_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			c.Article, c.Kind, dash(c.Group), dash(c.Event), figure(c), c.Qualifier,
			dash(strings.Join(c.Place, ",")), dash(when), dash(c.Source), oneLine(quote))
		if err != nil {
			return err
		}
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// figure renders low/high with the unit, as a person would write it.
func figure(c flowwatch.Claim) string {
	num := func(p *float64) string {
		if p == nil {
			return "?"
		}
		return formatNumber(*p)
	}
	var s string
	switch {
	case c.Low != nil && c.High != nil && *c.Low == *c.High:
		s = num(c.Low)
	case c.High == nil:
		s = num(c.Low) + "+"
	case c.Low == nil:
		s = "≤" + num(c.High)
	default:
		s = num(c.Low) + "–" + num(c.High)
	}
	switch c.Kind {
	case flowwatch.KindMoney:
		s += " " + c.Unit
		if c.Per != "" {
			s += "/" + c.Per
		}
	case flowwatch.KindShare:
		s += "%"
	}
	return s
}

// formatNumber groups thousands: 13221 → 13,221; 2.5 stays 2.5.
func formatNumber(v float64) string {
	if v != float64(int64(v)) {
		return fmt.Sprintf("%g", v)
	}
	s := fmt.Sprintf("%d", int64(v))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
