package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// The Scene7 API's commands (check-login, jobs, job-log) on a server that answers with
// a sign-in page, a redirect, a busy 503 or garbage say what the server did, naming it,
// without "upload" in the sentence: they said "instead of an upload reply, so nothing
// was counted as uploaded", which no upload was about.
func TestAPICommandsSayTheAPIsAnswer(t *testing.T) {
	defer words.Use(words.Current())
	for _, c := range []struct {
		name   string
		answer http.HandlerFunc
		says   map[string]string
	}{
		{"html", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>Sign in</body></html>"))
		}, map[string]string{"en": "HTML page", "fr": "page HTML", "ja": "HTML ページ"}},
		{"garbage", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte{0xff, 0xfe, 0, 1})
		}, map[string]string{"en": "without the Scene7 API's answer", "fr": "sans la réponse de l’API Scene7", "ja": "Scene7 API の応答がありません"}},
		{"busy", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		}, map[string]string{"en": "is busy (HTTP 503)", "fr": "surchargé (HTTP 503)", "ja": "混み合っています（HTTP 503）"}},
		{"portal", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://login.portal.example/auth?t=1", http.StatusFound)
		}, map[string]string{"en": "http://login.portal.example", "fr": "http://login.portal.example", "ja": "http://login.portal.example"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(c.answer)
			defer srv.Close()
			host := strings.TrimPrefix(srv.URL, "http://")
			for lang, says := range c.says {
				for _, cmd := range [][]string{{"check-login"}, {"jobs"}, {"job-log", "j|2101||x|1"}} {
					args := append([]string{cmd[0], "--lang", lang, "--endpoint", srv.URL + "/scene7/UploadFile", "--user", "u", "--company", "c"}, cmd[1:]...)
					out := hoist(t, invocation{env: demoEnv}, args...)
					if out.code != exitFailed {
						t.Fatalf("%s %s: exit %d\nstderr:\n%s", lang, cmd[0], out.code, out.stderr)
					}
					mustContain(t, lang+" "+cmd[0], out.stderr, says, host)
					mustNotContain(t, lang+" "+cmd[0], out.stderr, "upload reply", "uploaded", "réponse d’envoi", "compté comme envoyé", "アップロード")
				}
			}
		})
	}
}

// check-login, jobs and job-log on a server whose certificate is not trusted add the
// command line's remedy for a private CA, --ca-file, in every language.
func TestAPICommandsOnAnUntrustedServerSayCAFile(t *testing.T) {
	defer words.Use(words.Current())
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	for _, lang := range []string{"en", "fr", "ja"} {
		for _, cmd := range [][]string{{"check-login"}, {"jobs"}, {"job-log", "j|2101||x|1"}} {
			args := append([]string{cmd[0], "--lang", lang, "--endpoint", srv.URL + "/scene7/UploadFile", "--user", "u", "--company", "c"}, cmd[1:]...)
			out := hoist(t, invocation{env: demoEnv}, args...)
			if out.code != exitFailed {
				t.Fatalf("%s %s: exit %d\nstderr:\n%s", lang, cmd[0], out.code, out.stderr)
			}
			mustContain(t, lang+" "+cmd[0], out.stderr, strings.TrimPrefix(srv.URL, "https://"), "--ca-file")
		}
	}
}

// An API answer that begins and never ends (a byte now and then) is said as a server that
// did not answer in time, once the stall timeout has passed: it read "answered HTTP 200
// without the Scene7 API's answer".
func TestAPIAnswerThatNeverEndsIsATimeout(t *testing.T) {
	defer words.Use(words.Current())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			http.NewResponseController(w).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	out := hoist(t, invocation{env: demoEnv}, "jobs", "--lang", "en", "--stall-timeout", "1s", "--endpoint", srv.URL+"/scene7/UploadFile", "--user", "u", "--company", "c")
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, host+" did not answer in time")
	mustNotContain(t, "stderr", out.stderr, "HTTP 200")
}
