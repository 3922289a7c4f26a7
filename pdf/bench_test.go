package pdf_test

import (
	"context"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

// BenchmarkReport200 reads a generated 200-page report and reports pages
// per second and the peak heap while reading (sampled every millisecond,
// above the heap before the run).
func BenchmarkReport200(b *testing.B) {
	fx := pdftest.LongReport(200)
	b.SetBytes(int64(len(fx.PDF)))
	runtime.GC()
	base := heapBytes()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
				if h := heapBytes(); h > peak.Load() {
					peak.Store(h)
				}
			}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := pdf.Read(context.Background(), fx.PDF, pdf.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if d.Pages != 200 {
			b.Fatalf("%d pages", d.Pages)
		}
	}
	b.StopTimer()
	close(stop)
	<-done
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), base))/(1<<20), "peak-heap-MB")
}

// heapBytes reads the live heap without stopping the world
// (runtime.ReadMemStats would, every sample).
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
