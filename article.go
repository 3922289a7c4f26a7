package flowwatch

import "time"

// Article is one version of a page's text as flowwatch read it.
// Claim offsets (Start, End) index into Text, so Text is stored verbatim.
type Article struct {
	ID        int64     `json:"id,omitempty"`          // store-assigned version id; 0 before storing
	Name      string    `json:"name"`                  // claims' "article": file base name without extension, or a stable id
	URL       string    `json:"url,omitempty"`         // canonical URL when known (tracking parameters stripped)
	Title     string    `json:"title,omitempty"`       //
	Outlet    string    `json:"outlet,omitempty"`      // who published the page
	Published Date      `json:"published"`             // zero when unknown: relative dates then stay unresolved
	Lang      string    `json:"lang,omitempty"`        // ISO 639-1: en, ko, ru
	Text      string    `json:"text,omitempty"`        // cleaned text
	Hash      string    `json:"hash,omitempty"`        // hex SHA-256 of Text
	Version   int       `json:"version,omitempty"`     // 1 for the first text seen at this identity
	FirstSeen time.Time `json:"first_seen,omitzero"`   //
	LastSeen  time.Time `json:"last_seen,omitzero"`    //
	Claims    int       `json:"claim_count,omitempty"` // filled by listings
}

// Source is who a claim is attributed to: an agency, official or outlet.
type Source struct {
	Name    string   `json:"name"`              // canonical
	Kind    string   `json:"kind,omitempty"`    // agency, official, outlet, government, think_tank
	Country string   `json:"country,omitempty"` //
	Aliases []string `json:"aliases,omitempty"` //
	Claims  int      `json:"claims,omitempty"`  // number of claims attributed, in listings
}
