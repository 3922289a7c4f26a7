package http_test

import (
	"net/url"
	"testing"

	fwhttp "github.com/flowwatch/flowwatch/http"
)

// TestNameFilters: place, source and outlet filters take the names a
// reader types, in any case and by alias, on every store and with the
// claim index on or off, and export gives exactly what the list shows.
func TestNameFilters(t *testing.T) {
	tests := []struct {
		query string
		want  int
	}{
		{"place=kursk", 2},                 // alias of Kursk Oblast
		{"place=KURSK+REGION", 2},          // another alias, upper case
		{"place=kursk+oblast", 2},          // canonical name, lower case
		{"place=vladivostok", 1},           // canonical name, lower case
		{"source=nis", 3},                  // lower case
		{"source=Seoul%27s+spy+agency", 3}, // alias
		{"source=rustem+umerov", 1},        // stored name the domain data does not know
		{"outlet=example+wire", 3},         // stored outlet, lower case
		{"outlet=Example+Wire", 3},
		{"place=nowhere", 0},
	}
	for name, open := range stores(t) {
		for _, idx := range []int64{0, -1} {
			s := seeded(t, open, fwhttp.Options{ClaimIndexBytes: idx, ResponseTTL: -1})
			for _, tt := range tests {
				r := s.do(t, "GET", "/api/claims?count=true&"+tt.query, nil)
				m := r.json(t)
				if got, _ := m["total"].(float64); int(got) != tt.want {
					t.Errorf("%s, index %d: %s: total %v, want %d", name, idx, tt.query, m["total"], tt.want)
				}
				csv := s.do(t, "GET", "/api/export?format=csv&"+tt.query, nil)
				if rows := countLines(csv.body) - 1; tt.want > 0 && rows != tt.want {
					t.Errorf("%s: export %s: %d rows, want %d", name, tt.query, rows, tt.want)
				}
			}
			v := url.Values{"place": {"kursk"}}
			if got := items(t, s.do(t, "GET", "/api/places?"+v.Encode(), nil)); len(got) != 1 {
				t.Errorf("%s: /api/places?place=kursk gave %d places, want Kursk Oblast alone", name, len(got))
			}
		}
	}
}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
