package http

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/export"
)

// list is a paginated answer: the page, the total matching (a lower bound
// until the last page), and the URL of the next page (absent on the last).
type list[T any] struct {
	Items  []T    `json:"items"`
	Total  int    `json:"total"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
	Next   string `json:"next,omitempty"`
}

// claimList is a page of claims. Counting every match costs far more than
// reading a page (a COUNT over a large result set reads all of it), so the
// page says whether more follow (has_more, from one row more than asked)
// and gives the total only when it is free (the first and only page) or
// asked for with count=true.
type claimList struct {
	Items []flowwatch.Claim `json:"items"`
	claimListMeta
}

type claimListMeta struct {
	Total   *int   `json:"total,omitempty"`
	Limit   int    `json:"limit"`
	Offset  int    `json:"offset"`
	HasMore bool   `json:"has_more"`
	Next    string `json:"next,omitempty"`
}

func (s *Server) handleClaims(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, append(claimParamNames, "limit", "offset", "after_id", "count")...)
	f := p.claimFilter()
	f.Limit, f.Offset = p.page()
	f.AfterID = int64(p.int("after_id", 0, 0, 1<<62))
	count := p.bool("count")
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if err := s.foldNames(r.Context(), &f); err != nil {
		s.error(w, r, err, 0)
		return
	}
	want := f.Limit
	f.Limit++
	if snap := s.index.current(); snap != nil {
		if q, ok := snap.resolve(f); ok {
			rows := snap.rows(&q, f)
			meta := claimListMeta{Limit: want, Offset: f.Offset, HasMore: len(rows) > want}
			if meta.HasMore {
				rows = rows[:want]
			}
			if count {
				n := snap.count(&q)
				meta.Total = &n
			}
			var lastID int64
			if len(rows) > 0 {
				lastID = snap.id[rows[len(rows)-1]]
			}
			s.finishClaimList(&meta, r, f, len(rows), count, lastID)
			size := 0
			for _, i := range rows {
				size += int(snap.jsonOff[i+1] - snap.jsonOff[i])
			}
			bp := bodyPool.Get().(*[]byte)
			*bp = slices.Grow((*bp)[:0], size+len(rows)+512)
			body, etag, err := marshalClaimList(*bp, len(rows), func(i int) ([]byte, uint64, error) {
				return snap.rowJSON(rows[i]), snap.hash[rows[i]], nil
			}, meta)
			if err != nil {
				s.error(w, r, err, 0)
				return
			}
			s.jsonBytesTagged(w, r, body, etag)
			*bp = body
			if cap(body) <= 1<<20 {
				bodyPool.Put(bp)
			}
			return
		}
	}
	claims, err := s.store.Claims(r.Context(), f)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	out := claimList{claimListMeta: claimListMeta{Limit: want, Offset: f.Offset, HasMore: len(claims) > want}}
	if out.HasMore {
		claims = claims[:want]
	}
	if claims == nil {
		claims = []flowwatch.Claim{}
	}
	out.Items = claims
	if count {
		n, err := s.countClaims(r.Context(), r.URL.Query(), f)
		if err != nil {
			s.error(w, r, err, 0)
			return
		}
		out.Total = &n
	}
	var lastID int64
	if len(claims) > 0 {
		lastID = claims[len(claims)-1].ID
	}
	s.finishClaimList(&out.claimListMeta, r, f, len(claims), count, lastID)
	body, etag, err := out.marshal()
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.jsonBytesTagged(w, r, body, etag)
}

// bodyPool recycles the claim index's page buffers: a page is 25 KB,
// allocated and cleared per request otherwise.
var bodyPool = sync.Pool{New: func() any { return new([]byte) }}

// finishClaimList fills in the free total and the next page's URL of a
// page of n claims (HasMore set), the last with id lastID.
func (s *Server) finishClaimList(m *claimListMeta, r *http.Request, f flowwatch.ClaimFilter, n int, counted bool, lastID int64) {
	if !counted && !m.HasMore && f.AfterID == 0 && (n > 0 || f.Offset == 0) {
		// The last page reached by offset: the total costs nothing.
		t := f.Offset + n
		m.Total = &t
	}
	if !m.HasMore {
		return
	}
	v := r.URL.Query()
	v.Del("count") // the total does not change from page to page
	if f.ArticleID != 0 {
		// One article's claims come in text order, not id order.
		v.Set("offset", strconv.Itoa(f.Offset+m.Limit))
	} else {
		// A cursor, not an offset: the next page starts after this
		// page's last id and costs the same however deep it is.
		v.Del("offset")
		v.Set("after_id", strconv.FormatInt(lastID, 10))
	}
	m.Next = r.URL.Path + "?" + v.Encode()
}

// marshal encodes the list as json.Encoder would, byte for byte, but
// calls each Claim's MarshalJSON itself: encoding/json re-scans and
// compacts whatever a MarshalJSON returns, which cost as much CPU as
// encoding the claims (a fifth of a page request in profiles).
func (l claimList) marshal() (body []byte, etag string, err error) {
	return marshalClaimList(make([]byte, 0, 1024*len(l.Items)), len(l.Items), func(i int) ([]byte, uint64, error) {
		js, err := l.Items[i].MarshalJSON()
		return js, claimHash(js), err
	}, l.claimListMeta)
}

// marshalClaimList appends to b n items, each already JSON with its
// claimHash, and meta, as json.Encoder writes a claimList. The ETag is a
// hash of the meta and the items' hashes, not of the whole body: the claim
// index keeps each claim's hash, so that a page's tag costs a hash of a
// few hundred bytes rather than of 25 KB (a tenth of a request's CPU).
func marshalClaimList(b []byte, n int, item func(i int) ([]byte, uint64, error), m claimListMeta) (body []byte, etag string, err error) {
	meta, err := json.Marshal(m)
	if err != nil {
		return nil, "", err
	}
	h := sha256.New()
	h.Write(meta)
	var hb [8]byte
	b = append(b, `{"items":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		cb, ch, err := item(i)
		if err != nil {
			return nil, "", err
		}
		b = append(b, cb...)
		binary.LittleEndian.PutUint64(hb[:], ch)
		h.Write(hb[:])
	}
	b = append(b, "],"...)
	b = append(b, meta[1:]...) // meta without its opening brace
	var sum [sha256.Size]byte
	return append(b, '\n'), `"c` + hex.EncodeToString(h.Sum(sum[:0])[:12]) + `"`, nil
}

