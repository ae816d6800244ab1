package uploader

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Proxies: NewClient's transport asks a ProxyResolver (proxyroute.go): an explicit proxy
// (SetProxy: the CLI's --proxy, the connection's setting), else the environment, else the
// system settings of Windows and macOS with their PAC files, else directly.

// ProxyAuthError is a proxy between this computer and the server that answered 407: it
// wants a login that Hoist does not give it.
type ProxyAuthError struct {
	Proxy  string      // the proxy's URL, without credentials
	Source ProxySource // the setting that named the proxy (ProxyUnknown when not known)
	// PlainHTTP: the server is http, so the proxy of the environment is HTTP_PROXY's
	// (HTTPS_PROXY's otherwise).
	PlainHTTP bool
}

func (e *ProxyAuthError) Error() string {
	return "proxy " + e.Proxy + ": 407 Proxy Authentication Required"
}

// Transient: the same request meets the same demand.
func (e *ProxyAuthError) Transient() bool { return false }

// proxyConnectResponse turns a CONNECT refused with 407 into a *ProxyAuthError and any
// other refusal into a *ProxyTunnelError, which net/http would report as a bare status
// text ("Proxy Authentication Required", "Bad Gateway") naming neither the proxy nor the
// server. The setting that named the proxy is added by namedProxy (proxyerr.go).
func proxyConnectResponse(_ context.Context, proxyURL *url.URL, req *http.Request, res *http.Response) error {
	switch res.StatusCode {
	case http.StatusOK:
		return nil
	case http.StatusProxyAuthRequired:
		return &ProxyAuthError{Proxy: proxyURL.Redacted()}
	}
	return &ProxyTunnelError{Proxy: proxyURL.Redacted(), Target: req.Host, Status: res.StatusCode}
}

// ProxyAddressError is a proxy address Hoist cannot use (package words says it).
type ProxyAddressError struct {
	Proxy string // as typed, with http:// added when it had no scheme
}

func (e *ProxyAddressError) Error() string {
	return fmt.Sprintf("proxy %q: not an http://, https:// or socks5:// address with a host", e.Proxy)
}

// ProxyPasswordError is a proxy setting of Hoist's own (--proxy, a connection's proxy)
// whose address holds a password. Hoist never takes a password from the command line,
// where other users of the computer can read it, nor from a connection's settings, saved
// in a file: a proxy's login belongs in the environment (HTTPS_PROXY, HTTP_PROXY), whose
// proxy Hoist uses with its login. A user name alone is no secret (a connection keeps its
// user name too), and some proxies know people by it: it is kept and sent.
type ProxyPasswordError struct {
	Proxy  string      // the address with its password masked (RedactProxy)
	Source ProxySource // ProxyExplicit, ProxyConnection; ProxyUnknown when the caller did not say
}

func (e *ProxyPasswordError) Error() string {
	return "proxy " + e.Proxy + ": a password in a proxy setting is not used; give the login in HTTPS_PROXY or HTTP_PROXY"
}

// ParseProxy checks a proxy address as people write it: http://host:port, https://…,
// socks5://…, or host:port (then http). "" is no explicit proxy (nil). An address with a
// password is refused (*ProxyPasswordError); ParseProxyFrom says which setting it was.
func ParseProxy(raw string) (*url.URL, error) { return ParseProxyFrom(raw, ProxyUnknown) }

// ParseProxyFrom is ParseProxy for the setting source (ProxyExplicit: --proxy;
// ProxyConnection: a connection's proxy), which the refusal of a password names, since
// what to do differs. No error holds the password.
func ParseProxyFrom(raw string, source ProxySource) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "socks5") {
		return nil, &ProxyAddressError{Proxy: RedactProxy(raw)}
	}
	if pw, ok := u.User.Password(); ok && pw != "" {
		return nil, &ProxyPasswordError{Proxy: RedactProxy(raw), Source: source}
	}
	return u, nil
}

// RedactProxy is a proxy address as typed with its password, if any, replaced by xxxxx
// (as url.URL.Redacted writes it), also when the address cannot be parsed: what may be
// shown or kept. The rest is left exactly as typed.
func RedactProxy(raw string) string {
	scheme, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		scheme, rest = raw[:i+3], raw[i+3:]
	}
	authority := rest
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		authority = rest[:end]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return raw
	}
	user, password, ok := strings.Cut(authority[:at], ":")
	if !ok || password == "" {
		return raw
	}
	return scheme + user + ":xxxxx" + rest[at:]
}

// SetProxy makes client's requests go through proxy (ParseProxy's words), the CLI's
// --proxy; "" leaves the environment's choice. The client must have an *http.Transport
// (NewClient's has).
func SetProxy(client *http.Client, proxy string) error {
	return setProxy(client, proxy, ProxyExplicit)
}

func setProxy(client *http.Client, proxy string, source ProxySource) error {
	u, err := ParseProxyFrom(proxy, source)
	if err != nil || u == nil {
		return err
	}
	t, ok := client.Transport.(*http.Transport)
	if !ok {
		return errors.New("this HTTP client's transport cannot be given a proxy")
	}
	r := NewProxyResolver(u)
	r.source = source
	t.Proxy = r.Proxy
	return nil
}

// ProxyFor says which proxy a request to target goes through with client, without
// credentials; "" when it goes directly. RouteFor says also which setting chose it.
func ProxyFor(client *http.Client, target string) string {
	return RouteFor(client, target).Proxy
}
