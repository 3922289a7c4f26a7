package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// CreateToken implements flowwatch.Store.
func (s *Store) CreateToken(ctx context.Context, name, hash string) (flowwatch.Token, error) {
	if name == "" || hash == "" {
		return flowwatch.Token{}, flowwatch.Errorf(flowwatch.EINVALID, "a token needs a name and a hash")
	}
	t := flowwatch.Token{Name: name, Hash: hash, Created: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.pool.QueryRow(ctx, `INSERT INTO tokens (name, hash, created) VALUES ($1, $2, $3) RETURNING id`,
		name, hash, t.Created).Scan(&t.ID)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23505" {
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
	var used *time.Time
	err := s.pool.QueryRow(ctx, `SELECT id, name, created, last_used FROM tokens WHERE hash = $1`, hash).
		Scan(&t.ID, &t.Name, &t.Created, &used)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, flowwatch.Errorf(flowwatch.ENOTFOUND, "unknown token")
	} else if err != nil {
		return nil, s.fail(ctx, "look up token", err)
	}
	t.Created, t.LastUsed = t.Created.UTC(), timeOf(used)
	now := time.Now().UTC().Truncate(time.Microsecond)
	if now.Sub(t.LastUsed) >= tokenUseGranularity {
		if _, err := s.pool.Exec(ctx, `UPDATE tokens SET last_used = $1 WHERE id = $2`, now, t.ID); err != nil {
			return nil, s.fail(ctx, "record token use", err)
		}
		t.LastUsed = now
	}
	return &t, nil
}

// Tokens implements flowwatch.Store.
func (s *Store) Tokens(ctx context.Context) ([]flowwatch.Token, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, name, hash, created, last_used FROM tokens ORDER BY id`)
	if err != nil {
		return nil, s.fail(ctx, "list tokens", err)
	}
	defer rows.Close()
	var out []flowwatch.Token
	for rows.Next() {
		var t flowwatch.Token
		var used *time.Time
		if err := rows.Scan(&t.ID, &t.Name, &t.Hash, &t.Created, &used); err != nil {
			return nil, s.fail(ctx, "list tokens", err)
		}
		t.Created, t.LastUsed = t.Created.UTC(), timeOf(used)
		out = append(out, t)
	}
	return out, s.fail(ctx, "list tokens", rows.Err())
}

// DeleteToken implements flowwatch.Store.
func (s *Store) DeleteToken(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM tokens WHERE id = $1`, id)
	if err != nil {
		return s.fail(ctx, fmt.Sprintf("delete token %d", id), err)
	}
	if tag.RowsAffected() == 0 {
		return flowwatch.Errorf(flowwatch.ENOTFOUND, "token %d not found", id)
	}
	return nil
}
