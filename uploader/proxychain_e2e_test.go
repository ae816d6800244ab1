package uploader_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"hoist/internal/testproxy"
	"hoist/uploader"
)

// A PAC file's several ways to a server ("PROXY a; PROXY b; DIRECT") are tried in turn,
// as browsers do, all over loopback: a proxy on a closed port, real forward proxies
// (internal/testproxy), and a server whose name only this test's "network" knows: the
// proxies' aliases and the direct dials (hostsDial) map it to 127.0.0.1.

const officeHost = "assets.office.test"

// office is one test's network: the server, its address under officeHost, and the
// client that reaches it with the system's PAC file.
type office struct {
	t      *testing.T
	srv    *httptest.Server
	target string            // officeHost:port
	hosts  map[string]string // what a direct dial of a name reaches
	script string            // the PAC file's address
	dead   [2]string         // the proxies "DEAD" and "DEAD2" of the PAC answer, as URLs
	client *http.Client
	got    atomic.Int32 // requests the server answered
	dials  sync.Map     // address → *atomic.Int32: the client's dials of it
}

// dialed is how many times the client dialed addr.
func (o *office) dialed(addr string) int32 {
	n, _ := o.dials.LoadOrStore(addr, new(atomic.Int32))
	return n.(*atomic.Int32).Load()
}

// newOffice starts a server (https when tls) that answers every request with its body,
// and a PAC file that answers pac, in which "DEAD", "DEAD2" stand for closed ports and
// the names of proxies for their addresses.
func newOffice(t *testing.T, tls bool, pac string, proxies map[string]string) *office {
	t.Helper()
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	o := &office{t: t}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.got.Add(1)
		b, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %s", r.Method, b)
	})
	if tls {
		o.srv = httptest.NewTLSServer(h)
	} else {
		o.srv = httptest.NewServer(h)
	}
	t.Cleanup(o.srv.Close)
	_, port, _ := net.SplitHostPort(o.srv.Listener.Addr().String())
	o.target = officeHost + ":" + port
	o.hosts = map[string]string{o.target: o.srv.Listener.Addr().String()}
	for name, addr := range proxies {
		pac = strings.ReplaceAll(pac, name, addr)
	}
	o.dead = [2]string{"http://" + closedPort(t), "http://" + closedPort(t)}
	pac = strings.ReplaceAll(pac, "DEAD2", hostport(o.dead[1]))
	pac = strings.ReplaceAll(pac, "DEAD", hostport(o.dead[0]))
	file := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "function FindProxyForURL(url, host) { return %q; }", pac)
	}))
	t.Cleanup(file.Close)
	o.script = file.URL + "/proxy.pac"
	uploader.UseSystemPAC(t, o.script)
	o.client = uploader.NewClient().HTTP
	if tls {
		tr := o.client.Transport.(*http.Transport)
		tr.TLSClientConfig = o.srv.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
		tr.TLSClientConfig.ServerName = "example.com" // in httptest's certificate
	}
	uploader.DialWith(o.client, func(ctx context.Context, network, addr string) (net.Conn, error) {
		n, _ := o.dials.LoadOrStore(addr, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		if a, ok := o.hosts[addr]; ok {
			addr = a
		}
		return loopbackOnly(ctx, network, addr)
	})
	return o
}

func (o *office) url() string {
	scheme := "http"
	if o.srv.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + o.target + "/x"
}

