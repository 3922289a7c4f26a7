package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// Reader is a Store opened for queries only, by a command that runs one
// query and exits: it opens one read connection and nothing else.
type Reader struct{ s *Store }

// OpenReader opens the database at path for queries. Where Open would
// change something (a missing file to create, migrations to apply) it
// opens with Open instead, so a query sees what it would have seen after
// Open. Otherwise it skips what only writers need: the write connection
// (a second parse of the schema and planner statistics), the migration
// transaction, the statistics refresh and the write statements.
func OpenReader(ctx context.Context, path string) (*Reader, error) {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "sqlite:")
	if path == "" || strings.ContainsAny(path, "?#") || path == ":memory:" {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "sqlite database path %q: give a file name without '?' or '#'", path)
	}
	if _, err := os.Stat(path); err != nil {
		return openFull(ctx, path)
	}
	s := &Store{path: path}
	var err error
	if err := s.openReaders(path); err != nil {
		return nil, err
	}
	current, err := s.schemaCurrent(ctx)
	if err != nil || !current {
		s.r.Close()
		s.scan.Close()
		if err != nil {
			return nil, err
		}
		return openFull(ctx, path)
	}
	return &Reader{s}, nil
}

func openFull(ctx context.Context, path string) (*Reader, error) {
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return &Reader{s}, nil
}

// schemaCurrent reports whether every embedded migration has been
// applied; a database from a newer flowwatch is an error, as in migrate.
func (s *Store) schemaCurrent(ctx context.Context) (bool, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return false, err
	}
	known := map[int]bool{}
	newestKnown := 0
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err != nil {
			return false, fmt.Errorf("migration %s: name must start with a number", name)
		}
		known[v] = true
		newestKnown = max(newestKnown, v)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		// No schema_migrations table: a new or foreign file, for Open to
		// set up or to reject.
		return false, nil
	}
	defer rows.Close()
	applied, newest := 0, 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return false, s.fail(ctx, "open database", err)
		}
		if known[v] {
			applied++
		}
		newest = max(newest, v)
	}
	if err := rows.Err(); err != nil {
		return false, s.fail(ctx, "open database", err)
	}
	if newest > newestKnown {
		return false, flowwatch.Errorf(flowwatch.EINVALID, "database %s has schema version %d, newer than this flowwatch knows (%d): upgrade flowwatch", s.path, newest, newestKnown)
	}
	return applied == len(known), nil
}

// Claims implements flowwatch.Store's Claims.
func (r *Reader) Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error) {
	return r.s.Claims(ctx, f)
}

// CountClaims implements flowwatch.Store's CountClaims.
func (r *Reader) CountClaims(ctx context.Context, f flowwatch.ClaimFilter) (int, error) {
	return r.s.CountClaims(ctx, f)
}

// Article implements flowwatch.Store's Article.
func (r *Reader) Article(ctx context.Context, id int64) (*flowwatch.Article, []flowwatch.Claim, error) {
	return r.s.Article(ctx, id)
}

// Articles implements flowwatch.Store's Articles.
func (r *Reader) Articles(ctx context.Context, f flowwatch.ArticleFilter) ([]flowwatch.Article, error) {
	return r.s.Articles(ctx, f)
}

// Search implements flowwatch.Store's Search.
func (r *Reader) Search(ctx context.Context, query string, limit int) ([]flowwatch.Hit, error) {
	return r.s.Search(ctx, query, limit)
}

// Stats implements flowwatch.Store's Stats.
func (r *Reader) Stats(ctx context.Context) (flowwatch.Stats, error) {
	return r.s.Stats(ctx)
}

// Close releases the database.
func (r *Reader) Close() error {
	if r.s.w != nil {
		return r.s.Close()
	}
	return errors.Join(r.s.r.Close(), r.s.scan.Close())
}
