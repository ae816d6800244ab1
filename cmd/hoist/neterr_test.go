package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
)

// mustNotContain fails when s holds any of bad.
func mustNotContain(t *testing.T, what, s string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(s, b) {
			t.Errorf("%s has %q:\n%s", what, b, s)
		}
	}
}

// A proxy given with --proxy that nobody listens on: check-login names the proxy and the
// flag to check, not the server's connection "dropped" with a promise of retries that
// check-login does not make.
func TestCheckLoginNamesADeadProxy(t *testing.T) {
	defer words.Use(words.Current()) // --lang sets the process's language
	r := startSandbox(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + l.Addr().String()
	l.Close()
	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login", "--lang", "fr", "--proxy", dead}, scene7Args(r)...)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "Hoist n’a pas pu se connecter au proxy "+dead+".", "Vérifiez l’adresse indiquée avec --proxy")
	mustNotContain(t, "stderr", out.stderr, "coupée", "réessaie", "Via le proxy", "proxyconnect", "dial tcp")
}

// A proxy of the environment that refuses the tunnel: check-login (which said only "Bad
// Gateway") and the upload say which proxy refused which server, in sentences.
func TestProxyRefusalIsASentence(t *testing.T) {
	defer words.Use(words.Current()) // --lang sets the process's language
	for _, k := range []string{"https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	status := http.StatusBadGateway
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(status) }))
	defer proxy.Close()
	t.Setenv("HTTPS_PROXY", proxy.URL)
	// upload.example.invalid is never looked up: the proxy answers for it.
	server := []string{"--endpoint", "https://upload.example.invalid/scene7/UploadFile", "--user", "u", "--company", "c"}
	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login", "--lang", "fr"}, server...)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "Le proxy "+proxy.URL+" n’a pas pu joindre upload.example.invalid (HTTP 502)")
	mustNotContain(t, "stderr", out.stderr, "Bad Gateway", "checkLogin", "Post \"")

	// A refusal by the proxy's rule is not tried again, so the upload ends at once.
	status = http.StatusForbidden
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "ja"}, server...), filepath.Join(dir, "a.txt"))...)
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "プロキシ "+proxy.URL+" が upload.example.invalid への接続を拒否しました（HTTP 403）")
	mustNotContain(t, "stderr", out.stderr, "Forbidden", "Post \"", "再試行")
}

// A proxy given with --proxy that wants a login, for a server over plain http (the proxy
// answers the request itself): the advice is not an environment variable that --proxy
// overrides, but to use one instead of --proxy, and the one of http servers.
func TestProxyLoginAdviceFollowsTheFlag(t *testing.T) {
	defer words.Use(words.Current()) // --lang sets the process's language
	r := startSandbox(t)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "login first", http.StatusProxyAuthRequired)
	}))
	defer proxy.Close()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	want := "The proxy " + proxy.URL + " asks for a login (HTTP 407), which Hoist cannot type itself. Ask your IT team to let Hoist through, or, instead of --proxy, set the environment variable HTTP_PROXY to http://user:password@proxy:port."
	for _, args := range [][]string{
		append(append([]string{"upload", "--lang", "en", "--proxy", proxy.URL}, scene7Args(r)...), filepath.Join(dir, "a.txt")),
		append([]string{"check-login", "--lang", "en", "--proxy", proxy.URL}, scene7Args(r)...),
	} {
		out := hoist(t, invocation{env: demoEnv}, args...)
		if out.code != exitFailed {
			t.Fatalf("%s: exit %d\nstderr:\n%s", args[0], out.code, out.stderr)
		}
		mustContain(t, args[0]+" stderr", out.stderr, want)
		mustNotContain(t, args[0]+" stderr", out.stderr, "HTTPS_PROXY")
	}
}

// An https address on a server that speaks plain http (a wrong port, a wrong scheme):
// check-login says the secure connection could not be set up, not net/http's words.
func TestCheckLoginSaysASecureConnectionFailed(t *testing.T) {
	defer words.Use(words.Current())
	r := startSandbox(t)
	endpoint := strings.Replace(r.Scene7UploadURL(), "http://", "https://", 1)
	host := strings.TrimPrefix(strings.Split(endpoint, "/scene7")[0], "https://")
	out := hoist(t, invocation{env: demoEnv}, "check-login", "--lang", "en", "--endpoint", endpoint, "--user", "u", "--company", "c")
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "The secure connection to "+host+" could not be set up.")
	mustNotContain(t, "stderr", out.stderr, "http: server gave", "checkLogin", "Post \"")
}

// An upload to an https server whose certificate no trusted authority signed (an
// intranet server with the company's own CA) names the server and says to give that
// authority's certificate with --ca-file, in every language; it said "Check the
// connection's URL" only, and nothing of the CA file.
func TestUploadToAnUntrustedServerSaysCAFile(t *testing.T) {
	defer words.Use(words.Current())
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "https://")
	dir := t.TempDir()
	file := filepath.Join(dir, "a.jpg")
	if err := os.WriteFile(file, []byte("\xFF\xD8\xFFa"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr", "ja"} {
		out := hoist(t, invocation{env: demoEnv}, "upload", "--lang", lang, "--endpoint", srv.URL+"/scene7/UploadFile", "--user", "u", "--company", "c", file)
		if out.code != exitFailed {
			t.Fatalf("%s: exit %d\nstderr:\n%s", lang, out.code, out.stderr)
		}
		mustContain(t, lang+" stderr", out.stderr, host)
		mustContain(t, lang+" stderr", out.stderr, "--ca-file")
		mustNotContain(t, lang+" stderr", out.stderr, "x509", "tls:", "Post \"")
	}
}
