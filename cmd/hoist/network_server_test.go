package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"hoist/app/store"
	"hoist/sandbox"
)

// forwardProxy is a plain-http forward proxy on loopback that counts what it forwards.
func forwardProxy(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		out, err := http.NewRequestWithContext(r.Context(), r.Method, r.URL.String(), r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out.Header = r.Header.Clone()
		out.ContentLength = r.ContentLength
		resp, err := http.DefaultTransport.RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// Every command that talks to a server takes --proxy, --ca-file and --stall-timeout, and
// a connection's own proxy (--profile) is used unless --proxy overrides it; check-login
// says which proxy it went through and why.
func TestServerCommandsTakeNetworkSettings(t *testing.T) {
	r := startSandbox(t)
	proxy, forwarded := forwardProxy(t)

	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login", "--proxy", proxy.URL}, scene7Args(r)...)...)
	if out.code != exitOK || forwarded.Load() == 0 {
		t.Fatalf("check-login --proxy: exit %d, %d forwarded\nstdout:\n%s\nstderr:\n%s", out.code, forwarded.Load(), out.stdout, out.stderr)
	}
	mustContain(t, "stdout", out.stdout, "Connected", "Through the proxy "+proxy.URL+", given with --proxy.")

	dir := t.TempDir()
	cfg, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := store.Profile{Name: "Office", Service: "scene7", UploadURL: r.Scene7UploadURL(), User: sandbox.DemoUser, Company: sandbox.DemoCompany, Proxy: proxy.URL}
	if err := cfg.Profiles.Save("", p); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOIST_CONFIG_DIR": dir, "HOIST_PASSWORD": sandbox.DemoPassword}
	before := forwarded.Load()
	out = hoist(t, invocation{env: env}, "jobs", "--profile", "Office")
	if out.code != exitOK || forwarded.Load() == before {
		t.Fatalf("jobs --profile with its proxy: exit %d, nothing forwarded\nstderr:\n%s", out.code, out.stderr)
	}
	out = hoist(t, invocation{env: env}, "check-login", "--profile", "Office")
	mustContain(t, "stdout", out.stdout, "Through the proxy "+proxy.URL+", set in this connection.")

	// The flags override the connection's settings, and are checked on every command.
	out = hoist(t, invocation{env: env}, "check-login", "--profile", "Office", "--proxy", "ftp://files.corp")
	if out.code != exitUsage {
		t.Fatalf("--proxy ftp://: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "ftp://files.corp")
	out = hoist(t, invocation{env: env}, "jobs", "--profile", "Office", "--stall-timeout", "100ms")
	if out.code != exitUsage {
		t.Fatalf("jobs --stall-timeout 100ms: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	writeTree(t, dir, map[string]string{"ca.pem": "not a certificate"})
	out = hoist(t, invocation{env: env}, "job-log", "--profile", "Office", "--ca-file", filepath.Join(dir, "ca.pem"), "c|2101|job")
	if out.code != exitUsage {
		t.Fatalf("job-log --ca-file: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "ca.pem")
}
