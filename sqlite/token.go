package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/flowwatch/flowwatch"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// CreateToken implements flowwatch.Store.
func (s *Store) CreateToken(ctx context.Context, name, hash string) (flowwatch.Token, error) {
	if name == "" || hash == "" {
		return flowwatch.Token{}, flowwatch.Errorf(flowwatch.EINVALID, "a token needs a name and a hash")
	}
	t := flowwatch.Token{Name: name, Hash: hash, Created: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.w.QueryRowContext(ctx, `INSERT INTO tokens (name, hash, created) VALUES (?, ?, ?) RETURNING id`,
		name, hash, fmtTime(t.Created)).Scan(&t.ID)
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT {
		return flowwatch.Token{}, flowwatch.Errorf(flowwatch.ECONFLICT, "a token named %q (or with the same secret) already exists", name)
	}
	return t, s.fail(ctx, fmt.Sprintf("create token %q", name), err)
}

// tokenUseGranularity bounds how often a token's last use is written, so
// that authenticating each API request is not a write each.
const tokenUseGranularity = time.Minute

// TokenByHash implements flowwatch.Store.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*flowwatch.Token, error) {
	t := flowwatch.Token{Hash: hash}
	var created, used sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT id, name, created, last_used FROM tokens WHERE hash = ?`, hash).
		Scan(&t.ID, &t.Name, &created, &used)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, flowwatch.Errorf(flowwatch.ENOTFOUND, "unknown token")
	} else if err != nil {
		return nil, s.fail(ctx, "look up token", err)
	}
	t.Created, t.LastUsed = parseTime(created), parseTime(used)
	now := time.Now().UTC().Truncate(time.Microsecond)
	if now.Sub(t.LastUsed) >= tokenUseGranularity {
		if _, err := s.w.ExecContext(ctx, `UPDATE tokens SET last_used = ? WHERE id = ?`, fmtTime(now), t.ID); err != nil {
			return nil, s.fail(ctx, "record token use", err)
		}
		t.LastUsed = now
	}
	return &t, nil
}

// Tokens implements flowwatch.Store.
func (s *Store) Tokens(ctx context.Context) ([]flowwatch.Token, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, hash, created, last_used FROM tokens ORDER BY id`)
	if err != nil {
		return nil, s.fail(ctx, "list tokens", err)
	}
	defer rows.Close()
	var out []flowwatch.Token
	for rows.Next() {
		var t flowwatch.Token
		var created, used sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &t.Hash, &created, &used); err != nil {
			return nil, s.fail(ctx, "list tokens", err)
		}
		t.Created, t.LastUsed = parseTime(created), parseTime(used)
		out = append(out, t)
	}
	return out, s.fail(ctx, "list tokens", rows.Err())
}

// DeleteToken implements flowwatch.Store.
func (s *Store) DeleteToken(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM tokens WHERE id = ?`, id)
	if err != nil {
		return s.fail(ctx, fmt.Sprintf("delete token %d", id), err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return flowwatch.Errorf(flowwatch.ENOTFOUND, "token %d not found", id)
	}
	return nil
}
