package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/flowwatch/flowwatch"
)

const claimCols = `c.id, c.version_id, c.article, c.kind, c.grp, c.event, c.low, c.high, c.qualifier, c.unit, c.per,
	c.place, c.when_from, c.when_to, c.source, c.via, c.orgs, c.lang, c.quote, c.start, c."end", c.extractor,
	c.outlet, c.url, c.published, c.measure, c.increment, c.scope, c.page`

// How a page of claims is found when the filter has a range (a minimum
// figure, publication dates) beside what else it asks.
type claimPlan int

const (
	// planned leaves the choice of index to SQLite: for counts, which
	// read every match whatever the order.
	planned claimPlan = iota
	// inOrder reads claims in id order, from the index of an equality
	// filter or the table, and checks ranges row by row: a page ends after
	// its last row, however many claims match.
	inOrder
	// byValue and byPublished read the few claims in range from that
	// range's index and sort them by id.
	byValue
	byPublished
)

// rangeFew is how many claims in range make a range "few". Reading the
// range's claims costs a table lookup each, in no order; paging in id
// order reads about 100 x N / n rows of N to fill a page of 100 when the
// range's n claims are spread evenly, looking each up in order. On
// 100,000 articles (a million claims) 5,000 in range cost some 20-60 ms
// either way, cold; far fewer or far more favour one side.
var rangeFew = 5000

// plan chooses how Claims reads f. SQLite's planner, asked for a page in
// id order, chooses the same way whatever the range: it paged 480,000
// workers' claims to find none of at least 29,000, and sorted 42,000
// claims of one month to page 100 claims of Russia among them. Counting
// the range's claims (up to rangeFew, from its index alone) tells which
// way is short.
func (s *Store) plan(ctx context.Context, f flowwatch.ClaimFilter) (claimPlan, error) {
	if f.ArticleID != 0 {
		return planned, nil
	}
	plan, fewest := inOrder, rangeFew
	count := func(p claimPlan, cond string, args ...any) error {
		var n int
		err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM claims WHERE `+cond+` LIMIT ?)`,
			append(args, rangeFew)...).Scan(&n)
		if err == nil && n < fewest {
			plan, fewest = p, n
		}
		return err
	}
	if f.MinValue != nil {
		if err := count(byValue, `COALESCE(high, low) >= ?`, *f.MinValue); err != nil {
			return plan, s.fail(ctx, "list claims", err)
		}
	}
	if !f.Since.IsZero() || !f.Until.IsZero() {
		since, until := "0000-00-00", "9999-99-99"
		if !f.Since.IsZero() {
			since = f.Since.String()
		}
		if !f.Until.IsZero() {
			until = f.Until.String()
		}
		if err := count(byPublished, `published BETWEEN ? AND ?`, since, until); err != nil {
			return plan, s.fail(ctx, "list claims", err)
		}
	}
	return plan, nil
}

// claimQuery turns f into the FROM and WHERE clauses of a query on
// claims c, the ORDER BY that pages it, and the arguments.
func claimQuery(f flowwatch.ClaimFilter, plan claimPlan) (from, where, order string, args []any) {
	var conds []string
	claims := " FROM claims c"
	switch plan {
	case byValue:
		claims = " FROM claims c INDEXED BY claims_value"
	case byPublished:
		claims = " FROM claims c INDEXED BY claims_published"
	}
	from, order = claims, " ORDER BY c.id"
	if f.Place != "" {
		// Driving the query from the place index, whose rows for one place
		// come in claim id order, pages without a sort.
		from, order = claims+" JOIN claim_places cp ON cp.claim_id = c.id", " ORDER BY cp.claim_id"
		conds, args = append(conds, "cp.place = ?"), append(args, f.Place)
	}
	// A unary + keeps SQLite from reading a range from its index.
	published, value := "c.published", "COALESCE(c.high, c.low)"
	if plan == inOrder {
		published, value = "+"+published, "+"+value
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
	if f.Place != "" {
		// claim_places copies group and event (migration 0005): checked
		// there, the place's rows that fail them need no claim lookup.
		eq("cp.grp", f.Group)
		eq("cp.event", f.Event)
	} else {
		eq("c.grp", f.Group)
		eq("c.event", f.Event)
	}
	eq("c.source", f.Source)
	eq("c.outlet", f.Outlet)
	eq("c.article", f.Article)
	if f.AfterID != 0 {
		conds, args = append(conds, "c.id > ?"), append(args, f.AfterID)
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, published+" >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, published+" <= ?"), append(args, f.Until.String())
	}
	if f.MinValue != nil {
		conds, args = append(conds, value+" >= ?"), append(args, *f.MinValue)
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
	plan, err := s.plan(ctx, f)
	if err != nil {
		return nil, err
	}
	from, where, order, args := claimQuery(f, plan)
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
	// One article's claims are few whatever the limit.
	rows, err := s.pool(f.ArticleID == 0 && manyRows(f.Limit)).QueryContext(ctx, q, args...)
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
	from, where, _, args := claimQuery(f, planned)
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*)`+from+where, args...).Scan(&n)
	return n, s.fail(ctx, "count claims", err)
}

func scanClaim(sc scanner) (flowwatch.Claim, error) {
	var (
		c                                         flowwatch.Claim
		grp, event, qual, unit, per, from, to     sql.NullString
		source, via, lang, extractor, outlet, url sql.NullString
		published, measure, scope                 sql.NullString
		low, high                                 sql.NullFloat64
		place, orgs                               string
	)
	err := sc.Scan(&c.ID, &c.ArticleID, &c.Article, &c.Kind, &grp, &event, &low, &high, &qual, &unit, &per,
		&place, &from, &to, &source, &via, &orgs, &lang, &c.Quote, &c.Start, &c.End, &extractor,
		&outlet, &url, &published, &measure, &c.Increment, &scope, &c.Page)
	if err != nil {
		return c, err
	}
	c.Measure, c.Scope = measure.String, scope.String
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
