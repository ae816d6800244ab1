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

// loopbackOnly dials loopback addresses only, so a test whose proxy routing failed can
// never reach out to a real host.
func loopbackOnly(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("test: no dial to %s outside loopback", addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

// The office as on a Mac whose network uses a PAC file: Hoist fetches the file, runs it,
// and the upload and Test connection go through the proxy it names to a server that only
// the proxy can reach (its name exists only in the proxy's table), after the first proxy
// it names, which is down; Test connection says the proxy came from the PAC file and that
// the first one did not answer.
func TestE2ESystemPACProxy(t *testing.T) {
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	s, srv := tlsBox(t)
	p := testproxy.Start(t, "")
	dead := closedPort(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "https://"))
	const office = "assets.office.test"
	p.Alias = map[string]string{office + ":" + port: "127.0.0.1:" + port}
	pac := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `function FindProxyForURL(url, host) {
  if (dnsDomainIs(host, ".office.test")) { return "PROXY %s; PROXY %s; DIRECT"; }
  return "DIRECT";
}`, dead, strings.TrimPrefix(p.URL, "http://"))
	}))
	defer pac.Close()
	uploader.UseSystemPAC(t, pac.URL+"/proxy.pac")

	c := trustingClient(srv)
	uploader.DialWith(c.HTTP, loopbackOnly)
	tr := c.HTTP.Transport.(*http.Transport)
	tr.TLSClientConfig.ServerName = "example.com" // in httptest's certificate
	base := "https://" + office + ":" + port
	conn := demoScene7(t, base, true)
	items := awkwardTree(t)
	res, err := c.Upload(context.Background(), uploader.Request{Conn: conn, JobName: "pac", DestFolder: "spring/2026", Options: uploader.DefaultOptions(), Items: items}, nil)
	if err != nil {
		t.Fatal(err)
	}
	(&box{Server: s}).checkScene7(t, items, res, 1)
	if p.Connects.Load() == 0 {
		t.Fatal("no CONNECT reached the proxy")
	}
	v, err := uploader.TestConnection(context.Background(), c.HTTP, conn)
	want := uploader.ProxyRoute{Proxy: p.URL, Source: uploader.ProxyAutoConfig, Script: pac.URL + "/proxy.pac", Skipped: []string{"http://" + dead}}
	if err != nil || !v.OK || !v.Route.Equal(want) {
		t.Fatalf("verdict %+v, %v: want OK by %+v", v, err, want)
	}

	// Loopback itself is never sent to a system proxy.
	if r := uploader.RouteFor(c.HTTP, srv.URL); r.Proxy != "" || r.Source != uploader.ProxyDirect {
		t.Errorf("loopback route %+v", r)
	}
}
