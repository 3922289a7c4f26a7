package postgres

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/snippet"
	"github.com/jackc/pgx/v5"
)

// SaveArticle implements flowwatch.Store. Two processes saving the same
// article at once serialise on the identity row (locked by the upsert);
// the unique constraints catch anything else and the transaction is
// retried.
func (s *Store) SaveArticle(ctx context.Context, a *flowwatch.Article, claims []flowwatch.Claim) (flowwatch.SaveResult, error) {
	if err := flowwatch.CheckArticle(a, claims); err != nil {
		return flowwatch.Unchanged, err
	}
	var (
		res   flowwatch.SaveResult
		apply func()
	)
	err := s.inTx(ctx, fmt.Sprintf("save article %q", a.Name), func(tx pgx.Tx) (err error) {
		res, apply, err = saveTx(ctx, tx, a, claims)
		return err
	})
	if err != nil {
		return flowwatch.Unchanged, err
	}
	apply()
	return res, nil
}

// SaveArticles implements flowwatch.BatchSaver: SaveArticle for each
// article, all in one transaction. Articles are saved in the order of
// their identities (an identity's own articles in the given order), so
// that two machines saving overlapping batches lock identity rows in the
// same order and cannot deadlock.
func (s *Store) SaveArticles(ctx context.Context, batch []flowwatch.ArticleClaims) ([]flowwatch.SaveResult, error) {
	order := make([]int, len(batch))
	keys := make([]string, len(batch))
	for i, b := range batch {
		if err := flowwatch.CheckArticle(b.Article, b.Claims); err != nil {
			return nil, err
		}
		order[i], keys[i] = i, flowwatch.ArticleIdentity(b.Article)
	}
	sort.SliceStable(order, func(x, y int) bool { return keys[order[x]] < keys[order[y]] })
	results := make([]flowwatch.SaveResult, len(batch))
	applies := make([]func(), len(batch))
	err := s.inTx(ctx, fmt.Sprintf("save %d articles", len(batch)), func(tx pgx.Tx) error {
		for _, i := range order {
			var err error
			if results[i], applies[i], err = saveTx(ctx, tx, batch[i].Article, batch[i].Claims); err != nil {
				return fmt.Errorf("article %q: %w", batch[i].Article.Name, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, apply := range applies {
		apply()
	}
	return results, nil
}

// saveTx does SaveArticle's work in tx. apply, to be called once tx has
// committed, fills in what the store assigned; a retried transaction
// assigns anew, so nothing is set on a or claims before.
func saveTx(ctx context.Context, tx pgx.Tx, a *flowwatch.Article, claims []flowwatch.Claim) (flowwatch.SaveResult, func(), error) {
	identity := flowwatch.ArticleIdentity(a)
	seen := a.LastSeen
	if seen.IsZero() {
		seen = time.Now()
	}
	seen = seen.UTC().Truncate(time.Microsecond)
	firstSeen := a.FirstSeen
	if firstSeen.IsZero() || firstSeen.After(seen) {
		firstSeen = seen
	}
	firstSeen = firstSeen.UTC().Truncate(time.Microsecond)

	// A new identity is inserted and has no versions to look through; a
	// known one is locked, so that one process at a time adds versions.
	var artID int64
	inserted := true
	err := tx.QueryRow(ctx, `INSERT INTO articles (identity) VALUES ($1) ON CONFLICT (identity) DO NOTHING RETURNING id`,
		identity).Scan(&artID)
	if errors.Is(err, pgx.ErrNoRows) {
		inserted = false
		err = tx.QueryRow(ctx, `SELECT id FROM articles WHERE identity = $1 FOR UPDATE`, identity).Scan(&artID)
	}
	if err != nil {
		return flowwatch.Unchanged, nil, err
	}
	var (
		verID           int64
		version         int32
		first, lastSeen time.Time
		latest          bool
	)
	if !inserted {
		err := tx.QueryRow(ctx, `SELECT id, version, latest, first_seen, last_seen FROM article_versions
			WHERE article_id = $1 AND hash = $2`, artID, a.Hash).Scan(&verID, &version, &latest, &first, &lastSeen)
		if err == nil {
			// This text was seen before: only the sighting is new.
			res := flowwatch.Unchanged
			if seen.After(lastSeen) {
				lastSeen = seen
				if _, err := tx.Exec(ctx, `UPDATE article_versions SET last_seen = $1 WHERE id = $2`, seen, verID); err != nil {
					return res, nil, err
				}
			}
			if !latest {
				res = flowwatch.Updated
				if err := setLatest(ctx, tx, artID, verID); err != nil {
					return res, nil, err
				}
			}
			return res, func() {
				a.ID, a.Version, a.FirstSeen, a.LastSeen = verID, int(version), first.UTC(), lastSeen.UTC()
				fillClaims(a, verID, claims, nil)
			}, nil
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return flowwatch.Unchanged, nil, err
		}
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM article_versions WHERE article_id = $1`, artID).Scan(&version); err != nil {
			return flowwatch.Unchanged, nil, err
		}
	}
	version++
	res := flowwatch.New
	if version > 1 {
		res = flowwatch.Updated
		if err := setLatest(ctx, tx, artID, 0); err != nil {
			return res, nil, err
		}
	}
	err = tx.QueryRow(ctx, `INSERT INTO article_versions (article_id, version, latest, name, url, title, outlet,
		published, lang, text, hash, first_seen, last_seen) VALUES ($1, $2, true, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		RETURNING id`, artID, version, a.Name, nullStr(a.URL), nullStr(a.Title), nullStr(a.Outlet), nullDate(a.Published),
		nullStr(a.Lang), a.Text, a.Hash, firstSeen, seen).Scan(&verID)
	if err != nil {
		return res, nil, err
	}
	ids, err := insertClaims(ctx, tx, verID, true, a, claims)
	if err != nil {
		return res, nil, err
	}
	return res, func() {
		a.ID, a.Version, a.FirstSeen, a.LastSeen = verID, int(version), firstSeen, seen
		fillClaims(a, verID, claims, ids)
	}, nil
}

// fillClaims sets what the store assigned on the caller's claims, only
// once the transaction committed (a retried one would assign anew).
func fillClaims(a *flowwatch.Article, verID int64, claims []flowwatch.Claim, ids []int64) {
	for i := range claims {
		c := &claims[i]
		c.ArticleID = verID
		if ids == nil {
			continue
		}
		c.ID = ids[i]
		c.Article, c.Outlet, c.URL, c.Published = a.Name, a.Outlet, a.URL, a.Published
		if c.Lang == "" {
			c.Lang = a.Lang
		}
	}
}

// setLatest marks version verID (0: none) as the latest of article artID,
// on the version and, denormalised, on the claims.
func setLatest(ctx context.Context, tx pgx.Tx, artID, verID int64) error {
	if _, err := tx.Exec(ctx, `UPDATE article_versions SET latest = (id = $1) WHERE article_id = $2 AND latest <> (id = $1)`,
		verID, artID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE claims SET latest = (version_id = $1)
		WHERE version_id IN (SELECT id FROM article_versions WHERE article_id = $2) AND latest <> (version_id = $1)`, verID, artID)
	return err
}

// claimColumns are the columns insertClaims writes, in the order of its rows.
var claimColumns = []string{"version_id", "seq", "latest", "article", "kind", "grp", "event", "low", "high", "qualifier",
	"unit", "per", "place", "when_from", "when_to", "source", "via", "orgs", "lang", "quote", "start", "end", "extractor",
	"outlet", "url", "published", "measure", "increment", "scope", "page"}

// insertClaims stores claims for version verID, which has none yet, and
// returns their ids in order: one COPY for the rows and one query for the
// ids the table assigned, in two round trips whatever the number of
// claims, where one INSERT per claim had the server execute each row as
// a statement of its own. It does not touch claims: the transaction may
// yet be retried.
func insertClaims(ctx context.Context, tx pgx.Tx, verID int64, latest bool, a *flowwatch.Article, claims []flowwatch.Claim) ([]int64, error) {
	if len(claims) == 0 {
		return []int64{}, nil
	}
	rows := make([][]any, len(claims))
	for i, c := range claims {
		lang := c.Lang
		if lang == "" {
			lang = a.Lang
		}
		var from, to any
		if c.When != nil {
			from, to = nullDate(c.When.From), nullDate(c.When.To)
		}
		place, orgs := c.Place, c.Orgs
		if place == nil {
			place = []string{}
		}
		if orgs == nil {
			orgs = []string{}
		}
		rows[i] = []any{verID, int32(i), latest, a.Name, c.Kind, nullStr(c.Group), nullStr(c.Event), c.Low, c.High,
			nullStr(c.Qualifier), nullStr(c.Unit), nullStr(c.Per), place, from, to, nullStr(c.Source), nullStr(c.Via), orgs,
			nullStr(lang), c.Quote, int32(c.Start), int32(c.End), nullStr(c.Extractor), nullStr(a.Outlet), nullStr(a.URL),
			nullDate(a.Published), nullStr(c.Measure), c.Increment, nullStr(c.Scope), int32(c.Page)}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"claims"}, claimColumns, pgx.CopyFromRows(rows)); err != nil {
		return nil, err
	}
	dbRows, err := tx.Query(ctx, `SELECT id FROM claims WHERE version_id = $1 ORDER BY seq`, verID)
	if err != nil {
		return nil, err
	}
	ids, err := pgx.CollectRows(dbRows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	if len(ids) != len(claims) {
		return nil, fmt.Errorf("stored %d claims, read back %d ids", len(claims), len(ids))
	}
	return ids, nil
}

// ReplaceClaims implements flowwatch.Store.
func (s *Store) ReplaceClaims(ctx context.Context, articleID int64, claims []flowwatch.Claim) error {
	var (
		a   flowwatch.Article
		ids []int64
	)
	err := s.inTx(ctx, fmt.Sprintf("replace claims of article version %d", articleID), func(tx pgx.Tx) error {
		var (
			url, outlet, lang *string
			pub               *time.Time
			latest            bool
			textLen           int
		)
		// FOR UPDATE: two reextracts of one version must not interleave.
		err := tx.QueryRow(ctx, `SELECT name, url, outlet, published, lang, latest, octet_length(text)
			FROM article_versions WHERE id = $1 FOR UPDATE`, articleID).Scan(&a.Name, &url, &outlet, &pub, &lang, &latest, &textLen)
		if errors.Is(err, pgx.ErrNoRows) {
			return flowwatch.Errorf(flowwatch.ENOTFOUND, "article version %d not found", articleID)
		} else if err != nil {
			return err
		}
		a.URL, a.Outlet, a.Published, a.Lang = str(url), str(outlet), dateOf(pub), str(lang)
		if err := flowwatch.CheckClaims(a.Name, textLen, claims); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM claims WHERE version_id = $1`, articleID); err != nil {
			return err
		}
		ids, err = insertClaims(ctx, tx, articleID, latest, &a, claims)
		return err
	})
	if err != nil {
		return err
	}
	fillClaims(&a, articleID, claims, ids)
	return nil
}

const versionCols = `v.id, v.name, v.url, v.title, v.outlet, v.published, v.lang, v.hash, v.version, v.first_seen, v.last_seen`

func scanVersion(row pgx.Row, extra ...any) (flowwatch.Article, error) {
	var (
		a                        flowwatch.Article
		url, title, outlet, lang *string
		pub                      *time.Time
		first, last              time.Time
		version                  int32
	)
	dest := append([]any{&a.ID, &a.Name, &url, &title, &outlet, &pub, &lang, &a.Hash, &version, &first, &last}, extra...)
	if err := row.Scan(dest...); err != nil {
		return a, err
	}
	a.URL, a.Title, a.Outlet, a.Published, a.Lang = str(url), str(title), str(outlet), dateOf(pub), str(lang)
	a.Version, a.FirstSeen, a.LastSeen = int(version), first.UTC(), last.UTC()
	return a, nil
}

// Article implements flowwatch.Store.
func (s *Store) Article(ctx context.Context, id int64) (*flowwatch.Article, []flowwatch.Claim, error) {
	var text string
	a, err := scanVersion(s.pool.QueryRow(ctx, `SELECT `+versionCols+`, v.text FROM article_versions v WHERE v.id = $1`, id), &text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, flowwatch.Errorf(flowwatch.ENOTFOUND, "article version %d not found", id)
	} else if err != nil {
		return nil, nil, s.fail(ctx, fmt.Sprintf("read article version %d", id), err)
	}
	a.Text = text
	claims, err := s.Claims(ctx, flowwatch.ClaimFilter{ArticleID: id, Limit: -1})
	if err != nil {
		return nil, nil, err
	}
	a.Claims = len(claims)
	return &a, claims, nil
}

// Articles implements flowwatch.Store.
func (s *Store) Articles(ctx context.Context, f flowwatch.ArticleFilter) ([]flowwatch.Article, error) {
	var (
		where []string
		p     args
	)
	if !f.AllVersions {
		where = append(where, "v.latest")
	}
	if f.Outlet != "" {
		where = append(where, "v.outlet = "+p.add(f.Outlet))
	}
	if !f.Since.IsZero() {
		where = append(where, "v.published >= "+p.add(f.Since.String())+"::date")
	}
	if !f.Until.IsZero() {
		where = append(where, "v.published <= "+p.add(f.Until.String())+"::date")
	}
	if f.Text != "" {
		n := p.add(likePattern(f.Text))
		where = append(where, `(v.title ILIKE `+n+` ESCAPE '\' OR v.text ILIKE `+n+` ESCAPE '\')`)
	}
	q := `SELECT ` + versionCols + `, v.text, (SELECT COUNT(*) FROM claims c WHERE c.version_id = v.id) FROM article_versions v`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY v.published DESC NULLS LAST, v.id DESC" + limitOffset(f.Limit, f.Offset)
	rows, err := s.pool.Query(ctx, q, p...)
	if err != nil {
		return nil, s.fail(ctx, "list articles", err)
	}
	defer rows.Close()
	var out []flowwatch.Article
	for rows.Next() {
		var text string
		var n int64
		a, err := scanVersion(rows, &text, &n)
		if err != nil {
			return nil, s.fail(ctx, "list articles", err)
		}
		a.Text, a.Claims = text, int(n)
		out = append(out, a)
	}
	return out, s.fail(ctx, "list articles", rows.Err())
}

// EachArticle implements flowwatch.Store. It reads in batches so that fn
// may write to the store without holding a connection for the walk.
func (s *Store) EachArticle(ctx context.Context, fn func(*flowwatch.Article) error) error {
	after := int64(0)
	for {
		rows, err := s.pool.Query(ctx, `SELECT `+versionCols+`, v.text FROM article_versions v WHERE v.id > $1 ORDER BY v.id LIMIT 100`, after)
		if err != nil {
			return s.fail(ctx, "read articles", err)
		}
		var batch []flowwatch.Article
		for rows.Next() {
			var text string
			a, err := scanVersion(rows, &text)
			if err != nil {
				rows.Close()
				return s.fail(ctx, "read articles", err)
			}
			a.Text = text
			batch = append(batch, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.fail(ctx, "read articles", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			if err := fn(&batch[i]); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
	}
}

// snippetWords is how many words a search hit's snippet shows.
const snippetWords = 30

// Search implements flowwatch.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]flowwatch.Hit, error) {
	words := snippet.Words(query)
	if len(words) == 0 {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "search query %q has no words", query)
	}
	// Words hold only letters, digits and marks, so they cannot form
	// tsquery operators; each also matches as a prefix.
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = w + ":*"
	}
	if limit <= 0 {
		limit = 20
	}
	// Rank the newest matches only; the text is read for the best alone.
	rows, err := s.pool.Query(ctx, `WITH q AS (SELECT to_tsquery('simple', $1) AS q),
		recent AS (
			SELECT v.id, ts_rank(v.search, q.q) AS rank FROM article_versions v, q
			WHERE v.search @@ q.q AND v.latest ORDER BY v.id DESC LIMIT $3),
		best AS (SELECT id, rank FROM recent ORDER BY rank DESC, id DESC LIMIT $2)
		SELECT `+versionCols+`, v.text, best.rank
		FROM best JOIN article_versions v ON v.id = best.id
		ORDER BY best.rank DESC, v.id DESC`, strings.Join(terms, " & "), limit, searchWindow)
	if err != nil {
		return nil, s.fail(ctx, fmt.Sprintf("search %q", query), err)
	}
	defer rows.Close()
	var hits []flowwatch.Hit
	for rows.Next() {
		var h flowwatch.Hit
		var text string
		var rank float32
		if h.Article, err = scanVersion(rows, &text, &rank); err != nil {
			return nil, s.fail(ctx, "search", err)
		}
		h.Snippet = snippet.Snippet(text, words, snippetWords)
		h.Rank = float64(rank)
		hits = append(hits, h)
	}
	return hits, s.fail(ctx, "search", rows.Err())
}

// searchWindow bounds how many matches Search ranks: the most recently
// stored ones. A word found in every article would otherwise make each
// search score the whole corpus.
const searchWindow = 1000

func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// Stats implements flowwatch.Store.
func (s *Store) Stats(ctx context.Context) (flowwatch.Stats, error) {
	st := flowwatch.Stats{ByKind: map[string]int{}, ByGroup: map[string]int{}}
	var first, last *time.Time
	var arts, vers, claims, outlets, sources int64
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM article_versions),
		(SELECT COUNT(*) FROM claims),
		(SELECT COUNT(DISTINCT outlet) FROM article_versions),
		(SELECT COUNT(DISTINCT source) FROM claims),
		(SELECT MIN(published) FROM article_versions),
		(SELECT MAX(published) FROM article_versions)`).Scan(&arts, &vers, &claims, &outlets, &sources, &first, &last)
	if err != nil {
		return st, s.fail(ctx, "stats", err)
	}
	st.Articles, st.ArticleVersions, st.Claims, st.Outlets, st.Sources = int(arts), int(vers), int(claims), int(outlets), int(sources)
	st.FirstPublished, st.LastPublished = dateOf(first), dateOf(last)
	for _, q := range []struct {
		col string
		m   map[string]int
	}{{"kind", st.ByKind}, {"grp", st.ByGroup}} {
		rows, err := s.pool.Query(ctx, `SELECT `+q.col+`, COUNT(*) FROM claims WHERE `+q.col+` IS NOT NULL GROUP BY 1`)
		if err != nil {
			return st, s.fail(ctx, "stats", err)
		}
		for rows.Next() {
			var k string
			var n int64
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, s.fail(ctx, "stats", err)
			}
			q.m[k] = int(n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, s.fail(ctx, "stats", err)
		}
	}
	return st, nil
}
