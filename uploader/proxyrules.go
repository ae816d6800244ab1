package uploader

import (
	"net"
	"net/url"
	"path"
	"strings"
)

// The texts the system settings give proxies in, read the same on every OS so that they
// are tested on any: a PAC file's answer, WinHTTP's proxy lists and bypass lists, macOS'
// exceptions.

// parsePACResult reads a PAC file's FindProxyForURL answer, e.g.
// "PROXY proxy.corp:8080; SOCKS5 socks.corp:1080; DIRECT", into the proxies to try in order
// (nil: directly). Entries Go cannot use (SOCKS4, unknown words) are left out; an empty
// answer is directly.
func parsePACResult(s string) []*url.URL {
	var out []*url.URL
	for _, entry := range strings.Split(s, ";") {
		f := strings.Fields(entry)
		if len(f) == 0 {
			continue
		}
		kind := strings.ToUpper(f[0])
		if kind == "DIRECT" {
			out = append(out, nil)
			continue
		}
		if len(f) < 2 {
			continue
		}
		scheme := ""
		switch kind {
		case "PROXY", "HTTP":
			scheme = "http"
		case "HTTPS":
			scheme = "https"
		case "SOCKS", "SOCKS5":
			scheme = "socks5"
		default:
			continue
		}
		if u := hostPortURL(scheme, f[1]); u != nil {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return []*url.URL{nil}
	}
	return out
}

// hostPortURL is scheme://hostport, or nil when hostport is not a host with a port.
func hostPortURL(scheme, hostport string) *url.URL {
	h, port, err := net.SplitHostPort(hostport)
	if err != nil || h == "" || port == "" {
		return nil
	}
	return &url.URL{Scheme: scheme, Host: hostport}
}

// parseProxyList reads a WinHTTP proxy string for a request of scheme ("http" or
// "https"): "proxy:8080", "http://proxy:8080", "http=a:80;https=b:443;socks=c:1080", or
// several servers separated by ';' or spaces (the first one is taken). nil: none applies.
func parseProxyList(list, scheme string) *url.URL {
	var plain, forScheme, socks string
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' }) {
		if k, v, ok := strings.Cut(item, "="); ok {
			switch strings.ToLower(k) {
			case scheme:
				if forScheme == "" {
					forScheme = v
				}
			case "socks":
				if socks == "" {
					socks = v
				}
			}
			continue
		}
		if plain == "" {
			plain = item
		}
	}
	switch {
	case forScheme != "":
		return proxyItem(forScheme, "http")
	case plain != "":
		return proxyItem(plain, "http")
	case socks != "":
		return proxyItem(socks, "socks5")
	}
	return nil
}

// proxyItem reads one server of a WinHTTP list, "proxy:8080" or "http://proxy:8080", kind
// being the scheme when none is written.
func proxyItem(item, kind string) *url.URL {
	if s, rest, ok := strings.Cut(item, "://"); ok {
		kind, item = strings.ToLower(s), rest
	}
	item = strings.TrimRight(item, "/")
	if _, _, err := net.SplitHostPort(item); err != nil {
		item = net.JoinHostPort(strings.Trim(item, "[]"), "80") // WinHTTP's default port
	}
	return hostPortURL(kind, item)
}

// parseProxyChain reads the list WinHTTP gives for a PAC file's answer (which WinHTTP and
// the browsers on Windows try in turn) for a request of scheme: every server for it, in
// order ("a:8080;b:8080", "socks=c:1080", "DIRECT" as nil when listed); nil when none.
func parseProxyChain(list, scheme string) []*url.URL {
	var out []*url.URL
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' }) {
		kind := "http"
		if k, v, ok := strings.Cut(item, "="); ok {
			switch strings.ToLower(k) {
			case scheme:
			case "socks":
				kind = "socks5"
			default:
				continue
			}
			item = v
		}
		if strings.EqualFold(item, "DIRECT") {
			out = append(out, nil)
			continue
		}
		if u := proxyItem(item, kind); u != nil {
			out = append(out, u)
		}
	}
	return out
}

// bypassList is a list of hosts that go directly although a proxy is set: Windows'
// "Do not use proxy server for addresses beginning with" and macOS' "Bypass proxy
// settings for these hosts and domains".
type bypassList struct {
	patterns []string     // host patterns, lower case, '*' wildcards
	nets     []*net.IPNet // address ranges (macOS "169.254/16", "10.0.0.0/8")
	simple   bool         // Windows "<local>", macOS "Exclude simple hostnames": a host without a dot
}

// parseBypass reads a bypass list; entries are separated by ';', ',' or white space.
func parseBypass(entries ...string) bypassList {
	var b bypassList
	for _, e := range entries {
		for _, item := range strings.FieldsFunc(e, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
			item = strings.ToLower(strings.TrimSpace(item))
			if s, rest, ok := strings.Cut(item, "://"); ok && s != "" {
				item = rest // Windows allows "http://host"
			}
			switch {
			case item == "":
			case item == "<local>":
				b.simple = true
			case strings.Contains(item, "/"):
				if n := parseShortCIDR(item); n != nil {
					b.nets = append(b.nets, n)
				}
			default:
				if strings.HasPrefix(item, ".") {
					item = "*" + item // ".corp.example" is the domain's hosts
				}
				b.patterns = append(b.patterns, item)
			}
		}
	}
	return b
}

// parseShortCIDR reads 10.0.0.0/8 and macOS' short forms such as 169.254/16.
func parseShortCIDR(s string) *net.IPNet {
	addr, bits, _ := strings.Cut(s, "/")
	if !strings.Contains(addr, ":") {
		for strings.Count(addr, ".") < 3 {
			addr += ".0"
		}
	}
	_, n, err := net.ParseCIDR(addr + "/" + bits)
	if err != nil {
		return nil
	}
	return n
}

// matches reports whether a request to host (without port) goes directly.
func (b bypassList) matches(host string) bool {
	host = strings.ToLower(strings.Trim(host, "[]"))
	if b.simple && !strings.Contains(host, ".") && !strings.Contains(host, ":") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		for _, n := range b.nets {
			if n.Contains(ip) {
				return true
			}
		}
	}
	for _, p := range b.patterns {
		if ok, _ := path.Match(p, host); ok {
			return true
		}
		// "*.corp.example" takes corp.example itself too, as macOS does.
		if strings.HasPrefix(p, "*.") && host == p[2:] {
			return true
		}
	}
	return false
}
