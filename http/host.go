package http

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// checkHost answers only requests addressed to this server by a name it
// knows: localhost, an IP address, the host it listens on, and the names
// in Options.AllowedHosts. Reads need no token, so without this check a
// web page whose own name rebinds to 127.0.0.1 (DNS rebinding) could
// read the API from a visitor's browser: the browser thinks it talks to
// the page's site, and sends that site's name as Host.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID,
				"host %.100q is not served here: use localhost or this server's address, or start serve with --allowed-host NAME", r.Host),
				http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed says whether a Host header names this server. An IP
// address cannot be rebound, and names under .localhost resolve to
// loopback in every browser, so both are safe.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "" {
		return true // HTTP/1.0 without Host: not a browser
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	s.mu.Lock()
	listen := s.listenHost
	s.mu.Unlock()
	if host == listen {
		return true
	}
	for _, a := range s.opts.AllowedHosts {
		a = strings.TrimSuffix(strings.ToLower(a), ".")
		if host == a || (strings.HasPrefix(a, "*.") && strings.HasSuffix(host, a[1:])) {
			return true
		}
	}
	return false
}
