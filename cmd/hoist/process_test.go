package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/sandbox"
)

// asCommandEnv makes the test binary run main() instead of the tests, so that a test can
// start the real command as a process: what a shell does to it (pipes, terminals, signals)
// cannot be seen in-process.
const asCommandEnv = "HOIST_TEST_AS_COMMAND"

// asCommand is the hoist command as a child process with a fresh config folder.
func asCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], args...)
	cmd.Env = append(os.Environ(), asCommandEnv+"=1", "HOIST_CONFIG_DIR="+t.TempDir())
	t.Cleanup(func() { stopChild(cmd) }) // before the test's folders are removed
	return cmd
}

// stopChild ends a child process a failed test left running, and waits for it, so that
// it no longer writes into the test's temporary folders when they are removed.
func stopChild(cmd *exec.Cmd) {
	if cmd.Process != nil && cmd.ProcessState == nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
}

// A reader that stops after the first line (hoist upload --json | head -n 1) closes the
// pipe while the upload runs, and stderr is closed from the start: the upload must go on to the last file and end its job.
func TestUploadSurvivesAClosedStdout(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 60 {
		files["many/"+strings.Repeat("f", 1+i%3)+string(rune('a'+i%26))+string(rune('A'+i/26))+".txt"] = strings.Repeat("x", 1000+i)
	}
	writeTree(t, dir, files)
	// One file per POST, one POST at a time, each answered after a pause: the reader is
	// gone long before the last event is written.
	r.SetFaults(sandbox.Faults{StallEvery: 1, StallFor: 20 * time.Millisecond})
	cmd := asCommand(t, append(append([]string{"upload", "--json", "--concurrency", "1"}, scene7Args(r)...), filepath.Join(dir, "many"))...)
	cmd.Env = append(cmd.Env, "HOIST_PASSWORD="+sandbox.DemoPassword)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stderr.Close() // and nobody reads the warnings either
	first, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(first, "{") {
		t.Fatalf("first line %q, %v", first, err)
	}
	stdout.Close() // head -n 1 exits
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the upload died when its stdout and stderr were closed: %v", err)
	}
	for rel := range files {
		if _, err := os.Stat(r.Scene7File(sandbox.DemoCompany, rel)); err != nil {
			t.Errorf("%s did not land: %v", rel, err)
		}
	}
	if n := len(runningJobs(r)); n != 0 {
		t.Errorf("%d jobs still running: endJob was not sent", n)
	}
}
