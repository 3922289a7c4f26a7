package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/jackc/pgx/v5"
)

// FeedState implements flowwatch.Store.
func (s *Store) FeedState(ctx context.Context, url string) (flowwatch.FeedState, error) {
	st := flowwatch.FeedState{URL: url}
	var etag, mod, lastErr *string
	var polled *time.Time
	var failures int32
	var seen []string
	err := s.pool.QueryRow(ctx, `SELECT etag, last_modified, last_polled, last_error, failures, seen FROM feeds WHERE url = $1`, url).
		Scan(&etag, &mod, &polled, &lastErr, &failures, &seen)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, nil
	} else if err != nil {
		return st, s.fail(ctx, fmt.Sprintf("read state of feed %s", url), err)
	}
	st.ETag, st.LastModified, st.LastPolled, st.LastError, st.Failures = str(etag), str(mod), timeOf(polled), str(lastErr), int(failures)
	if len(seen) > 0 {
		st.Seen = seen
	}
	return st, nil
}

// SaveFeedState implements flowwatch.Store.
func (s *Store) SaveFeedState(ctx context.Context, st flowwatch.FeedState) error {
	if st.URL == "" {
		return flowwatch.Errorf(flowwatch.EINVALID, "feed state has no URL")
	}
	seen := st.Seen
	if seen == nil {
		seen = []string{}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified, last_polled, last_error, failures, seen)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, last_error = excluded.last_error, failures = excluded.failures,
			seen = excluded.seen`,
		st.URL, nullStr(st.ETag), nullStr(st.LastModified), nullTime(st.LastPolled), nullStr(st.LastError), st.Failures, seen)
	return s.fail(ctx, fmt.Sprintf("save state of feed %s", st.URL), err)
}
