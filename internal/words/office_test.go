package words

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"hoist/uploader"
)

// Test connection names the proxy and the setting it came from, and a private
// certificate authority as information, in every language.
func TestVerdictSaysRouteAndInspection(t *testing.T) {
	defer Use(Current())
	ok := uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "ann@acme.com", Company: "c|2101"}
	pac := ok
	pac.Proxy = "http://proxy.corp:8080"
	pac.Route = uploader.ProxyRoute{Proxy: pac.Proxy, Source: uploader.ProxyAutoConfig, Script: "http://wpad.corp/proxy.pac"}
	pac.Exchange.TLS = &uploader.CertInfo{Root: "Acme Inspection CA", Private: true}
	want := map[string][]string{
		"en": {"proxy.corp:8080", "proxy script http://wpad.corp/proxy.pac", "Your company seems to inspect HTTPS", "“Acme Inspection CA”"},
		"fr": {"proxy.corp:8080", "script de proxy du système http://wpad.corp/proxy.pac", "inspecter le trafic HTTPS", "«\u00a0Acme Inspection CA\u00a0»"},
		"ja": {"proxy.corp:8080", "プロキシスクリプト http://wpad.corp/proxy.pac", "HTTPS 通信が検査", "「Acme Inspection CA」"},
	}
	for lang, parts := range want {
		Use(lang)
		got := Verdict(pac)
		for _, p := range parts {
			if !strings.Contains(got, p) {
				t.Errorf("%s: %q lacks %q", lang, got, p)
			}
		}
	}
	Use("en")
	for _, c := range []struct {
		route uploader.ProxyRoute
		want  string
	}{
		{uploader.ProxyRoute{Source: uploader.ProxyDirect}, ""},
		{uploader.ProxyRoute{Proxy: "http://p:1", Source: uploader.ProxySystem}, "Through the proxy http://p:1, from the system settings."},
		{uploader.ProxyRoute{Source: uploader.ProxySystem}, "Directly: the system settings leave this server out of the proxy."},
		{uploader.ProxyRoute{Proxy: "http://p:1", Source: uploader.ProxyConnection}, "Through the proxy http://p:1, set in this connection."},
		{uploader.ProxyRoute{Proxy: "http://p:1", Source: uploader.ProxyExplicit}, "Through the proxy http://p:1, given with --proxy."},
		{uploader.ProxyRoute{Proxy: "http://p:1", Source: uploader.ProxyEnvironment}, "Through the proxy http://p:1, from the environment variable HTTPS_PROXY or HTTP_PROXY."},
		{uploader.ProxyRoute{Source: uploader.ProxyEnvironment}, "Directly: the environment variable NO_PROXY leaves this server out of the proxy."},
		{uploader.ProxyRoute{Proxy: "http://p:1", Source: uploader.ProxyAutoConfig}, "Through the proxy http://p:1, found by the system's automatic proxy detection."},
		{uploader.ProxyRoute{Source: uploader.ProxyAutoConfig}, "Directly, as the system's automatic proxy detection says."},
		{uploader.ProxyRoute{Proxy: "http://b:1", Source: uploader.ProxyAutoConfig, Script: "http://wpad/p.pac", Skipped: []string{"http://a:1"}},
			"Through the proxy http://b:1, as the system's proxy script http://wpad/p.pac says. The proxy http://a:1 did not answer, so Hoist went on to the next choice in the settings."},
		{uploader.ProxyRoute{Source: uploader.ProxySystem, Skipped: []string{"http://a:1", "socks5://b:2"}},
			"Directly: the system settings leave this server out of the proxy. The proxies http://a:1, socks5://b:2 did not answer, so Hoist went on to the next choice in the settings."},
	} {
		if got := Route(c.route); got != c.want {
			t.Errorf("Route(%+v) = %q, want %q", c.route, got, c.want)
		}
	}
	if Certificate(&uploader.CertInfo{Root: "DigiCert Global Root G2"}) != "" || Certificate(nil) != "" {
		t.Error("a public authority is no news")
	}
}

func TestProxyAddressWords(t *testing.T) {
	defer Use(Current())
	Use("en")
	_, err := uploader.ParseProxy("ftp://files.corp")
	if got := Error(err); got != "“ftp://files.corp” is not a proxy address Hoist can use. Write it as http://proxy.example.com:8080 (https:// and socks5:// work too)." {
		t.Errorf("got %q", got)
	}
}

