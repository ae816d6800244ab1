package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/app/store"
	"hoist/sandbox"
	"hoist/uploader"
)

// saveProfile stores a connection in a fresh config folder, as the Hoist window would, and
// returns the environment that points the command line at that folder.
func saveProfile(t *testing.T, p store.Profile) map[string]string {
	t.Helper()
	dir := t.TempDir()
	if err := (&store.Profiles{Dir: dir}).Save("", p); err != nil {
		t.Fatal(err)
	}
	return map[string]string{store.ConfigDirEnv: dir}
}

func TestLoginThenProfileCommandsUseTheKeychain(t *testing.T) {
	r := startSandbox(t)
	env := saveProfile(t, store.Profile{Name: "Rehearsal", Service: uploader.Scene7, UploadURL: r.Scene7UploadURL(),
		User: sandbox.DemoUser, Company: sandbox.DemoCompany, DestFolder: "from-profile"})
	profile := []string{"--profile", "rehearsal"} // names compare without case

	out := hoist(t, invocation{env: env, stdin: sandbox.DemoPassword + "\n"}, append([]string{"login"}, profile...)...)
	if out.code != exitOK {
		t.Fatalf("login: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	t.Cleanup(func() { hoist(t, invocation{env: env}, append([]string{"logout"}, profile...)...) })
	mustContain(t, "login", out.stdout, "Saved", sandbox.DemoUser)
	if strings.Contains(out.stdout+out.stderr, sandbox.DemoPassword) {
		t.Error("login printed the password")
	}

	if out := hoist(t, invocation{env: env}, append([]string{"check-login"}, profile...)...); out.code != exitOK {
		t.Fatalf("check-login with the saved password: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"p.txt": "profile"})
	if out := hoist(t, invocation{env: env}, append([]string{"upload", filepath.Join(dir, "p.txt")}, profile...)...); out.code != exitOK {
		t.Fatalf("upload with the profile: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	if got, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "from-profile/p.txt")); err != nil || string(got) != "profile" {
		t.Errorf("the profile's folder holds %q (%v)", got, err)
	}

	// A flag overrides the profile; another user has no saved password.
	out = hoist(t, invocation{env: env}, append([]string{"check-login", "--user", "someone@else"}, profile...)...)
	if out.code != exitUsage {
		t.Fatalf("another user: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "someone@else", "hoist login")

	out = hoist(t, invocation{env: env}, append([]string{"logout"}, profile...)...)
	if out.code != exitOK || !strings.Contains(out.stdout, "Removed") {
		t.Fatalf("logout: exit %d, stdout %q, stderr %q", out.code, out.stdout, out.stderr)
	}
	out = hoist(t, invocation{env: env}, append([]string{"logout"}, profile...)...)
	if out.code != exitOK || !strings.Contains(out.stdout, "No password") {
		t.Fatalf("second logout: exit %d, stdout %q", out.code, out.stdout)
	}
	if out := hoist(t, invocation{env: env}, append([]string{"check-login"}, profile...)...); out.code != exitUsage {
		t.Fatalf("check-login after logout: exit %d, want 2", out.code)
	}
}

func TestLoginProblems(t *testing.T) {
	cases := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"empty stdin", "", []string{"login", "--user", "u"}, "stdin"},
		{"no user", "pw\n", []string{"login"}, "--user"},
		{"unknown profile", "pw\n", []string{"login", "--profile", "Nowhere"}, `no connection named “Nowhere”`},
		{"sandbox profile", "pw\n", []string{"login", "--profile", store.SandboxProfile}, "demo password"},
		{"an argument", "pw\n", []string{"logout", "--user", "u", "extra"}, "no arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := hoist(t, invocation{stdin: tc.stdin}, tc.args...)
			if out.code != exitUsage {
				t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
			}
			mustContain(t, "stderr", out.stderr, tc.want)
		})
	}
}

func TestSandboxProfile(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"demo.txt": "demo"})
	file := filepath.Join(dir, "demo.txt")

	out := hoist(t, invocation{}, "upload", "--profile", store.SandboxProfile, file)
	if out.code != exitUsage {
		t.Fatalf("without a running sandbox: exit %d, want 2", out.code)
	}
	mustContain(t, "stderr", out.stderr, "hoist sandbox", "--endpoint")

	// With the sandbox's URL the profile's demo user, company and password apply.
	out = hoist(t, invocation{}, "upload", "--profile", store.SandboxProfile, "--endpoint", r.Scene7UploadURL(), file)
	if out.code != exitOK {
		t.Fatalf("with --endpoint: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	if got, _ := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "demo.txt")); string(got) != "demo" {
		t.Errorf("demo.txt holds %q", got)
	}
	out = hoist(t, invocation{}, "upload", "--profile", store.SandboxDrSumProfile, "--endpoint", r.DrSumUploadURL(), file)
	if out.code != exitOK {
		t.Fatalf("Dr.Sum sandbox profile: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	if got, _ := os.ReadFile(r.DrSumFile(store.SandboxDrSumFolder, "demo.txt")); string(got) != "demo" {
		t.Errorf("Dr.Sum demo.txt holds %q", got)
	}
}

func TestNoPasswordAnywhere(t *testing.T) {
	out := hoist(t, invocation{}, "check-login", "--endpoint", "https://s7.example.com/scene7/UploadFile", "--user", "nobody@example.com")
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "--password-stdin", "HOIST_PASSWORD", "hoist login", "s7.example.com")
}
