package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/servetest"
	"github.com/flowwatch/flowwatch/sqlite"
)

// BenchmarkConcurrentFacts100k reproduces the memory exhaustion of issue
// 13: the real `flowwatch serve` on 100,000 claims gets 50 concurrent
// /api/facts requests, each with a different filter, and the server's
// peak resident memory (VmHWM of its process, not of this one) must stay
// under 500 MB. Before facts were computed once per store revision and
// behind a semaphore, eight such requests took the server to 6.6 GB.
//
//	go test ./cmd/flowwatch -run '^$' -bench ConcurrentFacts -benchtime 1x
//
// FLOWWATCH_BENCH_CLAIMS changes the number of claims; FLOWWATCH_BENCH_DB
// keeps the generated database in that file (and reuses it if it exists).
func BenchmarkConcurrentFacts100k(b *testing.B) {
	n := 100_000
	if s := os.Getenv("FLOWWATCH_BENCH_CLAIMS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("FLOWWATCH_BENCH_CLAIMS=%q", s)
		}
		n = v
	}
	bin := testBinary(b)
	db := os.Getenv("FLOWWATCH_BENCH_DB")
	_, statErr := os.Stat(db)
	if db == "" {
		db = filepath.Join(b.TempDir(), "facts.db")
	}
	if db == os.Getenv("FLOWWATCH_BENCH_DB") && statErr == nil {
		b.Logf("reusing %s", db)
	} else {
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		if err := genFactsCorpus(st, n); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}

	srv := servetest.Start(b, 2*time.Minute, bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--rate", "0")
	base, pid := srv.URL, srv.Cmd.Process.Pid
	// Sampled, since no kernel counter keeps the peak of anonymous memory:
	// VmHWM also counts the database file's pages the readers map, which
	// the kernel can drop.
	var anonPeak int64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if v, err := procStatus(pid, "RssAnon:"); err == nil && v > anonPeak {
				anonPeak = v
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	const clients = 50
	queries := factQueries(clients)
	client := &http.Client{Timeout: 5 * time.Minute}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		var wg sync.WaitGroup
		errs := make(chan error, clients)
		for c, q := range queries {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each round's URLs differ from the last round's, so no
				// response cache answers them.
				res, err := client.Get(fmt.Sprintf("%s%s&offset=%d", base, q, i+c%3))
				if err != nil {
					errs <- err
					return
				}
				defer res.Body.Close()
				if _, err := io.Copy(io.Discard, res.Body); err != nil {
					errs <- err
					return
				}
				if res.StatusCode != http.StatusOK {
					errs <- fmt.Errorf("%s: status %d", q, res.StatusCode)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Error(err)
		}
	}
	b.StopTimer()
	close(stopSampling)
	<-sampled
	peak, err := procStatus(pid, "VmHWM:")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(clients), "concurrent")
	b.ReportMetric(float64(peak)/(1<<20), "server-peak-MB")
	b.ReportMetric(float64(anonPeak)/(1<<20), "server-anon-peak-MB")
	if peak > 500<<20 {
		b.Errorf("the server peaked at %d MB under %d concurrent facts requests at %d claims; the bound is 500 MB", peak>>20, clients, n)
	}
}

// factQueries returns n distinct /api/facts filters, as dashboards and
// scripts send them.
func factQueries(n int) []string {
	groups := []string{"", "soldiers", "workers", "engineers", "it_workers"}
	events := []string{"", "sent", "present", "killed", "wounded"}
	measures := []string{"", "stock", "flow", "cumulative", "plan", "casualties"}
	var qs []string
	for i := 0; len(qs) < n; i++ {
		q := fmt.Sprintf("/api/facts?limit=%d&evidence=%d", 50+i%4*50, 20+i%3*40)
		if g := groups[i%len(groups)]; g != "" {
			q += "&group=" + g
		}
		if e := events[i/len(groups)%len(events)]; e != "" {
			q += "&event=" + e
		}
		if m := measures[i%len(measures)]; m != "" && i%2 == 0 {
			q += "&measure=" + m
		}
		if i%7 == 0 {
			q += "&conflicts=true"
		}
		qs = append(qs, q)
	}
	return qs
}

