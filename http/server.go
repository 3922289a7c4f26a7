// Package http serves flowwatch's JSON API and its dashboard, which is
// embedded in the binary: nothing is fetched from elsewhere at run time.
// Reads are open to anyone who can reach the address; writes need a token.
package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
)

// IngestFunc reads one uploaded file (a page, text with a header block,
// ...) named name, extracts its claims and saves both in the store.
type IngestFunc func(ctx context.Context, name string, raw []byte) (IngestResult, error)

// IngestResult is what POST /api/ingest reports per file.
type IngestResult struct {
	Name    string `json:"name"`
	Article int64  `json:"article_id,omitempty"`
	Result  string `json:"result"` // new, updated, unchanged
	Claims  int    `json:"claims"`
}

// Reconciler turns claims into facts, estimates and entities. It is
// optional: without one, those endpoints answer 501 saying so. Each method
// returns the JSON body to send: an object with "items" and
// "reconciled": true, plus whatever else belongs with it (conflicts).
type Reconciler interface {
	Facts(ctx context.Context, articles []flowwatch.Article, claims []flowwatch.Claim) (any, error)
	Estimates(ctx context.Context, articles []flowwatch.Article, claims []flowwatch.Claim) (any, error)
	Entities(ctx context.Context, articles []flowwatch.Article, claims []flowwatch.Claim) (any, error)
}

// Options configure a Server. Zero values get the defaults noted.
type Options struct {
	Ingest     IngestFunc   // POST /api/ingest; nil answers 501
	Reconciler Reconciler   // facts, estimates, entities; nil answers 501
	Logger     *slog.Logger // default: discard

	MaxBodyBytes int64         // largest request body; default 10 MiB
	RatePerSec   float64       // per-client request rate; 0 means the default 50, <0 disables
	Burst        int           // per-client burst; default 200
	CacheTTL     time.Duration // how long aggregates (sources, places, timeline) are reused; default 5s
	ResponseTTL  time.Duration // how long whole JSON answers are reused; 0 means the default 1s, <0 disables
	// ClaimIndexBytes bounds the in-memory claim index that answers
	// GET /api/claims (see claimIndex); 0 means DefaultClaimIndexBytes,
	// <0 turns the index off (the store answers every request).
	ClaimIndexBytes int64
	// AllowedHosts are the names, besides localhost, IP addresses and
	// the listen host, that requests may carry in Host ("*.example.org"
	// allows subdomains). Others get 421: see checkHost.
	AllowedHosts []string
}

// Server is the API and dashboard over one store.
type Server struct {
	store   flowwatch.Store
	opts    Options
	log     *slog.Logger
	handler http.Handler
	mux     *http.ServeMux
	limiter *limiter
	cache   *cache
	resp    *respCache      // nil when disabled
	index   *claimIndex     // nil when disabled; runs while Serve does
	rec     reconciledCache // aggregate.go: facts and estimates of the latest revision

	srv        *http.Server
	ln         net.Listener
	listenHost string // the host named in Listen's address, lower case
	mu         sync.Mutex

	freshMu sync.Mutex
	fresh   map[net.Conn]time.Time // connections without a request yet, and when they came
}

// NewServer builds a server over store.
func NewServer(store flowwatch.Store, opts Options) *Server {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 10 << 20
	}
	if opts.RatePerSec == 0 {
		opts.RatePerSec = 50
	}
	if opts.Burst <= 0 {
		opts.Burst = 200
	}
	if opts.CacheTTL <= 0 {
		opts.CacheTTL = 5 * time.Second
	}
	if opts.ResponseTTL == 0 {
		opts.ResponseTTL = time.Second
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{store: store, opts: opts, log: log, cache: newCache(opts.CacheTTL)}
	if opts.ResponseTTL > 0 {
		s.resp = newRespCache(opts.ResponseTTL)
	}
	if opts.ClaimIndexBytes == 0 {
		opts.ClaimIndexBytes = DefaultClaimIndexBytes
	}
	if opts.ClaimIndexBytes > 0 {
		s.index = newClaimIndex(store, opts.ClaimIndexBytes, log)
	}
	if opts.RatePerSec > 0 {
		s.limiter = newLimiter(opts.RatePerSec, opts.Burst)
	}
	s.handler = s.routes()
	return s
}

// Handler is the whole server, middleware included, for tests and embedding.
func (s *Server) Handler() http.Handler { return s.handler }

// IsLoopback reports whether addr (host:port) binds only loopback
// addresses; serve warns otherwise, since reads need no token.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Listen binds addr; Addr then reports the bound address (useful with :0).
func (s *Server) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return flowwatch.Errorf(flowwatch.EUNAVAILABLE, "cannot listen on %s: %v (is another server using it? pick another with --addr)", addr, err)
	}
	s.mu.Lock()
	s.ln = ln
	if h, _, err := net.SplitHostPort(addr); err == nil {
		s.listenHost = strings.ToLower(h)
	}
	s.srv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		ConnState:         s.trackFresh,
	}
	s.mu.Unlock()
	return nil
}

