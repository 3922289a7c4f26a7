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
	ttl    time.Duration
	mu     sync.Mutex
	m      map[string]cacheEntry
	flight map[string]*call
	gen    int // bumped by clear, so a build begun before it is not kept
}

type cacheEntry struct {
	v  any
	at time.Time
}

// call is a build in progress; requests for the same key wait for it
// instead of all running the same expensive query at once.
type call struct {
	done chan struct{}
	v    any
	err  error
}

func newCache(ttl time.Duration) *cache {
	return &cache{ttl: ttl, m: map[string]cacheEntry{}, flight: map[string]*call{}}
}

// do returns key's value if built within ttl, else builds it once however
// many requests ask at the same time.
func (c *cache) do(key string, ttl time.Duration, build func() (any, error)) (any, error) {
	c.mu.Lock()
	if e, ok := c.m[key]; ok && time.Since(e.at) <= ttl {
		c.mu.Unlock()
		return e.v, nil
	}
	if f, ok := c.flight[key]; ok {
		c.mu.Unlock()
		<-f.done
		return f.v, f.err
	}
	f := &call{done: make(chan struct{})}
	c.flight[key] = f
	gen := c.gen
	c.mu.Unlock()

	f.v, f.err = build()
	c.mu.Lock()
	delete(c.flight, key)
	if f.err == nil && gen == c.gen {
		if len(c.m) > 1000 {
			// Filters are user-chosen, so keys are unbounded: start
			// over rather than grow without limit.
			c.m = map[string]cacheEntry{}
		}
		c.m[key] = cacheEntry{f.v, time.Now()}
	}
	c.mu.Unlock()
	close(f.done)
	return f.v, f.err
}

func (c *cache) clear() {
	c.mu.Lock()
	c.m = map[string]cacheEntry{}
	c.gen++
	c.mu.Unlock()
}
