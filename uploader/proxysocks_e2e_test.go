package uploader_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hoist/internal/testproxy"
	"hoist/uploader"
)

// SOCKS entries of a PAC answer ("SOCKS5 host:port", "SOCKS host:port") in a chain, over
// loopback with internal/testproxy's SOCKS5 proxy: the server's name goes to the proxy,
// which alone knows it.

func socksURL(addr string) string { return "socks5://" + addr }

func TestE2EPACSOCKSFallback(t *testing.T) {
	for _, tls := range []bool{true, false} {
		name := map[bool]string{true: "https", false: "http"}[tls]
		t.Run(name+" past a dead one", func(t *testing.T) {
			live := testproxy.StartSOCKS(t)
			o := newOffice(t, tls, "SOCKS5 DEAD; SOCKS5 LIVE; DIRECT", map[string]string{"LIVE": live.Addr})
			live.Alias = o.hosts
			if _, err := o.post("one"); err != nil {
				t.Fatal(err)
			}
			if live.Connects.Load() != 1 || o.got.Load() != 1 {
				t.Errorf("%d tunnels through the live proxy, %d requests at the server: want 1, 1", live.Connects.Load(), o.got.Load())
			}
			if asked, _ := live.Asked.Load().(string); asked != o.target {
				t.Errorf("the proxy was asked for %q, want the server's name %q", asked, o.target)
			}
			if o.dialed(o.target) != 0 {
				t.Error("the server was dialed directly too")
			}
			if r := o.route(); !r.Equal(pacRoute(o, socksURL(live.Addr), socksURL(hostport(o.dead[0])))) {
				t.Errorf("route %+v, want through %s past %s", r, live.Addr, o.dead[0])
			}
		})
		// RFC 1928's reply 5, connection refused: the proxy cannot reach the server, the
		// next entry may.
		t.Run(name+" past a refusing one", func(t *testing.T) {
			refusing, live := testproxy.StartSOCKS(t), testproxy.StartSOCKS(t)
			refusing.Reply = 5
			o := newOffice(t, tls, "SOCKS REFUSING; SOCKS LIVE; DIRECT", map[string]string{"REFUSING": refusing.Addr, "LIVE": live.Addr})
			live.Alias = o.hosts
			if _, err := o.post("two"); err != nil {
				t.Fatal(err)
			}
			if asked, _ := refusing.Asked.Load().(string); asked != o.target || live.Connects.Load() != 1 || o.got.Load() != 1 {
				t.Errorf("the refusing proxy was asked for %q, %d tunnels through the live one, %d requests at the server: want %s, 1, 1",
					asked, live.Connects.Load(), o.got.Load(), o.target)
			}
			if r := o.route(); !r.Equal(pacRoute(o, socksURL(live.Addr), socksURL(refusing.Addr))) {
				t.Errorf("route %+v, want through %s past %s", r, live.Addr, refusing.Addr)
			}
		})
	}
}

// An upload to Scene7 and Test connection through a PAC file's second SOCKS proxy, the
// first one being down: every file arrives, and Test connection names the route.
func TestE2EPACSOCKSUpload(t *testing.T) {
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	s, srv := tlsBox(t)
	live := testproxy.StartSOCKS(t)
	dead := closedPort(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "https://"))
	live.Alias = map[string]string{officeHost + ":" + port: "127.0.0.1:" + port}
	pac := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `function FindProxyForURL(url, host) { return "SOCKS5 %s; SOCKS5 %s"; }`, dead, live.Addr)
	}))
	defer pac.Close()
	uploader.UseSystemPAC(t, pac.URL+"/proxy.pac")

	c := trustingClient(srv)
	uploader.DialWith(c.HTTP, loopbackOnly)
	c.HTTP.Transport.(*http.Transport).TLSClientConfig.ServerName = "example.com" // in httptest's certificate
	conn := demoScene7(t, "https://"+officeHost+":"+port, true)
	items := awkwardTree(t)
	res, err := c.Upload(context.Background(), uploader.Request{Conn: conn, JobName: "socks", DestFolder: "spring/2026", Options: uploader.DefaultOptions(), Items: items}, nil)
	if err != nil {
		t.Fatal(err)
	}
	(&box{Server: s}).checkScene7(t, items, res, 1)
	if live.Connects.Load() == 0 {
		t.Fatal("no tunnel through the SOCKS proxy")
	}
	v, err := uploader.TestConnection(context.Background(), c.HTTP, conn)
	want := uploader.ProxyRoute{Proxy: socksURL(live.Addr), Source: uploader.ProxyAutoConfig, Script: pac.URL + "/proxy.pac", Skipped: []string{socksURL(dead)}}
	if err != nil || !v.OK || !v.Route.Equal(want) {
		t.Fatalf("verdict %+v, %v: want OK by %+v", v, err, want)
	}
}
