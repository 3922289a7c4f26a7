package http

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// A handler that panics while the cache refreshes its answer in the
// background is logged; the server (here, the test binary) lives on and
// keeps serving the previous answer.
func TestBackgroundRefreshPanic(t *testing.T) {
	var logs bytes.Buffer
	s := &Server{log: slog.New(slog.NewTextHandler(&logs, nil)), resp: newRespCache(time.Millisecond)}
	var calls atomic.Int32
	h := s.cachedGET(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) > 2 {
			panic("refresh exploded")
		}
		s.json(w, r, map[string]int{"n": 1})
	})
	get := func() *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h(w, httptest.NewRequest("GET", "/api/stats", nil))
		return w
	}
	get()
	get() // asked twice: now cached
	time.Sleep(5 * time.Millisecond)
	if w := get(); w.Code != 200 || w.Body.String() != "{\"n\":1}\n" {
		t.Fatalf("stale answer: %d %q", w.Code, w.Body)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !bytes.Contains(logs.Bytes(), []byte("panic in background refresh")) {
		if time.Now().After(deadline) {
			t.Fatalf("no panic logged; calls = %d, logs: %s", calls.Load(), logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
