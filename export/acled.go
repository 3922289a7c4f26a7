package export

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// ACLEDHeader follows the column names of ACLED's event data that conflict
// analysts already load; only people claims become rows, since ACLED counts
// people, not money.
var ACLEDHeader = []string{"event_date", "actor", "location", "source", "notes", "count"}

// actors names the North Korean side the way ACLED's actor list does for
// state forces, with the group in brackets for non-military groups.
var actors = map[string]string{
	flowwatch.GroupSoldiers:  "Military Forces of North Korea",
	flowwatch.GroupEngineers: "Military Forces of North Korea (Engineers)",
	flowwatch.GroupWorkers:   "Civilians (North Korea) (Workers)",
	flowwatch.GroupITWorkers: "Civilians (North Korea) (IT Workers)",
	flowwatch.GroupNationals: "Civilians (North Korea)",
}

// NewACLED writes people claims as ACLED-style rows: event_date is the start
// of the time the figure refers to, else the publication date; count is the
// conservative floor (low, else high), as ACLED codes "dozens" as 12.
func NewACLED(w io.Writer) Writer {
	return &acledWriter{csvWriter{w: csv.NewWriter(w), header: ACLEDHeader, row: acledRow}}
}

type acledWriter struct{ csvWriter }

func (x *acledWriter) Write(c flowwatch.Claim) error {
	if c.Kind != flowwatch.KindPeople {
		return nil
	}
	return x.csvWriter.Write(c)
}

func acledRow(c flowwatch.Claim) []string {
	date := c.Published.String()
	if c.When != nil && !c.When.From.IsZero() {
		date = c.When.From.String()
	}
	actor := actors[c.Group]
	if actor == "" {
		actor = "North Korea"
	}
	sources := []string{}
	for _, s := range []string{c.Outlet, c.Via, c.Source} {
		if s != "" && !contains(sources, s) {
			sources = append(sources, s)
		}
	}
	count := num(c.Low)
	if count == "" {
		count = num(c.High)
	}
	notes := describe(c) + ": " + c.Quote
	if u := safeURL(c.URL); u != "" {
		notes += " [" + u + "]"
	}
	return []string{date, actor, cell(strings.Join(c.Place, "; ")), cell(strings.Join(sources, "; ")), cell(notes), count}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
