package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/internal/corpus"
	"github.com/flowwatch/flowwatch/sqlite"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngest measures the pipeline alone (no file reading, no
// process start): clean, extract and save generated articles into SQLite,
// one transaction per article (batch=1) and in batches. cpu-ms/article
// is the process's CPU time, which a busy machine inflates less than the
// wall time; bench/ingest measures the whole command.
func BenchmarkIngest(b *testing.B) {
	for _, size := range []int{1, ingest.DefaultBatchSize} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			p := &ingest.Pipeline{Store: st, Extractor: extract.New(domain.Default()), BatchSize: size}
			docs := make([]ingest.Doc, b.N)
			for i := range docs {
				a := corpus.Generate(3, i)
				docs[i] = ingest.Doc{Origin: a.Name, Name: a.Name, Raw: []byte(a.Text)}
			}
			b.ResetTimer()
			cpu := cpuTime()
			res, err := p.IngestDocs(context.Background(), docs)
			if err != nil {
				b.Fatal(err)
			}
			if res.New != b.N {
				b.Fatalf("%+v", res)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/article")
		})
	}
}
