// Command load measures the API under concurrent clients: it fills a
// SQLite database with generated claims (or reuses one given with -db),
// starts the real server on a loopback port, waits for the server's
// in-memory claim index to load, and sends a bounded number of
// /api/claims requests with filters from many clients at once, then
// prints latency percentiles, the error count, CPU per request and memory.
//
//	go run ./bench/load -claims 100000 -clients 100 -requests 50000
//	go run ./bench/load -db /tmp/load.db -requests 50000 -response-cache 0
//	go run ./bench/load -db /tmp/load.db -requests 50000 -distinct
//
// Modes: the default has the server's 1 s response cache and its claim
// index; -response-cache 0 turns the cache off (every request is answered
// from the index); -distinct makes every URL distinct, so that no cache
// can answer; -no-index sends every request to the store (SQLite), as
// before the index. Each client holds one keep-alive HTTP/1.1 connection
// (-std-client uses net/http's Transport instead, which costs the shared
// CPU more).
//
// Load goes to 127.0.0.1 only, and the run stops by itself after -requests
// or -duration, whichever comes first.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/flowwatch/flowwatch"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/sqlite"
)

func main() {
	nClaims := flag.Int("claims", 100_000, "claims to generate")
	perArticle := flag.Int("per-article", 10, "claims per generated article")
	clients := flag.Int("clients", 100, "concurrent clients")
	requests := flag.Int("requests", 20_000, "requests in total")
	duration := flag.Duration("duration", 2*time.Minute, "stop after this long even if requests remain")
	dbPath := flag.String("db", "", "database file (default: a temporary file, removed afterwards); an existing file with claims is reused")
	seedOnly := flag.Bool("seed-only", false, "fill the database and exit")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load phase to `FILE`")
	flag.DurationVar(&respTTL, "response-cache", time.Second, "the server's response cache TTL (0 turns it off)")
	flag.IntVar(&pages, "pages", 10, "requests go to a random one of the first `N` pages of 50 (by offset; 1: first pages only, which costs what any after_id cursor page costs)")
	flag.BoolVar(&warmAll, "warm-all", false, "before measuring, request every URL the load will send once (default mode: the steady state, without the response cache's cold start)")
	flag.BoolVar(&stdClient, "std-client", false, "clients use net/http's Transport (default: one plain keep-alive HTTP/1.1 connection each, which costs the shared CPU less)")
	flag.BoolVar(&noIndex, "no-index", false, "turn the server's in-memory claim index off (every request goes to the store)")
	flag.BoolVar(&distinct, "distinct", false, "make every request's URL distinct (an unreachable max filter), so no cache can answer")
	flag.Parse()
	profile = *cpuProfile
	if *clients < 1 || *requests < 1 || *nClaims < 1 || *perArticle < 1 || pages < 1 {
		fmt.Fprintln(os.Stderr, "load: -claims, -per-article, -clients, -requests and -pages must be positive")
		os.Exit(2)
	}
	if err := run(*nClaims, *perArticle, *clients, *requests, *duration, *dbPath, *seedOnly); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(nClaims, perArticle, clients, requests int, duration time.Duration, dbPath string, seedOnly bool) error {
	ctx := context.Background()
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "flowwatch-load-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "load.db")
	}
	store, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	have, err := store.CountClaims(ctx, flowwatch.ClaimFilter{})
	if err != nil {
		return err
	}
	if have < nClaims {
		t0 := time.Now()
		if err := generate(ctx, store, nClaims-have, perArticle, have/perArticle); err != nil {
			return err
		}
		fmt.Printf("generated %d claims in %s\n", nClaims-have, time.Since(t0).Round(time.Millisecond))
	}
	total, _ := store.CountClaims(ctx, flowwatch.ClaimFilter{})
	fmt.Printf("database %s: %d claims\n", dbPath, total)
	if seedOnly {
		return nil
	}

	// The per-client rate limit is off: all clients share one address, and
	// the benchmark measures the server, not the limiter.
	ttl := respTTL
	if ttl == 0 {
		ttl = -1
	}
	opts := fwhttp.Options{RatePerSec: -1, ResponseTTL: ttl}
	if noIndex {
		opts.ClaimIndexBytes = -1
	}
	srv := fwhttp.NewServer(store, opts)
	if err := srv.Listen("127.0.0.1:0"); err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	go srv.Serve(sctx)
	base := "http://" + srv.Addr()
	if !noIndex {
		// Measure the index, not the store answering while it loads.
		t0 := time.Now()
		for !srv.ClaimIndexReady() {
			if time.Since(t0) > time.Minute {
				return fmt.Errorf("claim index not loaded after a minute")
			}
			time.Sleep(10 * time.Millisecond)
		}
		n, b := srv.ClaimIndexStats()
		fmt.Printf("claim index: %d claims, %.1f MB, loaded in %s; server RSS %s\n", n, float64(b)/1e6, time.Since(t0).Round(time.Millisecond), rss())
	}

	// Buffers that hold a page of claims (25 KB) read it in one call: the
	// clients share the server's process and CPU, and the default 4 KB
	// buffer cost them a read per 4 KB.
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute,
		ReadBufferSize: 64 << 10}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	queries := filterQueries()

	// Warm up, one request at a time: fills SQLite's page cache and shows
	// each query's latency without contention.
	fmt.Println("single requests:")
	for _, q := range queries {
		for i := range 3 {
			t := time.Now()
			if _, err := get(client, base+q); err != nil {
				return fmt.Errorf("warm-up %s: %w", q, err)
			}
			if i == 2 {
				fmt.Printf("  %8s  %s\n", ms(time.Since(t)), q)
			}
		}
	}

	if warmAll {
		for _, q := range queries {
			for page := range pages {
				if _, err := get(client, base+q+fmt.Sprintf("&offset=%d", page*50)); err != nil {
					return fmt.Errorf("warm-up %s: %w", q, err)
				}
			}
		}
	}

	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	cpu0 := cpuTime()
	var next atomic.Int64
	var errs atomic.Int64
	var firstErr atomic.Value
	lat := make([][]time.Duration, clients)
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	t0 := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			conn := &conn{addr: srv.Addr()}
			defer conn.close()
			for {
				i := next.Add(1)
				if i > int64(requests) || time.Now().After(deadline) {
					return
				}
				q := queries[rng.IntN(len(queries))] + fmt.Sprintf("&offset=%d", rng.IntN(pages)*50)
				if distinct && !strings.Contains(q, "max=") {
					// A bound no figure reaches: same rows, new URL, so
					// neither the response nor the total can come from a cache.
					q += fmt.Sprintf("&max=%d", 1_000_000_000+i)
				}
				start := time.Now()
				var status int
				var err error
				if stdClient {
					status, err = get(client, base+q)
				} else {
					status, err = conn.get(q)
				}
				lat[c] = append(lat[c], time.Since(start))
				if err != nil || status != 200 {
					errs.Add(1)
					if err == nil {
						err = fmt.Errorf("status %d", status)
					}
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%s: %v", q, err))
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(t0)
	cpu := cpuTime() - cpu0
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))]
	}
	mode := fmt.Sprintf("response cache %s", respTTL)
	if respTTL == 0 {
		mode = "response cache off"
	}
	if distinct {
		mode += ", every URL distinct"
	}
	if warmAll {
		mode += ", every URL requested once before"
	}
	if pages != 10 {
		mode += fmt.Sprintf(", offsets 0-%d", (pages-1)*50)
	}
	fmt.Printf("%d clients, %d requests to /api/claims with filters over %d claims in %s (%.0f req/s; %s)\n",
		clients, len(all), total, elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(), mode)
	fmt.Printf("p50 %s  p90 %s  p99 %s  max %s  errors %d\n",
		ms(pct(0.50)), ms(pct(0.90)), ms(pct(0.99)), ms(all[len(all)-1]), errs.Load())
	// CPU per request (server and clients together, both in this process)
	// says what the machine could do unloaded: the latencies above also
	// count time spent waiting for a core that other processes hold.
	fmt.Printf("CPU %.3fms per request (server and clients); load average at the end %s; RSS %s\n",
		float64((cpu/time.Duration(max(1, len(all)))).Microseconds())/1000, loadavg(), rss())
	if e := firstErr.Load(); e != nil {
		fmt.Println("first error:", e)
	}
	return nil
}

