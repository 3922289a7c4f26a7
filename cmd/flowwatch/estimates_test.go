package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pgtest"
	"github.com/flowwatch/flowwatch/reconcile"
)

// samplesDB ingests the bundled samples into a new SQLite database.
func samplesDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "fw.db")
	if _, stderr, code := runInProcess(t, "ingest", "--db", db, "../../samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return db
}

func parseRows(t *testing.T, out string) []reconcile.MonthRow {
	t.Helper()
	var rows []reconcile.MonthRow
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r reconcile.MonthRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestEstimatesCommand(t *testing.T) {
	db := samplesDB(t)
	stdout, stderr, code := runInProcess(t, "estimates", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := parseRows(t, stdout)
	month := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)
	series := map[string]bool{}
	for _, r := range rows {
		series[r.Series] = true
		if !month.MatchString(r.Month) || r.Low == nil || r.High == nil || r.Best == nil || *r.Low > *r.Best || *r.Best > *r.High {
			t.Errorf("bad row %+v", r)
		}
		if !slices.Contains([]string{flowwatch.BasisReported, flowwatch.BasisCarried, flowwatch.BasisDerived}, r.Basis) {
			t.Errorf("basis %q", r.Basis)
		}
		if r.Basis == flowwatch.BasisReported && len(r.Facts) == 0 {
			t.Errorf("a reported month names no fact: %+v", r)
		}
	}
	for _, s := range []string{"troops_sent_total", "killed_total", "casualties_total"} {
		if !series[s] {
			t.Errorf("no %s rows from the samples (series: %v)", s, series)
		}
	}

	stdout, _, code = runInProcess(t, "estimates", "--db", db, "--format", "json", "--series", "killed_total", "--since", "2025-01")
	if code != 0 {
		t.Fatalf("--series --since: exit %d", code)
	}
	for _, r := range parseRows(t, stdout) {
		if r.Series != "killed_total" || r.Month < "2025-01" {
			t.Errorf("filters let through %s %s", r.Series, r.Month)
		}
	}
	stdout, _, _ = runInProcess(t, "estimates", "--db", db, "--format", "csv", "--series", "killed_total")
	if !strings.HasPrefix(stdout, "series,month,low,high,best,basis,") {
		t.Errorf("csv header: %q", strings.SplitN(stdout, "\n", 2)[0])
	}
	for _, bad := range [][]string{{"--since", "2025-13"}, {"--series", "troops"}, {"--format", "xml"}} {
		if _, stderr, code := runInProcess(t, append([]string{"estimates", "--db", db}, bad...)...); code == 0 || strings.Count(stderr, "\n") > 2 {
			t.Errorf("%v: exit %d, stderr %q", bad, code, stderr)
		}
	}
}

// TestCLIAndAPIAgree: flowwatch facts and estimates and the API's
// /api/facts and /api/estimates give the same facts, sources, conflicts
// and rows for the same database, on SQLite and on PostgreSQL.
func TestCLIAndAPIAgree(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { cliAndAPIAgree(t, samplesDB(t)) })
	t.Run("postgres", func(t *testing.T) {
		if pgtest.URL() == "" {
			t.Skip("FLOWWATCH_TEST_POSTGRES is unset: the PostgreSQL run is skipped")
		}
		db := pgtest.SchemaURL(t, "agree_test_")
		if _, stderr, code := runInProcess(t, "ingest", "--db", db, "../../samples"); code != 0 {
			t.Fatalf("ingest: exit %d: %s", code, stderr)
		}
		cliAndAPIAgree(t, db)
	})
}

