package words

import (
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
