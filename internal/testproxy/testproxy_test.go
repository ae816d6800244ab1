package testproxy

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/proxy"
)

// The proxy forwards plain http, tunnels https with CONNECT, reaches a name only it
// knows, counts each, and turns away whoever does not bring its login.
func TestProxyForwardsTunnelsAndAsksForItsLogin(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "plain "+r.Host) }))
	defer plain.Close()
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "tunnelled") }))
	defer tls.Close()

	p := Start(t, "")
	hostport := strings.TrimPrefix(plain.URL, "http://")
	_, port, _ := strings.Cut(hostport, ":")
	p.Alias = map[string]string{"intranet.test:" + port: hostport}
	client := func(proxy string, base *http.Client) *http.Client {
		u, err := url.Parse(proxy)
		if err != nil {
			t.Fatal(err)
		}
		tr := base.Transport.(*http.Transport).Clone()
		tr.Proxy = http.ProxyURL(u)
		return &http.Client{Transport: tr}
	}
	get := func(c *http.Client, u string) (int, string) {
		t.Helper()
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	if code, body := get(client(p.URL, plain.Client()), "http://intranet.test:"+port+"/"); code != 200 || body != "plain "+hostport {
		t.Errorf("forwarded: %d %q", code, body)
	}
	if code, body := get(client(p.URL, tls.Client()), tls.URL); code != 200 || body != "tunnelled" {
		t.Errorf("tunnelled: %d %q", code, body)
	}
	if f, c := p.Forwarded.Load(), p.Connects.Load(); f != 1 || c != 1 {
		t.Errorf("counted %d forwarded, %d tunnels; want 1 and 1", f, c)
	}

	locked := Start(t, "Basic b2ZmaWNlOnNlY3JldA==") // office:secret
	if code, _ := get(client(locked.URL, plain.Client()), plain.URL); code != http.StatusProxyAuthRequired {
		t.Errorf("without the login: %d, want 407", code)
	}
	withLogin := strings.Replace(locked.URL, "http://", "http://office:secret@", 1)
	if code, _ := get(client(withLogin, plain.Client()), plain.URL); code != 200 {
		t.Errorf("with the login: %d", code)
	}
	if locked.Forwarded.Load() != 1 {
		t.Errorf("the locked proxy forwarded %d requests, want 1 (the one with the login)", locked.Forwarded.Load())
	}
}

// The SOCKS5 proxy tunnels to an IPv4 address, a name only it knows and an IPv6 address
// (when this machine has ::1), refuses with the reply code it is given, and turns away a
// client that offers no method without a login.
func TestSOCKSTunnelsEachAddressType(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "reached") }))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	_, port, _ := net.SplitHostPort(addr)
	targets := []string{addr, "intranet.test:" + port}
	if l, err := net.Listen("tcp", "[::1]:0"); err == nil {
		v6 := &http.Server{Handler: srv.Config.Handler}
		go v6.Serve(l)
		defer v6.Close()
		targets = append(targets, l.Addr().String())
	} else {
		t.Logf("no IPv6 loopback (%v): IPv6 addresses not tried", err)
	}
	s := StartSOCKS(t)
	s.Alias = map[string]string{"intranet.test:" + port: addr}
	get := func(socks, target string) (string, error) {
		d, err := proxy.SOCKS5("tcp", socks, nil, proxy.Direct)
		if err != nil {
			return "", err
		}
		tr := &http.Transport{DialContext: d.(proxy.ContextDialer).DialContext}
		defer tr.CloseIdleConnections()
		resp, err := (&http.Client{Transport: tr}).Get("http://" + target + "/")
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	for i, target := range targets {
		if body, err := get(s.Addr, target); err != nil || body != "reached" {
			t.Errorf("%s: %q, %v", target, body, err)
		}
		if asked, _ := s.Asked.Load().(string); asked != target {
			t.Errorf("the proxy was asked for %q, want %q", asked, target)
		}
		if n := s.Connects.Load(); n != int32(i+1) {
			t.Errorf("after %s: %d tunnels", target, n)
		}
	}

	refusing := StartSOCKS(t)
	refusing.Reply = 5
	if _, err := get(refusing.Addr, addr); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("a refusing proxy: %v, want connection refused", err)
	}

	c, err := net.Dial("tcp", s.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var answer [2]byte
	if _, err := c.Write([]byte{5, 1, 2}); err != nil { // username/password only
		t.Fatal(err)
	}
	if _, err := io.ReadFull(c, answer[:]); err != nil || answer != [2]byte{5, 0xff} {
		t.Errorf("a login-only client got %v, %v: want 5 255 (no acceptable method)", answer, err)
	}
}
