package uploader

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// officePAC is a shorter version of the PAC file of pac/pac_test.go, which checks the
// helpers' answers; here only the cache's fetching is tested.
const officePAC = `
function FindProxyForURL(url, host) {
  if (dnsDomainIs(host, ".corp.example")) {
    return "DIRECT";
  }
  if (shExpMatch(host, "*.scene7.com") && url.substring(0, 6) == "https:") {
    return "PROXY secure.corp.example:8443; DIRECT";
  }
  return "PROXY web.corp.example:3128";
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
	c := newPACCache(compilePAC)
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
