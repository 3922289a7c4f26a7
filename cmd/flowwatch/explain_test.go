package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractExplain: --explain shows each figure with the rules' reading,
// the keep probability against its threshold and the ranked candidates,
// and keeps a hostile sentence on one line without its bidi overrides.
func TestExtractExplain(t *testing.T) {
	dir := t.TempDir()
	text := "title: Explain\n---\n" +
		"North Korea has sent about 11,000 soldiers to Kursk, the NIS said.\n" +
		"Some 300 North Korean soldiers were killed \u202eand\u202c wounded, the agency added.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runBinary(t, dir, nil, "extract", "--explain", "a.txt")
	if code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	for _, want := range []string{
		`"about 11,000" at`, "rules     group soldiers, event sent", "keep      ", "against threshold",
		"event     sent ", "(rules)", "group     soldiers ", "weighed   ", `"Some 300" at`,
		"found     source NIS as “NIS”; place Kursk Oblast as “Kursk”",
		"found     source NIS (not named in the sentence",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.ContainsAny(stdout, "\u202e\u202c") {
		t.Errorf("bidi overrides reach the terminal:\n%s", stdout)
	}
}

// namedAs finds a name, a stem pattern's inflected form, or says there is
// none; text whose lower case is longer ("İ") cannot push it out of range.
func TestNamedAs(t *testing.T) {
	tests := []struct {
		sentence string
		names    []string
		want     string
	}{
		{"The NIS said so.", []string{"NIS", "National Intelligence Service"}, "as “NIS”"},
		{"Военные находятся в Курской области.", []string{"курск* област*"}, "as “Курской области”"},
		{"İİİİ the agency said 300 were killed.", []string{"NIS"}, "(not named in the sentence: from a sentence around it or an inflected form)"},
		{"İİİİ NIS said so.", []string{"NIS"}, "as “nis”"},
	}
	for _, tt := range tests {
		if got := namedAs(tt.sentence, tt.names); got != tt.want {
			t.Errorf("namedAs(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}
