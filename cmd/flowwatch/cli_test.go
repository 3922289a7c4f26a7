package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIExits checks how each kind of call ends: help on stdout with exit
// 0, a usage mistake as one line and a hint with exit 2, and a read command
// on a missing database as an error that creates nothing.
func TestCLIExits(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		stderrLine int // most lines on stderr; 0: not checked
	}{
		{"top-level help", []string{"--help"}, 0, "commands:", "", 0},
		{"command help", []string{"claims", "--help"}, 0, "usage: flowwatch claims", "", 0},
		{"command -h", []string{"ingest", "-h"}, 0, "flags:", "", 0},
		{"no command", nil, 2, "", "usage: flowwatch COMMAND", 0},
		{"unknown command", []string{"claimz"}, 2, "", "hint: run 'flowwatch help'", 2},
		{"unknown flag", []string{"claims", "--bogus"}, 2, "", "flag provided but not defined: -bogus", 2},
		{"bad flag value", []string{"claims", "--limit", "x"}, 2, "", "invalid value", 2},
		{"missing argument", []string{"ingest"}, 2, "", "give at least one", 2},
		{"claims on missing db", []string{"claims", "--db", missing}, 1, "", "no database at", 1},
		{"stats on missing db", []string{"stats", "--db", missing}, 1, "", "no database at", 1},
		{"search on missing db", []string{"search", "--db", missing, "troops"}, 1, "", "no database at", 1},
		{"articles on missing db", []string{"articles", "--db", missing}, 1, "", "no database at", 1},
		{"facts on missing db", []string{"facts", "--db", missing}, 1, "", "no database at", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runInProcess(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdoutHas, stdout)
			}
			if !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, stderr)
			}
			if n := strings.Count(stderr, "\n"); tt.stderrLine > 0 && n > tt.stderrLine {
				t.Errorf("stderr has %d lines, want at most %d:\n%s", n, tt.stderrLine, stderr)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("a read command created %s", missing)
	}
}
