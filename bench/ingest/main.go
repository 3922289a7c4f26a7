// Command ingest benchmarks `flowwatch ingest` end to end: it writes N
// generated articles (varied figures, places, sources and page clutter,
// from internal/corpus) as text files, runs the real binary on them into
// a fresh SQLite file, and prints articles/s, peak RSS and database size.
// Then it times `flowwatch claims` with two filters and `flowwatch search`,
// both as whole commands (process start included) and as store queries
// alone, and prints p50/p99 of each.
//
//	go run ./bench/ingest -n 100000
//
// With -postgres URL (default $FLOWWATCH_TEST_POSTGRES), the same corpus
// is then ingested into a fresh PostgreSQL database on that server and the
// same figures are printed for it, beside SQLite's.
//
// The corpus is kept in -dir for reruns (it is regenerated when its
// article count differs); the databases are always fresh.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/corpus"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/flowwatch/flowwatch/sqlite"
	"github.com/jackc/pgx/v5"
)

func main() {
	n := flag.Int("n", 100_000, "articles to generate and ingest")
	dir := flag.String("dir", "", "corpus directory (default: $TMPDIR/flowwatch-bench-ingest-N); kept for reruns")
	bin := flag.String("bin", "", "flowwatch binary (default: built from ./cmd/flowwatch)")
	queries := flag.Int("queries", 200, "timed runs of each query")
	jsonl := flag.Bool("jsonl", false, "ingest one JSON Lines file of records instead of a directory of text files")
	queryDB := flag.String("query-db", "", "skip ingesting: only time the queries on this existing database")
	pg := flag.String("postgres", os.Getenv("FLOWWATCH_TEST_POSTGRES"), "also benchmark PostgreSQL: a server `URL` on which a fresh database is made (empty: SQLite only)")
	flag.Parse()
	if *queryDB != "" {
		*bin = buildIfNeeded(*bin)
		if *bin == "" {
			os.Exit(1)
		}
		if err := timeQueries(*bin, *queryDB, *queries); err != nil {
			fmt.Fprintln(os.Stderr, "bench/ingest:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*n, *dir, *bin, *queries, *jsonl, *pg); err != nil {
		fmt.Fprintln(os.Stderr, "bench/ingest:", err)
		os.Exit(1)
	}
}

// buildIfNeeded builds flowwatch into a temporary directory unless bin
// names a binary already; "" means the build failed (and was reported).
func buildIfNeeded(bin string) string {
	if bin != "" {
		return bin
	}
	dir, err := os.MkdirTemp("", "flowwatch-bench-ingest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/ingest:", err)
		return ""
	}
	bin = filepath.Join(dir, "flowwatch")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/flowwatch").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "bench/ingest: go build: %v\n%s", err, out)
		return ""
	}
	return bin
}

func run(n int, dir, bin string, queries int, jsonl bool, pg string) error {
	if n < 1 || queries < 1 {
		return fmt.Errorf("-n and -queries must be positive")
	}
	work, err := os.MkdirTemp("", "flowwatch-bench-ingest-run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if bin == "" {
		bin = filepath.Join(work, "flowwatch")
		fmt.Fprintln(os.Stderr, "building flowwatch ...")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/flowwatch").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("flowwatch-bench-ingest-%d", n))
	}
	input, err := ensureCorpus(dir, n, jsonl)
	if err != nil {
		return err
	}

	db := filepath.Join(work, "bench.db")
	fmt.Println("== sqlite")
	if err := ingestInto(bin, db, input, n, func() int64 { return fileSize(db) }); err != nil {
		return err
	}
	if err := timeQueries(bin, db, queries); err != nil {
		return err
	}
	if pg == "" {
		return nil
	}
	dsn, drop, err := freshPostgres(pg, n)
	if err != nil {
		return err
	}
	defer drop()
	fmt.Println("== postgres")
	if err := ingestInto(bin, dsn, input, n, func() int64 { return pgSize(dsn) }); err != nil {
		return err
	}
	return timeQueries(bin, dsn, queries)
}

