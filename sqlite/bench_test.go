package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/internal/corpus"
	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/sqlite"
)

// BenchmarkStore fills bench/out/sqlite-N.db once (N from
// $FLOWWATCH_BENCH_ARTICLES, default 100,000) and times queries on it.
func BenchmarkStore(b *testing.B) {
	path := filepath.Join(storetest.BenchDir(b), fmt.Sprintf("sqlite-%d.db", storetest.BenchSize()))
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchStore(b, s)
}

func BenchmarkSaveArticle(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "save.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storetest.BenchSave(b, s)
}

// BenchmarkSaveBatches times the ingest writer alone: generated articles,
// cleaned and extracted beforehand, saved in batches of
// ingest.DefaultBatchSize into a fresh database (one b.N iteration is the
// whole set; FLOWWATCH_BENCH_ARTICLES, default 20,000, sets its size).
// cpu-ms/article is the process's CPU time, which a busy machine inflates
// less than the wall time; KB-written/article (database, WAL and
// checkpoints) does not depend on the machine at all.
func BenchmarkSaveBatches(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("FLOWWATCH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	ex := extract.New(domain.Default())
	type item struct {
		a      flowwatch.Article
		claims []flowwatch.Claim
	}
	items := make([]item, n)
	for i := range items {
		g := corpus.Generate(1, i)
		a, err := clean.ParseWith(g.Name, []byte(g.Text), clean.Meta{})
		if err != nil {
			b.Fatal(err)
		}
		sum := sha256.Sum256([]byte(a.Text))
		a.Hash = hex.EncodeToString(sum[:])
		items[i] = item{*a, ex.Extract(a)}
	}
	batch := ingest.DefaultBatchSize
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		s, err := sqlite.Open(context.Background(), filepath.Join(dir, "batches.db"))
		if err != nil {
			b.Fatal(err)
		}
		in := make([]flowwatch.ArticleClaims, 0, batch)
		w0 := wchar()
		b.StartTimer()
		cpu := cpuTime()
		for i := 0; i < n; i += batch {
			in = in[:0]
			for j := i; j < min(n, i+batch); j++ {
				a := items[j].a
				in = append(in, flowwatch.ArticleClaims{Article: &a, Claims: slices.Clone(items[j].claims)})
			}
			if _, err := s.SaveArticles(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(n), "cpu-ms/article")
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric(float64(wchar()-w0)/float64(n)/1024, "KB-written/article")
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// wchar is how many bytes the process has written (Linux; 0 elsewhere).
func wchar() int64 {
	b, _ := os.ReadFile("/proc/self/io")
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "wchar: "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}
