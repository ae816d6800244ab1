package uploader

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/proxy"
)

// The dial step of a proxy chain (proxychain.go): each entry in turn until one gives a
// connection on which the transport can send the request. Only failures to connect pass
// to the next entry, all of them before the request's first byte (for an http server the
// connection to a proxy is the last step: once made, the request goes to that proxy, and
// whatever happens then is the request's failure, never sent again elsewhere):
//   - the proxy (or, for DIRECT, the server) could not be connected to: refused, no route,
//     its name not found or its name server not reached, no answer within the connect
//     timeout (30 s, bodyconn.go);
//   - an https proxy ("HTTPS host:port", checked as a single one is: proxyRoots) whose
//     TLS handshake failed (the server's own TLS, inside the tunnel, still protects the
//     request whichever entry carries it);
//   - a proxy that closed the connection or said nothing within proxyAnswerTimeout
//     instead of answering CONNECT, or answered it with a 5xx (it cannot reach the server
//     or is overloaded: another proxy may do better); a SOCKS proxy that could not open
//     the connection.
// Not passed over: a proxy that asks for a login (407: *ProxyAuthError, so people learn
// that it wants one, as with a single proxy) or that refuses the server with a 4xx (its
// rule, which the next proxy of the same company would apply too), and a dial ended by
// its context.

// dialFunc opens connections, as http.Transport.DialContext does.
type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// proxyAnswerTimeout bounds the wait for a proxy's answers once connected (an https
// proxy's TLS handshake, its answer to CONNECT, a SOCKS proxy's answers; throughProxy): a
// proxy on the company network answers in milliseconds, and one that accepts connections
// but never answers must not hold the upload before the next entry.
const proxyAnswerTimeout = 30 * time.Second

// ProxyChainError is a server that none of the ways to it reached: every proxy (and
// DIRECT, when listed) of the system settings' list failed to connect, in order; or the
// one proxy a request went through could not be connected to (Tries of one: namedProxy,
// proxyerr.go). It does not unwrap to the tries' errors: a proxy's unknown name is not the
// server's.
type ProxyChainError struct {
	Target string      // the server's host:port
	Tries  []ProxyTry  // every entry tried, in the order tried
	Source ProxySource // the setting that named the proxies
}

// ProxyTry is one entry of a chain that failed.
type ProxyTry struct {
	Proxy string // the proxy's URL without credentials; "" for directly
	Err   error
}

func (e *ProxyChainError) Error() string {
	parts := make([]string, len(e.Tries))
	for i, t := range e.Tries {
		way := "directly"
		if t.Proxy != "" {
			way = "proxy " + t.Proxy
		}
		parts[i] = way + ": " + t.Err.Error()
	}
	return "no way to " + e.Target + " answered (" + strings.Join(parts, "; ") + ")"
}

// Proxies are the proxies tried, in order, without directly.
func (e *ProxyChainError) Proxies() []string {
	var out []string
	for _, t := range e.Tries {
		if t.Proxy != "" {
			out = append(out, t.Proxy)
		}
	}
	return out
}

// ProxyTunnelError is a proxy that answered CONNECT with another status than 200 or 407.
type ProxyTunnelError struct {
	Proxy  string // without credentials
	Target string // the server's host:port
	Status int
	Source ProxySource // the setting that named the proxy (ProxyUnknown when not known)
}

func (e *ProxyTunnelError) Error() string {
	return fmt.Sprintf("proxy %s answered %d %s to the tunnel for %s", e.Proxy, e.Status, http.StatusText(e.Status), e.Target)
}

// dialer is the transport's DialContext: an address of a chain runs the chain, any other
// goes to inner.
func (p *ProxyResolver) dialer(inner dialFunc) dialFunc {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c := p.chainAt(addr)
		if c == nil {
			return inner(ctx, network, addr)
		}
		return p.dialChain(ctx, network, c, inner)
	}
}

func (p *ProxyResolver) dialChain(ctx context.Context, network string, c *proxyChain, inner dialFunc) (net.Conn, error) {
	order, _ := p.order(c)
	roots := p.proxyRoots()
	var tries []ProxyTry
	for _, e := range order {
		conn, err := dialEntry(ctx, network, c, e, inner, roots)
		if err == nil {
			p.answered(e)
			return conn, nil
		}
		if !passOver(ctx, err) {
			return nil, withSource(err, c.base.Source)
		}
		p.failedNow(e)
		tries = append(tries, ProxyTry{Proxy: entryName(e), Err: err})
	}
	return nil, &ProxyChainError{Target: c.target, Tries: tries, Source: c.base.Source}
}

