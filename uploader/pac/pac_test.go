package pac

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// officePAC is a PAC file as IT departments write them, using the standard helpers.
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
	p, err := Compile(officePAC)
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
		got, err := p.FindProxy(mustURL(t, target))
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", target, got, err, want)
		}
	}
}

// An https address reaches FindProxyForURL without its path, as in the browsers.
func TestPACSeesNoHTTPSPath(t *testing.T) {
	p, err := Compile(`function FindProxyForURL(url, host) { return "PROXY " + host + ":1; " + url; }`)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.FindProxy(mustURL(t, "https://user:pw@s7g10.scene7.com/scene7/UploadFile?x=1"))
	if got != "PROXY s7g10.scene7.com:1; https://s7g10.scene7.com/" {
		t.Errorf("got %q", got)
	}
}

func TestPACFailures(t *testing.T) {
	if _, err := Compile("function nope() {}"); err == nil || !strings.Contains(err.Error(), "FindProxyForURL") {
		t.Errorf("no FindProxyForURL: %v", err)
	}
	if _, err := Compile("function FindProxyForURL(url, host) { return "); err == nil {
		t.Error("a syntax error compiled")
	}
	saved := runFor
	runFor = 50 * time.Millisecond
	defer func() { runFor = saved }()
	p, err := Compile("function FindProxyForURL(url, host) { for (;;) {} }")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.FindProxy(mustURL(t, "https://x.example/")); err == nil {
		t.Error("a PAC file that loops was not stopped")
	}
	p, _ = Compile("function FindProxyForURL(url, host) { throw new Error('boom'); }")
	if _, err := p.FindProxy(mustURL(t, "https://x.example/")); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a throwing PAC file: %v", err)
	}
}
