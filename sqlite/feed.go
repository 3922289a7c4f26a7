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
	var seen string
	err := s.r.QueryRowContext(ctx, `SELECT etag, last_modified, last_polled, last_error, failures, seen FROM feeds WHERE url = ?`, url).
		Scan(&etag, &mod, &polled, &lastErr, &st.Failures, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	} else if err != nil {
		return st, s.fail(ctx, fmt.Sprintf("read state of feed %s", url), err)
	}
	st.ETag, st.LastModified, st.LastPolled, st.LastError = etag.String, mod.String, parseTime(polled), lastErr.String
	st.Seen = parseList(seen)
	return st, nil
}

// SaveFeedState implements flowwatch.Store.
func (s *Store) SaveFeedState(ctx context.Context, st flowwatch.FeedState) error {
	if st.URL == "" {
		return flowwatch.Errorf(flowwatch.EINVALID, "feed state has no URL")
	}
	seen, err := jsonList(st.Seen)
	if err != nil {
		return fmt.Errorf("save state of feed %s: %w", st.URL, err)
	}
	_, err = s.w.ExecContext(ctx, `INSERT INTO feeds (url, etag, last_modified, last_polled, last_error, failures, seen)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, last_error = excluded.last_error, failures = excluded.failures,
			seen = excluded.seen`,
		st.URL, nullStr(st.ETag), nullStr(st.LastModified), nullTime(st.LastPolled), nullStr(st.LastError), st.Failures, seen)
	return s.fail(ctx, fmt.Sprintf("save state of feed %s", st.URL), err)
}
