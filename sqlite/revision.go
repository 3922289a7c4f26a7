package sqlite

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/flowwatch/flowwatch"
)

// revisionQuery reads a Revision in one statement, so from one snapshot.
// Every part is an index lookup or a scan of a covering index: the claim
// count reads the smallest index of claims, and superseded versions are
// found through article_versions_latest. The tail is every column of the
// newest version's claims, quoted (so NULL and ” differ), for a digest.
const revisionQuery = `SELECT
	(SELECT count(*) FROM claims),
	(SELECT COALESCE(max(id), 0) FROM claims),
	(SELECT count(*) FROM article_versions v WHERE v.latest = 0
		AND EXISTS (SELECT 1 FROM claims c WHERE c.version_id = v.id)),
	(SELECT COALESCE(sum(v.id), 0) FROM article_versions v WHERE v.latest = 0
		AND EXISTS (SELECT 1 FROM claims c WHERE c.version_id = v.id)),
	(SELECT COALESCE(group_concat(row, char(10)), '') FROM (
		SELECT quote(id)||','||quote(version_id)||','||quote(seq)||','||quote(latest)||','||quote(article)||','||
			quote(kind)||','||quote(grp)||','||quote(event)||','||quote(low)||','||quote(high)||','||
			quote(qualifier)||','||quote(unit)||','||quote(per)||','||quote(place)||','||quote(when_from)||','||
			quote(when_to)||','||quote(source)||','||quote(via)||','||quote(orgs)||','||quote(lang)||','||
			quote(quote)||','||quote(start)||','||quote("end")||','||quote(extractor)||','||quote(outlet)||','||
			quote(url)||','||quote(published)||','||quote(measure)||','||quote(increment)||','||
			quote(scope)||','||quote(page) AS row
		FROM claims WHERE version_id = (SELECT version_id FROM claims ORDER BY id DESC LIMIT 1)
		ORDER BY seq))`

// Revision implements flowwatch.Store.
func (s *Store) Revision(ctx context.Context) (flowwatch.Revision, error) {
	var (
		r    flowwatch.Revision
		tail string
	)
	err := s.pool(true).QueryRowContext(ctx, revisionQuery).Scan(&r.Claims, &r.MaxClaimID, &r.Superseded, &r.SupersededIDs, &tail)
	if err != nil {
		return flowwatch.Revision{}, s.fail(ctx, "read revision", err)
	}
	if r.MaxClaimID != 0 {
		sum := sha256.Sum256([]byte(tail))
		r.Tail = hex.EncodeToString(sum[:12])
	}
	return r, nil
}