// ingestInto runs flowwatch ingest on input into db and prints its rate,
// CPU time, peak RSS and the database's size.
func ingestInto(bin, db, input string, n int, size func() int64) error {
	cmd := exec.Command(bin, "ingest", "--db", db, "--json", "-q", input)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	elapsed := time.Since(start)
	if err != nil {
		return fmt.Errorf("ingest: %v", err)
	}
	var res struct {
		New, Unchanged, Updated, Failed, Claims int
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return fmt.Errorf("ingest summary %q: %v", out, err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	sz := size()
	fmt.Printf("ingest: %d articles (%d new, %d failed), %d claims in %.1fs: %.0f articles/s\n",
		res.New+res.Unchanged+res.Updated+res.Failed, res.New, res.Failed, res.Claims, elapsed.Seconds(), float64(n)/elapsed.Seconds())
	fmt.Printf("ingest: CPU %.1fs user + %.1fs system; peak RSS %.0f MB; database %.0f MB (%.1f KB per article)\n",
		time.Duration(ru.Utime.Nano()).Seconds(), time.Duration(ru.Stime.Nano()).Seconds(),
		float64(ru.Maxrss)/1024, float64(sz)/(1<<20), float64(sz)/1024/float64(n))
	return nil
}

func fileSize(db string) int64 {
	size := int64(0)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			size += fi.Size()
		}
	}
	return size
}

// freshPostgres makes database flowwatch_bench_ingest_N on the server of
// base (dropping an old one) and returns its URL and a function that
// drops it.
func freshPostgres(base string, n int) (string, func(), error) {
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		return "", nil, fmt.Errorf("postgres: %v", err)
	}
	name := fmt.Sprintf("flowwatch_bench_ingest_%d", n)
	for _, q := range []string{"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name} {
		if _, err := admin.Exec(ctx, q); err != nil {
			admin.Close(ctx)
			return "", nil, fmt.Errorf("postgres: %v", err)
		}
	}
	u, err := url.Parse(base)
	if err != nil {
		admin.Close(ctx)
		return "", nil, err
	}
	u.Path = "/" + name
	drop := func() {
		admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close(ctx)
	}
	return u.String(), drop, nil
}

func pgSize(dsn string) int64 {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0
	}
	defer c.Close(ctx)
	var n int64
	c.QueryRow(ctx, "SELECT pg_database_size(current_database())").Scan(&n)
	return n
}

// ensureCorpus writes the corpus unless dir already holds it.
func ensureCorpus(dir string, n int, jsonl bool) (string, error) {
	stamp := filepath.Join(dir, ".complete")
	want := fmt.Sprintf("%d %v", n, jsonl)
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		fmt.Fprintf(os.Stderr, "reusing corpus in %s\n", dir)
		return input(dir, jsonl), nil
	}
	fmt.Fprintf(os.Stderr, "writing %d articles to %s ...\n", n, dir)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var f *os.File
	var enc *json.Encoder
	if jsonl {
		var err error
		if f, err = os.Create(input(dir, true)); err != nil {
			return "", err
		}
		enc = json.NewEncoder(f)
	}
	for i := 0; i < n; i++ {
		a := corpus.Generate(1, i)
		if jsonl {
			// A record carries its metadata as fields, not as a header.
			head, body, _ := strings.Cut(a.Text, "\n---\n")
			rec := map[string]string{"text": body}
			for _, line := range strings.Split(head, "\n") {
				if k, v, ok := strings.Cut(line, ": "); ok {
					rec[k] = v
				}
			}
			if err := enc.Encode(rec); err != nil {
				return "", err
			}
			continue
		}
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return "", err
			}
		}
		if err := os.WriteFile(filepath.Join(sub, a.Name+".txt"), []byte(a.Text), 0o644); err != nil {
			return "", err
		}
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return "", err
		}
	}
	return input(dir, jsonl), os.WriteFile(stamp, []byte(want), 0o644)
}

func input(dir string, jsonl bool) string {
	if jsonl {
		return filepath.Join(dir, "articles.jsonl")
	}
	return dir
}

