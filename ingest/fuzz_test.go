package ingest_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/ingest"
)

// FuzzRecordDocs: a JSON Lines stream gives one doc per non-blank line,
// each either an error of one line or something to read, in line order.
func FuzzRecordDocs(f *testing.F) {
	for _, s := range []string{
		`{"url":"https://example.org/a","title":"T","outlet":"O","published":"2025-01-02","text":"About 1,000 workers."}` + "\n",
		`{"html":"<p>x</p>","url":"https://example.org/b"}` + "\n" + `{"text":1}` + "\n" + "not json\n\n" + `{"text":"a"} {"text":"b"}`,
		`{"text":"\u202e reversed","published":"yesterday"}`,
		`{"url":"javascript:alert(1)","text":"x"}`,
		"\r\n\r\n{}\r\n",
		`{"text":"` + strings.Repeat("a", 1000) + `"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := 0
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 {
				lines++
			}
		}
		var docs []ingest.Doc
		err := ingest.RecordDocs(context.Background(), "f.jsonl", bytes.NewReader(data), func(d ingest.Doc) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			t.Fatalf("RecordDocs: %v", err)
		}
		if len(docs) != lines {
			t.Fatalf("%d docs from %d non-blank lines", len(docs), lines)
		}
		for _, d := range docs {
			if d.Err != nil && strings.ContainsRune(d.Err.Error(), '\n') {
				t.Fatalf("error of more than one line: %q", d.Err)
			}
			if d.Err == nil && len(d.Raw) == 0 {
				t.Fatalf("doc %s with neither text nor error", d.Origin)
			}
		}
	})
}
