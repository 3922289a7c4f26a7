package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/jackc/pgx/v5"
)

const claimCols = `c.id, c.version_id, c.article, c.kind, c.grp, c.event, c.low, c.high, c.qualifier, c.unit, c.per,
	c.place, c.when_from, c.when_to, c.source, c.via, c.orgs, c.lang, c.quote, c.start, c."end", c.extractor,
	c.outlet, c.url, c.published, c.measure, c.increment, c.scope, c.page`

// claimWhere turns f into a WHERE clause on claims c (or "") and its parameters.
func claimWhere(f flowwatch.ClaimFilter) (string, args) {
	var (
		where []string
		p     args
	)
	eq := func(col, v string) {
		if v != "" {
			where = append(where, col+" = "+p.add(v))
		}
	}
	eq("c.kind", f.Kind)
	eq("c.grp", f.Group)
	eq("c.event", f.Event)
	eq("c.source", f.Source)
	eq("c.outlet", f.Outlet)
	eq("c.article", f.Article)
	if f.Place != "" {
		where = append(where, "c.place @> ARRAY["+p.add(f.Place)+"::text]")
	}
	if f.ArticleID != 0 {
		where = append(where, "c.version_id = "+p.add(f.ArticleID))
	}
	if f.AfterID != 0 {
		where = append(where, "c.id > "+p.add(f.AfterID))
	}
	if !f.Since.IsZero() {
		where = append(where, "c.published >= "+p.add(f.Since.String())+"::date")
	}
	if !f.Until.IsZero() {
		where = append(where, "c.published <= "+p.add(f.Until.String())+"::date")
	}
	if f.MinValue != nil {
		where = append(where, "COALESCE(c.high, c.low) >= "+p.add(*f.MinValue))
	}
	if f.MaxValue != nil {
		where = append(where, "COALESCE(c.low, c.high) <= "+p.add(*f.MaxValue))
	}
	if f.Text != "" {
		where = append(where, `c.quote ILIKE `+p.add(likePattern(f.Text))+` ESCAPE '\'`)
	}
	if f.LatestVersionsOnly {
		where = append(where, "c.latest")
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), p
}

// Claims implements flowwatch.Store.
func (s *Store) Claims(ctx context.Context, f flowwatch.ClaimFilter) ([]flowwatch.Claim, error) {
	where, p := claimWhere(f)
	order := " ORDER BY c.id"
	if f.ArticleID != 0 {
		order = " ORDER BY c.seq" // one article's claims, in text order
	}
	rows, err := s.pool.Query(ctx, `SELECT `+claimCols+` FROM claims c`+where+order+limitOffset(f.Limit, f.Offset), p...)
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
	where, p := claimWhere(f)
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM claims c`+where, p...).Scan(&n)
	return int(n), s.fail(ctx, "count claims", err)
}

func scanClaim(row pgx.Row) (flowwatch.Claim, error) {
	var (
		c                                         flowwatch.Claim
		grp, event, qual, unit, per               *string
		measure, scope                            *string
		page                                      int32
		source, via, lang, extractor, outlet, url *string
		from, to, published                       *time.Time
		start, end                                int32
	)
	err := row.Scan(&c.ID, &c.ArticleID, &c.Article, &c.Kind, &grp, &event, &c.Low, &c.High, &qual, &unit, &per,
		&c.Place, &from, &to, &source, &via, &c.Orgs, &lang, &c.Quote, &start, &end, &extractor,
		&outlet, &url, &published, &measure, &c.Increment, &scope, &page)
	if err != nil {
		return c, err
	}
	c.Start, c.End, c.Page = int(start), int(end), int(page)
	c.Measure, c.Scope = str(measure), str(scope)
	c.Group, c.Event, c.Qualifier, c.Unit, c.Per = str(grp), str(event), str(qual), str(unit), str(per)
	if len(c.Place) == 0 {
		c.Place = nil
	}
	if len(c.Orgs) == 0 {
		c.Orgs = nil
	}
	if from != nil || to != nil {
		c.When = &flowwatch.Period{From: dateOf(from), To: dateOf(to)}
	}
	c.Source, c.Via, c.Lang, c.Extractor = str(source), str(via), str(lang), str(extractor)
	c.Outlet, c.URL, c.Published = str(outlet), str(url), dateOf(published)
	return c, nil
}