// A proxy setting with a password: the advice follows the setting (leave --proxy out;
// clear the connection's proxy), names the variable that takes the login, and never shows
// the password, in every language.
func TestProxyPasswordWords(t *testing.T) {
	defer Use(Current())
	Use("en")
	want := map[uploader.ProxySource]string{
		uploader.ProxyExplicit:   "The proxy address http://office:xxxxx@proxy.corp:8080 holds a password, which other people using this computer can read on a command line. Leave --proxy out and set the environment variable HTTPS_PROXY (HTTP_PROXY for a server whose address starts with http://) to the proxy's address with its login: http://user:password@proxy:port.",
		uploader.ProxyConnection: "The proxy address http://office:xxxxx@proxy.corp:8080 holds a password, but a connection's settings are saved in a file, where no password belongs. Clear this connection's proxy (Connections › Network at the office) and, before starting Hoist, set the environment variable HTTPS_PROXY (HTTP_PROXY for a server whose address starts with http://) to the proxy's address with its login: http://user:password@proxy:port.",
		uploader.ProxyUnknown:    "The proxy address http://office:xxxxx@proxy.corp:8080 holds a password, which Hoist does not take from its settings. Set the environment variable HTTPS_PROXY (HTTP_PROXY for a server whose address starts with http://) to the proxy's address with its login instead: http://user:password@proxy:port.",
	}
	for source, w := range want {
		_, err := uploader.ParseProxyFrom("http://office:s3cret@proxy.corp:8080", source)
		if got := Error(err); got != w {
			t.Errorf("%v: got %q\nwant %q", source, got, w)
		}
	}
	for _, lang := range []string{"fr", "ja"} {
		Use(lang)
		for source := range want {
			_, err := uploader.ParseProxyFrom("http://office:s3cret@proxy.corp:8080", source)
			got := Error(err)
			if !strings.Contains(got, "HTTPS_PROXY") || !strings.Contains(got, "office:xxxxx@proxy.corp:8080") || strings.Contains(got, "s3cret") || got == want[source] {
				t.Errorf("%s %v: %q", lang, source, got)
			}
			if (source == uploader.ProxyExplicit) != strings.Contains(got, "--proxy") {
				t.Errorf("%s %v: %q names --proxy only for --proxy", lang, source, got)
			}
		}
	}
}

// A PAC file's proxies that all failed are named, with or without the direct way; a
// proxy's refusal of the server says its status; in every language.
func TestProxyChainWords(t *testing.T) {
	defer Use(Current())
	refused := errors.New("connection refused")
	both := &uploader.ProxyChainError{Target: "s7g10.scene7.com:443", Tries: []uploader.ProxyTry{
		{Proxy: "http://a.corp:8080", Err: refused}, {Proxy: "http://b.corp:8080", Err: refused}}}
	one := &uploader.ProxyChainError{Target: "drsum.corp:80", Tries: []uploader.ProxyTry{
		{Proxy: "http://a.corp:8080", Err: refused}, {Err: refused}}}
	tunnel := &uploader.ProxyTunnelError{Proxy: "http://a.corp:8080", Target: "s7g10.scene7.com:443", Status: 403}
	want := map[string][3]string{
		"en": {"Hoist could not reach s7g10.scene7.com through any of the proxies http://a.corp:8080, http://b.corp:8080 that",
			"neither through the proxy http://a.corp:8080 that this computer's settings name nor directly", "refused to connect to s7g10.scene7.com (HTTP 403)"},
		"fr": {"par aucun des proxys http://a.corp:8080, http://b.corp:8080 indiqués", "ni par le proxy http://a.corp:8080 indiqué", "a refusé la connexion à s7g10.scene7.com (HTTP 403)"},
		"ja": {"プロキシ http://a.corp:8080、http://b.corp:8080 を経由して s7g10.scene7.com に", "直接でも、drsum.corp に", "s7g10.scene7.com への接続を拒否しました（HTTP 403）"},
	}
	for lang, w := range want {
		Use(lang)
		// As the engine returns them: in a *ConnError (an upload), in a *url.Error (Test connection).
		for i, err := range []error{&uploader.ConnError{Err: both}, &url.Error{Op: "Post", URL: "http://drsum.corp/x", Err: one}, &uploader.ConnError{Err: tunnel}} {
			if got := Error(err); !strings.Contains(got, w[i]) {
				t.Errorf("%s: %q lacks %q", lang, got, w[i])
			}
		}
	}
}
