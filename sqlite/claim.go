package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/flowwatch/flowwatch"
)

const claimCols = `c.id, c.version_id, c.article, c.kind, c.grp, c.event, c.low, c.high, c.qualifier, c.unit, c.per,
	c.place, c.when_from, c.when_to, c.source, c.via, c.orgs, c.lang, c.quote, c.start, c."end", c.extractor,
	c.outlet, c.url, c.published`

// claimWhere turns f into a WHERE clause on claims c (or "") and its arguments.
func claimWhere(f flowwatch.ClaimFilter) (string, []any) {
	var (
		where []string
		args  []any
	)
	eq := func(col, v string) {
		if v != "" {
			where, args = append(where, col+" = ?"), append(args, v)
		}
	}
	eq("c.kind", f.Kind)
	eq("c.grp", f.Group)
	eq("c.event", f.Event)
	eq("c.source", f.Source)
	eq("c.outlet", f.Outlet)
	eq("c.article", f.Article)
	if f.Place != "" {
		where, args = append(where, "c.id IN (SELECT claim_id FROM claim_places WHERE place = ?)"), append(args, f.Place)
	}
	if f.ArticleID != 0 {
		where, args = append(where, "c.version_id = ?"), append(args, f.ArticleID)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "c.published >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		where, args = append(where, "c.published <= ?"), append(args, f.Until.String())
	}
	if f.MinValue != nil {
		where, args = append(where, "COALESCE(c.high, c.low) >= ?"), append(args, *f.MinValue)
	}
	if f.MaxValue != nil {
		where, args = append(where, "COALESCE(c.low, c.high) <= ?"), append(args, *f.MaxValue)
	}
	if f.Text != "" {
		where, args = append(where, `c.quote LIKE ? ESCAPE '\'`), append(args, likePattern(f.Text))
	}
	if f.LatestVersionsOnly {
		where = append(where, "c.latest = 1")
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// Claims implements flowwatch.Store.
func (s *Store) Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error) {
	where, args := claimWhere(f)
	rows, err := s.r.QueryContext(ctx, `SELECT `+claimCols+` FROM claims c`+where+` ORDER BY c.id`+limitOffset(f.Limit, f.Offset), args...)
	if err != nil {
		return nil, s.fail(ctx, "list claims", err)
	}
	defer rows.Close()
	var out []flowwatch.Claim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, s.fail(ctx, "list claims", err)
		}
		out = append(out, c)
	}
	return out, s.fail(ctx, "list claims", rows.Err())
}

// CountClaims implements flowwatch.Store.
func (s *Store) CountClaims(ctx context.Context, f flowwatch.ClaimFilter) (int, error) {
	where, args := claimWhere(f)
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM claims c`+where, args...).Scan(&n)
	return n, s.fail(ctx, "count claims", err)
}

func scanClaim(sc scanner) (flowwatch.Claim, error) {
	var (
		c                                         flowwatch.Claim
		grp, event, qual, unit, per, from, to     sql.NullString
		source, via, lang, extractor, outlet, url sql.NullString
		published                                 sql.NullString
		low, high                                 sql.NullFloat64
		place, orgs                               string
	)
	err := sc.Scan(&c.ID, &c.ArticleID, &c.Article, &c.Kind, &grp, &event, &low, &high, &qual, &unit, &per,
		&place, &from, &to, &source, &via, &orgs, &lang, &c.Quote, &c.Start, &c.End, &extractor,
		&outlet, &url, &published)
	if err != nil {
		return c, err
	}
	c.Group, c.Event, c.Qualifier, c.Unit, c.Per = grp.String, event.String, qual.String, unit.String, per.String
	if low.Valid {
		c.Low = flowwatch.F(low.Float64)
	}
	if high.Valid {
		c.High = flowwatch.F(high.Float64)
	}
	c.Place, c.Orgs = parseList(place), parseList(orgs)
	if from.Valid || to.Valid {
		c.When = &flowwatch.Period{From: parseDate(from), To: parseDate(to)}
	}
	c.Source, c.Via, c.Lang, c.Extractor = source.String, via.String, lang.String, extractor.String
	c.Outlet, c.URL, c.Published = outlet.String, url.String, parseDate(published)
	return c, nil
}
