package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/testproxy"
	"hoist/internal/words"
	"hoist/sandbox"
)

// notShown fails when the password appears in what the command printed.
func notShown(t *testing.T, out outcome, password string) {
	t.Helper()
	if strings.Contains(out.stdout+out.stderr, password) {
		t.Errorf("the password is printed:\nstdout:\n%s\nstderr:\n%s", out.stdout, out.stderr)
	}
}

// --proxy with a password in it is refused before any request (exit 2): the command line
// is readable by every user of the computer. The sentence says to leave --proxy out and
// put the login in HTTPS_PROXY, and shows the address with its password masked. A user
// name alone is no secret: that --proxy is used.
func TestProxyFlagRefusesAPassword(t *testing.T) {
	r := startSandbox(t)
	proxy := testproxy.Start(t, "")
	withLogin := strings.Replace(proxy.URL, "http://", "http://office:s3cret@", 1)
	masked := strings.Replace(proxy.URL, "http://", "http://office:xxxxx@", 1)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	for _, args := range [][]string{
		append([]string{"check-login", "--proxy", withLogin}, scene7Args(r)...),
		append(append([]string{"upload", "--proxy", withLogin}, scene7Args(r)...), filepath.Join(dir, "a.txt")),
	} {
		out := hoist(t, invocation{env: demoEnv}, args...)
		if out.code != exitUsage {
			t.Fatalf("%s --proxy with a password: exit %d, want 2\nstderr:\n%s", args[0], out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, words.T("cli.flag_problem", words.A{"Flag": "--proxy",
			"Problem": words.T("office.proxy.password_flag", words.A{"Proxy": masked})}))
		notShown(t, out, "s3cret")
	}
	if n := proxy.Forwarded.Load() + proxy.Connects.Load(); n != 0 {
		t.Errorf("%d requests reached the proxy", n)
	}

	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login", "--proxy", strings.Replace(proxy.URL, "http://", "http://office@", 1)}, scene7Args(r)...)...)
	if out.code != exitOK || proxy.Forwarded.Load() == 0 {
		t.Fatalf("--proxy with a user name only: exit %d, %d forwarded\nstderr:\n%s", out.code, proxy.Forwarded.Load(), out.stderr)
	}
}

// A connection saved with a password in its proxy (by hand, or by an older Hoist): using
// it (--profile) is refused before any request, with the sentence that says to clear the
// connection's proxy and put the login in HTTPS_PROXY, and the password is never printed;
// --proxy, which replaces the connection's proxy, still works.
func TestSavedConnectionProxyWithAPasswordIsRefused(t *testing.T) {
	r := startSandbox(t)
	proxy := testproxy.Start(t, "")
	withLogin := strings.Replace(proxy.URL, "http://", "http://office:s3cret@", 1)
	masked := strings.Replace(proxy.URL, "http://", "http://office:xxxxx@", 1)
	dir := t.TempDir()
	doc, err := json.Marshal(map[string]any{"format": "hoist-profiles/1", "profiles": []map[string]any{{
		"name": "Office", "service": "scene7", "uploadURL": r.Scene7UploadURL(), "user": sandbox.DemoUser,
		"company": sandbox.DemoCompany, "proxy": withLogin}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "profiles.json"), doc, 0o600); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, map[string]string{"files/a.txt": "a"})
	env := map[string]string{"HOIST_CONFIG_DIR": dir, "HOIST_PASSWORD": sandbox.DemoPassword}
	want := words.T("office.proxy.password_connection", words.A{"Proxy": masked})
	for _, args := range [][]string{
		{"check-login", "--profile", "Office"},
		{"jobs", "--profile", "Office"},
		{"upload", "--profile", "Office", filepath.Join(dir, "files")},
	} {
		out := hoist(t, invocation{env: env}, args...)
		if out.code != exitUsage {
			t.Fatalf("%s: exit %d, want 2\nstderr:\n%s", strings.Join(args, " "), out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, want)
		notShown(t, out, "s3cret")
	}
	if n := proxy.Forwarded.Load() + proxy.Connects.Load(); n != 0 {
		t.Errorf("%d requests reached the proxy", n)
	}
	out := hoist(t, invocation{env: env}, "check-login", "--profile", "Office", "--proxy", proxy.URL)
	if out.code != exitOK || proxy.Forwarded.Load() == 0 {
		t.Fatalf("--proxy over the connection's: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	notShown(t, out, "s3cret")
}

// Every command's help for --proxy says where a proxy's login goes instead, in every
// language: the address with its password in HTTPS_PROXY (HTTP_PROXY for an http://
// server), since --proxy refuses one.
func TestProxyHelpNamesTheVariableForALogin(t *testing.T) {
	defer words.Use(words.Current()) // --lang sets the process's language
	for _, lang := range []string{"en", "fr", "ja"} {
		for _, cmd := range []string{"upload", "check-login", "jobs", "job-log"} {
			out := hoist(t, invocation{}, cmd, "--help", "--lang", lang)
			help := out.stdout + out.stderr
			i := strings.Index(help, "--proxy URL")
			if i < 0 {
				t.Fatalf("%s %s --help has no --proxy:\n%s", lang, cmd, help)
			}
			block := help[i:]
			if j := strings.Index(block, "\n  --"); j >= 0 {
				block = block[:j]
			}
			login := "http://user:password@proxy:port"
			if lang == "fr" {
				login = "http://utilisateur:motdepasse@proxy:port"
			}
			mustContain(t, lang+" "+cmd+" --proxy help", block, "HTTPS_PROXY", "HTTP_PROXY", "http://", login)
		}
	}
}
