package storetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
)

// BenchSize is how many articles the query benchmarks fill a store with:
// $FLOWWATCH_BENCH_ARTICLES, default 100,000 (about 300,000 claims).
func BenchSize() int {
	if n, err := strconv.Atoi(os.Getenv("FLOWWATCH_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 100000
}

// BenchDir is bench/out under the module root, where filled benchmark
// databases are kept between runs (it is git-ignored).
func BenchDir(b testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
	out := filepath.Join(dir, "bench", "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		b.Fatal(err)
	}
	return out
}

// Fill saves generated articles until s holds n, from a few goroutines
// (as several ingest processes would), reporting the rate; a store filled
// by an earlier run is kept as it is.
func Fill(b testing.TB, s flowwatch.Store, n int) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Articles >= n {
		b.Logf("store already holds %d articles, %d claims", st.Articles, st.Claims)
		return
	}
	const workers = 4
	start, from := time.Now(), st.Articles
	var next atomic.Int64
	next.Store(int64(from))
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				a, claims := Generate(i)
				if _, err := s.SaveArticle(ctx, a, claims); err != nil {
					errs <- err
					return
				}
				if (i+1)%20000 == 0 {
					b.Logf("filled %d articles (%.0f/s)", i+1, float64(i+1-from)/time.Since(start).Seconds())
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	el := time.Since(start)
	st, _ = s.Stats(ctx)
	b.Logf("filled %d articles (%d claims) in %s: %.0f articles/s", n-from, st.Claims, el.Round(time.Millisecond), float64(n-from)/el.Seconds())
}

// Percentiles reports the p50 and p99 of ds as benchmark metrics in ms.
func Percentiles(b *testing.B, ds []time.Duration) (p50, p99 time.Duration) {
	if len(ds) == 0 {
		return 0, 0
	}
	slices.Sort(ds)
	p50, p99 = ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*99/100)]
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	return p50, p99
}

// BenchStore runs the store benchmarks on a store filled to BenchSize:
// pages of claims (limit 100) and their counts for two-filter queries on
// latest versions (the API's default), one query over all versions, and
// searches. Each reports p50 and p99 latency.
func BenchStore(b *testing.B, s flowwatch.Store) {
	ctx := context.Background()
	Fill(b, s, BenchSize())
	all := BenchFilters()
	latest, allVersions := all[:len(all)-1], all[len(all)-1]
	page := func(f flowwatch.ClaimFilter) func() (int, error) {
		f.Limit = 100
		return func() (int, error) { cs, err := s.Claims(ctx, f); return len(cs), err }
	}
	count := func(f flowwatch.ClaimFilter) func() (int, error) {
		return func() (int, error) { return s.CountClaims(ctx, f) }
	}
	timeEach := func(b *testing.B, fns []func() (int, error)) {
		var ds []time.Duration
		rows := 0
		for i := 0; b.Loop(); i++ {
			t := time.Now()
			n, err := fns[i%len(fns)]()
			if err != nil {
				b.Fatal(err)
			}
			ds = append(ds, time.Since(t))
			rows += n
		}
		b.ReportMetric(float64(rows)/float64(len(ds)), "rows/op")
		Percentiles(b, ds)
	}
	var pages, counts []func() (int, error)
	for _, f := range latest {
		pages, counts = append(pages, page(f)), append(counts, count(f))
	}
	b.Run("Claims", func(b *testing.B) { timeEach(b, pages) })
	b.Run("CountClaims", func(b *testing.B) { timeEach(b, counts) })
	// Each filter alone, so that a slow shape shows by name.
	for i := range latest {
		b.Run(fmt.Sprintf("Claims/%d", i), func(b *testing.B) { timeEach(b, pages[i:i+1]) })
		b.Run(fmt.Sprintf("CountClaims/%d", i), func(b *testing.B) { timeEach(b, counts[i:i+1]) })
	}
	b.Run("ClaimsAllVersions", func(b *testing.B) { timeEach(b, []func() (int, error){page(allVersions)}) })
	var searches []func() (int, error)
	for _, q := range BenchQueries() {
		searches = append(searches, func() (int, error) { hs, err := s.Search(ctx, q, 20); return len(hs), err })
	}
	b.Run("Search", func(b *testing.B) { timeEach(b, searches) })
}

// BenchSave times SaveArticle of generated articles into s.
func BenchSave(b *testing.B, s flowwatch.Store) {
	ctx := context.Background()
	i := 0
	for b.Loop() {
		a, claims := Generate(10_000_000 + i)
		if _, err := s.SaveArticle(ctx, a, claims); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
