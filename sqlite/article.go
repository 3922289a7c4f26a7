package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/snippet"
)

// SaveArticle implements flowwatch.Store.
func (s *Store) SaveArticle(ctx context.Context, a *flowwatch.Article, claims []flowwatch.Claim) (flowwatch.SaveResult, error) {
	if err := flowwatch.CheckArticle(a, claims); err != nil {
		return flowwatch.Unchanged, err
	}
	op := fmt.Sprintf("save article %q", a.Name)
	if err := s.prepareInserts(ctx, claims); err != nil {
		return flowwatch.Unchanged, s.fail(ctx, op, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return flowwatch.Unchanged, s.fail(ctx, op, err)
	}
	defer tx.Rollback()
	var idx txState
	res, apply, err := s.saveTx(ctx, tx, &idx, a, claims)
	if err == nil {
		err = s.flush(ctx, tx, &idx)
	}
	if err != nil {
		return flowwatch.Unchanged, s.fail(ctx, op, err)
	}
	if err := tx.Commit(); err != nil {
		return flowwatch.Unchanged, s.fail(ctx, op, err)
	}
	apply()
	s.saved(1)
	return res, nil
}

// optimizeEvery is how many saved articles pass between refreshes of the
// planner's statistics, so that a long-running process that watched the
// store grow from empty keeps choosing good indexes.
const optimizeEvery = 25000

// saved counts n saved articles and refreshes the statistics when due.
// Errors are ignored: statistics only make queries faster.
func (s *Store) saved(n int) {
	if now := s.saves.Add(int64(n)); now/optimizeEvery != (now-int64(n))/optimizeEvery {
		s.w.Exec("PRAGMA optimize = 0x10002")
	}
}

// SaveArticles implements flowwatch.BatchSaver: SaveArticle for each
// article in order, in one transaction. Bulk ingestion commits once per
// batch instead of once per article, which is most of a commit's cost.
func (s *Store) SaveArticles(ctx context.Context, batch []flowwatch.ArticleClaims) ([]flowwatch.SaveResult, error) {
	for _, b := range batch {
		if err := flowwatch.CheckArticle(b.Article, b.Claims); err != nil {
			return nil, err
		}
	}
	op := fmt.Sprintf("save %d articles", len(batch))
	sets := make([][]flowwatch.Claim, len(batch))
	for i, b := range batch {
		sets[i] = b.Claims
	}
	if err := s.prepareInserts(ctx, sets...); err != nil {
		return nil, s.fail(ctx, op, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.fail(ctx, op, err)
	}
	defer tx.Rollback()
	results := make([]flowwatch.SaveResult, len(batch))
	applies := make([]func(), len(batch))
	var idx txState
	for i, b := range batch {
		if results[i], applies[i], err = s.saveTx(ctx, tx, &idx, b.Article, b.Claims); err != nil {
			return nil, s.fail(ctx, fmt.Sprintf("save article %q", b.Article.Name), err)
		}
	}
	if err := s.flush(ctx, tx, &idx); err != nil {
		return nil, s.fail(ctx, op, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, s.fail(ctx, op, err)
	}
	for _, apply := range applies {
		apply()
	}
	s.saved(len(batch))
	return results, nil
}

// txState is what a write transaction keeps between its statements.
type txState struct {
	// rows are the versions inserted by the transaction that are not
	// yet in the search index (see migration 0004): FTS5 turns its
	// pending rows into an index segment at every statement savepoint, so
	// they are indexed together after the transaction's other statements.
	rows []searchRow
	// nextClaim is the ID the next claim gets (0: not read yet). The
	// transaction holds the write lock, so MAX(id)+1 is what SQLite would
	// choose; choosing it here spares the claim INSERT a RETURNING clause,
	// which costs a statement journal and a result row per claim.
	nextClaim int64
	// claimRows and placeRows are the values of claims and their places
	// not inserted yet: the transaction's claims go in multi-row INSERTs
	// of up to maxRowsPerInsert rows (see flush).
	claimRows, placeRows []any
}

type searchRow struct {
	id          int64
	title, text string
}

// flush inserts what q holds: the claims, their places, then the
// versions' search index rows. It runs before the transaction commits and
// before any statement that reads what q holds (a version's latest flag
// changing updates its claims and fires the search triggers, which expect
// a latest version to be in the index already).
func (s *Store) flush(ctx context.Context, tx *sql.Tx, q *txState) error {
	// Claims before places, which reference them.
	if err := s.insertRows(ctx, tx, &s.insClaims, q.claimRows, claimInsertCols); err != nil {
		return err
	}
	if err := s.insertRows(ctx, tx, &s.insPlaces, q.placeRows, placeInsertCols); err != nil {
		return err
	}
	q.claimRows, q.placeRows = q.claimRows[:0], q.placeRows[:0]
	if len(q.rows) == 0 {
		return nil
	}
	// A single-row INSERT into an FTS5 table opens no savepoint, so the
	// whole queue stays one pending segment.
	ins := tx.StmtContext(ctx, s.insSearch)
	for _, r := range q.rows {
		if _, err := ins.ExecContext(ctx, r.id, nullStr(r.title), r.text); err != nil {
			return err
		}
	}
	q.rows = q.rows[:0]
	return nil
}

// saveTx does SaveArticle's work inside tx, queueing a new version for
// the search index in idx. apply, called once tx has committed, fills in
// a's ID, version and sightings.
func (s *Store) saveTx(ctx context.Context, tx *sql.Tx, idx *txState, a *flowwatch.Article, claims []flowwatch.Claim) (flowwatch.SaveResult, func(), error) {
	identity := flowwatch.ArticleIdentity(a)
	seen := a.LastSeen
	if seen.IsZero() {
		seen = time.Now()
	}
	seen = seen.UTC().Truncate(time.Microsecond)

	var (
		artID, verID, version int64
		latest, known         bool
		first, last           sql.NullString
	)
	err := tx.StmtContext(ctx, s.selArticle).QueryRowContext(ctx, identity).Scan(&artID)
	if errors.Is(err, sql.ErrNoRows) {
		// A new identity has no versions to look through.
		artID, err = insertID(tx.StmtContext(ctx, s.insArticle).ExecContext(ctx, identity))
	} else if err == nil {
		known = true
	}
	if err != nil {
		return flowwatch.Unchanged, nil, err
	}
	err = sql.ErrNoRows
	if known {
		err = tx.StmtContext(ctx, s.selVersion).QueryRowContext(ctx, artID, a.Hash).Scan(&verID, &version, &latest, &first, &last)
	}
	switch {
	case err == nil:
		// This text was seen before: only the sighting is new.
		res := flowwatch.Unchanged
		lastSeen := parseTime(last)
		if seen.After(lastSeen) {
			lastSeen = seen
			if _, err := tx.ExecContext(ctx, `UPDATE article_versions SET last_seen = ? WHERE id = ?`, fmtTime(seen), verID); err != nil {
				return flowwatch.Unchanged, nil, err
			}
		}
		if !latest {
			if err := s.flush(ctx, tx, idx); err != nil {
				return flowwatch.Unchanged, nil, err
			}
			if err := setLatest(ctx, tx, artID, verID); err != nil {
				return flowwatch.Unchanged, nil, err
			}
			res = flowwatch.Updated
		}
		return res, func() {
			a.ID, a.Version, a.FirstSeen, a.LastSeen = verID, int(version), parseTime(first), lastSeen
			for i := range claims {
				claims[i].ArticleID = verID
			}
		}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return flowwatch.Unchanged, nil, err
	}

	if known {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM article_versions WHERE article_id = ?`, artID).Scan(&version); err != nil {
			return flowwatch.Unchanged, nil, err
		}
	}
	version++
	if version > 1 {
		if err := s.flush(ctx, tx, idx); err != nil {
			return flowwatch.Unchanged, nil, err
		}
		if err := setLatest(ctx, tx, artID, 0); err != nil {
			return flowwatch.Unchanged, nil, err
		}
	}
	firstSeen := a.FirstSeen
	if firstSeen.IsZero() || firstSeen.After(seen) {
		firstSeen = seen
	}
	firstSeen = firstSeen.UTC().Truncate(time.Microsecond)
	verID, err = insertID(tx.StmtContext(ctx, s.insVersion).ExecContext(ctx, artID, version, a.Name, nullStr(a.URL), nullStr(a.Title),
		nullStr(a.Outlet), nullDate(a.Published), nullStr(a.Lang), a.Text, a.Hash, fmtTime(firstSeen), fmtTime(seen)))
	if err != nil {
		return flowwatch.Unchanged, nil, err
	}
	idx.rows = append(idx.rows, searchRow{id: verID, title: a.Title, text: a.Text})
	if err := s.insertClaims(ctx, tx, idx, verID, true, a, claims); err != nil {
		return flowwatch.Unchanged, nil, err
	}
	res := flowwatch.Updated
	if version == 1 {
		res = flowwatch.New
	}
	return res, func() { a.ID, a.Version, a.FirstSeen, a.LastSeen = verID, int(version), firstSeen, seen }, nil
}

// insertID is the rowid an INSERT of one row gave. (RETURNING would cost
// the statement a journal and a result row.)
func insertID(r sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// setLatest marks version verID (0: none) as the latest of article artID,
// on the version and, denormalised, on the claims.
func setLatest(ctx context.Context, tx *sql.Tx, artID, verID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE article_versions SET latest = (id = ?) WHERE article_id = ? AND latest != (id = ?)`,
		verID, artID, verID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE claims SET latest = (version_id = ?)
		WHERE version_id IN (SELECT id FROM article_versions WHERE article_id = ?) AND latest != (version_id = ?)`,
		verID, artID, verID)
	return err
}

// insertClaims queues claims for version verID in st (flush inserts
// them), copying the article's fields into each, and sets their ID and
// ArticleID.
func (s *Store) insertClaims(ctx context.Context, tx *sql.Tx, st *txState, verID int64, latest bool, a *flowwatch.Article, claims []flowwatch.Claim) error {
	if len(claims) == 0 {
		return nil
	}
	if st.nextClaim == 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM claims`).Scan(&st.nextClaim); err != nil {
			return err
		}
	}
	for i := range claims {
		c := &claims[i]
		c.ArticleID, c.Article, c.Outlet, c.URL, c.Published = verID, a.Name, a.Outlet, a.URL, a.Published
		if c.Lang == "" {
			c.Lang = a.Lang
		}
		place, err := jsonList(c.Place)
		if err != nil {
			return err
		}
		orgs, err := jsonList(c.Orgs)
		if err != nil {
			return err
		}
		var from, to any
		if c.When != nil {
			from, to = nullDate(c.When.From), nullDate(c.When.To)
		}
		c.ID = st.nextClaim
		st.nextClaim++
		st.claimRows = append(st.claimRows, c.ID, verID, i, latest, c.Article, c.Kind, nullStr(c.Group), nullStr(c.Event), c.Low, c.High,
			nullStr(c.Qualifier), nullStr(c.Unit), nullStr(c.Per), place, from, to, nullStr(c.Source), nullStr(c.Via), orgs,
			nullStr(c.Lang), c.Quote, c.Start, c.End, nullStr(c.Extractor), nullStr(c.Outlet), nullStr(c.URL),
			nullDate(c.Published), nullStr(c.Measure), c.Increment, nullStr(c.Scope), c.Page)
		for _, p := range c.Place {
			st.placeRows = append(st.placeRows, c.ID, p, nullStr(c.Group), nullStr(c.Event))
		}
	}
	return nil
}

// Multi-row INSERTs: at most maxRowsPerInsert rows each. Per statement,
// SQLite opens a cursor on the table and on each of its indexes (and
// copies the pages it changes to a statement journal), and database/sql
// and the driver add their own round: a few large statements per batch
// cost much less than one or more per article.
const (
	maxRowsPerInsert = 64
	claimInsertCols  = 31
	placeInsertCols  = 4
)

// rowInserts holds an INSERT statement prepared for each number of rows.
type rowInserts struct {
	head, row string // "INSERT ... VALUES", "(?, ...)"
	mu        sync.Mutex
	stmts     [maxRowsPerInsert + 1]*sql.Stmt
}

func (r *rowInserts) close() {
	for _, st := range r.stmts {
		if st != nil {
			st.Close()
		}
	}
}

// prepare prepares the statements that inserting total rows in chunks of
// maxRowsPerInsert takes. It must run outside a transaction: the writer
// pool's one connection is the transaction's, so preparing on the pool
// inside one would wait for ever.
func (r *rowInserts) prepare(ctx context.Context, db *sql.DB, total int) error {
	if total == 0 {
		return nil
	}
	// One row too: for a queue flushed early (see insertRows).
	for _, n := range []int{1, min(total, maxRowsPerInsert), total % maxRowsPerInsert} {
		if n == 0 {
			continue
		}
		r.mu.Lock()
		have := r.stmts[n] != nil
		r.mu.Unlock()
		if have {
			continue
		}
		// Not under the lock: another goroutine's transaction may hold
		// the connection and need the lock to finish.
		st, err := db.PrepareContext(ctx, r.head+" "+strings.TrimSuffix(strings.Repeat(r.row+", ", n), ", "))
		if err != nil {
			return err
		}
		r.mu.Lock()
		if r.stmts[n] == nil {
			r.stmts[n], st = st, nil
		}
		r.mu.Unlock()
		if st != nil {
			st.Close()
		}
	}
	return nil
}

// prepareInserts prepares what inserting these claims in one transaction
// takes (see rowInserts.prepare), before the transaction.
func (s *Store) prepareInserts(ctx context.Context, claimSets ...[]flowwatch.Claim) error {
	claims, places := 0, 0
	for _, cs := range claimSets {
		claims += len(cs)
		for _, c := range cs {
			places += len(c.Place)
		}
	}
	if err := s.insClaims.prepare(ctx, s.w, claims); err != nil {
		return err
	}
	return s.insPlaces.prepare(ctx, s.w, places)
}

// insertRows inserts the rows of args, cols values each, in statements of
// maxRowsPerInsert rows and one of the rest, prepared by prepareInserts.
// A rest of a size not prepared (a queue flushed before the end of its
// transaction) goes in one-row statements.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, r *rowInserts, args []any, cols int) error {
	for len(args) > 0 {
		n := min(len(args)/cols, maxRowsPerInsert)
		r.mu.Lock()
		st := r.stmts[n]
		if st == nil {
			n, st = 1, r.stmts[1]
		}
		r.mu.Unlock()
		if st == nil {
			return fmt.Errorf("insert %d rows: statement not prepared", n)
		}
		if _, err := tx.StmtContext(ctx, st).ExecContext(ctx, args[:n*cols]...); err != nil {
			return err
		}
		args = args[n*cols:]
	}
	return nil
}

func jsonList(v []string) (string, error) {
	if len(v) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

func parseList(s string) []string {
	var v []string
	if s == "" || s == "[]" {
		return nil
	}
	json.Unmarshal([]byte(s), &v)
	return v
}

// ReplaceClaims implements flowwatch.Store.
func (s *Store) ReplaceClaims(ctx context.Context, articleID int64, claims []flowwatch.Claim) error {
	op := fmt.Sprintf("replace claims of article version %d", articleID)
	if err := s.prepareInserts(ctx, claims); err != nil {
		return s.fail(ctx, op, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return s.fail(ctx, op, err)
	}
	defer tx.Rollback()
	var (
		a                      flowwatch.Article
		url, outlet, pub, lang sql.NullString
		latest                 bool
		textLen                int
	)
	err = tx.QueryRowContext(ctx, `SELECT name, url, outlet, published, lang, latest, length(CAST(text AS BLOB))
		FROM article_versions WHERE id = ?`, articleID).Scan(&a.Name, &url, &outlet, &pub, &lang, &latest, &textLen)
	if errors.Is(err, sql.ErrNoRows) {
		return flowwatch.Errorf(flowwatch.ENOTFOUND, "article version %d not found", articleID)
	} else if err != nil {
		return s.fail(ctx, op, err)
	}
	a.URL, a.Outlet, a.Published, a.Lang = url.String, outlet.String, parseDate(pub), lang.String
	if err := flowwatch.CheckClaims(a.Name, textLen, claims); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE version_id = ?`, articleID); err != nil {
		return s.fail(ctx, op, err)
	}
	var st txState
	if err := s.insertClaims(ctx, tx, &st, articleID, latest, &a, claims); err != nil {
		return s.fail(ctx, op, err)
	}
	if err := s.flush(ctx, tx, &st); err != nil {
		return s.fail(ctx, op, err)
	}
	return s.fail(ctx, op, tx.Commit())
}

const versionCols = `v.id, v.name, v.url, v.title, v.outlet, v.published, v.lang, v.hash, v.version, v.first_seen, v.last_seen`

type scanner interface{ Scan(...any) error }

func scanVersion(sc scanner, extra ...any) (flowwatch.Article, error) {
	var (
		a                             flowwatch.Article
		url, title, outlet, pub, lang sql.NullString
		first, last                   sql.NullString
	)
	dest := append([]any{&a.ID, &a.Name, &url, &title, &outlet, &pub, &lang, &a.Hash, &a.Version, &first, &last}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return a, err
	}
	a.URL, a.Title, a.Outlet, a.Published, a.Lang = url.String, title.String, outlet.String, parseDate(pub), lang.String
	a.FirstSeen, a.LastSeen = parseTime(first), parseTime(last)
	return a, nil
}

// Article implements flowwatch.Store.
func (s *Store) Article(ctx context.Context, id int64) (*flowwatch.Article, []flowwatch.Claim, error) {
	op := fmt.Sprintf("read article version %d", id)
	var text string
	a, err := scanVersion(s.r.QueryRowContext(ctx, `SELECT `+versionCols+`, v.text FROM article_versions v WHERE v.id = ?`, id), &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, flowwatch.Errorf(flowwatch.ENOTFOUND, "article version %d not found", id)
	} else if err != nil {
		return nil, nil, s.fail(ctx, op, err)
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
		args  []any
	)
	if !f.AllVersions {
		where = append(where, "v.latest = 1")
	}
	if f.Outlet != "" {
		where, args = append(where, "v.outlet = ?"), append(args, f.Outlet)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "v.published >= ?"), append(args, f.Since.String())
	}
	if !f.Until.IsZero() {
		where, args = append(where, "v.published <= ?"), append(args, f.Until.String())
	}
	if f.Text != "" {
		p := likePattern(f.Text)
		where, args = append(where, `(v.title LIKE ? ESCAPE '\' OR v.text LIKE ? ESCAPE '\')`), append(args, p, p)
	}
	q := `SELECT ` + versionCols + `, v.text, (SELECT COUNT(*) FROM claims c WHERE c.version_id = v.id) FROM article_versions v`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY v.published DESC NULLS LAST, v.id DESC" + limitOffset(f.Limit, f.Offset)
	rows, err := s.pool(manyRows(f.Limit)).QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.fail(ctx, "list articles", err)
	}
	defer rows.Close()
	var out []flowwatch.Article
	for rows.Next() {
		var text string
		var n int
		a, err := scanVersion(rows, &text, &n)
		if err != nil {
			return nil, s.fail(ctx, "list articles", err)
		}
		a.Text, a.Claims = text, n
		out = append(out, a)
	}
	return out, s.fail(ctx, "list articles", rows.Err())
}

// EachArticle implements flowwatch.Store. It reads in batches so that fn
// may write to the store (ReplaceClaims) without a read held open.
func (s *Store) EachArticle(ctx context.Context, fn func(*flowwatch.Article) error) error {
	after := int64(0)
	for {
		rows, err := s.pool(true).QueryContext(ctx, `SELECT `+versionCols+`, v.text FROM article_versions v WHERE v.id > ? ORDER BY v.id LIMIT 100`, after)
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

// searchWindow bounds how many matches Search ranks: the most recently
// stored ones. A word found in every article would otherwise make each
// search score the whole corpus.
const searchWindow = 1000

// snippetWords is how many words a search hit's snippet shows.
const snippetWords = 30

// Search implements flowwatch.Store.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]flowwatch.Hit, error) {
	words := snippet.Words(query)
	if len(words) == 0 {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "search query %q has no words", query)
	}
	// Quoted, so that FTS5 operators in the query are just words.
	terms := make([]string, len(words))
	for i, w := range words {
		terms[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if s.prefixOfLonger(ctx, w) {
			terms[i] += "*"
		}
	}
	if limit <= 0 {
		limit = 20
	}
	op := fmt.Sprintf("search %q", query)
	// Rank the newest matches only; the index holds latest versions only.
	rows, err := s.r.QueryContext(ctx, `SELECT id, score FROM (
			SELECT rowid AS id, bm25(article_fts, 2.0, 1.0) AS score FROM article_fts
			WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
		ORDER BY score, id DESC LIMIT ?`, strings.Join(terms, " "), searchWindow, limit)
	if err != nil {
		return nil, s.fail(ctx, op, err)
	}
	var (
		ids    []int64
		scores = map[int64]float64{}
	)
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			rows.Close()
			return nil, s.fail(ctx, op, err)
		}
		ids = append(ids, id)
		scores[id] = -score // bm25 is lower for better matches
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, s.fail(ctx, op, err)
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err = s.r.QueryContext(ctx, `SELECT `+versionCols+`, v.text FROM article_versions v
		WHERE v.id IN (`+strings.Repeat(",?", len(ids))[1:]+`)`, args...)
	if err != nil {
		return nil, s.fail(ctx, op, err)
	}
	defer rows.Close()
	byID := map[int64]flowwatch.Hit{}
	for rows.Next() {
		var h flowwatch.Hit
		var text string
		if h.Article, err = scanVersion(rows, &text); err != nil {
			return nil, s.fail(ctx, op, err)
		}
		h.Snippet = snippet.Snippet(text, words, snippetWords)
		h.Rank = scores[h.Article.ID]
		byID[h.Article.ID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(ctx, op, err)
	}
	hits := make([]flowwatch.Hit, 0, len(ids))
	for _, id := range ids {
		if h, ok := byID[id]; ok {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// prefixOfLonger reports whether a longer term than word starts with it
// in the search index, or may. Otherwise "word"* matches what "word"
// does, and FTS5 answers the term far faster: it reads a term's document
// list lazily, newest first, but merges a prefix's whole list before the
// first match, and again for each bm25 call's document count.
// Only words of ASCII letters and digits are looked up, because only
// their index form is plainly the word (FTS5 folds case and diacritics
// of the rest by its own tables).
func (s *Store) prefixOfLonger(ctx context.Context, word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return true
		}
	}
	// Terms are compared as bytes: every longer term lies between these.
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM article_fts_vocab WHERE term >= ? AND term <= ? LIMIT 1`,
		word+"\x01", word+"\xff").Scan(&one)
	return !errors.Is(err, sql.ErrNoRows) // an error (no vocabulary table yet): search by prefix
}

func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// Stats implements flowwatch.Store.
func (s *Store) Stats(ctx context.Context) (flowwatch.Stats, error) {
	st := flowwatch.Stats{ByKind: map[string]int{}, ByGroup: map[string]int{}}
	var first, last sql.NullString
	err := s.pool(true).QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM article_versions),
		(SELECT COUNT(*) FROM claims),
		(SELECT COUNT(DISTINCT outlet) FROM article_versions),
		(SELECT COUNT(DISTINCT source) FROM claims),
		(SELECT MIN(published) FROM article_versions),
		(SELECT MAX(published) FROM article_versions)`).Scan(
		&st.Articles, &st.ArticleVersions, &st.Claims, &st.Outlets, &st.Sources, &first, &last)
	if err != nil {
		return st, s.fail(ctx, "stats", err)
	}
	st.FirstPublished, st.LastPublished = parseDate(first), parseDate(last)
	for _, q := range []struct {
		col string
		m   map[string]int
	}{{"kind", st.ByKind}, {"grp", st.ByGroup}} {
		rows, err := s.pool(true).QueryContext(ctx, `SELECT `+q.col+`, COUNT(*) FROM claims WHERE `+q.col+` IS NOT NULL GROUP BY 1`)
		if err != nil {
			return st, s.fail(ctx, "stats", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return st, s.fail(ctx, "stats", err)
			}
			q.m[k] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return st, s.fail(ctx, "stats", err)
		}
	}
	return st, nil
}
