package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hoist/sandbox"
)

func TestCheckLogin(t *testing.T) {
	r := startSandbox(t)
	const wrong = "Not-The-Password-99"
	cases := []struct {
		name     string
		password string
		args     []string
		code     int

		want string // in stdout when accepted, in stderr otherwise
	}{
		{"scene7 accepted", sandbox.DemoPassword, scene7Args(r), exitOK, "Connected"},
		{"scene7 rejected", wrong, scene7Args(r), exitFailed, "not accepted"},
		{"scene7 wrong company", sandbox.DemoPassword, []string{"--endpoint", r.Scene7UploadURL(), "--user", sandbox.DemoUser, "--company", "c|9999"}, exitFailed, "company handle"},
		{"drsum accepted", sandbox.DrSumPassword, []string{"--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", sandbox.DrSumUser}, exitOK, "Connected"},
		{"drsum rejected", wrong, []string{"--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", sandbox.DrSumUser}, exitFailed, "not accepted"},
		{"no user", sandbox.DemoPassword, []string{"--endpoint", r.Scene7UploadURL()}, exitUsage, "--user"},
		{"an argument", sandbox.DemoPassword, append(scene7Args(r), "extra"), exitUsage, "no arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := hoist(t, invocation{stdin: tc.password + "\n"}, append([]string{"check-login", "--password-stdin", "--details"}, tc.args...)...)
			if out.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", out.code, tc.code, out.stdout, out.stderr)
			}
			if tc.code == exitOK {
				mustContain(t, "stdout", out.stdout, tc.want)
			} else {
				mustContain(t, "stderr", out.stderr, tc.want)
			}
			if strings.Contains(out.stdout+out.stderr, tc.password) {
				t.Error("the password was printed")
			}
		})
	}
}

func TestCheckLoginServerDown(t *testing.T) {
	r := startSandbox(t)
	args := scene7Args(r)
	_ = r.Close() // nothing listens there any more
	out := hoist(t, invocation{env: demoEnv}, append([]string{"check-login"}, args...)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	if !strings.HasPrefix(out.stderr, "hoist check-login: ") || len(out.stderr) < 30 {
		t.Errorf("no sentence on stderr: %q", out.stderr)
	}
}

func TestJobLogAfterUpload(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"logged/été.txt": "1", "logged/二.txt": "2"})
	args := append([]string{"upload", "--job-name", "logged-job"}, scene7Args(r)...)
	if out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "logged"))...); out.code != exitOK {
		t.Fatalf("upload: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	handle := r.Jobs()[0].Handle

	out := hoist(t, invocation{env: demoEnv}, append([]string{"job-log", handle}, scene7Args(r)...)...)
	if out.code != exitOK {
		t.Fatalf("job-log: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "job-log", out.stdout, "logged-job", handle, "2 files: 2 succeeded", "logged/été.txt", "logged/二.txt")

	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"job-log"}, scene7Args(r)...), "--json", handle)...)
	if out.code != exitOK {
		t.Fatalf("job-log --json: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	var logs []jsonJobLog
	sc := bufio.NewScanner(strings.NewReader(out.stdout))
	for sc.Scan() {
		var l jsonJobLog
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		logs = append(logs, l)
	}
	if len(logs) != 1 || logs[0].Handle != handle || logs[0].Success != 2 || len(logs[0].Lines) == 0 {
		t.Fatalf("job-log --json = %+v", logs)
	}

	out = hoist(t, invocation{env: demoEnv}, append([]string{"job-log", "j|2101||no-such-job|1"}, scene7Args(r)...)...)
	if out.code != exitFailed {
		t.Errorf("unknown job: exit %d, want 1", out.code)
	}
	mustContain(t, "stderr", out.stderr, "no log")
}

func TestAdminUsageProblems(t *testing.T) {
	r := startSandbox(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"job-log without a handle", append([]string{"job-log"}, scene7Args(r)...), "JOBHANDLE"},
		{"job-log without a company", []string{"job-log", "--endpoint", r.Scene7UploadURL(), "--user", sandbox.DemoUser, "j|1"}, "--company"},
		{"jobs on Dr.Sum", []string{"jobs", "--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", "u"}, "Scene7"},
		{"jobs with an argument", append([]string{"jobs", "x"}, scene7Args(r)...), "no arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := hoist(t, invocation{env: demoEnv}, tc.args...)
			if out.code != exitUsage {
				t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
			}
			mustContain(t, "stderr", out.stderr, tc.want)
		})
	}
}

func TestJobsWhenNoneRun(t *testing.T) {
	r := startSandbox(t)
	out := hoist(t, invocation{env: demoEnv}, append([]string{"jobs"}, scene7Args(r)...)...)
	if out.code != exitOK || !strings.Contains(out.stdout, "No active jobs.") {
		t.Fatalf("exit %d, stdout %q, stderr %q", out.code, out.stdout, out.stderr)
	}
	out = hoist(t, invocation{env: demoEnv}, append([]string{"jobs", "--json"}, scene7Args(r)...)...)
	if out.code != exitOK || out.stdout != "" {
		t.Fatalf("--json with no jobs: exit %d, stdout %q", out.code, out.stdout)
	}
}
