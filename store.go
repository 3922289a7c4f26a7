package flowwatch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// SaveResult says what SaveArticle did with an article.
type SaveResult int

const (
	Unchanged SaveResult = iota // same identity and same text: nothing written
	New                         // first time this identity was seen
	Updated                     // same identity, new text: a new version was added
)

func (r SaveResult) String() string {
	switch r {
	case New:
		return "new"
	case Updated:
		return "updated"
	}
	return "unchanged"
}

// ClaimFilter selects claims. Zero fields do not filter; string fields
// match exactly except Text. Claims come in the order they were stored
// (article by article, each in text order), so that paging is stable.
type ClaimFilter struct {
	Kind, Group, Event string
	Place              string // canonical place name
	Source             string // canonical source name
	Outlet             string
	Article            string // article name
	ArticleID          int64  // article version id
	Since, Until       Date   // publication date bounds, inclusive
	// MinValue keeps claims whose largest stated figure (High, else Low)
	// is >= it; MaxValue those whose smallest (Low, else High) is <= it.
	MinValue, MaxValue *float64
	Text               string // case-insensitive (ASCII) substring of the quote
	Limit, Offset      int    // Limit 0 means DefaultLimit, < 0 no limit
	// AfterID keeps claims with ID > AfterID. Paging through many claims
	// by AfterID (the last ID of the previous page) costs the same for
	// every page, where Offset re-reads all the skipped rows.
	AfterID            int64
	LatestVersionsOnly bool // skip claims of superseded article versions
}

// ArticleFilter selects articles (latest versions unless AllVersions),
// newest publication first.
type ArticleFilter struct {
	Outlet        string
	Since, Until  Date   // publication date bounds, inclusive
	Text          string // case-insensitive (ASCII) substring of title or text
	AllVersions   bool
	Limit, Offset int // Limit 0 means DefaultLimit, < 0 no limit
}

// DefaultLimit is how many rows Claims and Articles return when the
// filter's Limit is 0.
const DefaultLimit = 1000

// Hit is one full-text search result; Snippet marks matches with
// «» so that each front end can escape the text and then highlight.
type Hit struct {
	Article Article `json:"article"`
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// Stats summarises a store.
type Stats struct {
	Articles        int            `json:"articles"`
	ArticleVersions int            `json:"article_versions"`
	Claims          int            `json:"claims"`
	Outlets         int            `json:"outlets"`
	Sources         int            `json:"sources"`
	ByKind          map[string]int `json:"by_kind"`
	ByGroup         map[string]int `json:"by_group"`
	FirstPublished  Date           `json:"first_published"`
	LastPublished   Date           `json:"last_published"`
}

// FeedState is what watch remembers of a feed between polls.
type FeedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	Failures     int       `json:"failures"`
	// Seen holds the keys of the feed's items already ingested, so that a
	// restarted watch neither fetches their pages again nor re-extracts
	// them. Only items still in the feed are kept: it stays as short as
	// the feed.
	Seen []string `json:"seen,omitempty"`
}

// Token is an API token; only its hash is stored.
type Token struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Hash     string    `json:"-"`
	Created  time.Time `json:"created"`
	LastUsed time.Time `json:"last_used,omitzero"`
}

// Revision summarises the claims a store holds, as of one moment, without
// reading them all: it changes whenever a claim is added, removed or
// replaced (re-extraction), and whenever an article version with claims
// stops or starts being its article's latest (a new version superseding
// it, an older one seen again). Sightings of unchanged text (last_seen),
// articles without claims, feeds and tokens do not change it.
//
// Claims, MaxClaimID, Superseded and SupersededIDs are what a reader can
// compute from its own copy (all versions' claims and which are latest) to
// check that the copy is complete. Tail covers what they cannot see: a
// store may give the claims replacing the newest version's claims the same
// ids (SQLite reuses the largest rowids), so Tail digests the content of
// the claims of the version that holds MaxClaimID.
type Revision struct {
	Claims        int64  `json:"claims"`         // claims of all versions
	MaxClaimID    int64  `json:"max_claim_id"`   // 0 when there are none
	Superseded    int64  `json:"superseded"`     // versions with claims that are not their article's latest
	SupersededIDs int64  `json:"superseded_ids"` // the sum of those versions' ids
	Tail          string `json:"tail"`           // digest of the newest claim's version's claims
}