var (
	groups  = []string{"workers", "soldiers", "engineers", "nationals"}
	places  = []string{"Russia", "Kursk Oblast", "Vladivostok", "Moscow", "Khabarovsk", "Donbas", "Primorsky Krai"}
	sources = []string{"NIS", "ISW", "Daily NK", "TASS", "Yonhap"}
	words   = []string{"soldiers", "workers Vladivostok", "deployed Kursk", "construction", "intelligence service", "hard currency", "border statistics"}
)

// twoFilters are the `claims` queries timed: each pairs two filters, the
// way an analyst narrows a list.
func twoFilters(r *rand.Rand) []string {
	g := groups[r.IntN(len(groups))]
	switch r.IntN(4) {
	case 0:
		return []string{"--group", g, "--place", places[r.IntN(len(places))]}
	case 1:
		return []string{"--group", g, "--source", sources[r.IntN(len(sources))]}
	case 2:
		return []string{"--place", places[r.IntN(len(places))], "--since", fmt.Sprintf("2025-%02d-01", 1+r.IntN(9))}
	}
	return []string{"--group", g, "--min", strconv.Itoa(1000 * (1 + r.IntN(15)))}
}

func filterOf(args []string) flowwatch.ClaimFilter {
	f := flowwatch.ClaimFilter{LatestVersionsOnly: true}
	for i := 0; i+1 < len(args); i += 2 {
		switch v := args[i+1]; args[i] {
		case "--group":
			f.Group = v
		case "--place":
			f.Place = v
		case "--source":
			f.Source = v
		case "--since":
			f.Since, _ = flowwatch.ParseDate(v)
		case "--min":
			x, _ := strconv.ParseFloat(v, 64)
			f.MinValue = &x
		}
	}
	return f
}

func timeQueries(bin, db string, n int) error {
	r := rand.New(rand.NewPCG(1, 2))
	var cliClaims, cliSearch []time.Duration
	rows := 0
	for i := 0; i < n; i++ {
		args := twoFilters(r)
		t0 := time.Now()
		out, err := exec.Command(bin, append([]string{"claims", "--db", db, "--format", "jsonl", "--limit", "100"}, args...)...).Output()
		if err != nil {
			return fmt.Errorf("claims %v: %v", args, err)
		}
		cliClaims = append(cliClaims, time.Since(t0))
		rows += strings.Count(string(out), "\n")
		q := words[r.IntN(len(words))]
		t0 = time.Now()
		if _, err := exec.Command(bin, "search", "--db", db, "--format", "jsonl", "--limit", "20", q).Output(); err != nil {
			return fmt.Errorf("search %q: %v", q, err)
		}
		cliSearch = append(cliSearch, time.Since(t0))
	}
	fmt.Printf("claims (two filters, first 100 rows; %.0f rows on average), whole command: %s\n", float64(rows)/float64(n), pct(cliClaims))
	fmt.Printf("search (first 20 hits), whole command: %s\n", pct(cliSearch))

	ctx := context.Background()
	var st flowwatch.Store
	var err error
	if strings.HasPrefix(db, "postgres") {
		st, err = postgres.Open(ctx, db)
	} else {
		st, err = sqlite.Open(ctx, db)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	var qClaims, qSearch []time.Duration
	for i := 0; i < n; i++ {
		f := filterOf(twoFilters(r))
		f.Limit = 100
		t0 := time.Now()
		if _, err := st.Claims(ctx, f); err != nil {
			return err
		}
		qClaims = append(qClaims, time.Since(t0))
		t0 = time.Now()
		if _, err := st.Search(ctx, words[r.IntN(len(words))], 20); err != nil {
			return err
		}
		qSearch = append(qSearch, time.Since(t0))
	}
	fmt.Printf("claims (two filters, first 100 rows), store query alone: %s\n", pct(qClaims))
	fmt.Printf("search (first 20 hits), store query alone: %s\n", pct(qSearch))
	return nil
}

func pct(ds []time.Duration) string {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	return fmt.Sprintf("p50 %.1f ms, p99 %.1f ms (n=%d)", ms(at(0.50)), ms(at(0.99)), len(ds))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
