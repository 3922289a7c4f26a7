// Command htmleval scores flowwatch's HTML path against plain
// go-readability on the external HTML test set (../shared/eval/html):
// it writes one <id>.txt per page for each extractor into a temporary
// directory, runs html-score on both and prints F1 and extraction time.
//
//	go run ./clean/internal/htmleval [-eval DIR] [-rounds N] [-keep] [-explain]
//
// Time is CPU time of extraction only (pages are decompressed and read
// beforehand), best of -rounds alternating runs, one goroutine.
//
// flowwatch's Text starts with the headline as its own paragraph when the
// page body does not print it (the headline carries claims). The test
// set's truth is the body without the headline, so the scored file drops
// that first paragraph when it equals the article's Title; -with-title
// scores the Text exactly as stored instead.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/flowwatch/flowwatch/clean"
)

type page struct {
	id, url string
	raw     []byte
}

func main() {
	evalDir := flag.String("eval", "", "evaluation directory (default: ../shared/eval next to the module root)")
	rounds := flag.Int("rounds", 3, "timing rounds; the best is reported")
	keep := flag.Bool("keep", false, "keep the prediction directories and print their paths")
	explain := flag.Bool("explain", false, "pass --explain to html-score for flowwatch's output")
	withTitle := flag.Bool("with-title", false, "score flowwatch's Text as stored, headline paragraph included")
	only := flag.String("only", "", "run only flowwatch or readability")
	flag.Parse()
	if *evalDir == "" {
		*evalDir = defaultEval()
	}
	pages, err := load(*evalDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "htmleval:", err)
		os.Exit(1)
	}
	tmp, err := os.MkdirTemp("", "htmleval-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "htmleval:", err)
		os.Exit(1)
	}
	if !*keep {
		defer os.RemoveAll(tmp)
	}
	type extractor struct {
		name string
		fn   func(p page) string
	}
	exs := []extractor{
		{"go-readability", readabilityText},
		{"flowwatch", func(p page) string { return flowwatchText(p, *withTitle) }},
	}
	// Rounds alternate between the extractors so that a change in machine
	// load touches both; the best round of each is reported. Time is the
	// process's CPU time (user + system, garbage collection included), which
	// a machine shared with other jobs disturbs far less than wall time.
	times := map[string]time.Duration{}
	outs := map[string][]string{}
	for r := 0; r < *rounds; r++ {
		for _, ex := range exs {
			if *only != "" && !strings.Contains(ex.name, *only) {
				continue
			}
			out := make([]string, len(pages))
			runtime.GC()
			start := cpuTime()
			for i, p := range pages {
				out[i] = ex.fn(p)
			}
			d := cpuTime() - start
			if best, ok := times[ex.name]; !ok || d < best {
				times[ex.name] = d
			}
			outs[ex.name] = out
		}
	}
	for _, ex := range exs {
		out, ok := outs[ex.name]
		if !ok {
			continue
		}
		dir := filepath.Join(tmp, ex.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "htmleval:", err)
			os.Exit(1)
		}
		for i, p := range pages {
			if err := os.WriteFile(filepath.Join(dir, p.id+".txt"), []byte(out[i]), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "htmleval:", err)
				os.Exit(1)
			}
		}
		args := []string{filepath.Join(*evalDir, "html", "ground-truth.json"), dir}
		if *explain && ex.name == "flowwatch" {
			args = append(args, "--explain", "--worst", "25")
		}
		cmd := exec.Command(filepath.Join(*evalDir, "html-score"), args...)
		res, err := cmd.CombinedOutput()
		best := times[ex.name]
		fmt.Printf("== %s: %d pages in %v (%.2f ms/page)\n%s", ex.name, len(pages), best.Round(time.Millisecond),
			float64(best.Microseconds())/1000/float64(len(pages)), res)
		if err != nil {
			fmt.Fprintln(os.Stderr, "htmleval: html-score:", err)
		}
		if *keep {
			fmt.Println("   predictions in", dir)
		}
	}
	if a, b := times["flowwatch"], times["go-readability"]; a > 0 && b > 0 {
		fmt.Printf("== time ratio flowwatch / go-readability: %.3f\n", float64(a)/float64(b))
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func readabilityText(p page) string {
	u, _ := url.Parse(p.url)
	parser := readability.NewParser()
	art, err := parser.Parse(bytes.NewReader(p.raw), u)
	if err != nil || art.Node == nil {
		return ""
	}
	var sb strings.Builder
	art.RenderText(&sb)
	return sb.String()
}

func flowwatchText(p page, withTitle bool) string {
	a, err := clean.ParseHTML(p.id, p.url, p.raw)
	if err != nil {
		return ""
	}
	if withTitle {
		return a.Text
	}
	return clean.BodyText(a)
}

func load(evalDir string) ([]page, error) {
	gt, err := os.ReadFile(filepath.Join(evalDir, "html", "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(gt, &truth); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var pages []page
	for _, id := range ids {
		f, err := os.Open(filepath.Join(evalDir, "html", "pages", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		raw, err := io.ReadAll(io.LimitReader(zr, clean.MaxInput))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		pages = append(pages, page{id: id, url: truth[id].URL, raw: raw})
	}
	return pages, nil
}

func defaultEval() string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "eval")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared/eval"
		}
		dir = parent
	}
}
