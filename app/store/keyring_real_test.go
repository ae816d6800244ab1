package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// runChild runs one test of this package in a fresh test binary that uses the OS keychain
// (TestMain skips keyring.MockInit there), with extra environment variables.
func runChild(t *testing.T, test string, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Env = append(append(os.Environ(), realKeyringChild+"=1"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatalf("%s against the OS keychain: %v\n%s", test, err, out)
	}
}

// TestRealKeychain saves, reads, replaces and forgets a password through the OS keychain
// itself (Secret Service on Linux). CI runs it on a private D-Bus with an unlocked GNOME
// Keyring:
//
//	dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
//	  HOIST_REAL_KEYRING=1 go test -race -run TestRealKeychain ./app/'
func TestRealKeychain(t *testing.T) {
	if os.Getenv(realKeyringChild) != "1" {
		if os.Getenv("HOIST_REAL_KEYRING") != "1" {
			t.Skip("uses the OS keychain: set HOIST_REAL_KEYRING=1 (on Linux inside dbus-run-session with " +
				"`echo -n pw | gnome-keyring-daemon --unlock --components=secrets`)")
		}
		runChild(t, "TestRealKeychain")
		return
	}
	c := &Credentials{Timeout: 20 * time.Second}
	key := KeyFor("scene7", "https://hoist-test.invalid/scene7/UploadFile", fmt.Sprintf("test-%d@hoist.invalid", time.Now().UnixNano()))
	t.Cleanup(func() { _ = c.Forget(key) })
	if _, err := c.Get(key); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Get before Set: %v (is the keychain unlocked?)", err)
	}
	for _, pw := range []string{"first-pw", "replaced pw é 秘密"} {
		if err := c.Set(key, pw); err != nil {
			t.Fatalf("Set: %v", err)
		}
		if c.SessionOnly(key) {
			t.Fatal("the password went to the session, not the keychain")
		}
		fresh := &Credentials{Timeout: 20 * time.Second} // nothing in memory: read from the keychain
		if got, err := fresh.Get(key); err != nil || got != pw {
			t.Fatalf("Get = %q, %v; want %q", got, err, pw)
		}
	}
	if err := c.Forget(key); err != nil {
		t.Fatalf("Forget: %v", err)
	}
	if _, err := (&Credentials{}).Get(key); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Get after Forget: %v", err)
	}
}

// TestNoSecretService is Linux without a Secret Service: the real go-keyring path fails to
// reach D-Bus, Hoist says so and keeps the password for the session.
func TestNoSecretService(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the Secret Service is the Linux keychain")
	}
	if os.Getenv(realKeyringChild) != "1" {
		runChild(t, "TestNoSecretService", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/hoist-test-bus")
		return
	}
	c := &Credentials{Timeout: 20 * time.Second}
	var ku *KeychainUnavailableError
	if _, err := c.Get("drsum host u"); !errors.As(err, &ku) {
		t.Fatalf("Get without a Secret Service: %v", err)
	}
	err := c.Set("drsum host u", "pw")
	if !errors.As(err, &ku) || !ku.SessionOnly {
		t.Fatalf("Set without a Secret Service: %v", err)
	}
	t.Log(ku.Sentence())
	if got, err := c.Get("drsum host u"); err != nil || got != "pw" {
		t.Fatalf("session password: %q, %v", got, err)
	}
}