// claimHash is the hash of one claim's JSON that claim list ETags hash.
func claimHash(js []byte) uint64 {
	sum := sha256.Sum256(js)
	return binary.LittleEndian.Uint64(sum[:8])
}

// countTTL is how long a total is reused. Counting every matching row
// costs more than reading a page of them, and paging through one result
// set asks the same count on every page. Ingest through this server
// clears it; writes by other processes show in totals within countTTL.
const countTTL = 30 * time.Second

func (s *Server) countClaims(ctx context.Context, q url.Values, f flowwatch.ClaimFilter) (int, error) {
	f.Limit, f.Offset, f.AfterID = 0, 0, 0
	v, err := s.cache.do(filterKey("count", q), max(countTTL, s.opts.CacheTTL), func() (any, error) {
		return s.store.CountClaims(ctx, f)
	})
	if err != nil {
		return 0, err
	}
	return v.(int), nil
}

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, "outlet", "since", "until", "q", "all_versions", "limit", "offset")
	f := flowwatch.ArticleFilter{Outlet: p.str("outlet"), Since: p.date("since"), Until: p.date("until"),
		Text: p.str("q"), AllVersions: p.bool("all_versions")}
	f.Limit, f.Offset = p.page()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	// One more than asked says whether a next page exists without a count
	// query, which the store does not offer for articles.
	want := f.Limit
	f.Limit++
	arts, err := s.store.Articles(r.Context(), f)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	more := len(arts) > want
	if more {
		arts = arts[:want]
	}
	for i := range arts {
		arts[i].Text = "" // listings stay small; GET /api/articles/{id} has the text
	}
	if arts == nil {
		arts = []flowwatch.Article{}
	}
	total := f.Offset + len(arts)
	if more {
		total++ // at least; the next link is what clients should follow
	}
	out := list[flowwatch.Article]{Items: arts, Total: total, Limit: want, Offset: f.Offset}
	if more {
		v := r.URL.Query()
		v.Set("offset", strconv.Itoa(f.Offset+want))
		out.Next = r.URL.Path + "?" + v.Encode()
	}
	s.json(w, r, out)
}

