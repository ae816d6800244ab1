package uploader

import (
	"errors"
	"net"
	"net/http"
	"net/url"
)

// A request that fails at its proxy must say so, naming the proxy and the setting that
// named it (the --proxy flag, the connection's setting, the environment, the system's
// settings or PAC file), so that the advice people get is about the setting they can
// change: net/http reports such failures as its own text ("Bad Gateway"), or wraps them
// in a *net.OpError "proxyconnect" that names neither, and a proxy's unknown name would
// then read as the server's.

// namedProxy completes err, the failure of req sent with client, when the proxy is what
// failed: a refusal (*ProxyAuthError, *ProxyTunnelError) gets the setting that named the
// proxy; a proxy that could not be connected to becomes a *ProxyChainError of that one
// proxy. Any other error is returned as it is.
func namedProxy(client *http.Client, req *http.Request, err error) error {
	if err == nil || req == nil || req.URL == nil {
		return err
	}
	var (
		pa *ProxyAuthError
		te *ProxyTunnelError
		op *net.OpError
	)
	switch {
	case errors.As(err, &pa) && pa.Source == ProxyUnknown,
		errors.As(err, &te) && te.Source == ProxyUnknown:
		return withSource(err, RouteFor(client, req.URL.String()).Source)
	case errors.As(err, &op) && op.Op == "proxyconnect" && !errors.As(op.Err, new(*ProxyChainError)):
		route := RouteFor(client, req.URL.String())
		if route.Proxy == "" {
			return err
		}
		named := *op
		named.Err = &ProxyChainError{Target: dialAddr(req.URL), Source: route.Source, Tries: []ProxyTry{{Proxy: route.Proxy, Err: op.Err}}}
		if ue, ok := err.(*url.Error); ok && ue.Err == op {
			return &url.Error{Op: ue.Op, URL: ue.URL, Err: &named}
		}
		if err == error(op) {
			return &named
		}
	}
	return err
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
