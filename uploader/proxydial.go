package uploader

import (
	"bufio"
	"context"
	"crypto/tls"
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
//   - an https proxy ("HTTPS host:port", checked against the system's certificates) whose
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

// proxyAnswerTimeout bounds the wait for a proxy's answer to CONNECT once connected: a
// proxy on the company network answers in milliseconds, and one that accepts connections
// but never answers must not hold the upload for net/http's minute before the next entry.
const proxyAnswerTimeout = 30 * time.Second

// ProxyChainError is a server that none of the ways the system settings name for it
// reached: every proxy (and DIRECT, when listed) failed to connect, in order. It does not
// unwrap to the tries' errors: a proxy's unknown name is not the server's.
type ProxyChainError struct {
	Target string     // the server's host:port
	Tries  []ProxyTry // every entry tried, in the order tried
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
	var tries []ProxyTry
	for _, e := range order {
		conn, err := dialEntry(ctx, network, c, e, inner)
		if err == nil {
			p.answered(e)
			return conn, nil
		}
		if !passOver(ctx, err) {
			return nil, err
		}
		p.failedNow(e)
		tries = append(tries, ProxyTry{Proxy: entryName(e), Err: err})
	}
	return nil, &ProxyChainError{Target: c.target, Tries: tries}
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

// dialEntry connects to c's server through e (nil: directly).
func dialEntry(ctx context.Context, network string, c *proxyChain, e *url.URL, inner dialFunc) (net.Conn, error) {
	switch {
	case e == nil:
		return inner(ctx, network, c.target)
	case e.Scheme == "socks5" || e.Scheme == "socks5h":
		d, err := proxy.SOCKS5(network, e.Host, nil, inner)
		if err != nil {
			return nil, err
		}
		return d.(proxy.ContextDialer).DialContext(ctx, network, c.target)
	}
	conn, err := inner(ctx, network, e.Host)
	if err != nil {
		return nil, err
	}
	if e.Scheme == "https" {
		tc := tls.Client(conn, &tls.Config{ServerName: e.Hostname()})
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, err
		}
		conn = tc
	}
	if !c.tunnel {
		return conn, nil // the transport sends the request in the absolute form a proxy takes
	}
	if err := connect(ctx, conn, e, c.target); err != nil {
		conn.Close()
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
func connect(ctx context.Context, conn net.Conn, e *url.URL, target string) error {
	_ = conn.SetDeadline(time.Now().Add(proxyAnswerTimeout))
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
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
	if !stop() {
		return ctx.Err()
	}
	_ = conn.SetDeadline(time.Time{})
	switch res.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusProxyAuthRequired:
		return &ProxyAuthError{Proxy: e.Redacted()}
	}
	return &ProxyTunnelError{Proxy: e.Redacted(), Target: target, Status: res.StatusCode}
}
