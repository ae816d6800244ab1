// Package testproxy is a forward proxy on loopback for tests, as companies run one:
// CONNECT tunnels for https, plain forwarding for http, optionally asking for a login
// (407), reached over TLS (StartTLS) and reaching names only it knows; and a SOCKS5 proxy
// (socks.go). They count what they tunnel and forward, so a test can tell that its
// requests really went through them.
package testproxy

import (
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// Proxy is a running forward proxy; it stops when the test ends.
type Proxy struct {
	// URL is the proxy's address, http://127.0.0.1:PORT.
	URL string
	// Login, when set, is the Proxy-Authorization value the proxy wants: whoever does not
	// send it is answered 407 with a Basic challenge.
	Login string
	// Alias maps host:port names that exist only for the proxy (an intranet's) to the
	// loopback address that serves them. Set it before the first request.
	Alias map[string]string
	// Connects counts the CONNECT tunnels opened, Forwarded the plain requests forwarded.
	Connects, Forwarded atomic.Int32
	// Cert is the certificate of a proxy started with StartTLS, nil otherwise.
	Cert *x509.Certificate
}

// Start runs a proxy until the test ends; login is its Login ("" asks for none).
func Start(t testing.TB, login string) *Proxy {
	t.Helper()
	p := &Proxy{Login: login}
	srv := httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

// StartTLS runs a proxy that clients reach over TLS (a PAC file's "HTTPS host:port") until
// the test ends, with httptest's certificate (for 127.0.0.1, ::1 and example.com), which
// no system trusts: URL is https://127.0.0.1:PORT.
func StartTLS(t testing.TB, login string) *Proxy {
	t.Helper()
	p := &Proxy{Login: login}
	srv := httptest.NewTLSServer(http.HandlerFunc(p.serve))
	t.Cleanup(srv.Close)
	p.URL, p.Cert = srv.URL, srv.Certificate()
	return p
}

func (p *Proxy) dialAddr(hostport string) string {
	if a, ok := p.Alias[hostport]; ok {
		return a
	}
	return hostport
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	if p.Login != "" && r.Header.Get("Proxy-Authorization") != p.Login {
		w.Header().Set("Proxy-Authenticate", `Basic realm="office"`)
		http.Error(w, "login first", http.StatusProxyAuthRequired)
		return
	}
	if r.Method == http.MethodConnect {
		p.Connects.Add(1)
		p.tunnel(w, r)
		return
	}
	p.Forwarded.Add(1)
	p.forward(w, r)
}

// tunnel joins the client to the host it asked for, byte for byte, both ways.
func (p *Proxy) tunnel(w http.ResponseWriter, r *http.Request) {
	up, err := net.Dial("tcp", p.dialAddr(r.Host))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusOK)
	down, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		up.Close()
		return
	}
	go func() {
		_, _ = io.Copy(up, buf)
		up.(*net.TCPConn).CloseWrite()
	}()
	_, _ = io.Copy(down, up)
	down.Close()
	up.Close()
}

// forward sends a plain request on to its server, without the proxy's login, and copies
// the answer back.
func (p *Proxy) forward(w http.ResponseWriter, r *http.Request) {
	target := *r.URL
	target.Host = p.dialAddr(target.Host)
	out, err := http.NewRequestWithContext(r.Context(), r.Method, target.String(), r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out.Header = r.Header.Clone()
	out.Header.Del("Proxy-Authorization")
	out.ContentLength = r.ContentLength
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for k, v := range resp.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
