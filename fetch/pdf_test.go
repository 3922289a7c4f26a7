package fetch

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/input"
)

// A response that says it is a PDF may be as large as a PDF report
// (input.MaxPDFBytes); a page may not.
func TestPDFSizeCap(t *testing.T) {
	body := bytes.Repeat([]byte("0"), input.MaxBytes+1024)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/report.pdf" {
			w.Header().Set("Content-Type", "application/pdf")
		} else {
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write(body)
	}))
	defer srv.Close()
	c := &Client{AllowPrivate: true}
	resp, err := c.Get(context.Background(), srv.URL+"/report.pdf", Validators{})
	if err != nil || len(resp.Body) != len(body) {
		t.Fatalf("PDF over 20 MB: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/page.html", Validators{}); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("page over 20 MB: %v, want too large", err)
	}
}
