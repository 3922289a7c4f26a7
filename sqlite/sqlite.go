// Package sqlite is the default flowwatch.Store: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode with FTS5 full-text search.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/flowwatch/flowwatch"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a flowwatch.Store in one SQLite file.
//
// Writes go through a pool of one connection so that writers in this
// process queue in Go instead of spinning in SQLite's busy handler; reads
// use their own pool, which WAL lets run beside the writer. Writers in
// other processes are waited for (busy_timeout) and never interleave:
// every write transaction begins IMMEDIATE.
type Store struct {
	path string
	w, r *sql.DB
	// scan reads whole tables and indexes (see pool): its connections
	// map nothing and cache little.
	scan *sql.DB

	saves atomic.Int64 // articles saved since Open

	selArticle, insArticle, selVersion *sql.Stmt
	insVersion, insSearch              *sql.Stmt
	insClaims, insPlaces               rowInserts
}

var _ flowwatch.Store = (*Store)(nil)

// busyTimeout is how long a write waits for another process's write.
const busyTimeout = 30 * time.Second

// Open opens (creating if needed) the database file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "sqlite:")
	if path == "" || strings.ContainsAny(path, "?#") || path == ":memory:" {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "sqlite database path %q: give a file name without '?' or '#'", path)
	}
	s := &Store{path: path}
	s.insClaims.head = `INSERT INTO claims (id, version_id, seq, latest, article, kind, grp, event, low, high, qualifier,
		unit, per, place, when_from, when_to, source, via, orgs, lang, quote, start, "end", extractor, outlet, url, published,
		measure, increment, scope, page) VALUES`
	s.insClaims.row = "(" + strings.TrimSuffix(strings.Repeat("?, ", claimInsertCols), ", ") + ")"
	// Group and event are copied for the place filter (migration 0005).
	s.insPlaces.head = `INSERT OR IGNORE INTO claim_places (claim_id, place, grp, event) VALUES`
	s.insPlaces.row = "(?, ?, ?, ?)"
	var err error
	if s.w, err = sql.Open("sqlite", dsn(path, connWrite)); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	s.w.SetConnMaxIdleTime(0)
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	// Planner statistics, so that SQLite picks the most selective index
	// for a filter. Refreshed only when a table has grown or shrunk a lot
	// since, so most opens skip it. No analysis_limit: sampling the start
	// of an index misjudges columns with few values (kind, group).
	if _, err := s.w.ExecContext(ctx, "PRAGMA optimize = 0x10002"); err != nil {
		s.w.Close()
		return nil, s.fail(ctx, "analyze", err)
	}
	if err := s.openReaders(path); err != nil {
		s.w.Close()
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openReaders opens the read pools: sql.Open connects on first use, so a
// pool that is never used costs nothing.
func (s *Store) openReaders(path string) error {
	var err error
	if s.r, err = sql.Open("sqlite", dsn(path, connRead)); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU())
	s.r.SetMaxOpenConns(n)
	s.r.SetMaxIdleConns(n)
	if s.scan, err = sql.Open("sqlite", dsn(path, connScan)); err != nil {
		s.r.Close()
		return fmt.Errorf("open %s: %w", path, err)
	}
	s.scan.SetMaxOpenConns(n)
	s.scan.SetMaxIdleConns(n)
	return nil
}

// pool is the read pool for a read that visits many rows when many is
// true: more rows than a page (DefaultLimit), such as every claim for
// reconciliation or the server's claim index, or every entry of an index
// (Revision's and Stats' counts). Each connection of the read pool maps
// the file (mmap_size), and a page counts in the process's resident size
// once per connection that touched it, plus its neighbours (the kernel
// maps 64 KB around a fault: counting the 1.8 MB index of 100,000 claims
// made 23 MB resident). Whole reads spread over the pool thus showed the
// database up to four times: 205 MB resident for an 80 MB file in
// `flowwatch serve` (BenchmarkConcurrentFacts100k). Through the scan
// pool the pages come from the kernel's page cache, which no process's
// resident size counts, into a small cache. Decoding rows costs far more
// than reading pages: reading 100,000 claims took the same CPU either way
// within noise (1.7-2.0 s), 5-20% more when paged 5,000 at a time; a
// Revision 0.5 ms either way once cached (7 ms on a new connection).
func (s *Store) pool(many bool) *sql.DB {
	if many && s.scan != nil {
		return s.scan
	}
	return s.r
}

// manyRows says whether a limit lets a read return more than a page.
func manyRows(limit int) bool {
	return limit < 0 || limit > flowwatch.DefaultLimit
}

type connMode int

const (
	connWrite connMode = iota
	connRead
	connScan
)

// Writer connection settings (see dsn).
const (
	writerCacheKB      = 64 << 10
	walCheckpointPages = 32768
)