var (
	profile  string
	respTTL  time.Duration
	distinct bool
	warmAll  bool
	noIndex  bool
	// stdClient: the clients share the server's process and two cores, so
	// what they cost is taken from the server; net/http's Transport hands
	// every request to two goroutines of its own per connection.
	stdClient bool
	pages     int
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

// rss is this process's resident memory (server, clients and SQLite's
// page cache together).
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			return strings.Join(strings.Fields(l)[1:], " ")
		}
	}
	return "unknown"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// conn is one client's keep-alive HTTP/1.1 connection, as a browser tab
// holds one: a request is written, its response read whole.
type conn struct {
	addr string
	c    net.Conn
	br   *bufio.Reader
}

func (c *conn) get(path string) (int, error) {
	if c.c == nil {
		nc, err := net.DialTimeout("tcp", c.addr, 10*time.Second)
		if err != nil {
			return 0, err
		}
		c.c, c.br = nc, bufio.NewReaderSize(nc, 64<<10)
	}
	c.c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c.c, "GET "+path+" HTTP/1.1\r\nHost: "+c.addr+"\r\nUser-Agent: flowwatch-load\r\n\r\n"); err != nil {
		c.close()
		return 0, err
	}
	res, err := http.ReadResponse(c.br, nil)
	if err != nil {
		c.close()
		return 0, err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err != nil || res.Close {
		c.close()
	}
	return res.StatusCode, err
}

