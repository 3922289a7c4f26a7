package ingest_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/ingest"
	"github.com/flowwatch/flowwatch/internal/corpus"
	"github.com/flowwatch/flowwatch/sqlite"
)

// BenchmarkIngest measures the pipeline alone (no file reading, no
// process start): clean, extract and save generated articles into SQLite.
// bench/ingest measures the whole command.
func BenchmarkIngest(b *testing.B) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	p := &ingest.Pipeline{Store: st, Extractor: extract.New(domain.Default())}
	docs := make([]ingest.Doc, b.N)
	for i := range docs {
		a := corpus.Generate(3, i)
		docs[i] = ingest.Doc{Origin: a.Name, Name: a.Name, Raw: []byte(a.Text)}
	}
	b.ResetTimer()
	res, err := p.IngestDocs(context.Background(), docs)
	if err != nil {
		b.Fatal(err)
	}
	if res.New != b.N {
		b.Fatalf("%+v", res)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
