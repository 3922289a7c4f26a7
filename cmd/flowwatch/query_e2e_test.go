package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

func samplesDir(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "samples")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("samples/ not found")
	}
	return dir
}

func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var vs []T
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		vs = append(vs, v)
	}
	return vs
}

// TestQueryCommands ingests the sample articles (plus one whose text
// tries to drive the terminal) and checks that each filter of `claims`
// selects exactly the claims a plain Go predicate selects from the full
// list, and that search, articles, stats and reextract agree with it.
func TestQueryCommands(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "q.db")
	hostile := filepath.Join(tmp, "hostile.txt")
	os.WriteFile(hostile, []byte("url: https://example.org/hostile\ntitle: Escape \x1b[2J test\noutlet: Test Wire\npublished: 2025-01-10\n---\n"+
		"About 2,000 North Korean soldiers were killed in Kursk, \x1b[31mthe NIS said\x1b[0m on Monday.\n\nThe figure could not be verified.\n"), 0o644)
	if _, stderr, code := runBinary(t, tmp, nil, "ingest", "--db", db, samplesDir(t), hostile); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out, stderr, code := runBinary(t, tmp, nil, "claims", "--db", db, "--format", "jsonl", "--limit", "-1")
	if code != 0 {
		t.Fatalf("claims: %s", stderr)
	}
	all := jsonLines[flowwatch.Claim](t, out)
	if len(all) == 0 {
		t.Skip("the extractor found no claims in the samples; nothing to filter")
	}
	count, _, _ := runBinary(t, tmp, nil, "claims", "--db", db, "--count")
	if strings.TrimSpace(count) != strconv.Itoa(len(all)) {
		t.Errorf("--count = %s, listing has %d", count, len(all))
	}

	// Pick filter values that occur in the data, so every case selects
	// something and excludes something.
	first := all[0]
	var place, source string
	for _, c := range all {
		if place == "" && len(c.Place) > 0 {
			place = c.Place[0]
		}
		if source == "" && c.Source != "" {
			source = c.Source
		}
	}
	hi := func(c flowwatch.Claim) float64 {
		if c.High != nil {
			return *c.High
		}
		if c.Low != nil {
			return *c.Low
		}
		return -1
	}
	lo := func(c flowwatch.Claim) float64 {
		if c.Low != nil {
			return *c.Low
		}
		if c.High != nil {
			return *c.High
		}
		return 1e18
	}
	tests := []struct {
		name string
		args []string
		keep func(c flowwatch.Claim) bool
	}{
		{"group and event", []string{"--group", flowwatch.GroupSoldiers, "--event", flowwatch.EventKilled},
			func(c flowwatch.Claim) bool {
				return c.Group == flowwatch.GroupSoldiers && c.Event == flowwatch.EventKilled
			}},
		{"kind", []string{"--kind", flowwatch.KindMoney}, func(c flowwatch.Claim) bool { return c.Kind == flowwatch.KindMoney }},
		{"place", []string{"--place", place}, func(c flowwatch.Claim) bool { return slices.Contains(c.Place, place) }},
		{"source", []string{"--source", source}, func(c flowwatch.Claim) bool { return c.Source == source }},
		{"outlet", []string{"--outlet", first.Outlet}, func(c flowwatch.Claim) bool { return c.Outlet == first.Outlet }},
		{"article", []string{"--article", first.Article}, func(c flowwatch.Claim) bool { return c.Article == first.Article }},
		{"since and until", []string{"--since", "2025-01-01", "--until", "2025-06-30"}, func(c flowwatch.Claim) bool {
			return !c.Published.IsZero() && c.Published.String() >= "2025-01-01" && c.Published.String() <= "2025-06-30"
		}},
		{"min", []string{"--min", "10000"}, func(c flowwatch.Claim) bool { return hi(c) >= 10000 }},
		{"max", []string{"--max", "5,000"}, func(c flowwatch.Claim) bool { return lo(c) <= 5000 }},
		{"text", []string{"--text", "KURSK"}, func(c flowwatch.Claim) bool { return strings.Contains(strings.ToLower(c.Quote), "kursk") }},
		{"group and min", []string{"--group", flowwatch.GroupWorkers, "--min", "1000"},
			func(c flowwatch.Claim) bool { return c.Group == flowwatch.GroupWorkers && hi(c) >= 1000 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int64
			for _, c := range all {
				if tt.keep(c) {
					want = append(want, c.ID)
				}
			}
			out, stderr, code := runBinary(t, tmp, nil, append([]string{"claims", "--db", db, "--format", "jsonl", "--limit", "-1"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got []int64
			for _, c := range jsonLines[flowwatch.Claim](t, out) {
				got = append(got, c.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%v selected %v, want %v", tt.args, got, want)
			}
		})
	}

	// CSV: a header and one row per claim.
	out, _, _ = runBinary(t, tmp, nil, "claims", "--db", db, "--format", "csv", "--limit", "-1")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != len(all)+1 || rows[0][0] != "id" {
		t.Errorf("csv: %d rows, err %v", len(rows), err)
	}
	// The table never passes the article's escape sequences through.
	out, _, _ = runBinary(t, tmp, nil, "claims", "--db", db, "--limit", "-1")
	if strings.Contains(out, "\x1b") || !strings.HasPrefix(out, "ID") {
		t.Errorf("table output carries an escape sequence or lacks its header:\n%q", out[:min(len(out), 300)])
	}

	out, stderr, code = runBinary(t, tmp, nil, "search", "--db", db, "--format", "jsonl", "north", "korean", "soldier")
	if code != 0 {
		t.Fatalf("search: %s", stderr)
	}
	hits := jsonLines[flowwatch.Hit](t, out)
	if len(hits) == 0 || !strings.Contains(hits[0].Snippet, "«") {
		t.Errorf("search hits %+v: want at least one, with «» marks", hits)
	}
	out, _, _ = runBinary(t, tmp, nil, "search", "--db", db, "escape")
	if strings.Contains(out, "\x1b") {
		t.Errorf("search table carries an escape sequence: %q", out)
	}

	out, _, _ = runBinary(t, tmp, nil, "articles", "--db", db, "--format", "jsonl", "--limit", "-1")
	arts := jsonLines[flowwatch.Article](t, out)
	out, _, _ = runBinary(t, tmp, nil, "stats", "--db", db, "--format", "json")
	var st flowwatch.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(arts) || st.Claims != len(all) {
		t.Errorf("stats %+v; listings have %d articles, %d claims", st, len(arts), len(all))
	}
	out, _, code = runBinary(t, tmp, nil, "articles", "--db", db, "--id", strconv.FormatInt(arts[0].ID, 10))
	if code != 0 || !strings.Contains(out, "---\n") || strings.Contains(out, "\x1b") {
		t.Errorf("articles --id: %q", out[:min(len(out), 300)])
	}

	// reextract with the same extractor changes nothing, fetches nothing.
	_, stderr, code = runBinary(t, tmp, nil, "reextract", "--db", db)
	if code != 0 || !strings.Contains(stderr, "claims "+strconv.Itoa(len(all))+" → "+strconv.Itoa(len(all))) {
		t.Errorf("reextract: exit %d, %s", code, stderr)
	}
	out, _, _ = runBinary(t, tmp, nil, "claims", "--db", db, "--format", "jsonl", "--limit", "-1")
	if again := jsonLines[flowwatch.Claim](t, out); len(again) != len(all) || again[0].Extractor != flowwatch.ExtractorVersion {
		t.Errorf("after reextract: %d claims (was %d)", len(again), len(all))
	}

	// Place and source filters take any case and the domain's aliases.
	for typed, canonical := range map[[2]string]string{{"--place", "kursk"}: "Kursk Oblast", {"--source", "nis"}: "NIS"} {
		want, _, _ := runBinary(t, tmp, nil, "claims", "--db", db, typed[0], canonical, "--count")
		got, errOut, code := runBinary(t, tmp, nil, "claims", "--db", db, typed[0], typed[1], "--count")
		if code != 0 || got != want || strings.TrimSpace(got) == "0" {
			t.Errorf("claims %s %s: %q (exit %d, %s); %s %q gives %q", typed[0], typed[1], got, code, errOut, typed[0], canonical, want)
		}
	}

	for _, bad := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"claims", "--group", "pilots"}, 1, "unknown --group"},
		{[]string{"claims", "--since", "2025/01/01"}, 2, "YYYY-MM-DD"},
		{[]string{"claims", "--min", "lots"}, 2, "number"},
		{[]string{"claims", "--format", "xml"}, 1, "unknown --format"},
		{[]string{"search"}, 2, "hint: run 'flowwatch search -h'"},
	} {
		_, stderr, code := runBinary(t, tmp, nil, append(bad.args, "--db", db)...)
		if code != bad.code || !strings.Contains(stderr, bad.msg) {
			t.Errorf("%v: exit %d, %q; want %d and %q", bad.args, code, stderr, bad.code, bad.msg)
		}
	}
}
