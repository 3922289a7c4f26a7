package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// PDF reports on the command line: extract prints their claims with
// pages, bad PDFs get one line each, and ingest then reextract keep the
// pages in the database.
func TestPDFCommandLine(t *testing.T) {
	tmp := t.TempDir()
	for _, name := range []string{"report.pdf", "korean.pdf", "encrypted.pdf", "scanned.pdf"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "pdf", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, "truncated.pdf"), []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runBinary(t, tmp, nil, "extract", "report.pdf", "encrypted.pdf", "scanned.pdf", "truncated.pdf", "korean.pdf")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (three inputs failed)", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	want := []string{"encrypted.pdf: encrypted PDF", "scanned.pdf: PDF has no text layer", "truncated.pdf: truncated or corrupt PDF"}
	if len(lines) != len(want) {
		t.Fatalf("stderr:\n%s\nwant one line per bad PDF", stderr)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("stderr line %d = %q, want %q", i+1, lines[i], w)
		}
	}
	pages := map[string]map[int]bool{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var c flowwatch.Claim
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if pages[c.Article] == nil {
			pages[c.Article] = map[int]bool{}
		}
		pages[c.Article][c.Page] = true
	}
	if !pages["report"][1] || !pages["report"][2] || !pages["korean"][1] || pages["report"][0] {
		t.Errorf("pages by article %v: want report's claims on pages 1 and 2, korean's on 1, none without a page", pages)
	}

	db := filepath.Join(tmp, "fw.db")
	if _, stderr, code := runBinary(t, tmp, nil, "ingest", "--db", db, "report.pdf"); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	for _, step := range [][]string{{"claims", "--db", db, "--format", "jsonl"}, {"reextract", "--db", db}, {"claims", "--db", db, "--format", "jsonl"}} {
		out, stderr, code := runBinary(t, tmp, nil, step...)
		if code != 0 {
			t.Fatalf("%v: %d %s", step, code, stderr)
		}
		if step[0] != "claims" {
			continue
		}
		n := 0
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var c flowwatch.Claim
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			if c.Page < 1 || c.Page > 3 {
				t.Errorf("stored claim %q: page %d", c.Quote, c.Page)
			}
			n++
		}
		if n < 3 {
			t.Errorf("%d stored claims, want the report's", n)
		}
	}
}