// passOver reports whether a failure of one entry sends the dial on to the next.
func passOver(ctx context.Context, err error) bool {
	var te *ProxyTunnelError
	switch {
	case ctx.Err() != nil, errors.As(err, new(*ProxyAuthError)):
		return false
	case errors.As(err, &te):
		return te.Status >= 500
	}
	return true
}

// proxyRoots are the certificates an https proxy of a chain is checked against: those the
// transport checks servers against (nil: the system's; with a CA file, the system's and
// the file's, cafile.go), as net/http checks a single https proxy. Hoist never turns the
// check off.
func (p *ProxyResolver) proxyRoots() *x509.CertPool {
	p.mu.Lock()
	t := p.transport
	p.mu.Unlock()
	if t == nil || t.TLSClientConfig == nil {
		return nil
	}
	return t.TLSClientConfig.RootCAs
}

// dialEntry connects to c's server through e (nil: directly); roots are the certificates
// an https proxy is checked against.
func dialEntry(ctx context.Context, network string, c *proxyChain, e *url.URL, inner dialFunc, roots *x509.CertPool) (net.Conn, error) {
	if e == nil {
		return inner(ctx, network, c.target)
	}
	conn, err := inner(ctx, network, e.Host)
	if err != nil {
		return nil, err
	}
	return throughProxy(ctx, conn, e, c, roots)
}

// throughProxy makes conn, just connected to the proxy e, a way to c's server. The
// proxy's part (the TLS handshake of an https proxy, its answer to CONNECT, a SOCKS
// proxy's answers) is bounded as a whole by proxyAnswerTimeout, and by ctx: net/http
// dials with a context without a deadline, so a proxy that accepts the connection and
// then says nothing would otherwise hold the chain for good (TLS and SOCKS wait as long
// as their context lets them).
func throughProxy(ctx context.Context, conn net.Conn, e *url.URL, c *proxyChain, roots *x509.CertPool) (net.Conn, error) {
	_ = conn.SetDeadline(time.Now().Add(proxyAnswerTimeout))
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	out, err := proxyHandshake(conn, e, c, roots)
	if !stop() && err == nil {
		err = ctx.Err() // the deadline may be in the past already: the connection is unusable
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	return out, nil
}

// proxyHandshake is what is said to the proxy on conn before the request.
func proxyHandshake(conn net.Conn, e *url.URL, c *proxyChain, roots *x509.CertPool) (net.Conn, error) {
	if e.Scheme == "socks5" || e.Scheme == "socks5h" {
		// conn is the connection to the proxy; golang.org/x/net/proxy speaks SOCKS on
		// it. Its context is Background: the deadline set on conn bounds the talk.
		given := dialFunc(func(context.Context, string, string) (net.Conn, error) { return conn, nil })
		d, err := proxy.SOCKS5("tcp", e.Host, nil, given)
		if err != nil {
			return nil, err
		}
		if _, err := d.(proxy.ContextDialer).DialContext(context.Background(), "tcp", c.target); err != nil {
			return nil, err
		}
		return conn, nil // not its wrapper: conn may be a bodyConn, which streams bodies faster
	}
	if e.Scheme == "https" {
		// Checked as net/http checks a single https proxy (proxyRoots): the proxy sees
		// the server's name, and an http server's whole request. HTTP/1.1 only, as
		// CONNECT and the absolute form are spoken to it.
		tc := tls.Client(conn, &tls.Config{ServerName: e.Hostname(), RootCAs: roots})
		if err := tc.Handshake(); err != nil {
			return nil, err
		}
		conn = tc
	}
	if !c.tunnel {
		return conn, nil // the transport sends the request in the absolute form a proxy takes
	}
	if err := connect(conn, e, c.target); err != nil {
		return nil, err
	}
	return conn, nil
}

// Dial and DialContext make a dialFunc the forward dialer of golang.org/x/net/proxy.
func (d dialFunc) Dial(network, addr string) (net.Conn, error) {
	return d(context.Background(), network, addr)
}

func (d dialFunc) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return d(ctx, network, addr)
}

// connect asks the proxy on conn for a tunnel to target, as net/http's transport does
// for a single proxy.
func connect(conn net.Conn, e *url.URL, target string) error {
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: target}, Host: target, Header: http.Header{}}
	if err := req.Write(conn); err != nil {
		return err
	}
	// The TLS client speaks first in the tunnel, so nothing is read past the answer.
	// Its body is not read: a 200 to CONNECT has none, and on any other answer the
	// connection is closed.
	res, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		return err
	}
	switch res.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusProxyAuthRequired:
		return &ProxyAuthError{Proxy: e.Redacted()}
	}
	return &ProxyTunnelError{Proxy: e.Redacted(), Target: target, Status: res.StatusCode}
}
