package http

import (
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
)

// limiter is a token bucket per client address. Buckets idle for a minute
// are dropped so that the map stays bounded by recent clients.
type limiter struct {
	rate  float64
	burst float64
	mu    sync.Mutex
	seen  map[string]*bucket
	swept time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), seen: map[string]*bucket{}, swept: time.Now()}
}

// allow takes one token for key, or says how long until one is free.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.seen {
			if now.Sub(b.last) > time.Minute {
				delete(l.seen, k)
			}
		}
		l.swept = now
	}
	b := l.seen[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.seen[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

func (s *Server) rateLimit(next http.Handler) http.Handler {
	if s.limiter == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		ok, wait := s.limiter.allow(host, time.Now())
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			s.error(w, r, flowwatch.Errorf("rate_limited", "too many requests from %s: wait %s and retry", host, wait.Round(time.Millisecond)), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cache keeps aggregates (sources, places, timeline, summary) that need a
// scan of all claims; ingest through this server clears it, and writes by
// other processes show after at most ttl.
type cache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]cacheEntry
}

type cacheEntry struct {
	v  any
	at time.Time
}

func newCache(ttl time.Duration) *cache { return &cache{ttl: ttl, m: map[string]cacheEntry{}} }

func (c *cache) get(key string, now time.Time) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || now.Sub(e.at) > c.ttl {
		return nil, false
	}
	return e.v, true
}

func (c *cache) put(key string, v any, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > 1000 {
		// Filters are user-chosen, so keys are unbounded: start over
		// rather than grow without limit.
		c.m = map[string]cacheEntry{}
	}
	c.m[key] = cacheEntry{v, now}
}

func (c *cache) clear() {
	c.mu.Lock()
	c.m = map[string]cacheEntry{}
	c.mu.Unlock()
}
