package main

import (
	"net"
	"regexp"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
)

func TestSandboxCommandServesUntilInterrupted(t *testing.T) {
	b := start(t, nil, "sandbox", "--dir", t.TempDir())
	stdout, stderr, cancel, code := b.stdout, b.stderr, b.cancel, b.code

	uploadURL := regexp.MustCompile(`http://127\.0\.0\.1:\d+/scene7/UploadFile`)
	stdout.waitFor(t, "the banner", uploadURL.MatchString)
	mustContain(t, "banner", stdout.String(), sandbox.DemoUser, sandbox.DemoPassword, sandbox.DemoCompany, sandbox.DrSumUser)

	out := hoist(t, invocation{env: demoEnv}, "check-login", "--endpoint", uploadURL.FindString(stdout.String()),
		"--user", sandbox.DemoUser, "--company", sandbox.DemoCompany)
	if out.code != exitOK {
		t.Fatalf("check-login against `hoist sandbox`: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	stderr.waitFor(t, "the request log", func(s string) bool { return strings.Contains(s, "checkLogin") })

	cancel() // what Ctrl-C does
	if got := <-code; got != exitOK {
		t.Fatalf("exit %d after interrupt\nstderr:\n%s", got, stderr.String())
	}
	mustContain(t, "stderr", stderr.String(), "Sandbox stopped.")
}

func TestSandboxCommandRefusesNetworkAddresses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":8080", "192.0.2.1:80", "nonsense"} {
		out := hoist(t, invocation{}, "sandbox", "--addr", addr, "--dir", t.TempDir())
		if out.code != exitUsage {
			t.Errorf("--addr %s: exit %d, want 2", addr, out.code)
		}
		mustContain(t, "stderr", out.stderr, "127.0.0.1")
	}
}

func TestSandboxCommandRefusesNegativeProcessing(t *testing.T) {
	out := hoist(t, invocation{}, "sandbox", "--processing", "-1s", "--dir", t.TempDir())
	if out.code != exitUsage {
		t.Errorf("exit %d, want 2", out.code)
	}
	mustContain(t, "stderr", out.stderr, "--processing")
}

func TestSandboxCommandFaultFlags(t *testing.T) {
	b := start(t, nil, "sandbox", "--quiet", "--dir", t.TempDir(), "--refuse-file", "bad.jpg", "--html-every", "7")
	stdout, stderr, cancel, code := b.stdout, b.stderr, b.cancel, b.code
	stdout.waitFor(t, "the banner", func(s string) bool { return strings.Contains(s, "Injected faults") })
	mustContain(t, "banner", stdout.String(), `file-level fault for “bad.jpg”`, "HTML page every 7")
	cancel()
	if got := <-code; got != exitOK {
		t.Fatalf("exit %d\nstderr:\n%s", got, stderr.String())
	}
	out := hoist(t, invocation{}, "sandbox", "--expire-every", "-1", "--dir", t.TempDir())
	if out.code != exitUsage {
		t.Errorf("--expire-every -1: exit %d, want 2", out.code)
	}
	mustContain(t, "stderr", out.stderr, "--expire-every")
}

// What `hoist sandbox --refuse-file` and `--html-every` inject reaches `hoist upload` as the
// engine classifies it: one refused file fails alone (exit 1, named on stderr); a proxy's
// page fails the upload and names the server.
func TestUploadMeetsInjectedFaults(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "a", "bad.jpg": "b", "c.jpg": "c"})
	r.SetFaults(sandbox.Faults{RefuseFile: "bad.jpg"})
	out := hoist(t, invocation{env: demoEnv}, append([]string{"upload", "--dest-folder", "spring", dir}, scene7Args(r)...)...)
	if out.code != exitFailed {
		t.Fatalf("refused file: exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "bad.jpg")
	if jobs := r.Jobs(); len(jobs) != 1 || len(jobs[0].Files) != 2 {
		t.Fatalf("sandbox jobs %+v: the other files should be in the one job", jobs)
	}

	r.SetFaults(sandbox.Faults{HTMLPageEvery: 1})
	out = hoist(t, invocation{env: demoEnv}, append([]string{"upload", "--dest-folder", "spring", dir}, scene7Args(r)...)...)
	if out.code != exitFailed {
		t.Fatalf("HTML page: exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "HTML page", strings.TrimPrefix(r.URL, "http://"))
}

// A sandbox asked to listen where another program already does says so and what to do,
// in every language, without Go's "bind: address already in use".
func TestSandboxCommandSaysTheAddressIsTaken(t *testing.T) {
	defer words.Use(words.Current())
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr := l.Addr().String()
	for lang, says := range map[string]string{"en": "is already in use", "fr": "est déjà utilisé", "ja": "すでに使われています"} {
		out := hoist(t, invocation{}, "sandbox", "--lang", lang, "--dir", t.TempDir(), "--addr", addr)
		if out.code != exitFailed {
			t.Fatalf("%s: exit %d\nstderr:\n%s", lang, out.code, out.stderr)
		}
		mustContain(t, lang+" stderr", out.stderr, addr, says, "--addr")
		mustNotContain(t, lang+" stderr", out.stderr, "bind:", "listen tcp")
	}
}
