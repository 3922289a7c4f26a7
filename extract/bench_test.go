package extract_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/internal/corpus"
)

// BenchmarkExtract measures extraction alone (cleaning is done before the
// timer) over generated articles; MB/s is bytes of cleaned text.
func BenchmarkExtract(b *testing.B) {
	var arts []*flowwatch.Article
	size := 0
	for i := 0; i < 200; i++ {
		g := corpus.Generate(1, i)
		a, err := clean.Parse(g.Name, []byte(g.Text))
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += len(a.Text)
	}
	x := extractor()
	b.SetBytes(int64(size))
	b.ResetTimer()
	claims := 0
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			claims += len(x.Extract(a))
		}
	}
	b.ReportMetric(float64(claims)/float64(b.N)/float64(len(arts)), "claims/article")
}
