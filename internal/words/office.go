package words

import (
	"errors"
	"strings"

	"hoist/uploader"
)

// Route says how Test connection reached the server: through which proxy and which
// setting chose it (README "Works at the office"); "" when it went directly with no
// proxy setting at all, or the route is not known.
func Route(r uploader.ProxyRoute) string {
	a := A{"Proxy": r.Proxy, "Script": r.Script}
	id := ""
	switch r.Source {
	case uploader.ProxyExplicit:
		id = "office.route.explicit"
	case uploader.ProxyConnection:
		id = "office.route.connection"
	case uploader.ProxyEnvironment:
		id = "office.route.environment"
	case uploader.ProxySystem:
		id = "office.route.system"
	case uploader.ProxyAutoConfig:
		id = "office.route.pac"
		if r.Script == "" {
			id = "office.route.detected"
		}
	default:
		return ""
	}
	if r.Proxy == "" {
		if r.Source == uploader.ProxyExplicit || r.Source == uploader.ProxyConnection {
			return ""
		}
		id += "_direct"
	}
	s := T(id, a)
	if len(r.Skipped) > 0 {
		s = join(s, N("office.route.skipped", len(r.Skipped), A{"Proxies": list(r.Skipped)}))
	}
	return s
}

// list writes names one after the other with the language's separator.
func list(names []string) string {
	return strings.Join(names, T("office.list.separator", nil))
}

// Certificate says, as information, that the server's certificate chain ends in an
// authority that is not public (the company inspects HTTPS); "" otherwise.
func Certificate(c *uploader.CertInfo) string {
	if c == nil || !c.Private {
		return ""
	}
	return T("office.tls.private", A{"Root": c.Root})
}

// officeNotes are the route and the certificate of a verdict. A route Hoist did not set
// (a client with a proxy function of its own) names the proxy alone.
func officeNotes(v uploader.Verdict) string {
	route := Route(v.Route)
	if v.Route.Source == uploader.ProxyUnknown && v.Proxy != "" {
		route = T("engine.verdict.proxy", A{"Proxy": v.Proxy})
	}
	return join(route, Certificate(v.Exchange.TLS))
}

// proxyAddress words a proxy address that cannot be used (--proxy, a connection's proxy).
func proxyAddress(err error) (string, bool) {
	var pe *uploader.ProxyAddressError
	if !errors.As(err, &pe) {
		return "", false
	}
	return T("office.proxy.bad_address", A{"Proxy": pe.Proxy}), true
}

// proxyPassword words a proxy setting whose address holds a password: what to do differs
// for --proxy (leave it out) and a connection's proxy (clear it), since either comes
// before the environment variable that is to hold the login. The address is shown with
// its password masked.
func proxyPassword(err error) (string, bool) {
	var pe *uploader.ProxyPasswordError
	if !errors.As(err, &pe) {
		return "", false
	}
	id := "office.proxy.password"
	switch pe.Source {
	case uploader.ProxyExplicit:
		id = "office.proxy.password_flag"
	case uploader.ProxyConnection:
		id = "office.proxy.password_connection"
	}
	return T(id, A{"Proxy": pe.Proxy}), true
}

// pacFile words a proxy script (PAC file) from the system settings that could not be
// fetched or run; its own reason stays as the engine wrote it, for IT.
func pacFile(err error) (string, bool) {
	var pe *uploader.PACError
	if !errors.As(err, &pe) {
		return "", false
	}
	return T("office.pac.failed", A{"Script": pe.Script, "Reason": pe.Err.Error()}), true
}
