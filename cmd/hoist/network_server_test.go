package main

import (
	"path/filepath"
	"testing"

	"hoist/app/store"
	"hoist/internal/testproxy"
	"hoist/sandbox"
)

// Every command that talks to a server takes --proxy, --ca-file and --stall-timeout, and
// a connection's own proxy (--profile) is used unless --proxy overrides it; check-login
// says which proxy it went through and why.
func TestServerCommandsTakeNetworkSettings(t *testing.T) {
	r := startSandbox(t)
	proxy := testproxy.Start(t, "")

	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login", "--proxy", proxy.URL}, scene7Args(r)...)...)
	if out.code != exitOK || proxy.Forwarded.Load() == 0 {
		t.Fatalf("check-login --proxy: exit %d, %d forwarded\nstdout:\n%s\nstderr:\n%s", out.code, proxy.Forwarded.Load(), out.stdout, out.stderr)
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
	before := proxy.Forwarded.Load()
	out = hoist(t, invocation{env: env}, "jobs", "--profile", "Office")
	if out.code != exitOK || proxy.Forwarded.Load() == before {
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