// post sends body and returns the answer, which must be the server's echo when err is nil.
func (o *office) post(body string) (*http.Response, error) {
	o.t.Helper()
	resp, err := o.client.Post(o.url(), "text/plain", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK && string(b) != "POST "+body {
		o.t.Fatalf("the server answered %q", b)
	}
	return resp, nil
}

func (o *office) route() uploader.ProxyRoute { return uploader.RouteFor(o.client, o.url()) }

// closedPort is 127.0.0.1:PORT where nothing listens: connecting is refused at once.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func hostport(proxyURL string) string { return strings.TrimPrefix(proxyURL, "http://") }

func pacRoute(o *office, proxy string, skipped ...string) uploader.ProxyRoute {
	return uploader.ProxyRoute{Proxy: proxy, Source: uploader.ProxyAutoConfig, Script: o.script, Skipped: skipped}
}

func TestE2EPACFallback(t *testing.T) {
	for _, tls := range []bool{true, false} {
		name := map[bool]string{true: "https", false: "http"}[tls]
		// through counts what went through p: tunnels for https, forwarded requests for http.
		through := func(p *testproxy.Proxy) int32 {
			if tls {
				return p.Connects.Load()
			}
			return p.Forwarded.Load()
		}
		t.Run(name+" next proxy", func(t *testing.T) {
			live := testproxy.Start(t, "")
			o := newOffice(t, tls, "PROXY DEAD; PROXY LIVE; DIRECT", map[string]string{"LIVE": hostport(live.URL)})
			live.Alias = o.hosts
			if _, err := o.post("one"); err != nil {
				t.Fatal(err)
			}
			if through(live) != 1 || o.got.Load() != 1 {
				t.Errorf("%d through the live proxy, %d at the server: want 1, 1", through(live), o.got.Load())
			}
			if r := o.route(); !r.Equal(pacRoute(o, live.URL, o.dead[0])) {
				t.Errorf("route %+v, want through %s past %s", r, live.URL, o.dead[0])
			}
		})
		t.Run(name+" directly", func(t *testing.T) {
			o := newOffice(t, tls, "PROXY DEAD; DIRECT", nil)
			if _, err := o.post("two"); err != nil {
				t.Fatal(err)
			}
			if o.got.Load() != 1 {
				t.Errorf("%d requests at the server", o.got.Load())
			}
			if r := o.route(); !r.Equal(pacRoute(o, "", o.dead[0])) {
				t.Errorf("route %+v, want directly past %s", r, o.dead[0])
			}
		})
	}
}

// A proxy that answers CONNECT with 502 (it cannot reach the server) is passed over.
func TestE2EPACFallbackAfterBadGateway(t *testing.T) {
	cut := testproxy.Start(t, "")
	live := testproxy.Start(t, "")
	o := newOffice(t, true, "PROXY CUT; PROXY LIVE", map[string]string{"CUT": hostport(cut.URL), "LIVE": hostport(live.URL)})
	cut.Alias = map[string]string{o.target: closedPort(t)}
	live.Alias = o.hosts
	if _, err := o.post("x"); err != nil {
		t.Fatal(err)
	}
	if cut.Connects.Load() != 1 || live.Connects.Load() != 1 || o.got.Load() != 1 {
		t.Errorf("CONNECTs %d to the cut proxy, %d to the live one, %d requests at the server: want 1, 1, 1",
			cut.Connects.Load(), live.Connects.Load(), o.got.Load())
	}
	if r := o.route(); !r.Equal(pacRoute(o, live.URL, cut.URL)) {
		t.Errorf("route %+v", r)
	}
}

// A proxy that asks for a login is the answer: the next proxy is not tried.
func TestE2EPACNoFallbackOnLogin(t *testing.T) {
	for _, tls := range []bool{true, false} {
		login := testproxy.Start(t, "Basic b2ZmaWNlOnNlY3JldA==")
		live := testproxy.Start(t, "")
		o := newOffice(t, tls, "PROXY LOGIN; PROXY LIVE; DIRECT", map[string]string{"LOGIN": hostport(login.URL), "LIVE": hostport(live.URL)})
		live.Alias = o.hosts
		resp, err := o.post("secret stays")
		var pa *uploader.ProxyAuthError
		switch {
		case tls && (!errors.As(err, &pa) || pa.Proxy != login.URL):
			t.Errorf("https: error %v, want the login proxy's 407", err)
		case !tls && (err != nil || resp.StatusCode != http.StatusProxyAuthRequired):
			t.Errorf("http: %v, %v: want the login proxy's 407", resp, err)
		}
		if live.Connects.Load()+live.Forwarded.Load() != 0 || o.got.Load() != 0 {
			t.Errorf("tls %v: after a 407 the request went on (%d at the next proxy, %d at the server)", tls,
				live.Connects.Load()+live.Forwarded.Load(), o.got.Load())
		}
	}
}

// refusing is a proxy that accepts connections and closes them at once, counting them.
func refusing(t *testing.T) (addr string, accepted *atomic.Int32) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	accepted = new(atomic.Int32)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	return l.Addr().String(), accepted
}

// A proxy that failed is not tried again by the next requests (on new connections), so
// they do not wait for it. Over https the failing proxy accepts connections and closes
// them before answering CONNECT; over http a proxy counts as failed only when it cannot
// be connected to (once connected, the request goes to it: nothing is sent twice), so
// there it is a closed port.
func TestE2EPACFailedProxySkipped(t *testing.T) {
	for _, tls := range []bool{true, false} {
		broken, accepted := refusing(t)
		live := testproxy.Start(t, "")
		pac := "PROXY DEAD; PROXY LIVE"
		if tls {
			pac = "PROXY BROKEN; PROXY LIVE"
		}
		o := newOffice(t, tls, pac, map[string]string{"BROKEN": broken, "LIVE": hostport(live.URL)})
		if !tls {
			broken = hostport(o.dead[0])
		}
		live.Alias = o.hosts
		for i := range 3 {
			o.client.CloseIdleConnections() // each request on a new connection
			if _, err := o.post(fmt.Sprint(i)); err != nil {
				t.Fatal(err)
			}
		}
		if o.dialed(broken) != 1 || o.dialed(hostport(live.URL)) != 3 || o.got.Load() != 3 {
			t.Errorf("tls %v: the failed proxy was dialed %d times, the live one %d, %d requests arrived: want 1, 3, 3",
				tls, o.dialed(broken), o.dialed(hostport(live.URL)), o.got.Load())
		}
		if tls && accepted.Load() != 1 {
			t.Errorf("the broken proxy took %d connections", accepted.Load())
		}
	}
}

// When no entry answers, the error names every one tried, in order.
func TestE2EPACAllFail(t *testing.T) {
	for _, tls := range []bool{true, false} {
		o := newOffice(t, tls, "PROXY DEAD; PROXY DEAD2; DIRECT", nil)
		o.hosts[o.target] = closedPort(t) // the server is down too
		_, err := o.post("lost")
		var ce *uploader.ProxyChainError
		if !errors.As(err, &ce) {
			t.Fatalf("tls %v: error %v, want a *ProxyChainError", tls, err)
		}
		if len(ce.Tries) != 3 || ce.Tries[2].Proxy != "" || ce.Target != o.target {
			t.Fatalf("tls %v: %+v", tls, ce)
		}
		if ps := ce.Proxies(); !slices.Equal(ps, o.dead[:]) {
			t.Errorf("proxies %v, want %v", ps, o.dead)
		}
		if !strings.Contains(err.Error(), "directly") {
			t.Errorf("%v does not say that going directly failed too", err)
		}
	}
}
