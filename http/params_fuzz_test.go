package http

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzQueryParams: any query string gives a filter or one short error
// naming what is wrong, never a panic, both through the API's reader and
// the CLI's ClaimFilterFromQuery.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{
		"kind=people&group=soldiers&since=2024-01-01&until=2025-12-31&min=10&max=20&limit=5&offset=10",
		"kind=people&kind=money",
		"since=2025-13-45&min=abc&max=-1e999&limit=0",
		"place=%E2%80%AEKursk&text=%00",
		"a=1&b=2&c=3&d=4&e=5&f=6&g=7",
		"offset=99999999999999999999&all_versions=maybe",
		"%zz=1;x",
	} {
		f.Add(s)
	}
	known := append(append([]string{}, claimParamNames...), "limit", "offset", "after_id", "count")
	f.Fuzz(func(t *testing.T, q string) {
		r := httptest.NewRequest("GET", "http://localhost/api/claims", nil)
		r.URL.RawQuery = q
		p := readParams(r, known...)
		p.claimFilter()
		p.page()
		if err := p.err(); err != nil {
			msg := err.Error()
			if len(msg) > 4096+len(q) || strings.Count(msg, ";") > maxNamed+1 {
				t.Fatalf("error of %d bytes, %d problems", len(msg), strings.Count(msg, ";")+1)
			}
		}
		v, _ := url.ParseQuery(q)
		if _, err := ClaimFilterFromQuery(v); err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}
