package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/flowwatch/flowwatch"
)

// revisionQuery reads a Revision in one statement, so from one snapshot.
// Claims of the newest version are found through the (version_id, seq)
// index and digested as whole rows; superseded versions are few, and
// their claims are found through the same index.
const revisionQuery = `SELECT
	(SELECT count(*) FROM claims),
	(SELECT COALESCE(max(id), 0) FROM claims),
	(SELECT count(*) FROM article_versions v WHERE NOT v.latest
		AND EXISTS (SELECT 1 FROM claims c WHERE c.version_id = v.id)),
	(SELECT COALESCE(sum(v.id), 0)::bigint FROM article_versions v WHERE NOT v.latest
		AND EXISTS (SELECT 1 FROM claims c WHERE c.version_id = v.id)),
	(SELECT COALESCE(string_agg(c::text, E'\n' ORDER BY c.seq), '') FROM claims c
		WHERE c.version_id = (SELECT version_id FROM claims ORDER BY id DESC LIMIT 1))`

// Revision implements flowwatch.Store.
func (s *Store) Revision(ctx context.Context) (flowwatch.Revision, error) {
	var (
		r    flowwatch.Revision
		tail string
	)
	err := s.pool.QueryRow(ctx, revisionQuery).Scan(&r.Claims, &r.MaxClaimID, &r.Superseded, &r.SupersededIDs, &tail)
	if err != nil {
		return flowwatch.Revision{}, s.fail(ctx, "read revision", err)
	}
	if r.MaxClaimID != 0 {
		sum := sha256.Sum256([]byte(tail))
		r.Tail = hex.EncodeToString(sum[:12])
	}
	return r, nil
}
