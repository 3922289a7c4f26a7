package domain

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/flowwatch/flowwatch"
)

// SanctionRule says which claims a sanctions provision bears on. A rule
// applies to a claim whose kind, group and event are listed, one of whose
// places lies within a listed place, and whose time (its period's end,
// else its publication date) is on or after From.
type SanctionRule struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Instrument string         `json:"instrument"`
	Summary    string         `json:"summary"`
	From       flowwatch.Date `json:"from"`
	Kinds      []string       `json:"kinds"`
	Groups     []string       `json:"groups"`
	Events     []string       `json:"events"` // "" stands for claims without an event (money, shares)
	Places     []string       `json:"places"`
}

//go:embed data/sanctions.json
var sanctionsJSON []byte

var (
	sanctionsOnce sync.Once
	sanctions     []SanctionRule
	sanctionsErr  error
)

// DefaultSanctions is the embedded sanctions rules file. It panics when the
// file does not parse, which a test catches before release.
func DefaultSanctions() []SanctionRule {
	sanctionsOnce.Do(func() { sanctions, sanctionsErr = ParseSanctions(sanctionsJSON) })
	if sanctionsErr != nil {
		panic(sanctionsErr)
	}
	return sanctions
}

// ParseSanctions reads a sanctions rules file ({"rules": [...]}).
func ParseSanctions(b []byte) ([]SanctionRule, error) {
	var f struct {
		Rules []SanctionRule `json:"rules"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("parse sanctions: %w", err)
	}
	for i, r := range f.Rules {
		if r.ID == "" || r.Title == "" {
			return nil, fmt.Errorf("parse sanctions: rule %d needs an id and a title", i)
		}
		if r.From.IsZero() || len(r.Kinds) == 0 || len(r.Groups) == 0 || len(r.Places) == 0 {
			return nil, fmt.Errorf("parse sanctions: rule %s needs from, kinds, groups and places", r.ID)
		}
	}
	return f.Rules, nil
}
