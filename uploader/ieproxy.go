package uploader

import "net/url"

// ieProxyConfig is the user's Internet options as WinHTTP gives them
// (WinHttpGetIEProxyConfigForCurrentUser); read on every OS so the rules are tested anywhere.
type ieProxyConfig struct {
	autoDetect bool   // "Automatically detect settings" (WPAD)
	pacURL     string // "Use setup script"
	proxy      string // "Use a proxy server": "proxy:8080" or "http=a:80;https=b:443"
	bypass     string // its exceptions, "<local>" for names without a dot
}

// winProxyRunner runs a PAC file (pacURL) or automatic detection (pacURL "") for target:
// WinHTTP's proxy list, or direct.
type winProxyRunner func(pacURL string, target *url.URL) (list string, direct bool, err error)

// ieAnswer is the system's choice for target as Windows makes it: the setup script, then
// automatic detection, then the manual proxy (each later one when the earlier is off or
// fails), the bypass list applying to the manual proxy.
func ieAnswer(ie ieProxyConfig, target *url.URL, run winProxyRunner) systemAnswer {
	var tries []string
	if ie.pacURL != "" {
		tries = append(tries, ie.pacURL)
	}
	if ie.autoDetect {
		tries = append(tries, "")
	}
	for _, pac := range tries {
		list, direct, err := run(pac, target)
		if err != nil {
			continue
		}
		a := systemAnswer{auto: true, script: pac, ok: true, proxies: []*url.URL{nil}}
		if chain := parseProxyChain(list, target.Scheme); !direct && len(chain) > 0 {
			a.proxies = chain
		}
		return a
	}
	if ie.proxy == "" {
		return systemAnswer{}
	}
	u := parseProxyList(ie.proxy, target.Scheme)
	if u == nil {
		return systemAnswer{}
	}
	if parseBypass(ie.bypass).matches(target.Hostname()) {
		return systemAnswer{proxies: []*url.URL{nil}, ok: true}
	}
	return systemAnswer{proxies: []*url.URL{u}, ok: true}
}
