package uploader_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"hoist/internal/testproxy"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// A Scene7 upload over plain http (loopback) through a forwarding proxy named
// explicitly: every file lands.
func TestE2EProxyForwardsHTTP(t *testing.T) {
	b := startBox(t, 0)
	p := testproxy.Start(t, "")
	items := awkwardTree(t)
	c := testClient()
	if err := uploader.SetProxy(c.HTTP, p.URL); err != nil {
		t.Fatal(err)
	}
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), nil)
	if err != nil {
		t.Fatal(err)
	}
	b.checkScene7(t, items, res, 1)
	if p.Forwarded.Load() == 0 {
		t.Fatal("nothing went through the proxy")
	}
}

// tlsBox is the sandbox behind an https test server, and a client that trusts it.
func tlsBox(t *testing.T) (*sandbox.Server, *httptest.Server) {
	t.Helper()
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func trustingClient(srv *httptest.Server) *uploader.Client {
	c := testClient()
	c.HTTP.Transport.(*http.Transport).TLSClientConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
	return c
}

// https through CONNECT: the upload and Test connection both go through the tunnel, and
// Test connection says which proxy it used.
func TestE2EProxyTunnelsHTTPS(t *testing.T) {
	s, srv := tlsBox(t)
	p := testproxy.Start(t, "")
	c := trustingClient(srv)
	if err := uploader.SetProxy(c.HTTP, p.URL); err != nil {
		t.Fatal(err)
	}
	items := awkwardTree(t)
	conn := demoScene7(t, srv.URL, false)
	res, err := c.Upload(context.Background(), uploader.Request{Conn: conn, JobName: "e2e", DestFolder: "spring/2026", Options: uploader.DefaultOptions(), Items: items}, nil)
	if err != nil {
		t.Fatal(err)
	}
	(&box{Server: s}).checkScene7(t, items, res, 1)
	if p.Connects.Load() == 0 {
		t.Fatal("no CONNECT reached the proxy")
	}
	v, err := uploader.TestConnection(context.Background(), c.HTTP, conn)
	if err != nil || !v.OK || v.Proxy != p.URL || !strings.Contains(words.Verdict(v), "Through the proxy "+p.URL) {
		t.Fatalf("verdict %+v, %v: want OK through %s", v, err, p.URL)
	}
}

// A proxy that wants a login: said in those words, by the upload (without retrying) and
// by Test connection; with the login in HTTPS_PROXY, the upload goes through; the same
// login in --proxy or in a connection's proxy is refused before any request, without the
// password in the error.
func TestE2EProxyAsksForALogin(t *testing.T) {
	_, srv := tlsBox(t)
	p := testproxy.Start(t, "Basic b2ZmaWNlOnNlY3JldA==") // office:secret
	c := trustingClient(srv)
	if err := uploader.SetProxy(c.HTTP, p.URL); err != nil {
		t.Fatal(err)
	}
	conn := demoScene7(t, srv.URL, false)
	items := awkwardTree(t)
	req := uploader.Request{Conn: conn, JobName: "e2e", DestFolder: "p", Options: uploader.DefaultOptions(), Items: items}
	var retries atomic.Int32
	_, err := c.Upload(context.Background(), req, func(ev uploader.Event) {
		if ev.Kind == uploader.FileRetrying {
			retries.Add(1)
		}
	})
	var pa *uploader.ProxyAuthError
	if !errors.As(err, &pa) || !strings.Contains(words.Error(err), "asks for a login") || retries.Load() != 0 {
		t.Fatalf("err %v (%q), %d retries: want the proxy's login demand, at once", err, words.Error(err), retries.Load())
	}
	v, _ := uploader.TestConnection(context.Background(), c.HTTP, conn)
	if v.OK || !strings.Contains(words.Verdict(v), "asks for a login") || v.Proxy != p.URL {
		t.Fatalf("verdict %+v", v)
	}

	// The environment is the one setting a proxy's login is taken from. The server goes
	// under a name only the proxy knows: loopback never goes through the environment's
	// proxy. (A proxy of its own, whose names are set before its first request.)
	for _, k := range []string{"https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	office := testproxy.Start(t, "Basic b2ZmaWNlOnNlY3JldA==")
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "https://"))
	office.Alias = map[string]string{"assets.office.test:" + port: "127.0.0.1:" + port}
	withLogin := strings.Replace(office.URL, "http://", "http://office:secret@", 1)
	t.Setenv("HTTPS_PROXY", withLogin)
	c = trustingClient(srv)
	uploader.DialWith(c.HTTP, loopbackOnly)
	c.HTTP.Transport.(*http.Transport).TLSClientConfig.ServerName = "example.com" // in httptest's certificate
	req.Conn = demoScene7(t, "https://assets.office.test:"+port, false)
	if _, err := c.Upload(context.Background(), req, nil); err != nil || office.Connects.Load() == 0 {
		t.Fatalf("with the login in HTTPS_PROXY: %v (%d CONNECT)", err, office.Connects.Load())
	}

	connects := office.Connects.Load()
	var pp *uploader.ProxyPasswordError
	err = uploader.SetProxy(trustingClient(srv).HTTP, withLogin)
	if !errors.As(err, &pp) || pp.Source != uploader.ProxyExplicit || strings.Contains(err.Error(), "secret") {
		t.Errorf("the login in --proxy: %v", err)
	}
	req.Conn.Network.Proxy = withLogin
	_, err = trustingClient(srv).Upload(context.Background(), req, nil)
	if !errors.As(err, &pp) || pp.Source != uploader.ProxyConnection || strings.Contains(err.Error(), "secret") || office.Connects.Load() != connects {
		t.Errorf("the login in a connection's proxy: %v (%d CONNECT)", err, office.Connects.Load()-connects)
	}
}
