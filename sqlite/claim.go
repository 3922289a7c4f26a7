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

// claimQuery turns f into the FROM and WHERE clauses of a query on
// claims c, the ORDER BY that pages it, and the arguments.
func claimQuery(f flowwatch.ClaimFilter) (from, where, order string, args []any) {
	var conds []string
	from, order = " FROM claims c", " ORDER BY c.id"
	if f.Place != "" {
		// Driving the query from the place index, whose rows for one place
		// come in claim id order, pages without a sort.
		from, order = " FROM claims c JOIN claim_places cp ON cp.claim_id = c.id", " ORDER BY cp.claim_id"
		conds, args = append(conds, "cp.place = ?"), append(args, f.Place)
	}
	if f.ArticleID != 0 {
		// One article's claims, in text order.
		order = " ORDER BY c.seq"
		conds, args = append(conds, "c.version_id = ?"), append(args, f.ArticleID)
	}
	eq := func(col, v string) {
		if v != "" {
			conds, args = append(conds, col+" = ?"), append(args, v)
		}
	}
	eq("c.kind", f.Kind)
	eq("c.grp", f.Group)
	eq("c.event", f.Event)
	eq("c.source", f.Source)
	eq("c.outlet", f.Outlet)
	eq("c.article", f.Article)
	if f.AfterID != 0 {
		conds, args = append(conds, "c.id > ?"), append(args, f.AfterID)
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, "c.published >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, "c.published <= ?"), append(args, f.Until.String())
	}
	if f.MinValue != nil {
		conds, args = append(conds, "COALESCE(c.high, c.low) >= ?"), append(args, *f.MinValue)
	}
	if f.MaxValue != nil {
		conds, args = append(conds, "COALESCE(c.low, c.high) <= ?"), append(args, *f.MaxValue)
	}
	if f.Text != "" {
		conds, args = append(conds, `c.quote LIKE ? ESCAPE '\'`), append(args, likePattern(f.Text))
	}
	if f.LatestVersionsOnly {
		conds = append(conds, "c.latest = 1")
	}
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return from, where, order, args
}

// Claims implements flowwatch.Store.
func (s *Store) Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error) {
	from, where, order, args := claimQuery(f)
	q := `SELECT ` + claimCols + from + where + order + limitOffset(f.Limit, f.Offset)
	if !f.LatestVersionsOnly && f.ArticleID == 0 {
		// The indexes end in latest, so all versions' claims come from two
		// ranges, each in id order: merging them pages without a sort.
		and := " AND"
		if where == "" {
			and = " WHERE"
		}
		q = `SELECT ` + claimCols + from + where + and + ` c.latest = 1 UNION ALL SELECT ` + claimCols + from + where + and +
			` c.latest = 0 ORDER BY 1` + limitOffset(f.Limit, f.Offset)
		args = append(args, args...)
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
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
	from, where, _, args := claimQuery(f)
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*)`+from+where, args...).Scan(&n)
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