func (c *conn) close() {
	if c.c != nil {
		c.c.Close()
		c.c = nil
	}
}

func get(c *http.Client, url string) (int, error) {
	res, err := c.Get(url)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return res.StatusCode, err
}

// filterQueries are the filters an analyst's dashboard sends.
func filterQueries() []string {
	return []string{
		"/api/claims?group=soldiers&event=sent&limit=50",
		"/api/claims?kind=people&group=workers&limit=50",
		"/api/claims?kind=money&limit=50",
		"/api/claims?place=Kursk+Oblast&limit=50",
		"/api/claims?source=NIS&since=2024-06-01&limit=50",
		"/api/claims?kind=people&min=1000&max=20000&limit=50",
		"/api/claims?outlet=Outlet+7&limit=50",
		"/api/claims?group=soldiers&event=killed&since=2024-10-01&until=2025-06-30&limit=50",
		"/api/claims?limit=50",
	}
}

var (
	groups  = []string{"soldiers", "soldiers", "soldiers", "workers", "workers", "engineers", "it_workers", "nationals"}
	events  = []string{"sent", "sent", "present", "killed", "wounded", "captured", "planned", "recruited", "entered", "withdrawn"}
	places  = []string{"Kursk Oblast", "Russia", "Vladivostok", "Donbas", "Moscow", "Khabarovsk", "Primorsky Krai", "Zaporizhzhia Oblast"}
	sources = []string{"NIS", "ISW", "Sergei Shoigu", "TASS", "Daily NK", "UN Security Council", "Pentagon", "GUR", ""}
	nouns   = map[string]string{"soldiers": "troops", "workers": "labourers", "engineers": "military engineers", "it_workers": "IT workers", "nationals": "North Koreans"}
	verbs   = map[string]string{"sent": "were sent to", "present": "are now in", "killed": "were killed in", "wounded": "were wounded in",
		"captured": "were captured in", "planned": "will be sent to", "recruited": "were recruited for work in", "entered": "entered", "withdrawn": "were withdrawn from"}
)

// generate writes n claims, perArticle to an article, in sentences built
// from templates (so they are the project's own text).
func generate(ctx context.Context, s flowwatch.Store, n, perArticle, firstArticle int) error {
	rng := rand.New(rand.NewPCG(42, uint64(firstArticle)))
	start := flowwatch.NewDate(2023, 1, 1)
	for a := firstArticle; n > 0; a++ {
		pub := start.AddDays(rng.IntN(1000))
		outlet := fmt.Sprintf("Outlet %d", rng.IntN(40))
		var text strings.Builder
		fmt.Fprintf(&text, "Generated report %d\n\n", a)
		var claims []flowwatch.Claim
		for range min(perArticle, n) {
			c := flowwatch.Claim{Article: fmt.Sprintf("gen-%06d", a), Outlet: outlet, Published: pub}
			var quote string
			if rng.IntN(8) == 0 {
				amount := float64(200 + rng.IntN(30)*50)
				c.Kind, c.Group, c.Unit, c.Per, c.Qualifier = "money", "workers", "USD", "month", "exact"
				c.Low, c.High = flowwatch.F(amount), flowwatch.F(amount)
				quote = fmt.Sprintf("Each worker is paid about $%.0f a month, according to report %d.", amount, a)
			} else {
				g, e, pl := groups[rng.IntN(len(groups))], events[rng.IntN(len(events))], places[rng.IntN(len(places))]
				v := float64((1 + rng.IntN(300)) * 50)
				c.Kind, c.Group, c.Event, c.Unit, c.Qualifier = "people", g, e, "people", "exact"
				c.Low, c.High, c.Place = flowwatch.F(v), flowwatch.F(v), []string{pl}
				c.Source = sources[rng.IntN(len(sources))]
				quote = fmt.Sprintf("Officials said %.0f North Korean %s %s %s.", v, nouns[g], verbs[e], pl)
			}
			c.Start = text.Len()
			text.WriteString(quote)
			c.End = text.Len()
			c.Quote = quote
			text.WriteString(" ")
			claims = append(claims, c)
			n--
		}
		art := &flowwatch.Article{Name: fmt.Sprintf("gen-%06d", a), URL: fmt.Sprintf("https://example.org/generated/%d", a),
			Title: fmt.Sprintf("Generated report %d", a), Outlet: outlet, Published: pub, Lang: "en", Text: text.String()}
		if _, err := s.SaveArticle(ctx, art, claims); err != nil {
			return fmt.Errorf("save %s: %w", art.Name, err)
		}
	}
	return nil
}
