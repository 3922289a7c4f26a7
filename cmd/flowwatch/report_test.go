package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// The golden brief is rewritten with: go test ./cmd/flowwatch -run TestReportGolden -update
// The flag is shared with any other golden test of this package, hence
// registered only when no other file has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// runInProcess runs one command with buffers for its output.
func runInProcess(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

// TestReportGolden is the brief an analyst gets from the bundled samples,
// in both formats; a change in extraction or reconciliation shows up as a
// readable diff of this file.
func TestReportGolden(t *testing.T) {
	for _, format := range []string{"md", "html"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runInProcess(t, "report", "--since", "2025-01-01", "--format", format, "../../samples")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden := filepath.Join("testdata", "report.golden."+format)
			if updating() {
				if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if stdout != string(want) {
				t.Errorf("brief differs from %s (rerun with -update if the change is intended):\n%s", golden, firstDiff(string(want), stdout))
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + "\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestReportEscapesArticleText: a page whose text carries markup must not
// inject it into either format of the brief.
func TestReportEscapesArticleText(t *testing.T) {
	dir := t.TempDir()
	page := "url: javascript:alert(1)\ntitle: Test\noutlet: Evil <b>Outlet</b>\npublished: 2025-01-10\n---\n" +
		"Officials said that about 4,000 North Korean workers <script>alert('x')</script> were in Russia [click](javascript:alert(2)).\n"
	if err := os.WriteFile(filepath.Join(dir, "evil.txt"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"md", "html"} {
		stdout, stderr, code := runInProcess(t, "report", "--format", format, dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if !strings.Contains(stdout, "alert") {
			t.Fatalf("%s: the page's sentence did not reach the brief, nothing was checked", format)
		}
		// Text may say "javascript:" as long as nothing makes it a link.
		bad := []string{"<script>", "<b>Outlet"}
		if format == "html" {
			bad = append(bad, `href="javascript`)
		} else if regexp.MustCompile(`(^|[^\\])\]\(javascript`).MatchString(stdout) {
			// An escaped \]( is literal text; an unescaped one would end a link's label.
			t.Errorf("md brief makes a javascript: link")
		}
		for _, bad := range bad {
			if strings.Contains(stdout, bad) {
				t.Errorf("%s brief contains %q unescaped", format, bad)
			}
		}
	}
}

// TestFactsSamples: the three copies of the NIS wire story are one report,
// and the 10,000 against 11,000 troops shows as a conflict.
func TestFactsSamples(t *testing.T) {
	stdout, stderr, code := runInProcess(t, "facts", "--format", "jsonl", "--group", "soldiers", "../../samples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var facts []struct {
		flowwatch.Fact
		ConflictList []flowwatch.Conflict `json:"conflict_details"`
	}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var f struct {
			flowwatch.Fact
			ConflictList []flowwatch.Conflict `json:"conflict_details"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if f.Group != "soldiers" {
			t.Errorf("--group soldiers let through a %s fact", f.Group)
		}
		facts = append(facts, f)
	}
	var killed, troops bool
	for _, f := range facts {
		if f.Measure == flowwatch.MeasureCasualties && f.Event == flowwatch.EventKilled && f.Value != nil && *f.Value == 300 && f.First.Article == "01-nis-troops-casualties" {
			killed = true
			// The wire story and its two copies are one report.
			articles := map[string]bool{}
			for _, e := range f.Evidence {
				articles[e.Article] = true
				if strings.HasPrefix(e.Article, "0") && e.Article[:3] <= "03-" && e.Report != "01-nis-troops-casualties" {
					t.Errorf("%s counted as report %s, want the wire story's", e.Article, e.Report)
				}
			}
			if !articles["02-nis-troops-casualties-daily"] || !articles["03-nis-troops-casualties-times"] || f.Reports != len(articles)-2 {
				t.Errorf("300 killed: %d reports from articles %v, want the two copies not counted", f.Reports, articles)
			}
		}
		for _, c := range f.ConflictList {
			if c.A.Low != nil && c.B.Low != nil && *c.A.Low == 10000 && *c.B.Low == 11000 {
				troops = true
			}
		}
	}
	if !killed {
		t.Errorf("no fact of 300 killed first reported by the wire story")
	}
	if !troops {
		t.Errorf("no conflict of 10,000 against 11,000 troops")
	}
}

// TestReportFromStore: the brief from a SQLite store holding the samples
// is the brief from the sample files themselves; facts and report read
// the same claims whichever way they arrive.
func TestReportFromStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fw.db")
	if _, stderr, code := runInProcess(t, "ingest", "--db", db, "../../samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	fromDB, stderr, code := runInProcess(t, "report", "--db", db, "--since", "2025-01-01")
	if code != 0 {
		t.Fatalf("report --db: exit %d: %s", code, stderr)
	}
	fromFiles, _, _ := runInProcess(t, "report", "--since", "2025-01-01", "../../samples")
	if fromDB != fromFiles {
		t.Errorf("brief from the store differs from the brief from files:\n%s", firstDiff(fromFiles, fromDB))
	}
	facts, stderr, code := runInProcess(t, "facts", "--db", db, "--conflicts", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("facts --db: exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(facts), "\n") {
		var f flowwatch.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if len(f.Conflicts) == 0 {
			t.Errorf("--conflicts printed fact %s without conflicts", f.ID)
		}
	}
}
