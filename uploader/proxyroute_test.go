package uploader

import (
	"net/http"
	"net/url"
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
		{"explicit over all", map[string]string{"HTTPS_PROXY": "http://env.corp:3128"}, sys, "http://me:secret@mine.corp:9", scene7, ProxyRoute{Proxy: "http://me:xxxxx@mine.corp:9", Source: ProxyExplicit}},
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
