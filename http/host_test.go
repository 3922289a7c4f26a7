package http_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	fwhttp "github.com/flowwatch/flowwatch/http"
)

// A page on evil.example whose name rebinds to 127.0.0.1 makes the
// browser send "Host: evil.example:PORT" to this server: it must not be
// answered, while the names the server goes by are.
func TestDNSRebindingHost(t *testing.T) {
	s := start(t, openSQLite(t), fwhttp.Options{AllowedHosts: []string{"flowwatch.intranet.example", "*.team.example"}})
	port := s.url[strings.LastIndexByte(s.url, ':'):]
	tests := []struct {
		host string
		want int
	}{
		{"evil.example" + port, http.StatusMisdirectedRequest},
		{"evil.example", http.StatusMisdirectedRequest},
		{"localhost.evil.example" + port, http.StatusMisdirectedRequest},
		{"127.0.0.1.nip.io" + port, http.StatusMisdirectedRequest},
		{"flowwatch.intranet.example.evil.example", http.StatusMisdirectedRequest},
		{"team.example", http.StatusMisdirectedRequest},
		{"127.0.0.1" + port, http.StatusOK},
		{"localhost" + port, http.StatusOK},
		{"LOCALHOST.", http.StatusOK},
		{"app.localhost" + port, http.StatusOK},
		{"[::1]" + port, http.StatusOK},
		{"flowwatch.intranet.example", http.StatusOK},
		{"FlowWatch.Intranet.Example" + port, http.StatusOK},
		{"a.team.example", http.StatusOK},
	}
	for _, path := range []string{"/api/stats", "/"} {
		for _, tt := range tests {
			req, _ := http.NewRequest("GET", s.url+path, nil)
			req.Host = tt.host
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Errorf("GET %s Host %s: %d, want %d", path, tt.host, res.StatusCode, tt.want)
			}
			if tt.want != http.StatusOK && (strings.Contains(string(body), "articles") || !strings.Contains(string(body), "--allowed-host")) {
				t.Errorf("Host %s: body %s", tt.host, body)
			}
		}
	}
}

// Stored text keeps its bidi controls; no JSON answer carries them.
func TestAPIDropsBidiControls(t *testing.T) {
	st := openSQLite(t)
	ids := seed(t, st, "bidi")
	s := start(t, st, fwhttp.Options{})
	for _, path := range []string{fmt.Sprintf("/api/articles/%d", ids["bidi"]), "/api/articles", "/api/claims", "/api/search?q=workers", "/api/sources"} {
		r := s.do(t, "GET", path, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", path, r.status, r.body)
		}
		if strings.ContainsAny(string(r.body), "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			t.Errorf("%s carries bidi controls: %s", path, r.body)
		}
	}
	if r := s.do(t, "GET", fmt.Sprintf("/api/articles/%d", ids["bidi"]), nil); !strings.Contains(string(r.body), `"dias SIN eht"`) {
		t.Errorf("title not kept in its stored order: %s", r.body)
	}
}

// A 64 KB query of thousands of unknown parameters gets a short answer.
func TestManyUnknownParameters(t *testing.T) {
	s := start(t, openSQLite(t), fwhttp.Options{})
	var q strings.Builder
	for i := 0; q.Len() < 60<<10; i++ {
		fmt.Fprintf(&q, "p%d=x&", i)
	}
	r := s.do(t, "GET", "/api/claims?"+q.String(), nil)
	if r.status != 400 || len(r.body) > 1000 || !strings.Contains(string(r.body), "unknown parameters") {
		t.Fatalf("%d, %d bytes: %.400s", r.status, len(r.body), r.body)
	}
}
