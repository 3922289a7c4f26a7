package extract_test

import (
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/extract/fit"
	"github.com/flowwatch/flowwatch/internal/corpus"
)

// BenchmarkExtract measures extraction alone (cleaning is done before the
// timer) over generated articles; MB/s is bytes of cleaned text.
func BenchmarkExtract(b *testing.B) { benchExtract(b, extractor()) }

// BenchmarkExtractRules is the same without the fitted stage: what the
// model costs is the difference.
func BenchmarkExtractRules(b *testing.B) { benchExtract(b, rules()) }

func benchExtract(b *testing.B, x *extract.Extractor) {
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
	b.SetBytes(int64(size))
	b.ResetTimer()
	claims := 0
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			claims += len(x.Extract(a))
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(claims)/float64(b.N)/float64(len(arts)), "claims/article")
	// On a machine shared with other work, wall-clock MB/s understates
	// the extractor; MB per CPU second (GC included) does not.
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkExtractTrain runs the whole pipeline over the real articles of
// ../shared/eval/train (all three languages), where figures are as sparse
// as in reporting; the generated corpus above is dense with them.
func BenchmarkExtractTrain(b *testing.B) {
	dir := evalDir(b, "train/en-mixed")
	if dir == "" {
		b.Skip("no ../shared/eval/train next to the module root")
	}
	docs, err := fit.LoadDir(filepath.Dir(dir))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Article.Text)
	}
	x := extractor()
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			x.Extract(d.Article)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}
