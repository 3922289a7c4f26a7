package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/flowwatch/flowwatch"
)

// FeedState implements flowwatch.Store.
func (s *Store) FeedState(ctx context.Context, url string) (flowwatch.FeedState, error) {
	st := flowwatch.FeedState{URL: url}
	var etag, mod, polled, lastErr sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT etag, last_modified, last_polled, last_error, failures FROM feeds WHERE url = ?`, url).
		Scan(&etag, &mod, &polled, &lastErr, &st.Failures)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	} else if err != nil {
		return st, s.fail(ctx, fmt.Sprintf("read state of feed %s", url), err)
	}
	st.ETag, st.LastModified, st.LastPolled, st.LastError = etag.String, mod.String, parseTime(polled), lastErr.String
	return st, nil
}

// SaveFeedState implements flowwatch.Store.
func (s *Store) SaveFeedState(ctx context.Context, st flowwatch.FeedState) error {
	if st.URL == "" {
		return flowwatch.Errorf(flowwatch.EINVALID, "feed state has no URL")
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, last_polled, last_error, failures)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, last_error = excluded.last_error, failures = excluded.failures`,
		st.URL, nullStr(st.ETag), nullStr(st.LastModified), nullTime(st.LastPolled), nullStr(st.LastError), st.Failures)
	return s.fail(ctx, fmt.Sprintf("save state of feed %s", st.URL), err)
}
