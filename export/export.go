// Package export writes claims in the formats analysts load elsewhere:
// CSV for spreadsheets, JSON Lines for scripts, FollowTheMoney entities for
// Aleph and OpenSanctions, and ACLED-style event rows for conflict-data
// workflows. Writers stream: they never hold more than one row.
package export

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// Format names, as accepted by the CLI's --format and the API's ?format=.
const (
	CSV   = "csv"
	JSONL = "jsonl"
	FtM   = "ftm"
	ACLED = "acled"
)

// Formats lists every format, in the order help texts show them.
var Formats = []string{CSV, JSONL, FtM, ACLED}

// Writer receives claims one at a time; Close flushes. Articles are looked
// up by the FtM writer for titles and publishers; other writers ignore them.
type Writer interface {
	Write(c flowwatch.Claim) error
	Close() error
}

// ArticleFunc returns the article a claim was read from (nil if unknown).
type ArticleFunc func(c flowwatch.Claim) *flowwatch.Article

// New returns a writer for format, or an EINVALID error naming the formats.
func New(format string, w io.Writer, articles ArticleFunc) (Writer, error) {
	switch format {
	case CSV:
		return NewCSV(w), nil
	case JSONL:
		return NewJSONL(w), nil
	case FtM:
		return NewFtM(w, articles), nil
	case ACLED:
		return NewACLED(w), nil
	}
	return nil, flowwatch.Errorf(flowwatch.EINVALID, "unknown export format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// ContentType and Extension describe a format's files, for downloads.
func ContentType(format string) string {
	switch format {
	case CSV, ACLED:
		return "text/csv; charset=utf-8"
	}
	return "application/x-ndjson; charset=utf-8"
}

func Extension(format string) string {
	switch format {
	case CSV:
		return ".csv"
	case ACLED:
		return ".acled.csv"
	case FtM:
		return ".ftm.json"
	}
	return ".jsonl"
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// describe names a claim's figure in words: "12000 soldiers sent".
func describe(c flowwatch.Claim) string {
	var b strings.Builder
	switch {
	case c.Low != nil && c.High != nil && *c.Low != *c.High:
		fmt.Fprintf(&b, "%s-%s", num(c.Low), num(c.High))
	case c.Low != nil && c.High == nil:
		fmt.Fprintf(&b, "at least %s", num(c.Low))
	case c.Low == nil && c.High != nil:
		fmt.Fprintf(&b, "up to %s", num(c.High))
	default:
		b.WriteString(num(c.Low))
	}
	switch c.Kind {
	case flowwatch.KindPeople:
		for _, s := range []string{c.Group, c.Event} {
			if s != "" {
				b.WriteString(" " + strings.ReplaceAll(s, "_", " "))
			}
		}
	case flowwatch.KindMoney:
		b.WriteString(" " + c.Unit)
		if c.Per != "" {
			b.WriteString(" per " + c.Per)
		}
		if c.Group != "" {
			b.WriteString(" (" + strings.ReplaceAll(c.Group, "_", " ") + ")")
		}
	case flowwatch.KindShare:
		b.WriteString(" percent")
		if c.Group != "" {
			b.WriteString(" (" + strings.ReplaceAll(c.Group, "_", " ") + ")")
		}
	}
	return b.String()
}

func sortedUnique(ss []string) []string {
	out := make([]string, 0, len(ss))
	seen := map[string]bool{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