// articleView is one article with its cleaned text and the claims read from
// it; claim start/end are byte offsets into text (UTF-8).
type articleView struct {
	Article flowwatch.Article `json:"article"`
	Claims  []flowwatch.Claim `json:"claims"`
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	if err := knownParams(r); err != nil {
		s.error(w, r, err, 0)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "article id %q: want a positive integer, as in a claim's article_id", r.PathValue("id")), 0)
		return
	}
	a, claims, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	if claims == nil {
		claims = []flowwatch.Claim{}
	}
	s.json(w, r, articleView{Article: *a, Claims: claims})
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, "q", "limit")
	q := p.str("q")
	limit := p.int("limit", 20, 1, 200)
	if q == "" {
		p.fail("q is empty: give the words to search for, as in ?q=Kursk")
	}
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	hits, err := s.store.Search(r.Context(), q, limit)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	for i := range hits {
		hits[i].Article.Text = ""
	}
	if hits == nil {
		hits = []flowwatch.Hit{}
	}
	s.json(w, r, map[string]any{"query": q, "items": hits})
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	if err := knownParams(r); err != nil {
		s.error(w, r, err, 0)
		return
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, st)
}

// allClaims pages through every claim matching f. Aggregates need them all;
// pages keep any one query bounded, and keyset paging (AfterID) makes each
// page cost the same.
func (s *Server) allClaims(ctx context.Context, f flowwatch.ClaimFilter, fn func(flowwatch.Claim) error) error {
	const page = 5000
	f.Limit, f.Offset = page, 0
	for {
		cs, err := s.store.Claims(ctx, f)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(cs) < page {
			return nil
		}
		f.AfterID = cs[len(cs)-1].ID
	}
}

// cached runs build once per CacheTTL for the same key.
func (s *Server) cached(key string, build func() (any, error)) (any, error) {
	return s.cache.do(key, s.opts.CacheTTL, build)
}

// sourceView is one source (who a figure is attributed to) or outlet.
type sourceView struct {
	Name    string         `json:"name"`
	Aliases []string       `json:"aliases,omitempty"` // other names the filter takes, from the domain data
	Claims  int            `json:"claims"`
	Outlets []string       `json:"outlets,omitempty"`
	ByGroup map[string]int `json:"by_group"`
	First   flowwatch.Date `json:"first_published"`
	Last    flowwatch.Date `json:"last_published"`
}

