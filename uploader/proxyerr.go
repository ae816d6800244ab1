package uploader

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
)

// A request that fails at its proxy must say so, naming the proxy and the setting that
// named it (the --proxy flag, the connection's setting, the environment, the system's
// settings or PAC file), so that the advice people get is about the setting they can
// change: net/http reports such failures as its own text ("Bad Gateway"), or wraps them
// in a *net.OpError "proxyconnect" that names neither, and a proxy's unknown name would
// then read as the server's.

// namedProxy completes err, the failure of req sent with client, when the proxy is what
// failed: a refusal (*ProxyAuthError, *ProxyTunnelError) gets the setting that named the
// proxy; a proxy that could not be connected to, or that failed the request before it
// had a connection (closed it instead of answering CONNECT, a SOCKS refusal, a tunnel
// cut during the server's TLS handshake), becomes a *ProxyChainError of that one proxy.
// connected is whether req got a connection (connTrace). Any other error is returned as
// it is.
func namedProxy(client *http.Client, req *http.Request, err error, connected bool) error {
	if err == nil || req == nil || req.URL == nil {
		return err
	}
	var (
		pa *ProxyAuthError
		te *ProxyTunnelError
		op *net.OpError
	)
	switch {
	case errors.As(err, &pa), errors.As(err, &te):
		if (pa != nil && pa.Source == ProxyUnknown) || (te != nil && te.Source == ProxyUnknown) {
			return withSource(err, RouteFor(client, req.URL.String()).Source)
		}
		return err // a chain's dialer named the setting
	case errors.As(err, new(*ProxyChainError)):
		return err // a chain's dialer named its proxies
	case errors.As(err, &op) && op.Op == "proxyconnect":
		route := RouteFor(client, req.URL.String())
		if route.Proxy == "" {
			return err
		}
		named := *op
		named.Err = oneProxy(req, route, op.Err)
		if ue, ok := err.(*url.Error); ok && ue.Err == op {
			return &url.Error{Op: ue.Op, URL: ue.URL, Err: &named}
		}
		if err == error(op) {
			return &named
		}
	case !connected && beforeServer(err):
		route := RouteFor(client, req.URL.String())
		if route.Proxy == "" {
			return err
		}
		if ue, ok := err.(*url.Error); ok {
			return &url.Error{Op: ue.Op, URL: ue.URL, Err: oneProxy(req, route, ue.Err)}
		}
		return oneProxy(req, route, err)
	}
	return err
}

// oneProxy is the failure err of the one proxy of route, on the way to req's server.
func oneProxy(req *http.Request, route ProxyRoute, err error) *ProxyChainError {
	return &ProxyChainError{Target: dialAddr(req.URL), Source: route.Source, Tries: []ProxyTry{{Proxy: route.Proxy, Err: err}}}
}

// beforeServer reports whether err, a request's failure before it had a connection, is
// one that only the proxy (or the tunnel it opened) can have caused: not a timeout or a
// cancellation (the server's TLS handshake through the tunnel may be the slow part), and
// not the server's certificate or TLS alert.
func beforeServer(err error) bool {
	var (
		alert  tls.AlertError
		record tls.RecordHeaderError
		t      interface{ Timeout() bool }
	)
	return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) &&
		!(errors.As(err, &t) && t.Timeout()) && !BadCertificate(err) &&
		!errors.As(err, &alert) && !errors.As(err, &record)
}

// connTrace is ctx with a trace that records whether the request made with it got a
// connection: until then, a request through a proxy is with the proxy alone.
func connTrace(ctx context.Context) (context.Context, *atomic.Bool) {
	var connected atomic.Bool
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { connected.Store(true) }}), &connected
}

// proxyLoginAnswer is the *ProxyAuthError of an answer with status to req, when it is a
// proxy's 407: a request to an http server goes to the proxy in full, and the proxy
// answers it instead of the server. Nil for any other answer, and for a request that
// went through no proxy (only a proxy answers 407).
func proxyLoginAnswer(client *http.Client, req *http.Request, status int) error {
	if status != http.StatusProxyAuthRequired {
		return nil
	}
	route := RouteFor(client, req.URL.String())
	if route.Proxy == "" {
		return nil
	}
	return &ProxyAuthError{Proxy: route.Proxy, Source: route.Source, PlainHTTP: req.URL.Scheme == "http"}
}

// withSource records in err's proxy refusal the setting that named the proxy, when it is
// not known yet. Each refusal is made for one request, so it is completed in place.
func withSource(err error, source ProxySource) error {
	var (
		pa *ProxyAuthError
		te *ProxyTunnelError
	)
	if errors.As(err, &pa) && pa.Source == ProxyUnknown {
		pa.Source = source
	}
	if errors.As(err, &te) && te.Source == ProxyUnknown {
		te.Source = source
	}
	return err
}

// proxyNamesUnknown reports whether err is proxies that could not be connected to only
// because their names do not exist (a mistyped --proxy): trying again cannot help, unless
// the network is down (Offline).
func proxyNamesUnknown(err error) bool {
	var pc *ProxyChainError
	if !errors.As(err, &pc) || len(pc.Tries) == 0 {
		return false
	}
	for _, t := range pc.Tries {
		if _, notFound := dnsError(t.Err); !notFound || Offline(t.Err) {
			return false
		}
	}
	return true
}

// proxyRefusal reports whether err is a proxy that refused the tunnel by its rule (a 4xx
// answer to CONNECT other than 407): the same request meets the same rule.
func proxyRefusal(err error) bool {
	var te *ProxyTunnelError
	return errors.As(err, &te) && te.Status >= 400 && te.Status < 500
}
