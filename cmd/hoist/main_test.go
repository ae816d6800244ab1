package main

import (
	"hoist/internal/testfs"

	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hoist/sandbox"
)

func TestMain(m *testing.M) {
	// The keychain itself is tested by package app; here it is go-keyring's in-memory
	// mock, so that no test leaves a password in a developer's keychain.
	keyring.MockInit()
	if os.Getenv(asCommandEnv) == "1" {
		main() // the test binary runs as the hoist command: see asCommand
	}
	os.Exit(m.Run())
}

// outcome is what one in-process invocation did.
type outcome struct {
	code           int
	stdout, stderr string
}

// invocation describes one in-process run of the command line.
type invocation struct {
	ctx   context.Context
	stdin string
	env   map[string]string
}

// hoist runs the command line in-process with its own streams and environment. The
// config folder is a fresh temporary one unless env names one, so tests never read or
// write the user's settings.
func hoist(t *testing.T, inv invocation, args ...string) outcome {
	t.Helper()
	var stdout, stderr syncBuffer
	c := newTestCLI(t, inv, &stdout, &stderr)
	code := c.main(args)
	return outcome{code, stdout.String(), stderr.String()}
}

// background is a command line running in the background until the test cancels it, as
// Ctrl-C does; its exit code arrives on code.
type background struct {
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	code           chan int
}

// start runs the command line in the background with env; the test reads its streams
// while it runs. It is cancelled when the test ends, if the test did not.
func start(t *testing.T, env map[string]string, args ...string) *background {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	b := &background{stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, code: make(chan int, 1)}
	c := newTestCLI(t, invocation{ctx: ctx, env: env}, b.stdout, b.stderr)
	go func() { b.code <- c.main(args) }()
	return b
}

func newTestCLI(t *testing.T, inv invocation, stdout, stderr *syncBuffer) *cli {
	t.Helper()
	env := map[string]string{"HOIST_CONFIG_DIR": t.TempDir()}
	for k, v := range inv.env {
		env[k] = v
	}
	ctx := inv.ctx
	if ctx == nil {
		ctx = t.Context()
	}
	return &cli{ctx: ctx, stdin: strings.NewReader(inv.stdin), stdout: stdout, stderr: stderr,
		getenv: func(k string) string { return env[k] }}
}

// syncBuffer is a bytes.Buffer that a running command and the test may use at once; the
// test can wait for what the command writes (waitFor) instead of polling.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	written chan struct{} // signalled after each write
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.written == nil {
		b.written = make(chan struct{}, 1)
	}
	select {
	case b.written <- struct{}{}:
	default: // a signal is already pending
	}
	return b.buf.Write(p)
}

// waitFor blocks until the text written so far satisfies cond, checking it after each
// write; a command that never writes it fails the test after 20 seconds.
func (b *syncBuffer) waitFor(t *testing.T, what string, cond func(string) bool) {
	t.Helper()
	b.mu.Lock()
	if b.written == nil {
		b.written = make(chan struct{}, 1)
	}
	written := b.written
	b.mu.Unlock()
	patience := time.NewTimer(20 * time.Second)
	defer patience.Stop()
	for !cond(b.String()) {
		select {
		case <-written:
		case <-patience.C:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startSandbox runs a Local sandbox on 127.0.0.1 for the test.
func startSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	r, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// scene7Args are the connection flags of the sandbox's demo Scene7 account.
func scene7Args(r *sandbox.Running) []string {
	return []string{"--endpoint", r.Scene7UploadURL(), "--user", sandbox.DemoUser, "--company", sandbox.DemoCompany}
}

var demoEnv = map[string]string{"HOIST_PASSWORD": sandbox.DemoPassword}

func writeTree(t *testing.T, dir string, files map[string]string) { testfs.Write(t, dir, files) }

// eventually polls cond until it holds or the test's patience runs out.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s does not contain %q:\n%s", what, w, s)
		}
	}
}
