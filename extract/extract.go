// Package extract finds figure-level claims in cleaned article text. It is
// pure: text in, claims out, no I/O.
package extract

import (
	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Extractor is safe for concurrent use.
type Extractor struct{ d *domain.Domain }

func New(d *domain.Domain) *Extractor { return &Extractor{d: d} }

// Extract returns the claims of a, in text order.
func (x *Extractor) Extract(a *flowwatch.Article) []flowwatch.Claim { return nil }
