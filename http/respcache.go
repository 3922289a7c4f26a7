package http

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// respCache keeps whole JSON answers of read endpoints for a short time
// (micro-caching): a dashboard open on many screens asks the same few
// filtered pages, and a second's staleness is invisible there while it
// spares the database the same query over and over. Ingest through the
// server clears it.
type respCache struct {
	ttl    time.Duration
	mu     sync.Mutex
	m      map[string]*respEntry
	bytes  int
	flight map[string]*respFlight // answers being built
	// seen are the URLs answered once: an answer is kept from a URL's
	// second request on (or its first, when others asked for it while it
	// was being built), so that URLs asked once (a filter typed once, the
	// load benchmark's -distinct) do not fill the cache and churn it.
	seen map[string]struct{}
	gen  int // bumped by clear: a build begun before it is not kept
}

// respFlight is one build of an answer; requests for the same URL meanwhile
// get the previous answer if there is one, else wait for this one.
type respFlight struct {
	done    chan struct{}
	e       *respEntry // nil when the answer was not cacheable
	gen     int
	waiters int // requests that waited for this build; under respCache.mu
}

type respEntry struct {
	body []byte
	etag string
	at   time.Time
}

// respCacheMaxBytes bounds the cache; past it the cache starts over.
const respCacheMaxBytes = 64 << 20

// respCacheMaxSeen bounds the URLs remembered as asked once.
const respCacheMaxSeen = 100_000

func newRespCache(ttl time.Duration) *respCache {
	return &respCache{ttl: ttl, m: map[string]*respEntry{}, flight: map[string]*respFlight{}, seen: map[string]struct{}{}}
}

func (c *respCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.m, c.bytes = map[string]*respEntry{}, 0
	c.gen++
	c.mu.Unlock()
}

// bufWriter holds a handler's answer until the cache has seen it.
type bufWriter struct {
	h      http.Header
	status int
	body   []byte // kept by the cache as it is: handlers write an answer in one piece
}

func (b *bufWriter) Header() http.Header { return b.h }
func (b *bufWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	b.body = append(b.body, p...)
	return len(p), nil
}
func (b *bufWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// cachedGET serves h's answers from the cache while they are fresh. Only
// handlers that answer with s.json (buffered, with an ETag) go through it.
//
// A stale answer is served as it is while a new one is built in the
// background: no request waits for a rebuild, only for a first answer.
// (Rebuilding in the request that found the answer stale made one request
// per URL and TTL wait; with every URL cached at once they all expired at
// once, queued together on the read pool, and made the load benchmark's
// slowest percent.)
func (s *Server) cachedGET(h http.HandlerFunc) http.HandlerFunc {
	c := s.resp
	if c == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.RequestURI()
		inm := r.Header.Get("If-None-Match")
		c.mu.Lock()
		e := c.m[key]
		if e != nil && time.Since(e.at) <= c.ttl {
			c.mu.Unlock()
			c.write(w, inm, e)
			return
		}
		f, building := c.flight[key]
		if !building {
			f = &respFlight{done: make(chan struct{}), gen: c.gen}
			c.flight[key] = f
		} else if e == nil {
			f.waiters++
		}
		c.mu.Unlock()
		switch {
		case e != nil:
			// The previous answer, while the new one is built.
			if !building {
				ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), refreshTimeout)
				go func() {
					defer cancel()
					// No middleware stands above this goroutine: a
					// panic here would end the server.
					defer func() {
						if v := recover(); v != nil {
							s.log.Error("panic in background refresh", "path", r.URL.Path, "panic", fmt.Sprint(v))
						}
					}()
					c.build(key, h, r.WithContext(ctx), f)
				}()
			}
			c.write(w, inm, e)
		case building:
			// Nothing to show yet: wait for the build under way rather
			// than run the same query again.
			<-f.done
			if f.e == nil {
				h(w, r)
				return
			}
			c.write(w, inm, f.e)
		default:
			bw := c.build(key, h, r, f)
			if f.e == nil {
				// Not cacheable (an error, or no ETag): pass it on as built.
				for k, v := range bw.h {
					w.Header()[k] = v
				}
				w.WriteHeader(bw.status)
				w.Write(bw.body)
				return
			}
			c.write(w, inm, f.e)
		}
	}
}

// refreshTimeout bounds a background rebuild, which no client waits for.
const refreshTimeout = 30 * time.Second

// build runs h for key, keeps its answer when it is cacheable (f.e) and
// ends the flight f.
func (c *respCache) build(key string, h http.HandlerFunc, r *http.Request, f *respFlight) *bufWriter {
	var e *respEntry
	defer func() {
		c.mu.Lock()
		delete(c.flight, key)
		c.mu.Unlock()
		f.e = e
		close(f.done)
	}()
	r2 := r.WithContext(r.Context())
	r2.Header = r.Header.Clone()
	r2.Header.Del("If-None-Match")
	bw := &bufWriter{h: http.Header{}}
	h(bw, r2)
	etag := bw.h.Get("ETag")
	if bw.status != http.StatusOK || etag == "" {
		return bw
	}
	e = &respEntry{body: bw.body, etag: etag, at: time.Now()}
	c.mu.Lock()
	_, again := c.seen[key]
	if !again {
		if len(c.seen) >= respCacheMaxSeen {
			clear(c.seen)
		}
		c.seen[key] = struct{}{}
	}
	if f.gen == c.gen && (again || f.waiters > 0) {
		if c.bytes+len(e.body) > respCacheMaxBytes {
			c.m, c.bytes = map[string]*respEntry{}, 0
		}
		if old := c.m[key]; old != nil {
			c.bytes -= len(old.body)
		}
		c.m[key] = e
		c.bytes += len(e.body)
	}
	c.mu.Unlock()
	return bw
}

func (c *respCache) write(w http.ResponseWriter, inm string, e *respEntry) {
	hd := w.Header()
	hd.Set("ETag", e.etag)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("Content-Type", "application/json; charset=utf-8")
	if etagMatch(inm, e.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(e.body)))
	w.Write(e.body)
}
