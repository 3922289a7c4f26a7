// Package notify POSTs changes to a webhook (Slack-, Matrix- or any
// JSON-accepting endpoint) with a bounded retry, and sends each change at
// most once per process.
package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/changes"
)

// Defaults.
const (
	DefaultAttempts = 4
	DefaultBackoff  = time.Second // doubled after each failed attempt
	DefaultTimeout  = 10 * time.Second
)

// Notifier sends changes to URL. The zero values of the other fields get
// the defaults.
type Notifier struct {
	URL      string
	Client   *http.Client
	Attempts int           // tries per change, the first included
	Backoff  time.Duration // wait before the second try; doubles after
	UA       string

	mu   sync.Mutex
	sent map[string]bool // change ids already delivered
}

// Message is the JSON body of one POST. Text is what chat webhooks
// (Slack, Mattermost, Matrix bridges) show; Change has every field.
type Message struct {
	Text   string         `json:"text"`
	Change changes.Change `json:"change"`
}

// New checks url and returns a Notifier for it.
func New(url string) (*Notifier, error) {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "--notify %q: give an http or https URL", url)
	}
	return &Notifier{URL: url}, nil
}

// Send delivers every change not delivered before, in order. A change
// that still fails after the last attempt is returned as an error and
// the rest are still tried; it is tried again by a later Send.
func (n *Notifier) Send(ctx context.Context, list []changes.Change) error {
	var failed []string
	for _, c := range list {
		if n.done(c.ID) {
			continue
		}
		if err := n.deliver(ctx, c); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed = append(failed, fmt.Sprintf("%s: %v", c.ID, err))
			continue
		}
		n.mark(c.ID)
	}
	if len(failed) > 0 {
		return fmt.Errorf("notify %s: %d change(s) not delivered: %s", n.URL, len(failed), strings.Join(failed, "; "))
	}
	return nil
}

func (n *Notifier) done(id string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.sent[id]
}

func (n *Notifier) mark(id string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sent == nil || len(n.sent) > 100_000 {
		n.sent = map[string]bool{} // bound memory over a long watch
	}
	n.sent[id] = true
}

// deliver POSTs c, retrying network errors, 429 and 5xx answers with a
// doubling wait; other 4xx answers are final (retrying cannot fix them).
func (n *Notifier) deliver(ctx context.Context, c changes.Change) error {
	body, err := json.Marshal(Message{Text: c.Title + " — " + c.Summary, Change: c})
	if err != nil {
		return err
	}
	attempts, wait := n.Attempts, n.Backoff
	if attempts <= 0 {
		attempts = DefaultAttempts
	}
	if wait <= 0 {
		wait = DefaultBackoff
	}
	var last error
	for i := 0; i < attempts; i++ {
		if i > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
			wait *= 2
		}
		retry, err := n.post(ctx, body)
		if err == nil {
			return nil
		}
		last = err
		if !retry {
			break
		}
	}
	return last
}

func (n *Notifier) post(ctx context.Context, body []byte) (retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.URL, bytes.NewReader(body))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	ua := n.UA
	if ua == "" {
		ua = "flowwatch/" + flowwatch.Version
	}
	req.Header.Set("User-Agent", ua)
	client := n.Client
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	}
	resp, err := client.Do(req)
	if err != nil {
		return true, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return true, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return false, fmt.Errorf("HTTP %d (not retried)", resp.StatusCode)
}
