package testproxy

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
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
