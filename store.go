package flowwatch

import (
	"context"
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

// ClaimFilter selects claims. Zero fields do not filter.
type ClaimFilter struct {
	Kind, Group, Event string
	Place              string // canonical place name
	Source             string // canonical source name
	Outlet             string
	Article            string // article name
	ArticleID          int64  // article version id
	Since, Until       Date   // publication date bounds, inclusive
	MinValue, MaxValue *float64
	Text               string // substring of the quote
	Limit, Offset      int    // Limit 0 means the store's default
	LatestVersionsOnly bool   // skip claims of superseded article versions
}

// ArticleFilter selects articles (latest versions unless AllVersions).
type ArticleFilter struct {
	Outlet        string
	Since, Until  Date
	Text          string
	AllVersions   bool
	Limit, Offset int
}

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
}

// Token is an API token; only its hash is stored.
type Token struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Hash     string    `json:"-"`
	Created  time.Time `json:"created"`
	LastUsed time.Time `json:"last_used,omitzero"`
}

// Store keeps articles, their versions and claims. Implementations:
// sqlite (default) and postgres. Every method is safe for concurrent use,
// and SaveArticle is atomic: an article is never stored without its claims.
type Store interface {
	// SaveArticle stores a version of a and its claims in one transaction.
	// Identity is a.URL when set, else a.Hash. Re-saving the same text is a
	// no-op (Unchanged); new text at a known URL adds a version (Updated).
	// On return a.ID is the version id and claims carry ArticleID.
	SaveArticle(ctx context.Context, a *Article, claims []Claim) (SaveResult, error)

	// Article returns one article version with its claims (ENOTFOUND if none).
	Article(ctx context.Context, id int64) (*Article, []Claim, error)
	Articles(ctx context.Context, f ArticleFilter) ([]Article, error)
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	CountClaims(ctx context.Context, f ClaimFilter) (int, error)
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	Stats(ctx context.Context) (Stats, error)

	// EachArticle calls fn for every stored version, for reextract.
	EachArticle(ctx context.Context, fn func(*Article) error) error
	// ReplaceClaims swaps the claims of one article version atomically.
	ReplaceClaims(ctx context.Context, articleID int64, claims []Claim) error

	FeedState(ctx context.Context, url string) (FeedState, error)
	SaveFeedState(ctx context.Context, s FeedState) error

	CreateToken(ctx context.Context, name, hash string) (Token, error)
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	Tokens(ctx context.Context) ([]Token, error)
	DeleteToken(ctx context.Context, id int64) error

	Close() error
}
