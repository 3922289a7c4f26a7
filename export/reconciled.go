package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/reconcile"
)

// FactsHeader is the column order of the facts CSV: one row per fact, its
// headline figure, range, support and conflicts; evidence is in the JSON
// Lines form.
var FactsHeader = []string{
	"id", "kind", "group", "measure", "event", "scope", "period", "increment", "value", "low", "high", "unit", "per",
	"place", "reports", "independent", "sources", "first_reported", "last_reported", "first_article", "conflicts",
}

// EstimatesHeader is the column order of the estimates CSV: one row per
// series and month; lists are joined with "; ".
var EstimatesHeader = []string{"series", "month", "low", "high", "best", "basis", "projection", "facts", "sources", "outweighed", "why"}

// WriteFacts writes facts as csv or jsonl (each fact with its evidence,
// figures and conflict ids).
func WriteFacts(w io.Writer, format string, facts []flowwatch.Fact) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range facts {
			if err := enc.Encode(&facts[i]); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(FactsHeader); err != nil {
			return err
		}
		for i := range facts {
			if err := cw.Write(factRow(&facts[i])); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "facts export format %q: use csv or jsonl", format)
}

func factRow(f *flowwatch.Fact) []string {
	first := ""
	if f.First != nil {
		first = f.First.Article
	}
	return []string{
		f.ID, f.Kind, f.Group, f.Measure, f.Event, f.Scope, f.Period, strconv.FormatBool(f.Increment),
		num(f.Value), num(f.Low), num(f.High), f.Unit, f.Per, cell(strings.Join(f.Place, "; ")),
		strconv.Itoa(f.Reports), strconv.Itoa(f.Independent), cell(strings.Join(f.Sources, "; ")),
		f.FirstReported.String(), f.LastReported.String(), cell(first), strings.Join(f.Conflicts, "; "),
	}
}

// WriteEstimates writes estimate rows as csv or jsonl (the rows of
// `flowwatch estimates --format json`).
func WriteEstimates(w io.Writer, format string, rows []reconcile.MonthRow) error {
	switch format {
	case "jsonl", "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range rows {
			if err := enc.Encode(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(EstimatesHeader); err != nil {
			return err
		}
		for _, r := range rows {
			rec := []string{r.Series, r.Month, num(r.Low), num(r.High), num(r.Best), r.Basis, strconv.FormatBool(r.Projection),
				strings.Join(r.Facts, "; "), cell(strings.Join(r.Sources, "; ")), strings.Join(r.Outweighed, "; "), cell(r.Why)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return fmt.Errorf("estimates export format %q: use csv or jsonl", format)
}