// trackFresh keeps the connections that have not begun a request.
// Shutdown counts those as busy for their first 5 seconds (a request may
// be on its way); clients that open spare connections (Go's transport
// does under concurrency) would hold every shutdown for that long.
func (s *Server) trackFresh(c net.Conn, st http.ConnState) {
	s.freshMu.Lock()
	defer s.freshMu.Unlock()
	if st == http.StateNew {
		if s.fresh == nil {
			s.fresh = map[net.Conn]time.Time{}
		}
		s.fresh[c] = time.Now()
	} else {
		delete(s.fresh, c)
	}
}

// closeFresh closes the connections that have sent nothing for a while
// (spares, not requests on their way).
func (s *Server) closeFresh() {
	s.freshMu.Lock()
	defer s.freshMu.Unlock()
	for c, at := range s.fresh {
		if time.Since(at) > 200*time.Millisecond {
			c.Close()
			delete(s.fresh, c)
		}
	}
}

// Addr is the bound address after Listen.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Serve answers requests until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context) error {
	s.mu.Lock()
	srv, ln := s.srv, s.ln
	s.mu.Unlock()
	if srv == nil {
		return errors.New("serve: Listen first")
	}
	if s.index != nil {
		// The index loads in the background; until it has, the store
		// answers. It stops with Serve, before the caller closes the store.
		ictx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); s.index.run(ictx) }()
		defer func() { stop(); <-done }()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- srv.Shutdown(sctx) }()
		// Shutdown closes the listener first; connections accepted before
		// that and idle without a request are closed here, until it ends.
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			s.closeFresh()
			select {
			case err := <-done:
				return err
			case <-tick.C:
			}
		}
	}
}

// routes wires every endpoint. Go 1.22 patterns give method matching and
// path values; anything unmatched under /api/ is a JSON 404.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	s.mux = mux
	c := s.cachedGET
	mux.HandleFunc("GET /api/claims", c(s.handleClaims))
	mux.HandleFunc("GET /api/articles", c(s.handleArticles))
	mux.HandleFunc("GET /api/articles/{id}", c(s.handleArticle))
	mux.HandleFunc("GET /api/sources", c(s.handleSources))
	mux.HandleFunc("GET /api/places", c(s.handlePlaces))
	mux.HandleFunc("GET /api/entities", c(s.handleEntities))
	mux.HandleFunc("GET /api/facts", c(s.handleFacts))
	mux.HandleFunc("GET /api/estimates", c(s.handleEstimates))
	mux.HandleFunc("GET /api/summary", c(s.handleSummary))
	mux.HandleFunc("GET /api/search", c(s.handleSearch))
	mux.HandleFunc("GET /api/timeline", c(s.handleTimeline))
	mux.HandleFunc("GET /api/stats", c(s.handleStats))
	mux.HandleFunc("GET /api/changes", c(s.handleChanges))
	mux.HandleFunc("GET /feed.atom", s.handleFeed)
	mux.HandleFunc("GET /api/export", s.handleExport)
	mux.HandleFunc("GET /api/openapi.json", s.handleOpenAPI)
	mux.HandleFunc("POST /api/ingest", s.requireToken(s.handleIngest))
	mux.HandleFunc("GET /api/tokens", s.requireToken(s.handleTokens))
	mux.HandleFunc("DELETE /api/tokens/{id}", s.requireToken(s.handleDeleteToken))
	mux.HandleFunc("/api/", s.handleAPINotFound)
	mux.Handle("/", s.uiHandler())
	return s.recoverer(s.securityHeaders(s.checkHost(s.rateLimit(s.logRequests(mux)))))
}

func (s *Server) handleAPINotFound(w http.ResponseWriter, r *http.Request) {
	// The catch-all also receives paths that exist under another method.
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		if m == r.Method {
			continue
		}
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host}
		if _, pattern := s.mux.Handler(probe); pattern != "/api/" && pattern != "" {
			s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "method %s not allowed on %s", r.Method, r.URL.Path), http.StatusMethodNotAllowed)
			return
		}
	}
	s.error(w, r, flowwatch.Errorf(flowwatch.ENOTFOUND, "no endpoint %s %s: see /api/openapi.json for the list", r.Method, r.URL.Path), 0)
}

// csp allows only this origin's own scripts, styles and API: no inline
// script, no eval, no plugins, no framing. Article text shown by the
// dashboard therefore cannot run even if an escaping bug let markup in.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				s.error(w, r, errors.New("panic"), 0)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "dur", time.Since(start))
	})
}