// genFactsCorpus stores n generated claims, ten to an article, spread as
// reporting is: five groups, several events and measures, ten places,
// twenty sources, half with a stated month.
func genFactsCorpus(st flowwatch.Store, n int) error {
	r := rand.New(rand.NewPCG(13, 100))
	groups := []string{"workers", "soldiers", "soldiers", "engineers", "it_workers"}
	events := []struct{ event, measure string }{{"sent", flowwatch.MeasureFlow}, {"present", flowwatch.MeasureStock},
		{"killed", flowwatch.MeasureCasualties}, {"wounded", flowwatch.MeasureCasualties}, {"planned", flowwatch.MeasurePlan},
		{"entered", flowwatch.MeasureDocuments}, {"sent", flowwatch.MeasureCumulative}}
	places := [][]string{{"Russia"}, {"Kursk Oblast"}, {"Vladivostok"}, {"Donbas"}, {}, {"Moscow"}, {"Khabarovsk"}, {"Primorsky Krai"}, {"Zaporizhzhia Oblast"}, {"Novosibirsk"}}
	ctx := context.Background()
	var batch []flowwatch.ArticleClaims
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if bs, ok := st.(flowwatch.BatchSaver); ok {
			if _, err := bs.SaveArticles(ctx, batch); err != nil {
				return fmt.Errorf("save batch: %w", err)
			}
		} else {
			for i := range batch {
				if _, err := st.SaveArticle(ctx, batch[i].Article, batch[i].Claims); err != nil {
					return fmt.Errorf("save %s: %w", batch[i].Article.Name, err)
				}
			}
		}
		batch = batch[:0]
		return nil
	}
	for a := 0; n > 0; a++ {
		pub := flowwatch.NewDate(2024, 1, 1).AddDays(r.IntN(700))
		outlet := fmt.Sprintf("Outlet %d", r.IntN(200))
		var text strings.Builder
		fmt.Fprintf(&text, "Generated report %d\n\n", a)
		var claims []flowwatch.Claim
		for range min(10, n) {
			g, ev := groups[r.IntN(len(groups))], events[r.IntN(len(events))]
			v := float64(100 + r.IntN(20000))
			if r.IntN(2) == 0 {
				v = float64(1000 * (1 + r.IntN(20)))
			}
			quote := fmt.Sprintf("Officials said %.0f North Korean %s were counted as %s in report %d.", v, g, ev.event, a)
			c := flowwatch.Claim{Article: fmt.Sprintf("facts-%06d", a), Kind: "people", Group: g, Event: ev.event, Measure: ev.measure,
				Low: flowwatch.F(v), High: flowwatch.F(v), Qualifier: "approx", Unit: "people", Place: places[r.IntN(len(places))],
				Source: fmt.Sprintf("Source %d", r.IntN(20)), Outlet: outlet, Published: pub, Start: text.Len(), Quote: quote}
			if r.IntN(2) == 0 {
				m := flowwatch.NewDate(2024, time.Month(1+r.IntN(24)), 1)
				c.When = &flowwatch.Period{From: m, To: flowwatch.NewDate(m.Year, m.Month+1, 0)}
			}
			text.WriteString(quote)
			c.End = text.Len()
			text.WriteString(" ")
			claims = append(claims, c)
			n--
		}
		art := &flowwatch.Article{Name: fmt.Sprintf("facts-%06d", a), URL: fmt.Sprintf("https://example.org/facts/%d", a),
			Title: fmt.Sprintf("Generated report %d", a), Outlet: outlet, Published: pub, Lang: "en", Text: text.String()}
		batch = append(batch, flowwatch.ArticleClaims{Article: art, Claims: claims})
		if len(batch) == 200 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// procStatus reads a memory figure (VmHWM:, RssAnon:, ...) of process pid
// from /proc, in bytes.
func procStatus(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("proc status: %w", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return 0, fmt.Errorf("proc status %s: %w", field, err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("proc status: no %s in /proc/%d/status", field, pid)
}
