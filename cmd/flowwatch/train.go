package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/extract/fit"
)

func init() {
	register(&command{
		name:    "train",
		summary: "fit the extractor's last stage on an annotated corpus (go generate ./extract runs it)",
		run:     runTrain,
	})
}

func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "",
		"Runs the rule stages over every article of an annotated corpus (DIR/SET/articles,\n"+
			"DIR/SET/gold.jsonl), fits the model that re-decides their figures, and writes it.\n"+
			"--cv instead reports 5-fold cross-validated scores by language (folds by a hash\n"+
			"of the article name), the rules alone beside the fitted stage.")
	corpus := fs.String("corpus", "../shared/eval/train", "annotated corpus `DIR`")
	out := fs.String("out", "extract/model.json", "where to write the model (`FILE`)")
	cv := fs.Bool("cv", false, "cross-validate instead of writing a model")
	cvOut := fs.String("cv-out", "", "with --cv, write each article's held-out claims as JSON Lines to `FILE` (for ../shared/eval/score --explain)")
	var opt fit.Options
	fs.Float64Var(&opt.L2, "l2", 0, "weight decay (0: the default)")
	fs.IntVar(&opt.Epochs, "epochs", 0, "passes of gradient descent (0: the default)")
	fs.Float64Var(&opt.Rate, "rate", 0, "AdaGrad step (0: the default)")
	fs.Float64Var(&opt.Threshold, "threshold", 0, "least keep probability (0: the default)")
	fs.Float64Var(&opt.Override, "override", 0, "least probability to overturn the rules' event or group (0: the default)")
	fs.Float64Var(&opt.Reinstate, "reinstate", 0, "least keep probability of a figure the rules drop (0: the default)")
	fs.IntVar(&opt.MinCount, "min-count", 0, "least examples a feature must occur in (0: the default)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := fit.LoadDir(*corpus)
	if err != nil {
		return flowwatch.Errorf(flowwatch.EINVALID, "%v (give the corpus with --corpus DIR)", err)
	}
	x := extract.New(nil)
	if *cv {
		res := fit.CrossValidate(docs, x, opt)
		langs := make([]string, 0, len(res.Fitted))
		for l := range res.Fitted {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			fmt.Fprintf(e.stdout, "%s rules   %s\n", l, res.Rules[l])
			fmt.Fprintf(e.stdout, "%s fitted  %s\n", l, res.Fitted[l])
			fmt.Fprintf(e.stdout, "%s seen    %s\n", l, res.Seen[l])
			fmt.Fprintf(e.stdout, "%s misses  %s\n", l, fit.FormatMisses(res.Misses[l]))
			fmt.Fprintf(e.stdout, "%s extras  %s\n", l, fit.FormatMisses(res.Extras[l]))
		}
		fmt.Fprintf(e.stdout, "the fitted stage re-decides %v; the rules' reading stands elsewhere\n", res.Langs)
		fmt.Fprintf(e.stdout, "source margin %s (held-out claims with the gold's source, by margin: %s)\n", marginName(res.SourceMargin), marginCounts(res.Margins))
		if *cvOut != "" {
			return writeHeld(*cvOut, docs, res)
		}
		return nil
	}
	m := fit.Fit(docs, x, opt)
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	fmt.Fprintf(e.stderr, "flowwatch train: %d articles, model written to %s (applies to %v)\n", len(docs), *out, m.Langs)
	return nil
}

func writeHeld(path string, docs []fit.Doc, res fit.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	w := bufio.NewWriter(f)
	for _, d := range docs {
		for _, c := range res.Held[d.Article.Name] {
			b, err := c.MarshalJSON()
			if err != nil {
				f.Close()
				return fmt.Errorf("train: %w", err)
			}
			w.Write(append(b, '\n'))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("train: %w", err)
	}
	return f.Close()
}

// marginName prints fit.NeverMargin as "never".
func marginName(m float64) string {
	if m >= fit.NeverMargin {
		return "never"
	}
	return strconv.FormatFloat(m, 'g', -1, 64)
}

func marginCounts(c map[float64]int) string {
	var parts []string
	for _, m := range fit.SourceMargins {
		if n, ok := c[m]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", marginName(m), n))
		}
	}
	return strings.Join(parts, ", ")
}
