package flowwatch

import "context"

// ArticleClaims is one article and the claims read from it, for BatchSaver.
type ArticleClaims struct {
	Article *Article
	Claims  []Claim
}

// BatchSaver is an optional Store method for bulk ingestion: it saves
// several articles in one transaction (all or none), with exactly the
// semantics SaveArticle has for each, in order, and returns one
// SaveResult per article. Committing once per batch instead of once per
// article is what lets a single SQLite writer keep up with ingestion.
// The ingest pipeline uses it when the store implements it.
type BatchSaver interface {
	SaveArticles(ctx context.Context, batch []ArticleClaims) ([]SaveResult, error)
}
