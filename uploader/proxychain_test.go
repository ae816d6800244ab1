package uploader

import (
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// A proxy that failed is tried after the others for proxyRetryAfter, then in its place
// again; one that answers again is forgotten at once.
func TestProxyChainRemembersFailures(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := NewProxyResolver(nil)
		a, b := mustURL(t, "http://a.corp:8080"), mustURL(t, "http://b.corp:8080")
		c := &proxyChain{entries: []*url.URL{a, b, nil}, base: ProxyRoute{Source: ProxyAutoConfig, Script: "http://wpad/wpad.dat"}}
		check := func(when string, want []*url.URL, route ProxyRoute) {
			t.Helper()
			if got, _ := r.order(c); !slices.Equal(got, want) {
				t.Errorf("%s: order %v, want %v", when, got, want)
			}
			if got := r.chainRoute(c); !got.Equal(route) {
				t.Errorf("%s: route %+v, want %+v", when, got, route)
			}
		}
		fresh := ProxyRoute{Proxy: "http://a.corp:8080", Source: ProxyAutoConfig, Script: "http://wpad/wpad.dat"}
		check("at first", []*url.URL{a, b, nil}, fresh)

		r.failedNow(a)
		pastA := ProxyRoute{Proxy: "http://b.corp:8080", Source: ProxyAutoConfig, Script: "http://wpad/wpad.dat", Skipped: []string{"http://a.corp:8080"}}
		check("a failed", []*url.URL{b, nil, a}, pastA)
		time.Sleep(proxyRetryAfter - time.Second)
		check("just before the time is over", []*url.URL{b, nil, a}, pastA)
		time.Sleep(time.Second)
		check("when it is over", []*url.URL{a, b, nil}, fresh)

		r.failedNow(a)
		r.failedNow(b)
		direct := ProxyRoute{Source: ProxyAutoConfig, Script: "http://wpad/wpad.dat", Skipped: []string{"http://a.corp:8080", "http://b.corp:8080"}}
		check("both failed", []*url.URL{nil, a, b}, direct)
		r.answered(a)
		check("a answers again", []*url.URL{a, nil, b}, fresh)
	})
}

// Every proxy failed, none directly: all are tried in their order, the first named.
func TestProxyChainAllFailed(t *testing.T) {
	r := NewProxyResolver(nil)
	a, b := mustURL(t, "http://a.corp:8080"), mustURL(t, "socks5://b.corp:1080")
	c := &proxyChain{entries: []*url.URL{a, b}, base: ProxyRoute{Source: ProxySystem}}
	r.failedNow(b)
	r.failedNow(a)
	if got, live := r.order(c); !slices.Equal(got, []*url.URL{a, b}) || live != 0 {
		t.Errorf("order %v (%d live)", got, live)
	}
	if got := r.chainRoute(c); !got.Equal(ProxyRoute{Proxy: "http://a.corp:8080", Source: ProxySystem}) {
		t.Errorf("route %+v", got)
	}
}

// The transport is told "directly" for an https server (the dialer tunnels to it), and a
// stand-in proxy that never resolves for an http one, one per server.
func TestProxyChainTellsTheTransport(t *testing.T) {
	clearProxyEnv(t)
	withSystem(t, systemAnswer{proxies: []*url.URL{mustURL(t, "http://a.corp:8080"), nil}, auto: true, ok: true})
	r := NewProxyResolver(nil)
	proxyOf := func(target string) *url.URL {
		req, _ := http.NewRequest(http.MethodPost, target, nil)
		u, err := r.Proxy(req)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	if u := proxyOf("https://s7g10.scene7.com/x"); u != nil || r.chainAt("s7g10.scene7.com:443") == nil {
		t.Errorf("https: proxy %v, chain %v", u, r.chainAt("s7g10.scene7.com:443"))
	}
	u1, u2 := proxyOf("http://drsum.corp/api"), proxyOf("http://drsum2.corp:8080/api")
	if u1 == nil || u2 == nil || u1.Host == u2.Host || !strings.HasSuffix(u1.Hostname(), ".invalid") {
		t.Fatalf("http stand-ins %v, %v", u1, u2)
	}
	if c := r.chainAt(u1.Host); c == nil || c.tunnel || c.target != "drsum.corp:80" {
		t.Errorf("chain of %s: %+v", u1.Host, c)
	}
	if again := proxyOf("http://drsum.corp/other"); again.Host != u1.Host {
		t.Errorf("a second stand-in %v for the same server", again)
	}
}

// A server that no way of the list reached is a network that is down (retried while
// DefaultOffline lasts, as a single proxy that cannot be connected to), and transient even
// when a proxy's name is unknown: that name is not the server's.
func TestProxyChainErrorIsNetworkDown(t *testing.T) {
	err := &ConnError{Err: &ProxyChainError{Target: "s7g10.scene7.com:443", Tries: []ProxyTry{
		{Proxy: "http://gone.corp:8080", Err: &net.DNSError{Name: "gone.corp", IsNotFound: true}}, {Err: errFake}}}}
	if !networkDown(err) || !err.Transient() {
		t.Errorf("networkDown %v, transient %v: want both", networkDown(err), err.Transient())
	}
}
