package app

import (
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
)

// secondLaunchEnv makes the test binary play a second launch of Hoist (see
// TestHelperSecondLaunch): its value is the config folder, the arguments follow "--".
const secondLaunchEnv = "HOIST_TEST_SECOND_LAUNCH"

// TestHelperSecondLaunch is not a test: run as a child process, it is a second launch of
// Hoist, which hands its command-line paths to the running window and exits 0, or exits 3
// when no window took them.
func TestHelperSecondLaunch(t *testing.T) {
	dir := os.Getenv(secondLaunchEnv)
	if dir == "" {
		t.Skip("run as a child process by TestSecondLaunchHandsItsPathsToTheRunningWindow")
	}
	args := os.Args[slices.Index(os.Args, "--")+1:]
	if !handOff(dir, launchPaths(args)) {
		os.Exit(3)
	}
	os.Exit(0)
}

// launchAgain runs a second Hoist process in dir with args, and returns its exit code.
func launchAgain(t *testing.T, cfgDir, cwd string, args ...string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperSecondLaunch$", "--"}, args...)...)
	cmd.Dir = cwd
	cmd.Env = append(os.Environ(), secondLaunchEnv+"="+cfgDir)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("second launch: %v\n%s", err, out)
	}
	return 0
}

func TestSecondLaunchHandsItsPathsToTheRunningWindow(t *testing.T) {
	keyring.MockInit()
	cfgDir := t.TempDir()
	dir := tree(t, map[string]string{"spring/a.jpg": "a", "spring/b.jpg": "b", "c.png": "c"})

	// No window runs: the launch is not taken, and opens its own.
	if code := launchAgain(t, cfgDir, dir, "c.png"); code != 3 {
		t.Fatalf("with no window running, the second launch exited %d", code)
	}

	launches, handed, err := oneInstance(cfgDir, nil)
	if err != nil || handed || launches == nil {
		t.Fatalf("the first launch: %v, handed %v, err %v", launches, handed, err)
	}
	first, err := Build(test.NewTempApp(t), Options{ConfigDir: cfgDir, Async: inline, Launches: launches})
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(filepath.Join(cfgDir, instanceFile))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("the instance file: %v, %v (want readable by the user alone)", info, err)
		}
	}
	// Relative paths, as a shell gives them, from the second launch's working folder.
	if code := launchAgain(t, cfgDir, dir, "spring", "c.png"); code != 0 {
		t.Fatalf("the second launch exited %d, want 0 (handed over)", code)
	}
	var got []string
	for _, r := range first.Queue.Rows() {
		got = append(got, r.Rel)
	}
	slices.Sort(got)
	if want := []string{"c.png", "spring/a.jpg", "spring/b.jpg"}; !slices.Equal(got, want) {
		t.Fatalf("the running window's queue: %v, want %v", got, want)
	}
	if n := first.Queue.Totals().Count(session.Queued); n != 3 {
		t.Errorf("%d files queued", n)
	}

	// Closed: the next launch opens its own window again.
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfgDir, instanceFile)); !os.IsNotExist(err) {
		t.Errorf("the instance file is left behind: %v", err)
	}
	if code := launchAgain(t, cfgDir, dir, "c.png"); code != 3 {
		t.Errorf("after the window closed, the second launch exited %d", code)
	}
}

// Someone who cannot read the token (another user of the computer) gets nothing in.
func TestLaunchesWithoutTheTokenAreRefused(t *testing.T) {
	dir := t.TempDir()
	var mu sync.Mutex
	var took [][]string
	l, err := listenForLaunches(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.deliverTo(func(p []string) { mu.Lock(); took = append(took, p); mu.Unlock() })
	data, _ := os.ReadFile(filepath.Join(dir, instanceFile))
	var info instanceInfo
	if err := json.Unmarshal(data, &info); err != nil {
		t.Fatal(err)
	}
	for _, msg := range []string{`{"token":"guess","paths":["/etc"]}`, `{"paths":["/etc"]}`, "not json"} {
		conn, err := net.Dial("tcp", info.Addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(msg + "\n"))
		reply := make([]byte, 8)
		n, _ := conn.Read(reply) // the window closes the connection without a word
		conn.Close()
		if n != 0 || strings.Contains(string(reply[:n]), "ok") {
			t.Errorf("%s: answered %q", msg, reply[:n])
		}
	}
	ok := handOff(dir, []string{"/x"})
	mu.Lock()
	defer mu.Unlock()
	if !ok || len(took) != 1 || took[0][0] != "/x" {
		t.Fatalf("with the token: took %v", took)
	}
}
