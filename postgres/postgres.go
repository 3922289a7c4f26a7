// Package postgres is the flowwatch.Store for teams: several machines
// ingest into one PostgreSQL database (jackc/pgx/v5).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a flowwatch.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	host string // for messages; never the password
}

var _ flowwatch.Store = (*Store)(nil)

// migrateLock is the advisory lock key that makes two processes starting
// at once apply migrations one after the other.
const migrateLock = 0x666c6f77 // "flow"

// Open connects to the database at the postgres:// URL dsn and brings its
// schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "PostgreSQL URL %s: %v", redact(dsn), err)
	}
	s := &Store{host: fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, s.fail(ctx, "connect", err)
	}
	if err := s.pool.Ping(ctx); err != nil {
		s.pool.Close()
		return nil, s.fail(ctx, "connect", err)
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if err := s.analyze(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// analyze refreshes the planner's statistics of tables that changed much
// since they were last analysed. Autovacuum does this on most servers;
// where it is off, a query planned without statistics can take seconds
// instead of milliseconds.
func (s *Store) analyze(ctx context.Context) error {
	rows, err := s.pool.Query(ctx, `SELECT relname FROM pg_stat_user_tables
		WHERE schemaname = current_schema() AND relname IN ('articles', 'article_versions', 'claims')
		AND n_mod_since_analyze > 1000 + n_live_tup / 10`)
	if err != nil {
		return s.fail(ctx, "check statistics", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return s.fail(ctx, "check statistics", err)
	}
	for _, t := range tables {
		// The whole table, never a column list: only that resets
		// n_mod_since_analyze. The text and its tsvector, whose statistics
		// cost most and serve no plan, are skipped by their statistics
		// target of 0 (migration 0008).
		q := "ANALYZE " + pgx.Identifier{t}.Sanitize()
		if _, err := s.pool.Exec(ctx, q); err != nil {
			return s.fail(ctx, "analyze "+t, err)
		}
	}
	return nil
}

// redact hides a URL's password.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Close releases the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
			return s.fail(ctx, "migrate", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return s.fail(ctx, "migrate", err)
		}
		rows, err := tx.Query(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return s.fail(ctx, "migrate", err)
		}
		vs, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		if err != nil {
			return s.fail(ctx, "migrate", err)
		}
		applied, newest := map[int]bool{}, 0
		for _, v := range vs {
			applied[int(v)] = true
			newest = max(newest, int(v))
		}
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
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return s.fail(ctx, "migrate "+base, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, v, base); err != nil {
				return s.fail(ctx, "migrate "+base, err)
			}
		}
		if newest > known {
			return flowwatch.Errorf(flowwatch.EINVALID, "database %s has schema version %d, newer than this flowwatch knows (%d): upgrade flowwatch", s.host, newest, known)
		}
		return nil
	})
}

// retryable reports errors after which a transaction may simply run
// again: serialization failures, deadlocks, and a unique violation from a
// concurrent writer that inserted the same row first.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", "23505":
			return true
		}
	}
	return false
}

// commitTimeout bounds a COMMIT, which runs even when ctx has ended.
const commitTimeout = 30 * time.Second

// runTx runs fn in a transaction. Once fn has succeeded the COMMIT is sent
// whatever becomes of ctx: a context ending at that instant could
// otherwise leave a transaction committed on the server but reported as
// failed. Cancelling ctx before then rolls everything back.
func (s *Store) runTx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
		defer cancel()
		tx.Rollback(rctx)
		return err
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
	defer cancel()
	return tx.Commit(cctx)
}

// inTx runs fn in a transaction, again on a retryable failure.
func (s *Store) inTx(ctx context.Context, op string, fn func(pgx.Tx) error) error {
	var err error
	for attempt := range 8 {
		err = s.runTx(ctx, fn)
		if err == nil || !retryable(err) {
			break
		}
		select {
		case <-ctx.Done():
			return s.fail(ctx, op, err)
		case <-time.After(time.Duration(attempt+1) * 5 * time.Millisecond):
		}
	}
	return s.fail(ctx, op, err)
}

// fail wraps err with op, turning faults a user can act on (a lost or
// refused connection, a full disk) into application errors that say so.
func (s *Store) fail(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var fe *flowwatch.Error
	if errors.As(err, &fe) {
		return err
	}
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", op, ctx.Err())
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", op, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "53100":
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: PostgreSQL at %s has a full disk; nothing was written; free space and retry", op, s.host)
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"), strings.HasPrefix(pe.Code, "53"):
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: PostgreSQL at %s is unavailable (%s); nothing was written; retry later", op, s.host, pe.Message)
		case pe.Code == "28P01" || pe.Code == "28000" || pe.Code == "3D000":
			return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: PostgreSQL at %s refused the login: %s", op, s.host, pe.Message)
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) {
		return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: cannot connect to PostgreSQL at %s: %v", op, s.host, ce.Unwrap())
	}
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || pgconn.SafeToRetry(err) ||
		strings.Contains(err.Error(), "conn closed") {
		return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "%s: lost the connection to PostgreSQL at %s (%v); nothing was written; retry", op, s.host, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nullDate(d flowwatch.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func dateOf(t *time.Time) flowwatch.Date {
	if t == nil {
		return flowwatch.Date{}
	}
	return flowwatch.DateOf(t.UTC())
}

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

func limitOffset(limit, offset int) string {
	if limit == 0 {
		limit = flowwatch.DefaultLimit
	}
	q := ""
	if limit > 0 {
		q = fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		q += fmt.Sprintf(" OFFSET %d", offset)
	}
	return q
}

// args collects positional parameters, numbering them $1, $2, ...
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}
