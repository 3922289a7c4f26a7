package fetch

import (
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	big := strings.Repeat("x", 2048)
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body>ua=" + r.Header.Get("User-Agent") + "</body></html>"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", 400)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("compressed body"))
		zw.Close()
	})
	// A small compressed body that inflates past the cap: the cap must
	// apply to what is decompressed, not to what crossed the wire.
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(big))
		zw.Close()
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(big)) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := &Client{Timeout: 300 * time.Millisecond, MaxBytes: 1024, AllowPrivate: true}

	tests := []struct {
		path    string
		v       Validators
		wantErr string
		body    string
		notMod  bool
	}{
		{path: "/page", body: "ua=flowwatch/"},
		{path: "/page", v: Validators{ETag: `"v1"`}, notMod: true},
		{path: "/gzip", body: "compressed body"},
		{path: "/bomb", wantErr: "too large"},
		{path: "/big", wantErr: "too large"},
		{path: "/loop", wantErr: "too many redirects"},
		{path: "/hop", body: "ua="},
		{path: "/ftp", wantErr: "refused"},
		{path: "/500", wantErr: "HTTP 500"},
		{path: "/hang", wantErr: "timed out"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.Get(context.Background(), srv.URL+tt.path, tt.v)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tt.notMod {
				t.Fatalf("NotModified = %v", resp.NotModified)
			}
			if !strings.Contains(string(resp.Body), tt.body) {
				t.Fatalf("body %q lacks %q", resp.Body, tt.body)
			}
		})
	}
}

func TestCheckURL(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://x.org/", "javascript:alert(1)", "http://", "/relative"} {
		if _, err := CheckURL(u); err == nil {
			t.Errorf("CheckURL(%q) accepted", u)
		}
	}
	if _, err := CheckURL("https://example.org/a?b=c"); err != nil {
		t.Error(err)
	}
}