// Store keeps articles, their versions and claims. Implementations:
// sqlite (default) and postgres. Every method is safe for concurrent use,
// and SaveArticle is atomic: an article is never stored without its claims.
type Store interface {
	// SaveArticle stores a version of a and its claims in one transaction.
	// Identity is a.URL when set, else a.Hash. Re-saving the same text is a
	// no-op (Unchanged); new text at a known URL adds a version (Updated).
	// On return a.ID is the version id and claims carry ArticleID.
	// Re-seeing a version updates its LastSeen (a.LastSeen when set, else
	// now); re-seeing an older version makes it the latest again (Updated).
	// Claims take Article, Outlet, URL and Published from a.
	SaveArticle(ctx context.Context, a *Article, claims []Claim) (SaveResult, error)

	// Article returns one article version with its claims (ENOTFOUND if none).
	Article(ctx context.Context, id int64) (*Article, []Claim, error)
	Articles(ctx context.Context, f ArticleFilter) ([]Article, error)
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	CountClaims(ctx context.Context, f ClaimFilter) (int, error)
	// Search finds latest article versions containing every word of query
	// (each word also matches as a prefix: "soldier" finds "soldiers"),
	// best first among the 1,000 most recently stored matches. Hits carry
	// no Text; use Article for it.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	Stats(ctx context.Context) (Stats, error)

	// EachArticle calls fn for every stored version, for reextract.
	EachArticle(ctx context.Context, fn func(*Article) error) error
	// ReplaceClaims swaps the claims of one article version atomically.
	ReplaceClaims(ctx context.Context, articleID int64, claims []Claim) error
	// Revision summarises the stored claims cheaply (a few index lookups),
	// for readers that keep a copy of them and poll for changes.
	Revision(ctx context.Context) (Revision, error)

	// FeedState of a feed never saved is the zero FeedState with URL set.
	FeedState(ctx context.Context, url string) (FeedState, error)
	SaveFeedState(ctx context.Context, s FeedState) error

	// CreateToken fails with ECONFLICT when name or hash is taken.
	CreateToken(ctx context.Context, name, hash string) (Token, error)
	// TokenByHash finds a token (ENOTFOUND if none) and records its use.
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	Tokens(ctx context.Context) ([]Token, error)
	DeleteToken(ctx context.Context, id int64) error

	Close() error
}

// TextHash is the hex SHA-256 of an article's text, its Hash.
func TextHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ArticleIdentity is the key stores use to tell one article from another:
// its URL when known, else the hash of its text (computed when empty).
func ArticleIdentity(a *Article) string {
	if a.URL != "" {
		return "url:" + a.URL
	}
	if a.Hash == "" {
		a.Hash = TextHash(a.Text)
	}
	return "hash:" + a.Hash
}

// CheckArticle reports, as EINVALID, what makes a and its claims
// unstorable: no name, no text, a claim with no kind or offsets outside
// the text. Stores call it before writing anything; it fills a.Hash.
func CheckArticle(a *Article, claims []Claim) error {
	if a == nil {
		return Errorf(EINVALID, "no article")
	}
	if a.Name == "" {
		return Errorf(EINVALID, "article %q has no name", a.URL)
	}
	if a.Text == "" {
		return Errorf(EINVALID, "article %q has no text", a.Name)
	}
	if a.Hash == "" {
		a.Hash = TextHash(a.Text)
	}
	return CheckClaims(a.Name, len(a.Text), claims)
}

// CheckClaims reports a claim with no kind or offsets outside a text of
// textLen bytes.
func CheckClaims(article string, textLen int, claims []Claim) error {
	for i, c := range claims {
		if c.Kind == "" {
			return Errorf(EINVALID, "article %q: claim %d has no kind", article, i+1)
		}
		if c.Start < 0 || c.End < c.Start || c.End > textLen {
			return Errorf(EINVALID, "article %q: claim %d offsets %d-%d lie outside the text (%d bytes)", article, i+1, c.Start, c.End, textLen)
		}
	}
	return nil
}
