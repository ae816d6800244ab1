package uploader

import (
	"net/url"
	"strings"
	"testing"
)

func urls(us []*url.URL) string {
	var out []string
	for _, u := range us {
		if u == nil {
			out = append(out, "DIRECT")
			continue
		}
		out = append(out, u.String())
	}
	return strings.Join(out, " ")
}

func TestParsePACResult(t *testing.T) {
	for in, want := range map[string]string{
		"PROXY a:8080; DIRECT":             "http://a:8080 DIRECT",
		"DIRECT":                           "DIRECT",
		"":                                 "DIRECT",
		"  proxy  proxy.corp:3128 ":        "http://proxy.corp:3128",
		"HTTPS secure.corp:443;PROXY b:80": "https://secure.corp:443 http://b:80",
		"SOCKS s:1080; SOCKS5 t:1080":      "socks5://s:1080 socks5://t:1080",
		"SOCKS4 old:1080; PROXY a:80":      "http://a:80",
		"PROXY nohostport; BOGUS x:1; PROXY [::1]:8": "http://[::1]:8",
		"PROXY": "DIRECT",
	} {
		if got := urls(parsePACResult(in)); got != want {
			t.Errorf("parsePACResult(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseProxyList(t *testing.T) {
	for _, c := range []struct{ list, scheme, want string }{
		{"proxy.corp:8080", "https", "http://proxy.corp:8080"},
		{"proxy.corp", "https", "http://proxy.corp:80"},
		{"http=web:80;https=secure:8443", "https", "http://secure:8443"},
		{"http=web:80;https=secure:8443", "http", "http://web:80"},
		{"http=web:80", "https", ""},
		{"socks=s:1080", "https", "socks5://s:1080"},
		{"https=https://secure:443", "https", "https://secure:443"},
		{"a:3128;b:3128", "http", "http://a:3128"},
		{"a:3128 b:3128", "http", "http://a:3128"},
		{"", "http", ""},
	} {
		got := ""
		if u := parseProxyList(c.list, c.scheme); u != nil {
			got = u.String()
		}
		if got != c.want {
			t.Errorf("parseProxyList(%q, %s) = %q, want %q", c.list, c.scheme, got, c.want)
		}
	}
}

// WinHTTP's list for a PAC answer: every server for the scheme, in order.
func TestParseProxyChain(t *testing.T) {
	for _, c := range []struct{ list, scheme, want string }{
		{"a:3128;b:3128", "https", "http://a:3128 http://b:3128"},
		{"a:3128 b ; DIRECT", "https", "http://a:3128 http://b:80 DIRECT"},
		{"https=sec:443;http=web:80;socks=s:1080", "https", "http://sec:443 socks5://s:1080"},
		{"https://tls.corp:443;plain:8080", "http", "https://tls.corp:443 http://plain:8080"},
		{"http=web:80", "https", ""},
		{"", "https", ""},
	} {
		if got := urls(parseProxyChain(c.list, c.scheme)); got != c.want {
			t.Errorf("parseProxyChain(%q, %s) = %q, want %q", c.list, c.scheme, got, c.want)
		}
	}
}

func TestBypassList(t *testing.T) {
	b := parseBypass("<local>;*.corp.example; 10.*;http://intranet.example", "169.254/16", ".internal.test")
	for host, want := range map[string]bool{
		"fileserver":            true, // <local>: no dot
		"a.corp.example":        true,
		"corp.example":          true,
		"corp.example.evil.com": false,
		"10.1.2.3":              true,
		"11.1.2.3":              false,
		"intranet.example":      true,
		"169.254.10.1":          true,
		"x.internal.test":       true,
		"s7g10.scene7.com":      false,
		"INTRANET.EXAMPLE":      true,
	} {
		if got := b.matches(host); got != want {
			t.Errorf("matches(%q) = %v, want %v", host, got, want)
		}
	}
	if parseBypass("").matches("fileserver") {
		t.Error("an empty list matches nothing")
	}
}

func TestIEAnswer(t *testing.T) {
	target, _ := url.Parse("https://s7g10.scene7.com/scene7/UploadFile")
	intranet, _ := url.Parse("https://intranet/x")
	failing := func(string, *url.URL) (string, bool, error) { return "", false, errFake }
	var asked []string
	runner := func(list string, direct bool) winProxyRunner {
		return func(pac string, _ *url.URL) (string, bool, error) {
			asked = append(asked, pac)
			return list, direct, nil
		}
	}
	cases := []struct {
		name string
		ie   ieProxyConfig
		run  winProxyRunner
		want string
		src  bool // auto
		ok   bool
	}{
		{"nothing set", ieProxyConfig{}, failing, "", false, false},
		{"manual", ieProxyConfig{proxy: "proxy.corp:8080"}, failing, "http://proxy.corp:8080", false, true},
		{"manual per scheme", ieProxyConfig{proxy: "http=web:80;https=sec:8443"}, failing, "http://sec:8443", false, true},
		{"PAC says proxy", ieProxyConfig{pacURL: "http://wpad/proxy.pac", proxy: "manual:1"}, runner("pac.corp:3128", false), "http://pac.corp:3128", true, true},
		{"PAC says direct", ieProxyConfig{pacURL: "http://wpad/proxy.pac"}, runner("", true), "DIRECT", true, true},
		{"PAC fails: manual", ieProxyConfig{pacURL: "http://wpad/proxy.pac", proxy: "manual:1"}, failing, "http://manual:1", false, true},
		{"auto-detect", ieProxyConfig{autoDetect: true}, runner("detected:8080", false), "http://detected:8080", true, true},
		{"PAC says two proxies", ieProxyConfig{pacURL: "http://wpad/proxy.pac"}, runner("a.corp:8080; b.corp:8080", false), "http://a.corp:8080 http://b.corp:8080", true, true},
	}
	for _, c := range cases {
		a := ieAnswer(c.ie, target, c.run)
		if got := urls(a.proxies); a.ok != c.ok || (c.ok && got != c.want) || a.auto != c.src {
			t.Errorf("%s: %+v (%s), want %s auto=%v ok=%v", c.name, a, got, c.want, c.src, c.ok)
		}
	}
	asked = nil
	ieAnswer(ieProxyConfig{pacURL: "http://wpad/p.pac", autoDetect: true}, target, runner("x:1", false))
	if len(asked) != 1 || asked[0] != "http://wpad/p.pac" {
		t.Errorf("asked %q: the setup script comes first and answers", asked)
	}
	a := ieAnswer(ieProxyConfig{proxy: "proxy.corp:8080", bypass: "<local>"}, intranet, failing)
	if !a.ok || urls(a.proxies) != "DIRECT" || a.auto {
		t.Errorf("bypassed host: %+v", a)
	}
}
