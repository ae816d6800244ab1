package words

import (
	"errors"
	"io"
	"net"
	"syscall"

	"hoist/uploader"
)

// The proxy's errors: a proxy that wants a login, refuses the server or cannot reach it,
// could not be connected to, or (a system setting's list) none of whose entries answered.
// Each names the proxy, and the advice follows the setting that named it (the --proxy
// flag, the connection's setting, the environment, the system's settings or PAC file):
// an environment variable cannot help while --proxy, which comes first, names another.

// proxyLogin words a proxy that answered 407.
func proxyLogin(err error) (string, bool) {
	var pa *uploader.ProxyAuthError
	if !errors.As(err, &pa) {
		return "", false
	}
	advice := "err.proxy_login.system"
	switch pa.Source {
	case uploader.ProxyExplicit:
		advice = "err.proxy_login.explicit"
	case uploader.ProxyConnection:
		advice = "err.proxy_login.connection"
	case uploader.ProxyEnvironment:
		advice = "err.proxy_login.environment"
	}
	variable := "HTTPS_PROXY"
	if pa.PlainHTTP {
		variable = "HTTP_PROXY"
	}
	return join(T("err.proxy_login", A{"Proxy": pa.Proxy}), T(advice, A{"Variable": variable})), true
}

// proxyCheck is what to check about a proxy that could not be used, by the setting that
// named it.
func proxyCheck(source uploader.ProxySource) string {
	switch source {
	case uploader.ProxyExplicit:
		return T("err.proxy.check.explicit", nil)
	case uploader.ProxyConnection:
		return T("err.proxy.check.connection", nil)
	case uploader.ProxyEnvironment:
		return T("err.proxy.check.environment", nil)
	case uploader.ProxySystem:
		return T("err.proxy.check.system", nil)
	case uploader.ProxyAutoConfig:
		return T("err.proxy.check.pac", nil)
	}
	return T("err.proxy.check.unknown", nil)
}

// proxyChain words a server that none of the proxies (nor, when listed, the direct way)
// of the system settings reached, or whose one proxy could not be connected to.
func proxyChain(err error) (string, bool) {
	var ce *uploader.ProxyChainError
	if !errors.As(err, &ce) || len(ce.Tries) == 0 {
		return "", false
	}
	proxies := ce.Proxies()
	if len(proxies) == 0 {
		return Error(ce.Tries[len(ce.Tries)-1].Err), true // directly only: the server's own failure
	}
	if len(ce.Tries) == 1 {
		return proxyUnreachable(ce.Tries[0], ce.Target, ce.Source), true
	}
	id := "err.proxy_chain"
	if len(proxies) < len(ce.Tries) {
		id = "err.proxy_chain_direct"
	}
	return N(id, len(proxies), A{"Host": hostOnly(ce.Target), "Proxies": list(proxies)}), true
}

// proxyUnreachable words the one proxy of a request to target that could not be
// connected to, or hung up before the way to the server was open: a name that does not
// exist is the proxy's, not the server's; a network that is down is said as such.
func proxyUnreachable(t uploader.ProxyTry, target string, source uploader.ProxySource) string {
	var dnsErr *net.DNSError
	isDNS := errors.As(t.Err, &dnsErr)
	switch {
	case uploader.Offline(t.Err):
		host := ""
		if isDNS {
			host = dnsErr.Name
		}
		return offline(host)
	case isDNS && dnsErr.IsNotFound:
		return join(T("err.proxy_unknown", A{"Proxy": t.Proxy, "Host": dnsErr.Name}), proxyCheck(source))
	case errors.Is(t.Err, io.EOF), errors.Is(t.Err, io.ErrUnexpectedEOF), errors.Is(t.Err, syscall.ECONNRESET):
		return join(T("err.proxy_closed", A{"Proxy": t.Proxy, "Host": hostOnly(target)}), proxyCheck(source))
	}
	return join(T("err.proxy_unreachable", A{"Proxy": t.Proxy}), proxyCheck(source))
}

// proxyRefused words a proxy that refused to open a tunnel to the server: by its rule
// (4xx), or because it could not reach the server itself (5xx).
func proxyRefused(err error) (string, bool) {
	var te *uploader.ProxyTunnelError
	if !errors.As(err, &te) {
		return "", false
	}
	id := "err.proxy_refused"
	if te.Status >= 500 {
		id = "err.proxy_bad_gateway"
	}
	return T(id, A{"Proxy": te.Proxy, "Host": hostOnly(te.Target), "Status": te.Status}), true
}

// proxyFailed reports whether err is a proxy's failure, whose sentence names the proxy.
func proxyFailed(err error) bool {
	return errors.As(err, new(*uploader.ProxyAuthError)) || errors.As(err, new(*uploader.ProxyTunnelError)) ||
		errors.As(err, new(*uploader.ProxyChainError))
}
