package uploader

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// withSystem makes the system settings answer a for every look-up while the test runs.
func withSystem(t *testing.T, a systemAnswer) *int {
	t.Helper()
	saved := systemLookup
	calls := new(int)
	systemLookup = func(*url.URL) systemAnswer { *calls++; return a }
	t.Cleanup(func() { systemLookup = saved })
	return calls
}

func clearProxyEnv(t *testing.T) {
	for _, k := range []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		t.Setenv(k, "")
	}
}

// The order: explicit > environment > system > directly; loopback directly unless explicit.
func TestProxyPrecedence(t *testing.T) {
	const scene7 = "https://s7g10.scene7.com/scene7/UploadFile"
	sys := systemAnswer{proxies: []*url.URL{mustURL(t, "http://proxy.corp:8080")}, ok: true}
	pac := systemAnswer{proxies: []*url.URL{mustURL(t, "http://pac.corp:3128"), nil}, auto: true, script: "http://wpad/wpad.dat", ok: true}
	cases := []struct {
		name     string
		env      map[string]string
		system   systemAnswer
		explicit string
		target   string
		want     ProxyRoute
	}{
		{"nothing", nil, systemAnswer{}, "", scene7, ProxyRoute{Source: ProxyDirect}},
		{"system", nil, sys, "", scene7, ProxyRoute{Proxy: "http://proxy.corp:8080", Source: ProxySystem}},
		{"PAC", nil, pac, "", scene7, ProxyRoute{Proxy: "http://pac.corp:3128", Source: ProxyAutoConfig, Script: "http://wpad/wpad.dat"}},
		{"PAC says direct", nil, systemAnswer{proxies: []*url.URL{nil}, auto: true, script: "x", ok: true}, "", scene7, ProxyRoute{Source: ProxyAutoConfig, Script: "x"}},
		{"environment over system", map[string]string{"HTTPS_PROXY": "http://env.corp:3128"}, sys, "", scene7, ProxyRoute{Proxy: "http://env.corp:3128", Source: ProxyEnvironment}},
		{"NO_PROXY is the environment's choice", map[string]string{"HTTPS_PROXY": "http://env.corp:3128", "NO_PROXY": ".scene7.com"}, sys, "", scene7, ProxyRoute{Source: ProxyEnvironment}},
		{"HTTP_PROXY does not decide for https", map[string]string{"HTTP_PROXY": "http://env.corp:3128"}, sys, "", scene7, ProxyRoute{Proxy: "http://proxy.corp:8080", Source: ProxySystem}},
		{"explicit over all", map[string]string{"HTTPS_PROXY": "http://env.corp:3128"}, sys, "http://me@mine.corp:9", scene7, ProxyRoute{Proxy: "http://me@mine.corp:9", Source: ProxyExplicit}},
		{"loopback directly", map[string]string{"HTTPS_PROXY": "http://env.corp:3128"}, sys, "", "https://127.0.0.1:8443/x", ProxyRoute{Source: ProxyDirect}},
		{"loopback through an explicit proxy", nil, sys, "http://mine.corp:9", "http://localhost:1/", ProxyRoute{Proxy: "http://mine.corp:9", Source: ProxyExplicit}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clearProxyEnv(t)
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			withSystem(t, c.system)
			client := NewClient().HTTP
			if err := SetProxy(client, c.explicit); err != nil {
				t.Fatal(err)
			}
			if got := RouteFor(client, c.target); !got.Equal(c.want) {
				t.Errorf("route %+v, want %+v", got, c.want)
			}
		})
	}
}

// The system is asked once per scheme and host while its answer is fresh.
func TestProxySystemCached(t *testing.T) {
	clearProxyEnv(t)
	calls := withSystem(t, systemAnswer{proxies: []*url.URL{mustURL(t, "http://proxy.corp:8080")}, ok: true})
	r := NewProxyResolver(nil)
	for range 5 {
		req, _ := http.NewRequest(http.MethodPost, "https://s7g10.scene7.com/x", nil)
		if u, _ := r.Proxy(req); u == nil || u.Host != "proxy.corp:8080" {
			t.Fatalf("proxy %v", u)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, "https://s7sps1apissl.scene7.com/x", nil)
	_, _ = r.Proxy(req)
	if *calls != 2 {
		t.Errorf("%d look-ups, want 2 (one per host)", *calls)
	}
}

// A proxy setting of Hoist's own (--proxy, a connection's proxy) never carries a password:
// it is refused, naming the setting, with the address masked in the error; a user name
// alone (no secret) is kept, and the address as typed stays as it was otherwise.
func TestProxySettingRefusesAPassword(t *testing.T) {
	for _, c := range []struct {
		raw, masked string
		refused     bool
	}{
		{"http://office:s3cret@proxy.corp:8080", "http://office:xxxxx@proxy.corp:8080", true},
		{"office:s3cret@proxy.corp:8080", "http://office:xxxxx@proxy.corp:8080", true},
		{"socks5://me:p%40ss@socks.corp:1080", "socks5://me:xxxxx@socks.corp:1080", true},
		{"https://a:b:c@proxy.corp/x@y", "https://a:xxxxx@proxy.corp/x@y", true},
		{"http://office@proxy.corp:8080", "http://office@proxy.corp:8080", false},
		{"http://office:@proxy.corp:8080", "http://office:@proxy.corp:8080", false},
		{"proxy.corp:8080", "http://proxy.corp:8080", false},
	} {
		for _, source := range []ProxySource{ProxyExplicit, ProxyConnection} {
			u, err := ParseProxyFrom(c.raw, source)
			var pe *ProxyPasswordError
			switch {
			case c.refused && (!errors.As(err, &pe) || pe.Source != source || pe.Proxy != c.masked || strings.Contains(err.Error(), "s3cret")):
				t.Errorf("%s (%v): %v, %#v; want refused as %s", c.raw, source, err, pe, c.masked)
			case !c.refused && (err != nil || u == nil):
				t.Errorf("%s (%v): %v", c.raw, source, err)
			}
		}
	}
	if err := SetProxy(NewClient().HTTP, "http://office:s3cret@proxy.corp:8080"); !errors.As(err, new(*ProxyPasswordError)) {
		t.Errorf("SetProxy: %v", err)
	}
	var pe *ProxyPasswordError
	if err := (Network{Proxy: "http://office:s3cret@proxy.corp:8080"}).Check(); !errors.As(err, &pe) || pe.Source != ProxyConnection {
		t.Errorf("a connection's proxy: %v", err)
	}
	// An address that cannot be used at all does not show its password either.
	if _, err := ParseProxy("ftp://office:s3cret@files corp"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("a bad address: %v", err)
	}
	if got := RedactProxy("ftp://office:s3cret@files corp"); got != "ftp://office:xxxxx@files corp" {
		t.Errorf("RedactProxy of an address that does not parse: %q", got)
	}
}
