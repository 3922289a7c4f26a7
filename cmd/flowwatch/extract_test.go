package main

import (
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// TestExtractBadInputsDoNotStopTheBatch is the new user's first try: a
// good article among a huge binary, an empty file and invalid UTF-8.
func TestExtractBadInputsDoNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("testdata/headed.txt")
	if err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 50<<20)
	rand.Read(big)
	small := make([]byte, 4096)
	rand.Read(small)
	files := map[string][]byte{
		"good.txt":    good,
		"random.bin":  big,
		"random2.txt": small,
		"empty.txt":   nil,
		"invalid.txt": []byte("North Korea sent \xff\xfe 1,000 workers.\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"extract", "random.bin", "empty.txt", "good.txt", "invalid.txt", "random2.txt"}
	stdout, stderr, code := runBinary(t, dir, nil, args...)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (some inputs failed)", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 4 {
		t.Fatalf("stderr has %d lines, want one per bad file:\n%s", len(lines), stderr)
	}
	for i, want := range []string{"random.bin: too large", "empty.txt: empty", "invalid.txt: not valid UTF-8", "random2.txt: not text"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("stderr line %d = %q, want it to contain %q", i+1, lines[i], want)
		}
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr shows a crash:\n%s", stderr)
	}
	// The good file's claims still come out, each a valid claim.
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" {
			continue
		}
		var c flowwatch.Claim
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("stdout line is not a claim: %v\n%s", err, line)
		}
		if c.Article != "good" {
			t.Errorf("claim from article %q, want only good", c.Article)
		}
		n++
	}
	if n == 0 {
		t.Error("no claims from the good file")
	}
}

// TestExtractTextShowsWhatWasRead checks that the quote offsets index the
// cleaned text that --text prints.
func TestExtractTextShowsWhatWasRead(t *testing.T) {
	stdout, stderr, code := runBinary(t, ".", nil, "extract", "testdata/headed.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	textOut, _, code := runBinary(t, ".", nil, "extract", "--text", "testdata/headed.txt")
	if code != 0 {
		t.Fatalf("--text exit %d", code)
	}
	if !strings.Contains(textOut, "published: 2025-03-10") {
		t.Errorf("--text does not show the header it read:\n%s", textOut)
	}
	body := textOut[strings.Index(textOut, "---\n")+4:]
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var c flowwatch.Claim
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		if c.End > len(body) || body[c.Start:c.End] != c.Quote {
			t.Errorf("quote %q is not at [%d:%d] of the cleaned text", c.Quote, c.Start, c.End)
		}
	}
}

func TestExtractStdinAndTable(t *testing.T) {
	good, _ := os.ReadFile("testdata/headed.txt")
	stdout, stderr, code := runBinary(t, ".", good, "extract", "-", "--format", "table")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "ARTICLE") || !strings.Contains(stdout, "stdin") {
		t.Errorf("table output:\n%s", stdout)
	}
	_, stderr, code = runBinary(t, ".", nil, "extract", "--format", "xml", "testdata/headed.txt")
	if code != 1 || !strings.Contains(stderr, "unknown --format") {
		t.Errorf("bad --format: exit %d, stderr %q", code, stderr)
	}
	_, _, code = runBinary(t, ".", nil, "extract")
	if code != 2 {
		t.Errorf("no paths: exit %d, want 2", code)
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 13221: "13,221", 1500000: "1,500,000", 2.5: "2.5", -4000: "-4,000"} {
		if got := formatNumber(in); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", in, got, want)
		}
	}

}
