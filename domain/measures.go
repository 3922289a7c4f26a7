package domain

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// MeasureCues are one language's words that tell what a people figure
// measures beyond its event (extract/measure.go reads them). Each phrase
// is matched as whole words, case-insensitively; "#" stands for a number
// and a word ending in "*" matches any word it begins (Russian endings,
// Korean particles).
type MeasureCues struct {
	// Cumulative marks a total to date ("in total", "so far", "has sent").
	Cumulative []string `json:"cumulative,omitempty"`
	// Period marks a figure dated as one wave or period ("last year",
	// "per year", "wave"): a flow, not the whole deployment.
	Period []string `json:"period,omitempty"`
	// Increment marks a figure that adds to an earlier one ("another",
	// "3,000 more", "additional").
	Increment []string `json:"increment,omitempty"`
	// Documents marks a count of papers or crossings (visas, permits,
	// entries), which is not a count of people present.
	Documents []string `json:"documents,omitempty"`
	// Border and Front mark where the people counted stand.
	Border []string `json:"border,omitempty"`
	Front  []string `json:"front,omitempty"`
	// Abroad marks a count of North Koreans across the world ("workers
	// overseas"), not in Russia, when the sentence names no Russian place.
	Abroad []string `json:"abroad,omitempty"`
}

// MeasureExample is a sentence of flowwatch's own with the reading a
// claim read from it must get; the tests run every one.
type MeasureExample struct {
	Lang      string   `json:"lang"`
	Text      string   `json:"text"`
	Group     string   `json:"group"`
	Event     string   `json:"event"`
	Place     []string `json:"place,omitempty"`
	Measure   string   `json:"measure"`
	Increment bool     `json:"increment,omitempty"`
	Scope     string   `json:"scope,omitempty"`
}

// MeasureData is the measures file: cues by language and their examples.
type MeasureData struct {
	Cues     map[string]*MeasureCues `json:"cues"`
	Examples []MeasureExample        `json:"examples"`
}

//go:embed data/measures.json
var measuresJSON []byte

var (
	measuresOnce sync.Once
	measures     *MeasureData
	measuresErr  error
)

// DefaultMeasures is the embedded measures file. It panics when the file
// does not parse, which a test catches before release.
func DefaultMeasures() *MeasureData {
	measuresOnce.Do(func() { measures, measuresErr = ParseMeasures(measuresJSON) })
	if measuresErr != nil {
		panic(measuresErr)
	}
	return measures
}

// ParseMeasures reads a measures file.
func ParseMeasures(b []byte) (*MeasureData, error) {
	var m MeasureData
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse measures: %w", err)
	}
	if len(m.Cues) == 0 {
		return nil, fmt.Errorf("parse measures: no cues")
	}
	for i, e := range m.Examples {
		if m.Cues[e.Lang] == nil || e.Text == "" || e.Measure == "" {
			return nil, fmt.Errorf("parse measures: example %d needs a known lang, a text and a measure", i)
		}
	}
	return &m, nil
}
