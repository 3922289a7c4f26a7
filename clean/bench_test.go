package clean

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"codeberg.org/readeck/go-readability/v2"
)

// benchPages reads the first n pages of the external HTML test set, or
// skips: the pages are not part of the repository.
func benchPages(b *testing.B, n int) [][]byte {
	e := evalDir(b)
	paths, _ := filepath.Glob(filepath.Join(e, "html", "pages", "*.html.gz"))
	if len(paths) == 0 {
		b.Skip("no HTML test pages")
	}
	sort.Strings(paths)
	if len(paths) > n {
		paths = paths[:n]
	}
	var pages [][]byte
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
	}
	return pages
}

func totalLen(pages [][]byte) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	return n
}

// cpuTime is the process's CPU time (user and system). Benchmarks report
// it per op as cpu-ns/op next to wall time: on a machine shared with other
// jobs, wall time swings by 2x between runs while CPU time holds.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkParseHTML and BenchmarkReadabilityOnly run over the same 20
// pages; their ratio (cpu-ns/op) is the cost of flowwatch's HTML path over
// plain go-readability (target: at most 1.2).
func BenchmarkParseHTML(b *testing.B) {
	pages := benchPages(b, 20)
	b.SetBytes(totalLen(pages))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		for j, p := range pages {
			if _, err := ParseHTML(fmt.Sprint(j), "https://example.com/a", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReadabilityOnly(b *testing.B) {
	pages := benchPages(b, 20)
	u, _ := url.Parse("https://example.com/a")
	b.SetBytes(totalLen(pages))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			parser := readability.NewParser()
			art, err := parser.Parse(bytes.NewReader(p), u)
			if err != nil {
				b.Fatal(err)
			}
			var sb strings.Builder
			art.RenderText(&sb)
		}
	}
}

// benchText is a scraped page of about 1 MB: boilerplate strips, captions
// and related blocks around many body paragraphs.
func benchText() []byte {
	var sb strings.Builder
	sb.WriteString("58.1 F\nPortville\nMonday, June 2, 2025\n\nPort hires welders for the new dock\n\n- Advertisement -\n\n")
	for i := 0; sb.Len() < 1<<20; i++ {
		fmt.Fprintf(&sb, "The port authority said that %d welders would arrive in group %d before the summer, and that another %d were expected later in the year.\n\n", 100+i, i, 50+i)
		if i%10 == 0 {
			fmt.Fprintf(&sb, "File Photo: The dock at dusk number %d (Jane Roe/Port Daily)\n\nSection %d\n\n", i, i)
		}
	}
	sb.WriteString("Related Articles\n\nOther news about 3,000 people\n\nLeave a comment\n")
	return []byte(sb.String())
}

func BenchmarkParseText(b *testing.B) {
	raw := benchText()
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		if _, err := Parse("bench", raw); err != nil {
			b.Fatal(err)
		}
	}
}
