package uploader

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
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
	alone := NewProxyResolver(nil) // its Proxy without its dialer: the first entry
	req, _ := http.NewRequest(http.MethodPost, "https://s7g10.scene7.com/x", nil)
	if u, _ := alone.Proxy(req); u == nil || u.Host != "a.corp:8080" {
		t.Errorf("a resolver without its dialer: proxy %v, want a.corp:8080", u)
	}
	r := NewProxyResolver(nil)
	r.Route(&http.Transport{}, nil)
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

// pipeProxy answers one CONNECT on the far end of a pipe: with status, or never when 0.
func pipeProxy(status int) net.Conn {
	near, far := net.Pipe()
	go func() {
		req, err := http.ReadRequest(bufio.NewReader(far))
		if err != nil || req.Method != http.MethodConnect {
			far.Close()
			return
		}
		if status == 0 {
			_, _ = io.Copy(io.Discard, far) // silent until the client hangs up
			return
		}
		_, _ = fmt.Fprintf(far, "HTTP/1.1 %d %s\r\n\r\n", status, http.StatusText(status))
		_, _ = io.Copy(io.Discard, far)
	}()
	return near
}

// A proxy that takes the connection but never answers CONNECT is given up after
// proxyAnswerTimeout, the next one used, and the next dial goes to that one at once. In
// a bubble (net.Pipe's deadlines run on its clock), so no time passes for real.
func TestProxyChainSilentProxy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := NewProxyResolver(nil)
		a, b := mustURL(t, "http://silent.corp:8080"), mustURL(t, "http://b.corp:8080")
		c := &proxyChain{target: "s7g10.scene7.com:443", tunnel: true, entries: []*url.URL{a, b}}
		var dialed []string
		inner := func(_ context.Context, _, addr string) (net.Conn, error) {
			dialed = append(dialed, addr)
			if addr == a.Host {
				return pipeProxy(0), nil
			}
			return pipeProxy(http.StatusOK), nil
		}
		start := time.Now()
		conn, err := r.dialChain(context.Background(), "tcp", c, inner)
		if err != nil {
			t.Fatal(err)
		}
		conn.Close()
		if waited := time.Since(start); waited != proxyAnswerTimeout {
			t.Errorf("gave the silent proxy %v, want %v", waited, proxyAnswerTimeout)
		}
		start = time.Now()
		conn, err = r.dialChain(context.Background(), "tcp", c, inner)
		if err != nil {
			t.Fatal(err)
		}
		conn.Close()
		if waited := time.Since(start); waited != 0 || !slices.Equal(dialed, []string{a.Host, b.Host, b.Host}) {
			t.Errorf("second dial waited %v, dialed %v: want b at once", waited, dialed)
		}
	})
}

// 407 ends the chain with the proxy's *ProxyAuthError, a 4xx with its *ProxyTunnelError;
// a 5xx passes on, and when nothing answers the error lists every try.
func TestProxyChainAnswers(t *testing.T) {
	a, b := mustURL(t, "http://a.corp:8080"), mustURL(t, "http://b.corp:8080")
	c := &proxyChain{target: "s7g10.scene7.com:443", tunnel: true, entries: []*url.URL{a, b}}
	for _, k := range []struct {
		statusA, statusB int
		check            func(error) bool
	}{
		{http.StatusProxyAuthRequired, http.StatusOK, func(err error) bool {
			var pa *ProxyAuthError
			return errors.As(err, &pa) && pa.Proxy == "http://a.corp:8080"
		}},
		{http.StatusForbidden, http.StatusOK, func(err error) bool {
			var te *ProxyTunnelError
			return errors.As(err, &te) && te.Status == http.StatusForbidden && te.Proxy == "http://a.corp:8080"
		}},
		{http.StatusServiceUnavailable, http.StatusBadGateway, func(err error) bool {
			var ce *ProxyChainError
			return errors.As(err, &ce) && slices.Equal(ce.Proxies(), []string{"http://a.corp:8080", "http://b.corp:8080"})
		}},
	} {
		r := NewProxyResolver(nil)
		inner := func(_ context.Context, _, addr string) (net.Conn, error) {
			if addr == a.Host {
				return pipeProxy(k.statusA), nil
			}
			return pipeProxy(k.statusB), nil
		}
		conn, err := r.dialChain(context.Background(), "tcp", c, inner)
		if conn != nil {
			conn.Close()
		}
		if !k.check(err) {
			t.Errorf("a %d, b %d: error %v", k.statusA, k.statusB, err)
		}
	}
}

// When a later look-up of the system settings no longer gives several ways (the laptop
// left the office), the server's address is no longer a chain's: the dialer goes directly.
func TestProxyChainForgottenWhenTheSettingsChange(t *testing.T) {
	clearProxyEnv(t)
	synctest.Test(t, func(t *testing.T) {
		answer := systemAnswer{proxies: []*url.URL{mustURL(t, "http://a.corp:8080"), nil}, auto: true, ok: true}
		saved := systemLookup
		systemLookup = func(*url.URL) systemAnswer { return answer }
		defer func() { systemLookup = saved }()
		r := NewProxyResolver(nil)
		r.Route(&http.Transport{}, nil)
		req, _ := http.NewRequest(http.MethodPost, "https://s7g10.scene7.com/x", nil)
		_, _ = r.Proxy(req)
		if r.chainAt("s7g10.scene7.com:443") == nil {
			t.Fatal("no chain")
		}
		answer = systemAnswer{}
		time.Sleep(routeCacheFor)
		if u, _ := r.Proxy(req); u != nil || r.chainAt("s7g10.scene7.com:443") != nil {
			t.Errorf("proxy %v, chain %v: want directly", u, r.chainAt("s7g10.scene7.com:443"))
		}
	})
}