func (s *Server) handleSources(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, claimParamNames...)
	f := p.claimFilter()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if err := s.foldNames(r.Context(), &f); err != nil {
		s.error(w, r, err, 0)
		return
	}
	v, err := s.cached(filterKey("sources", r.URL.Query()), func() (any, error) {
		sources, outlets := map[string]*sourceView{}, map[string]*sourceView{}
		add := func(m map[string]*sourceView, name string, c flowwatch.Claim) *sourceView {
			sv := m[name]
			if sv == nil {
				sv = &sourceView{Name: name, ByGroup: map[string]int{}}
				m[name] = sv
			}
			sv.Claims++
			if c.Group != "" {
				sv.ByGroup[c.Group]++
			}
			if !c.Published.IsZero() {
				if sv.First.IsZero() || c.Published.Before(sv.First) {
					sv.First = c.Published
				}
				if c.Published.After(sv.Last) {
					sv.Last = c.Published
				}
			}
			return sv
		}
		err := s.allClaims(r.Context(), f, func(c flowwatch.Claim) error {
			if c.Source != "" {
				sv := add(sources, c.Source, c)
				if c.Outlet != "" && !slices.Contains(sv.Outlets, c.Outlet) && len(sv.Outlets) < 50 {
					sv.Outlets = append(sv.Outlets, c.Outlet)
				}
			}
			if c.Outlet != "" {
				add(outlets, c.Outlet, c)
			}
			return nil
		})
		d := domain.Default()
		for _, m := range []map[string]*sourceView{sources, outlets} {
			for _, sv := range m {
				if src, ok := d.SourceByAlias(sv.Name); ok && src.Name == sv.Name {
					sv.Aliases = src.Aliases
				}
			}
		}
		return map[string]any{"sources": sortedViews(sources), "outlets": sortedViews(outlets)}, err
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

func sortedViews(m map[string]*sourceView) []*sourceView {
	out := make([]*sourceView, 0, len(m))
	for _, v := range m {
		sort.Strings(v.Outlets)
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Claims != out[j].Claims {
			return out[i].Claims > out[j].Claims
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// placeView is one place with the claims that name it, for the places view.
type placeView struct {
	Name    string         `json:"name"`
	Aliases []string       `json:"aliases,omitempty"` // other names the filter takes, from the domain data
	Claims  int            `json:"claims"`
	ByGroup map[string]int `json:"by_group"`
	ByEvent map[string]int `json:"by_event"`
	Largest *float64       `json:"largest"` // largest people figure named for the place
}

func (s *Server) handlePlaces(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, claimParamNames...)
	f := p.claimFilter()
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if err := s.foldNames(r.Context(), &f); err != nil {
		s.error(w, r, err, 0)
		return
	}
	v, err := s.cached(filterKey("places", r.URL.Query()), func() (any, error) {
		m := map[string]*placeView{}
		err := s.allClaims(r.Context(), f, func(c flowwatch.Claim) error {
			for _, pl := range c.Place {
				pv := m[pl]
				if pv == nil {
					pv = &placeView{Name: pl, ByGroup: map[string]int{}, ByEvent: map[string]int{}}
					m[pl] = pv
				}
				pv.Claims++
				if c.Group != "" {
					pv.ByGroup[c.Group]++
				}
				if c.Event != "" {
					pv.ByEvent[c.Event]++
				}
				if c.Kind == flowwatch.KindPeople {
					if v := figure(c); v != nil && (pv.Largest == nil || *v > *pv.Largest) {
						pv.Largest = v
					}
				}
			}
			return nil
		})
		out := make([]*placeView, 0, len(m))
		d := domain.Default()
		for _, pv := range m {
			if pl, ok := d.Place(pv.Name); ok && pl.Name == pv.Name {
				pv.Aliases = pl.Aliases
			}
			out = append(out, pv)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Claims != out[j].Claims {
				return out[i].Claims > out[j].Claims
			}
			return out[i].Name < out[j].Name
		})
		return map[string]any{"items": out}, err
	})
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, v)
}

// figure is the value a claim states: its high end when it has one (a
// range's upper bound, "up to N"), else its low end.
func figure(c flowwatch.Claim) *float64 {
	if c.High != nil {
		return c.High
	}
	return c.Low
}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, append(claimParamNames, "format", "limit")...)
	f := p.claimFilter()
	format := p.enum("format", export.Formats)
	if format == "" && len(p.errs) == 0 {
		p.fail("format is missing: use one of %s", strings.Join(export.Formats, ", "))
	}
	limit := p.int("limit", 0, 1, 10_000_000)
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if err := s.foldNames(r.Context(), &f); err != nil {
		s.error(w, r, err, 0)
		return
	}
	arts := map[int64]*flowwatch.Article{}
	articleOf := func(c flowwatch.Claim) *flowwatch.Article {
		if a, ok := arts[c.ArticleID]; ok {
			return a
		}
		a, _, err := s.store.Article(r.Context(), c.ArticleID)
		if err != nil {
			a = nil
		}
		if len(arts) > 10000 {
			clear(arts) // bound memory on huge exports; the FtM writer dedups by id
		}
		arts[c.ArticleID] = a
		return a
	}
	h := w.Header()
	h.Set("Content-Type", export.ContentType(format))
	h.Set("Content-Disposition", `attachment; filename="flowwatch-claims`+export.Extension(format)+`"`)
	h.Set("Cache-Control", "no-store")
	// Headers go out with the first row; an error after that can only cut
	// the body short, which the missing final newline shows.
	ew, _ := export.New(format, w, articleOf)
	n := 0
	err := s.allClaims(r.Context(), f, func(c flowwatch.Claim) error {
		if limit > 0 && n >= limit {
			return io.EOF
		}
		n++
		return ew.Write(c)
	})
	if err != nil && err != io.EOF {
		if n == 0 {
			s.error(w, r, err, 0)
			return
		}
		s.log.Error("export cut short", "err", err, "rows", n)
		return
	}
	ew.Close()
}
