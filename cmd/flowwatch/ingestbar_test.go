package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/ingest"
)

var errTest = errors.New("broken")

// TestIngestBar: with a known total the bar shows done/total and the time
// left; without, a spinner shows the running counts.
func TestIngestBar(t *testing.T) {
	var known bytes.Buffer
	b := newBar(&known, 4)
	b.add(ingest.ItemResult{Result: flowwatch.New})
	if out := known.String(); !strings.Contains(out, "1/4") || !strings.Contains(out, "25%") || !strings.Contains(out, "[0s:") {
		t.Errorf("bar with a total:\n%q", out)
	}
	var unknown bytes.Buffer
	s := newBar(&unknown, -1)
	s.add(ingest.ItemResult{Result: flowwatch.Unchanged})
	if out := unknown.String(); !strings.Contains(out, "1/-") || strings.Contains(out, "%") {
		t.Errorf("spinner:\n%q", out)
	}
	s.add(ingest.ItemResult{Err: errTest})
	if got := s.res; got.Unchanged != 1 || got.Failed != 1 {
		t.Errorf("running counts = %+v, want 1 unchanged and 1 failed", got)
	}
}
