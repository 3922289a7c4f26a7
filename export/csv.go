package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// CSVHeader is the column order of the claims CSV.
var CSVHeader = []string{
	"id", "article", "kind", "group", "event", "low", "high", "qualifier", "unit", "per",
	"place", "when_from", "when_to", "source", "via", "outlet", "url", "published",
	"quote", "start", "end", "article_id",
}

type csvWriter struct {
	w      *csv.Writer
	header []string
	wrote  bool
	row    func(c flowwatch.Claim) []string
}

// NewCSV writes one row per claim; place names are joined with "; ".
func NewCSV(w io.Writer) Writer {
	return &csvWriter{w: csv.NewWriter(w), header: CSVHeader, row: claimRow}
}

func claimRow(c flowwatch.Claim) []string {
	var from, to string
	if c.When != nil {
		from, to = c.When.From.String(), c.When.To.String()
	}
	id := ""
	if c.ID != 0 {
		id = strconv.FormatInt(c.ID, 10)
	}
	aid := ""
	if c.ArticleID != 0 {
		aid = strconv.FormatInt(c.ArticleID, 10)
	}
	return []string{
		id, cell(c.Article), c.Kind, c.Group, c.Event, num(c.Low), num(c.High), c.Qualifier, c.Unit, c.Per,
		cell(strings.Join(c.Place, "; ")), from, to, cell(c.Source), cell(c.Via), cell(c.Outlet), cell(c.URL),
		c.Published.String(), cell(c.Quote), strconv.Itoa(c.Start), strconv.Itoa(c.End), aid,
	}
}

func (x *csvWriter) Write(c flowwatch.Claim) error {
	if !x.wrote {
		x.wrote = true
		if err := x.w.Write(x.header); err != nil {
			return err
		}
	}
	return x.w.Write(x.row(c))
}

func (x *csvWriter) Close() error {
	if !x.wrote {
		// An empty export still names its columns, so scripts reading it work.
		x.wrote = true
		if err := x.w.Write(x.header); err != nil {
			return err
		}
	}
	x.w.Flush()
	return x.w.Error()
}

// cell defuses spreadsheet formulas: article text is untrusted, and a quote
// beginning with "=" would run as a formula when the CSV is opened in a
// spreadsheet. OWASP's advice is a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

type jsonlWriter struct {
	enc *json.Encoder
}

// NewJSONL writes one claim per line in the spec's JSON form.
func NewJSONL(w io.Writer) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

func (x *jsonlWriter) Write(c flowwatch.Claim) error { return x.enc.Encode(c) }
func (x *jsonlWriter) Close() error                  { return nil }
