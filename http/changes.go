package http

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/changes"
)

// feedWindow is how far back /feed.atom looks when not told: a reader
// polling weekly misses nothing, and the feed stays short.
const feedWindow = 30 * 24 * time.Hour

// changesSince reads ?since= (default: def before now) and lists what
// changed after it, through the same code as `flowwatch changes`.
func (s *Server) changesSince(r *http.Request, def time.Duration) (time.Time, []changes.Change, error) {
	p := readParams(r, "since")
	raw := p.str("since")
	if err := p.err(); err != nil {
		return time.Time{}, nil, err
	}
	since := time.Now().Add(-def).UTC().Truncate(time.Hour)
	if raw != "" {
		var err error
		if since, err = changes.ParseSince(raw); err != nil {
			return time.Time{}, nil, err
		}
	}
	if s.opts.Reconciler == nil {
		return since, nil, flowwatch.Errorf(eNotImplemented, "changes come from reconciling claims, which this build of flowwatch does not include")
	}
	v, err := s.cached("changes?"+since.Format(time.RFC3339), func() (any, error) {
		// Two reconciliations (then and now): as costly as /api/facts, so
		// under the same cap on expensive requests.
		release, err := s.acquire(r.Context())
		if err != nil {
			return nil, err
		}
		defer release()
		return changes.Since(r.Context(), s.store, s.opts.Reconciler, since)
	})
	if err != nil {
		return since, nil, err
	}
	return since, v.([]changes.Change), nil
}

func (s *Server) handleChanges(w http.ResponseWriter, r *http.Request) {
	since, list, err := s.changesSince(r, 7*24*time.Hour)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.json(w, r, map[string]any{"since": since, "items": list})
}

// Atom (RFC 4287) with only what feed readers use.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// handleFeed publishes the changes as an Atom feed. Entry ids are the
// changes' stable ids, so a reader shows each change once.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	_, list, err := s.changesSince(r, feedWindow)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	base := baseURL(r)
	f := atomFeed{
		ID:      "tag:flowwatch," + "2024:" + r.Host + "/changes",
		Title:   "flowwatch: what changed",
		Updated: time.Now().UTC().Format(time.RFC3339),
		Links: []atomLink{{Href: base + "/feed.atom", Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/#/changes", Rel: "alternate", Type: "text/html"}},
		Author: atomAuthor{Name: "flowwatch"},
	}
	for _, c := range list {
		f.Entries = append(f.Entries, atomEntry{
			ID:       "tag:flowwatch,2024:" + r.Host + "/changes/" + c.ID,
			Title:    c.Title,
			Updated:  c.At.UTC().Format(time.RFC3339),
			Link:     atomLink{Href: base + "/#/changes?since=" + c.At.Add(-time.Second).UTC().Format(time.RFC3339), Rel: "alternate"},
			Category: atomCategory{Term: c.Kind},
			Summary:  c.Summary,
		})
	}
	if len(list) > 0 {
		f.Updated = list[0].At.UTC().Format(time.RFC3339)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		s.error(w, r, fmt.Errorf("feed: %w", err), 0)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write([]byte(xml.Header))
	w.Write(out)
}

// baseURL is how the client reached this server, for the feed's links.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
