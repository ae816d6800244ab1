package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"hoist/sandbox"
)

// A sandbox that never answers fails the upload after three stalls of --stall-timeout,
// with one sentence naming it.
func TestUploadStallTimeoutFailsASilentServer(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a", "b.txt": "b"})
	r.SetFaults(sandbox.Faults{StallEvery: 1, StallFor: time.Minute})
	args := append(append([]string{"upload", "--stall-timeout", "1s"}, scene7Args(r)...), filepath.Join(dir, "a.txt"))
	out := hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "stopped responding (nothing for 1.0 s", "trying again (attempt 2): The server stopped responding (nothing for 1.0 s).")
	// A retry line says what happened; "even after retrying" and what to do belong to
	// the failure that stands.
	for _, l := range strings.Split(out.stderr, "\n") {
		if strings.HasPrefix(l, "↻") && (strings.Contains(l, "retrying") || strings.Contains(l, "try again") || strings.Contains(l, "Check")) {
			t.Errorf("a retry line gives the final failure's sentence: %s", l)
		}
	}
	// The sandbox records a stalled request once it notices the client gave up.
	posts := func() int {
		n := 0
		for _, q := range r.Requests() {
			if q.Path == "/scene7/UploadFile" {
				n++
			}
		}
		return n
	}
	eventually(t, "3 upload POSTs recorded", func() bool { return posts() >= 3 })
	if n := posts(); n != 3 {
		t.Errorf("%d upload POSTs, want 3 (the stall budget)", n)
	}
}

func TestUploadStallTimeoutRefusesLessThanASecond(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	args := append(append([]string{"upload", "--stall-timeout", "0"}, scene7Args(r)...), filepath.Join(dir, "a.txt"))
	out := hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "--stall-timeout 0s", "at least a second")
}

// --bwlimit: the upload keeps to it and lands byte for byte; a bad rate is a usage error.
func TestUploadBandwidthLimit(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, awkward)
	root := filepath.Join(dir, "Campagne été")
	args := append(append([]string{"upload", "--bwlimit", "2M", "--dest-folder", "bw"}, scene7Args(r)...), root)
	out := hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitOK {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	for rel, content := range awkward {
		if got, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "bw/"+rel)); err != nil || string(got) != content {
			t.Errorf("%s: not landed byte for byte (%v)", rel, err)
		}
	}
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--bwlimit", "lots"}, scene7Args(r)...), root)...)
	if out.code != exitUsage {
		t.Fatalf("--bwlimit lots: exit %d, want 2", out.code)
	}
	mustContain(t, "stderr", out.stderr, "--bwlimit: “lots”", "20M")
}

// --proxy sends the upload through the named proxy: one that wants a login is said so.
func TestUploadProxyFlag(t *testing.T) {
	r := startSandbox(t)
	var asked atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		asked.Add(1)
		http.Error(w, "login first", http.StatusProxyAuthRequired)
	}))
	defer proxy.Close()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--proxy", proxy.URL}, scene7Args(r)...), filepath.Join(dir, "a.txt"))...)
	if out.code != exitFailed || asked.Load() == 0 {
		t.Fatalf("exit %d, proxy asked %d times\nstderr:\n%s", out.code, asked.Load(), out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "asks for a login")
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--proxy", "ftp://proxy"}, scene7Args(r)...), filepath.Join(dir, "a.txt"))...)
	if out.code != exitUsage {
		t.Fatalf("--proxy ftp://proxy: exit %d, want 2", out.code)
	}
	mustContain(t, "stderr", out.stderr, "http://proxy.example.com:8080")
}

// --ca-file that is no certificate is a usage error saying what to give.
func TestUploadCAFileRefusesANonCertificate(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a", "ca.pem": "not a certificate"})
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--ca-file", filepath.Join(dir, "ca.pem")}, scene7Args(r)...), filepath.Join(dir, "a.txt"))...)
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "--ca-file", "BEGIN CERTIFICATE")
}
