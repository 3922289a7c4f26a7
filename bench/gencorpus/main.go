// Command gencorpus writes N generated articles into a directory, for the
// extract and ingest benchmarks (bench/extract, bench/ingest).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/flowwatch/flowwatch/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	seed := flag.Uint64("seed", 1, "corpus seed")
	dir := flag.String("dir", "", "output directory (created)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -dir is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		a := corpus.Generate(*seed, i)
		// Spread files over subdirectories so no directory gets huge.
		sub := filepath.Join(*dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				fmt.Fprintln(os.Stderr, "gencorpus:", err)
				os.Exit(1)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, a.Name+".txt"), []byte(a.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
}