func dsn(path string, mode connMode) string {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.Itoa(int(busyTimeout/time.Millisecond)))
	q.Set("_foreign_keys", "1")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	q.Add("_pragma", "temp_store(MEMORY)")
	switch mode {
	case connRead:
		q.Add("_pragma", "cache_size(-32000)")
		q.Set("_query_only", "1")
		// Reads through a memory map rather than copying each page into a
		// cache they allocate: a cold query costs about half the CPU
		// (70 -> 20 ms for a page of claims, 45 -> 23 ms for a search, on
		// 100,000 articles). SQLite caps the map at its compiled maximum
		// (2 GB); the rest of a larger file is read as usual.
		q.Add("_pragma", "mmap_size(2147418112)")
	case connScan:
		// A scan reads each page about once; the cache holds the smallest
		// index of claims (1.8 MB at 100,000), which Revision counts, so
		// that polling it reads no page twice. No map (see pool).
		q.Add("_pragma", "cache_size(-4000)")
		q.Set("_query_only", "1")
		q.Add("_pragma", "mmap_size(0)")
	default:
		// The writer's cache holds the claim indexes' right edges and
		// the pages of a batch; bulk ingest spends less time fetching
		// pages with more. A checkpoint every 32,768 WAL pages (128 MB)
		// instead of SQLite's 1,000 writes a page that many transactions
		// changed (the leaves of indexes whose keys arrive in random
		// order) to the database once instead of many times: with
		// batches of 1,024 articles, 26.6 KB written per article against
		// 37.4 KB at 8,192 pages and batches of 512 (BenchmarkSaveBatches).
		q.Add("_pragma", fmt.Sprintf("cache_size(%d)", -writerCacheKB))
		q.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", walCheckpointPages))
	}
	return path + "?" + q.Encode()
}

// Close releases the database. (Planner statistics are refreshed at Open,
// not here, so that a command never lingers on exit.)
func (s *Store) Close() error {
	var errs []error
	for _, st := range []*sql.Stmt{s.selArticle, s.insArticle, s.selVersion, s.insVersion, s.insSearch} {
		if st != nil {
			st.Close()
		}
	}
	s.insClaims.close()
	s.insPlaces.close()
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.scan != nil {
		errs = append(errs, s.scan.Close())
	}
	return errors.Join(errs...)
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, in order, in one IMMEDIATE transaction: a second
// process opening the same file at once waits, then finds them applied.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(ctx, "open database", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return s.fail(ctx, "migrate", err)
	}
	applied := map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return s.fail(ctx, "migrate", err)
	}
	newest := 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return s.fail(ctx, "migrate", err)
		}
		applied[v] = true
		newest = max(newest, v)
	}
	rows.Close()
	known := 0
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		known = max(known, v)
		if applied[v] {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return s.fail(ctx, "migrate "+base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			v, base, fmtTime(time.Now())); err != nil {
			return s.fail(ctx, "migrate "+base, err)
		}
	}
	if newest > known {
		return flowwatch.Errorf(flowwatch.EINVALID, "database %s has schema version %d, newer than this flowwatch knows (%d): upgrade flowwatch", s.path, newest, known)
	}
	if err := tx.Commit(); err != nil {
		return s.fail(ctx, "migrate", err)
	}
	return nil
}

func (s *Store) prepare(ctx context.Context) error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = s.w.PrepareContext(ctx, q)
		return st
	}
	s.selArticle = prep(`SELECT id FROM articles WHERE identity = ?`)
	s.insArticle = prep(`INSERT INTO articles (identity) VALUES (?)`)
	s.selVersion = prep(`SELECT id, version, latest, first_seen, last_seen FROM article_versions WHERE article_id = ? AND hash = ?`)
	s.insVersion = prep(`INSERT INTO article_versions (article_id, version, latest, name, url, title, outlet,
		published, lang, text, hash, first_seen, last_seen) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	s.insSearch = prep(`INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)`)
	if err != nil {
		return s.fail(ctx, "prepare statements", err)
	}
	return nil
}

// fail wraps err with op, turning the faults a user can act on (full
// disk, a file locked or unwritable) into application errors that say so.
func (s *Store) fail(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		// database/sql reports a transaction cut off by its context in
		// several ways ("statement is closed", "tx done"): say why.
		return fmt.Errorf("%s: %w", op, ctx.Err())
	}
	var e *flowwatch.Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", op, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: the disk holding %s is full; nothing was written; free space and retry", op, s.path)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: database %s stayed locked by another process for %s; retry later", op, s.path, busyTimeout)
		case sqlite3.SQLITE_CANTOPEN:
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: cannot open database %s: check that its directory exists and is writable", op, s.path)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: cannot write database %s (%v); check the path and its permissions", op, s.path, err)
		case sqlite3.SQLITE_IOERR:
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: i/o error on database %s (%v); nothing was written", op, s.path, err)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return flowwatch.Errorf(flowwatch.EINVALID, "%s: %s is not a flowwatch database or is damaged (%v)", op, s.path, err)
		case sqlite3.SQLITE_INTERRUPT:
			return fmt.Errorf("%s: %w", op, context.Canceled)
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// Times are stored as fixed-width UTC text with microseconds (what
// PostgreSQL keeps), so that text order is time order and both stores
// return the same instants.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func fmtTime(t time.Time) string { return t.UTC().Truncate(time.Microsecond).Format(timeLayout) }

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return fmtTime(t)
}

func parseTime(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s.String)
	}
	return t
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullDate(d flowwatch.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func parseDate(s sql.NullString) flowwatch.Date {
	if !s.Valid || s.String == "" {
		return flowwatch.Date{}
	}
	d, _ := flowwatch.ParseDate(s.String)
	return d
}

func limitOffset(limit, offset int) string {
	if limit == 0 {
		limit = flowwatch.DefaultLimit
	}
	if limit < 0 {
		limit = -1 // SQLite: no limit
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(offset, 0))
}
