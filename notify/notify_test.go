package notify

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch/changes"
)

// receiver is a local webhook that fails the first fail answers with
// status code, then accepts, and keeps what it accepted.
type receiver struct {
	mu    sync.Mutex
	fail  int
	code  int
	tries int
	got   []Message
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.tries++
	if rc.fail > 0 {
		rc.fail--
		w.WriteHeader(rc.code)
		return
	}
	var m Message
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil || r.Header.Get("Content-Type") != "application/json" {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	rc.got = append(rc.got, m)
}

func TestSend(t *testing.T) {
	change := changes.Change{ID: "fact-stock-7", Kind: changes.KindFact, At: time.Now(), Title: "New fact: 12,000 soldiers stock", Summary: "sources NIS"}
	tests := []struct {
		name       string
		fail, code int
		delivered  bool
		tries      int
	}{
		{"accepted at once", 0, 0, true, 1},
		{"5xx then accepted", 2, http.StatusBadGateway, true, 3},
		{"429 then accepted", 1, http.StatusTooManyRequests, true, 2},
		{"5xx past the last attempt", 10, http.StatusInternalServerError, false, 3},
		{"4xx is final", 10, http.StatusNotFound, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := &receiver{fail: tt.fail, code: tt.code}
			srv := httptest.NewServer(rc)
			defer srv.Close()
			n, err := New(srv.URL + "/hook")
			if err != nil {
				t.Fatal(err)
			}
			n.Attempts, n.Backoff = 3, time.Millisecond
			err = n.Send(context.Background(), []changes.Change{change})
			if tt.delivered != (err == nil) {
				t.Fatalf("Send: %v, want delivered=%v", err, tt.delivered)
			}
			if rc.tries != tt.tries {
				t.Errorf("%d tries, want %d", rc.tries, tt.tries)
			}
			if tt.delivered {
				if len(rc.got) != 1 || rc.got[0].Change.ID != change.ID || !strings.Contains(rc.got[0].Text, "12,000 soldiers") {
					t.Errorf("received %+v", rc.got)
				}
				// A change is delivered once per process.
				if err := n.Send(context.Background(), []changes.Change{change}); err != nil || rc.tries != tt.tries {
					t.Errorf("second Send: %v, %d tries", err, rc.tries)
				}
			}
		})
	}
	if _, err := New("ftp://example.org/hook"); err == nil {
		t.Error("New accepted an ftp URL")
	}
}
