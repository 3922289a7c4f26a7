package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestPublic(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"93.184.216.34", true},
		{"8.8.8.8", true},
		{"2606:4700::1111", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false},
		{"100.100.100.200", false}, // carrier-grade NAT, a cloud metadata address
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"198.18.0.1", false},
		{"198.19.255.255", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
		{"224.0.0.1", false},
		{"::", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::7f00:1", false}, // NAT64 of 127.0.0.1
		{"2002:7f00:1::", false},   // 6to4 of 127.0.0.1
		{"2001:0:4136:e378::1", false},
		{"fec0::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"ff02::1", false},
	}
	for _, tt := range tests {
		if got := Public(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

// By default a fetch reaches no loopback server, whether named directly,
// by a name that resolves to it, or by a redirect from an allowed one.
func TestDenyByDefault(t *testing.T) {
	secret := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) }))
	defer secret.Close()
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, secret.URL+"/internal", http.StatusFound)
	}))
	defer front.Close()
	sport := secret.URL[strings.LastIndexByte(secret.URL, ':'):]

	c := &Client{Timeout: 2 * time.Second}
	for _, u := range []string{secret.URL, "http://localhost" + sport + "/", "http://[::ffff:127.0.0.1]" + sport + "/"} {
		if _, err := c.Get(context.Background(), u, Validators{}); !errors.Is(err, ErrPrivate) {
			t.Errorf("Get(%s) err = %v, want ErrPrivate", u, err)
		}
	}
	// The front server is allowed by address; its redirect to the
	// other loopback port is not.
	allowed := &Client{Timeout: 2 * time.Second, Allow: []string{strings.TrimPrefix(front.URL, "http://")}}
	if _, err := allowed.Get(context.Background(), front.URL, Validators{}); !errors.Is(err, ErrPrivate) {
		t.Fatalf("redirect to a loopback port: err = %v, want ErrPrivate", err)
	}
	// Opting in reaches both.
	open := &Client{Timeout: 2 * time.Second, AllowPrivate: true}
	resp, err := open.Get(context.Background(), front.URL, Validators{})
	if err != nil || string(resp.Body) != "secret" {
		t.Fatalf("AllowPrivate: resp = %v, err = %v", resp, err)
	}
}

// Through a proxy, flowwatch dials only the proxy (which may be private:
// the operator chose it), so the target's own addresses are checked
// before the request is sent, on every hop.
func TestDenyThroughProxy(t *testing.T) {
	var proxied []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied = append(proxied, r.URL.String())
		if r.URL.Path == "/hop" {
			http.Redirect(w, r, "http://10.0.0.7/metadata", http.StatusFound)
			return
		}
		w.Write([]byte("via proxy"))
	}))
	defer proxy.Close()
	pu, _ := url.Parse(proxy.URL)
	old := proxyFromEnv
	proxyFromEnv = func(*http.Request) (*url.URL, error) { return pu, nil }
	defer func() { proxyFromEnv = old }()

	c := &Client{Timeout: 2 * time.Second}
	resp, err := c.Get(context.Background(), "http://93.184.216.34/page", Validators{})
	if err != nil || string(resp.Body) != "via proxy" {
		t.Fatalf("public target through the proxy: resp = %v, err = %v", resp, err)
	}
	for _, u := range []string{"http://127.0.0.1:9/", "http://[fd00::1]/", "http://100.100.100.200/latest/meta-data/", "http://93.184.216.34/hop"} {
		if _, err := c.Get(context.Background(), u, Validators{}); !errors.Is(err, ErrPrivate) {
			t.Errorf("Get(%s) through the proxy: err = %v, want ErrPrivate", u, err)
		}
	}
	for _, p := range proxied {
		if !strings.Contains(p, "93.184.216.34") {
			t.Errorf("the proxy was asked for %s", p)
		}
	}
}

func TestAllowBadAddress(t *testing.T) {
	c := &Client{Allow: []string{"localhost:80"}}
	if _, err := c.Get(context.Background(), "http://93.184.216.34/", Validators{}); err == nil || !strings.Contains(err.Error(), "ip:port") {
		t.Fatalf("err = %v", err)
	}
}
