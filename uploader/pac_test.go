package uploader

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A PAC file as IT departments write them, using the standard helpers.
const officePAC = `
function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example") || localHostOrDomainIs(host, "intranet.corp.example")) {
    return "DIRECT";
  }
  if (isInNet(host, "10.0.0.0", "255.0.0.0") || isInNet(dnsResolve(host) || "0.0.0.0", "127.0.0.0", "255.0.0.0")) {
    return "DIRECT";
  }
  if (shExpMatch(host, "*.scene7.com") && url.substring(0, 6) == "https:") {
    return "PROXY secure.corp.example:8443; DIRECT";
  }
  if (dnsDomainLevels(host) > 3) {
    return "SOCKS5 socks.corp.example:1080";
  }
  if (weekdayRange("SUN", "SAT") && timeRange(0, 24) && dateRange("JAN", "DEC") && isResolvable("localhost")) {
    return "PROXY web.corp.example:3128";
  }
  return "PROXY never.example:1";
}
`

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestPACHelpers(t *testing.T) {
	p, err := compilePAC(officePAC)
	if err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{
		"https://intranet/":                          "DIRECT",
		"https://drsum.corp.example/api":             "DIRECT",
		"https://10.1.2.3/":                          "DIRECT",
		"http://localhost:8080/":                     "DIRECT",
		"https://s7g10.scene7.com/scene7/UploadFile": "PROXY secure.corp.example:8443; DIRECT",
		"http://s7g10.scene7.com/":                   "PROXY web.corp.example:3128",
		"https://a.b.c.d.example/":                   "SOCKS5 socks.corp.example:1080",
		"https://assets.example/x":                   "PROXY web.corp.example:3128",
	} {
		got, err := p.findProxy(mustURL(t, target))
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", target, got, err, want)
		}
	}
}

// An https address reaches FindProxyForURL without its path, as in the browsers.
func TestPACSeesNoHTTPSPath(t *testing.T) {
	p, err := compilePAC(`function FindProxyForURL(url, host) { return "PROXY " + host + ":1; " + url; }`)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.findProxy(mustURL(t, "https://user:pw@s7g10.scene7.com/scene7/UploadFile?x=1"))
	if got != "PROXY s7g10.scene7.com:1; https://s7g10.scene7.com/" {
		t.Errorf("got %q", got)
	}
}

func TestPACFailures(t *testing.T) {
	if _, err := compilePAC("function nope() {}"); err == nil || !strings.Contains(err.Error(), "FindProxyForURL") {
		t.Errorf("no FindProxyForURL: %v", err)
	}
	if _, err := compilePAC("function FindProxyForURL(url, host) { return "); err == nil {
		t.Error("a syntax error compiled")
	}
	saved := pacRunFor
	pacRunFor = 50 * time.Millisecond
	defer func() { pacRunFor = saved }()
	p, err := compilePAC("function FindProxyForURL(url, host) { for (;;) {} }")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.findProxy(mustURL(t, "https://x.example/")); err == nil {
		t.Error("a PAC file that loops was not stopped")
	}
	p, _ = compilePAC("function FindProxyForURL(url, host) { throw new Error('boom'); }")
	if _, err := p.findProxy(mustURL(t, "https://x.example/")); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a throwing PAC file: %v", err)
	}
}

// The PAC file is fetched from its address (loopback http here, and a file:// path),
// compiled once, and a file that cannot be fetched is a *PACError naming it.
func TestPACCacheFetches(t *testing.T) {
	var fetched int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/proxy.pac" {
			http.NotFound(w, r)
			return
		}
		fetched++
		w.Header().Set("Content-Type", "application/x-ns-proxy-autoconfig")
		_, _ = w.Write([]byte("\ufeff" + officePAC))
	}))
	defer srv.Close()
	c := &pacCache{scripts: map[string]cachedPAC{}, fetch: fetchPAC}
	for range 3 {
		got, err := c.findProxy(srv.URL+"/proxy.pac", mustURL(t, "https://s7g10.scene7.com/"))
		if err != nil || got != "PROXY secure.corp.example:8443; DIRECT" {
			t.Fatalf("%q, %v", got, err)
		}
	}
	if fetched != 1 {
		t.Errorf("fetched %d times, want once", fetched)
	}
	_, err := c.findProxy(srv.URL+"/missing.pac", mustURL(t, "https://x.example/"))
	if pe, ok := err.(*PACError); !ok || pe.Script != srv.URL+"/missing.pac" || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing PAC file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "office.pac")
	if err := os.WriteFile(path, []byte(officePAC), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := c.findProxy((&url.URL{Scheme: "file", Path: path}).String(), mustURL(t, "https://assets.example/"))
	if err != nil || got != "PROXY web.corp.example:3128" {
		t.Errorf("file PAC: %q, %v", got, err)
	}
}
