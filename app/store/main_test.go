package store

import (
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// realKeyringChild marks a child test process that must use the OS keychain itself.
// go-keyring's provider is process-wide and MockInit cannot be undone, so tests of the
// real keychain run in a fresh copy of the test binary (see keyring_real_test.go).
const realKeyringChild = "HOIST_TEST_REAL_KEYRING_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(realKeyringChild) != "1" {
		keyring.MockInit()
	}
	// No test may touch the real config folder: DefaultDir comes from here.
	dir, err := os.MkdirTemp("", "hoist-config-*")
	if err != nil {
		panic(err)
	}
	os.Setenv(ConfigDirEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// nameList lists a store and returns the names, failing the test on an error.
func nameList[T any](t *testing.T, list func() ([]T, error), name func(T) string) []string {
	t.Helper()
	items, err := list()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, name(it))
	}
	return out
}
