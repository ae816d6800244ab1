package uploader

import (
	"bufio"
	"net"
	"net/url"
	"strings"
)

// macOS keeps the proxy settings of the network in use in the System Configuration
// store; `scutil --proxy` prints them (no cgo needed, so the CLI builds with
// CGO_ENABLED=0). Read here on every OS so that the parsing is tested anywhere.

// macProxySettings are the keys of `scutil --proxy` that Hoist uses.
type macProxySettings struct {
	values     map[string]string // top-level "Key : value" pairs
	exceptions []string          // ExceptionsList
}

// parseScutilProxy reads `scutil --proxy`'s output: a <dictionary> of "Key : value"
// lines, with ExceptionsList an <array> of "N : value" lines. Nested dictionaries (such
// as __SCOPED__, per interface) are skipped.
func parseScutilProxy(out string) macProxySettings {
	s := macProxySettings{values: map[string]string{}}
	depth, inExceptions := 0, false
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "}" {
			depth--
			inExceptions = false
			continue
		}
		key, value, ok := strings.Cut(line, " : ")
		if !ok {
			if strings.HasSuffix(line, "{") {
				depth++
			}
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if strings.HasSuffix(value, "{") {
			depth++
			inExceptions = depth == 2 && key == "ExceptionsList"
			continue
		}
		switch {
		case inExceptions:
			s.exceptions = append(s.exceptions, value)
		case depth == 1:
			s.values[key] = value
		}
	}
	return s
}

func (s macProxySettings) on(key string) bool { return s.values[key] == "1" }

// pacURL is the PAC file's address when one is set and enabled.
func (s macProxySettings) pacURL() string {
	if s.on("ProxyAutoConfigEnable") {
		return s.values["ProxyAutoConfigURLString"]
	}
	return ""
}

// manual is the manual proxy for a request of scheme ("http", "https"): the HTTPS or
// HTTP proxy, else the SOCKS proxy; nil when none is enabled.
func (s macProxySettings) manual(scheme string) *url.URL {
	prefix := "HTTP"
	if scheme == "https" {
		prefix = "HTTPS"
	}
	if u := s.server(prefix, "http"); u != nil {
		return u
	}
	return s.server("SOCKS", "socks5")
}

func (s macProxySettings) server(prefix, scheme string) *url.URL {
	host, port := s.values[prefix+"Proxy"], s.values[prefix+"Port"]
	if !s.on(prefix+"Enable") || host == "" {
		return nil
	}
	if port == "" || port == "0" {
		port = "80"
	}
	return hostPortURL(scheme, net.JoinHostPort(host, port))
}

// bypass is the exceptions list with "Exclude simple hostnames".
func (s macProxySettings) bypass() bypassList {
	b := parseBypass(s.exceptions...)
	b.simple = b.simple || s.on("ExcludeSimpleHostnames")
	return b
}

// macAnswer is the system's choice for target from the settings: the PAC file when one
// is set (and runs), else the manual proxy of target's scheme unless an exception
// matches. runPAC runs a PAC file (thePACs.findProxy, sysproxy_darwin.go).
func macAnswer(s macProxySettings, target *url.URL, runPAC func(addr string, target *url.URL) (string, error)) systemAnswer {
	if addr := s.pacURL(); addr != "" {
		if res, err := runPAC(addr, target); err == nil {
			return systemAnswer{proxies: parsePACResult(res), auto: true, script: addr, ok: true}
		}
		// A PAC file that cannot be fetched or run: the manual settings, as macOS does.
	}
	u := s.manual(target.Scheme)
	if u == nil {
		return systemAnswer{}
	}
	if s.bypass().matches(target.Hostname()) {
		return systemAnswer{proxies: []*url.URL{nil}, ok: true}
	}
	return systemAnswer{proxies: []*url.URL{u}, ok: true}
}
