// Package fetch gets pages and feeds over HTTP for ingestion, politely and
// within bounds: an honest User-Agent, a timeout for the whole exchange, a
// size cap on the (decompressed) body, a bounded number of redirects, and
// http/https only. It never follows anything a page points to.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/input"
)

// UserAgent names flowwatch and where to read about it, so that site
// operators know who is fetching their pages.
var UserAgent = "flowwatch/" + flowwatch.Version + " (+https://github.com/flowwatch/flowwatch; news monitoring)"

// Defaults.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
)

// Client fetches one URL at a time; it is safe for concurrent use.
type Client struct {
	Timeout      time.Duration // whole request, body included; 0 means DefaultTimeout
	MaxBytes     int64         // body cap after decompression; 0 means input.MaxBytes
	MaxRedirects int           // 0 means DefaultMaxRedirects
	// AllowPrivate lets fetches reach loopback, private, link-local and
	// reserved addresses. By default they are refused at dial time, after
	// DNS resolution, on every redirect hop, and (through a proxy) before
	// the request leaves: a page, feed or redirect written by anyone must
	// not make flowwatch read its own network or a cloud metadata service.
	AllowPrivate bool
	// Allow lists "ip:port" addresses reached even though they are
	// private: one intranet server, or a test's own loopback server,
	// without opening the whole private network.
	Allow []string

	once sync.Once
	http *http.Client
	err  error
}

// New returns a client with the defaults; change fields before first use.
func New() *Client { return &Client{} }

func (c *Client) client() (*http.Client, error) {
	c.once.Do(c.build)
	return c.http, c.err
}

// proxyFromEnv is the proxy choice; tests replace it.
var proxyFromEnv = http.ProxyFromEnvironment

func (c *Client) build() {
	g := guard{allowPrivate: c.AllowPrivate, allow: map[netip.AddrPort]bool{}}
	for _, a := range c.Allow {
		ap, err := netip.ParseAddrPort(a)
		if err != nil {
			c.err = fmt.Errorf("fetch: allowed address %q is not ip:port", a)
			return
		}
		g.allow[ap] = true
	}
	proxies := &proxySet{}
	tr := &http.Transport{
		Proxy:                 g.proxyFunc(proxyFromEnv, proxies),
		DialContext:           g.dialer(proxies),
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: c.timeout(),
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		// Leaving Accept-Encoding to the transport makes it ask for gzip
		// and decompress transparently; the size cap applies afterwards,
		// so a compression bomb stops at MaxBytes.
	}
	max := c.MaxRedirects
	if max == 0 {
		max = DefaultMaxRedirects
	}
	c.http = &http.Client{
		Transport: tr,
		Timeout:   c.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("too many redirects (more than %d)", max)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s: URL refused", req.URL.Scheme)
			}
			return nil
		},
	}
}

func (c *Client) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

// Validators make a GET conditional: the server answers 304 when the
// resource has not changed since it sent these.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched resource.
type Response struct {
	URL         string // after redirects
	Status      int
	NotModified bool // 304: Body is empty
	ContentType string
	Validators  Validators // as the server sent them
	Body        []byte
}

// CheckURL accepts only absolute http and https URLs.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("not a valid URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("only http and https URLs are fetched")
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL has no host")
	}
	return u, nil
}

// IsURL says whether s names something to fetch rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Get fetches rawURL. Any status other than 200 and (with validators) 304
// is an error, as is a body over the cap. Errors are one line, without
// the URL (callers name the input).
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("bad request: %v", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	hc, err := c.client()
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, c.describe(ctx, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL:         resp.Request.URL.String(),
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode != http.StatusOK:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := c.MaxBytes
	if max == 0 {
		max = input.MaxBytes
		if strings.Contains(strings.ToLower(out.ContentType), "application/pdf") {
			max = input.MaxPDFBytes // reports are larger than pages
		}
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("too large (%d bytes, the limit is %d)", resp.ContentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, c.describe(ctx, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("too large (over %d bytes)", max)
	}
	out.Body = body
	return out, nil
}

func (c *Client) describe(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("cancelled")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out after %s", c.timeout())
		}
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out after %s", c.timeout())
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", c.timeout())
	}
	return err
}
