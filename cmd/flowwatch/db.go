package main

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/flowwatch/flowwatch/sqlite"
)

// defaultDB is the SQLite file used when neither --db nor $FLOWWATCH_DB says.
const defaultDB = "./flowwatch.db"

// dbFlag adds --db to fs: a SQLite file path or a postgres:// URL.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := defaultDB
	if v := e.getenv("FLOWWATCH_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, "database: a SQLite file, or a postgres:// URL for a shared PostgreSQL (env FLOWWATCH_DB)")
}

// isPostgres reports whether dsn names a PostgreSQL server.
func isPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// openStore opens the store dsn names: PostgreSQL for a postgres:// or
// postgresql:// URL, otherwise a SQLite file (created if missing).
func openStore(ctx context.Context, dsn string) (flowwatch.Store, error) {
	if isPostgres(dsn) {
		i := strings.Index(dsn, "://")
		return postgres.Open(ctx, strings.ToLower(dsn[:i])+dsn[i:])
	}
	return sqlite.Open(ctx, dsn)
}

// openReadStore opens dsn for a command that reads what was stored before:
// a SQLite file that does not exist is an error rather than a new, empty
// database, which would answer a mistyped --db with silence.
func openReadStore(ctx context.Context, dsn string) (flowwatch.Store, error) {
	if err := mustExist(dsn); err != nil {
		return nil, err
	}
	return openStore(ctx, dsn)
}

// mustExist fails when dsn names a SQLite file that is not there.
// PostgreSQL URLs pass: the server says itself whether the database exists.
func mustExist(dsn string) error {
	if isPostgres(dsn) {
		return nil
	}
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return flowwatch.Errorf(flowwatch.ENOTFOUND, "no database at %s: ingest something first, or give --db (or $FLOWWATCH_DB) the right file", path)
	}
	return nil
}

// queryStore is what the query commands (claims, search, articles, stats)
// read: a flowwatch.Store or a SQLite reader.
type queryStore interface {
	Article(ctx context.Context, id int64) (*flowwatch.Article, []flowwatch.Claim, error)
	Articles(ctx context.Context, f flowwatch.ArticleFilter) ([]flowwatch.Article, error)
	Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error)
	CountClaims(ctx context.Context, f flowwatch.ClaimFilter) (int, error)
	Search(ctx context.Context, query string, limit int) ([]flowwatch.Hit, error)
	Stats(ctx context.Context) (flowwatch.Stats, error)
	Close() error
}

// openQueryStore opens dsn for a command that only reads. A SQLite file
// opens with one read connection and no write-side setup, which is most
// of what a one-query command spends outside its query.
func openQueryStore(ctx context.Context, dsn string) (queryStore, error) {
	if err := mustExist(dsn); err != nil {
		return nil, err
	}
	if isPostgres(dsn) {
		return openStore(ctx, dsn)
	}
	return sqlite.OpenReader(ctx, dsn)
}
