package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
	"time"
)

// ErrPrivate is the refusal to reach an address that is not on the
// public internet.
var ErrPrivate = errors.New("address is private, local or reserved; refused (--allow-private reaches intranet hosts)")

// denied lists the networks a fetch never reaches unless AllowPrivate is
// set: this machine, private and carrier-grade NAT networks (cloud
// metadata services live there), link-local, documentation, benchmarking
// and reserved ranges, multicast, and the IPv6 prefixes that embed an
// IPv4 address (NAT64, 6to4, Teredo) and so could smuggle one of the
// others past the check.
var denied = prefixes(
	"0.0.0.0/8",       // "this network"
	"10.0.0.0/8",      // private
	"100.64.0.0/10",   // carrier-grade NAT (100.100.100.200 is a metadata service)
	"127.0.0.0/8",     // loopback
	"169.254.0.0/16",  // link-local (169.254.169.254 is a metadata service)
	"172.16.0.0/12",   // private
	"192.0.0.0/24",    // IETF protocol assignments
	"192.0.2.0/24",    // documentation
	"192.88.99.0/24",  // 6to4 relay anycast
	"192.168.0.0/16",  // private
	"198.18.0.0/15",   // benchmarking
	"198.51.100.0/24", // documentation
	"203.0.113.0/24",  // documentation
	"224.0.0.0/4",     // multicast
	"240.0.0.0/4",     // reserved, and broadcast
	"::/96",           // unspecified, loopback, IPv4-compatible
	"::ffff:0:0/96",   // IPv4-mapped (checked unmapped too)
	"64:ff9b::/96",    // NAT64
	"64:ff9b:1::/48",  // local-use NAT64
	"100::/64",        // discard
	"2001::/23",       // IETF protocol assignments, Teredo among them
	"2001:db8::/32",   // documentation
	"2002::/16",       // 6to4
	"fc00::/7",        // unique local
	"fe80::/10",       // link-local
	"fec0::/10",       // site-local
	"ff00::/8",        // multicast
)

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// Public says whether a fetch may reach ip with AllowPrivate unset.
func Public(ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	ip = ip.WithZone("")
	for _, p := range denied {
		if p.Contains(ip) {
			return false
		}
	}
	if ip.Is4In6() {
		return Public(ip.Unmap())
	}
	return true
}

// guard decides which addresses a client dials.
type guard struct {
	allowPrivate bool
	allow        map[netip.AddrPort]bool
}

func (g guard) permits(ap netip.AddrPort) bool {
	if g.allowPrivate || g.allow[ap] || g.allow[netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())] {
		return true
	}
	return Public(ap.Addr())
}

// control runs after DNS resolution, on the address actually dialled, so
// a public name that resolves (or rebinds) to a private address is
// refused too, on the first request and on every redirect.
func (g guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, ErrPrivate)
	}
	if !g.permits(ap) {
		return ErrPrivate
	}
	return nil
}

// checkHost resolves a request's host and refuses it when any address is
// not public. It is for requests sent through a proxy: the proxy, not
// flowwatch, dials the host, so the dial-time check never sees it.
func (g guard) checkHost(ctx context.Context, u *url.URL) error {
	if g.allowPrivate {
		return nil
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	p, err := net.LookupPort("tcp", port)
	if err != nil {
		return fmt.Errorf("bad port %q", port)
	}
	var addrs []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{ip}
	} else if addrs, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host); err != nil {
		return fmt.Errorf("resolve %s: %w", host, err)
	}
	for _, ip := range addrs {
		if !g.permits(netip.AddrPortFrom(ip, uint16(p))) {
			return ErrPrivate
		}
	}
	return nil
}

// proxyFunc wraps the environment's proxy choice: when a request goes
// through a proxy, its own host is checked here, on every hop. The proxy
// itself is the operator's choice and may be on a private network.
func (g guard) proxyFunc(choose func(*http.Request) (*url.URL, error), proxies *proxySet) func(*http.Request) (*url.URL, error) {
	return func(req *http.Request) (*url.URL, error) {
		pu, err := choose(req)
		if err != nil || pu == nil {
			return pu, err
		}
		if err := g.checkHost(req.Context(), req.URL); err != nil {
			return nil, err
		}
		proxies.add(pu)
		return pu, nil
	}
}

// proxySet remembers the proxies in use, which are dialled unchecked.
type proxySet struct {
	mu    sync.Mutex
	addrs map[string]bool
}

func (s *proxySet) add(u *url.URL) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.addrs == nil {
		s.addrs = map[string]bool{}
	}
	s.addrs[proxyAddr(u)] = true
}

func (s *proxySet) has(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addrs[addr]
}

// proxyAddr is the host:port net/http dials for proxy u.
func proxyAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// dialer dials proxies as they are and everything else through the guard.
func (g guard) dialer(proxies *proxySet) func(ctx context.Context, network, addr string) (net.Conn, error) {
	plain := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	guarded := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if proxies.has(addr) {
			return plain.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
}