func cliAndAPIAgree(t *testing.T, db string) {
	cli, stderr, code := runInProcess(t, "facts", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("facts: exit %d: %s", code, stderr)
	}
	want := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(cli), "\n") {
		var f struct {
			flowwatch.Fact
			ConflictList []flowwatch.Conflict `json:"conflict_details"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		want[f.ID] = factSummary(&f.Fact, f.ConflictList)
	}

	url, _ := startServe(t, "--db", db, "--addr", "127.0.0.1:0")
	var page struct {
		Items     []flowwatch.Fact
		Conflicts []flowwatch.Conflict
		Total     int
		HasMore   bool `json:"has_more"`
	}
	getJSON(t, url+"/api/facts?limit=1000", &page)
	if page.Total != len(want) || page.HasMore {
		t.Fatalf("API: %d facts (has_more %v), CLI: %d", page.Total, page.HasMore, len(want))
	}
	byID := map[string]flowwatch.Conflict{}
	for _, c := range page.Conflicts {
		byID[c.ID] = c
	}
	for i := range page.Items {
		f := &page.Items[i]
		var cs []flowwatch.Conflict
		for _, id := range f.Conflicts {
			cs = append(cs, byID[id])
		}
		if got := factSummary(f, cs); got != want[f.ID] {
			t.Errorf("fact %s:\n API %s\n CLI %s", f.ID, got, want[f.ID])
		}
	}

	cliRows, _, _ := runInProcess(t, "estimates", "--db", db, "--format", "json")
	var est struct{ Items []reconcile.MonthRow }
	getJSON(t, url+"/api/estimates", &est)
	api, _ := json.Marshal(est.Items)
	wantRows, _ := json.Marshal(parseRows(t, cliRows))
	if string(api) != string(wantRows) {
		t.Errorf("estimates differ:\n API %.300s\n CLI %.300s", api, wantRows)
	}
	// Paging: the second page starts where the first ended.
	var p1, p2 struct{ Items []flowwatch.Fact }
	getJSON(t, url+"/api/facts?limit=2", &p1)
	getJSON(t, url+"/api/facts?limit=2&offset=2", &p2)
	if len(p1.Items) != 2 || len(p2.Items) == 0 || p1.Items[1].ID == p2.Items[0].ID {
		t.Errorf("pages overlap or are short: %d, %d", len(p1.Items), len(p2.Items))
	}
}

// factSummary is what the CLI and the API must agree on: the quantity,
// its figures, original sources, reports and conflicts with their reasons.
func factSummary(f *flowwatch.Fact, cs []flowwatch.Conflict) string {
	var conf []string
	for _, c := range cs {
		conf = append(conf, c.ID+":"+c.Reason)
	}
	slices.Sort(conf)
	return fmt.Sprintf("%s %s %s %s %s %v %d %d %v", f.Group, f.Measure, f.Event, f.Scope, f.Period, f.Sources, f.Reports, f.Independent, conf)
}

func TestExportReconciled(t *testing.T) {
	db := samplesDB(t)
	facts, _, _ := runInProcess(t, "facts", "--db", db, "--format", "jsonl")
	exported, stderr, code := runInProcess(t, "export", "--db", db, "--what", "facts", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export facts: exit %d: %s", code, stderr)
	}
	if n, m := strings.Count(exported, "\n"), strings.Count(facts, "\n"); n != m || n == 0 {
		t.Errorf("export wrote %d facts, flowwatch facts %d", n, m)
	}
	csv, _, code := runInProcess(t, "export", "--db", db, "--what", "facts", "--format", "csv", "--group", "soldiers")
	if code != 0 || !strings.HasPrefix(csv, "id,kind,group,measure,event,scope,period,") || strings.Contains(csv, ",workers,") {
		t.Errorf("facts csv (exit %d): %.200s", code, csv)
	}
	rows, _, code := runInProcess(t, "export", "--db", db, "--what", "estimates", "--format", "jsonl")
	cliRows, _, _ := runInProcess(t, "estimates", "--db", db, "--format", "json")
	if code != 0 || rows != cliRows {
		t.Errorf("export --what estimates differs from flowwatch estimates (exit %d)", code)
	}
	if _, _, code := runInProcess(t, "export", "--db", db, "--what", "facts", "--format", "ftm"); code == 0 {
		t.Errorf("facts as ftm: exit 0")
	}
}
