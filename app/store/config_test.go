package store

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDefaultDirFollowsEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(ConfigDirEnv, dir)
	got, err := DefaultDir()
	if err != nil || got != dir {
		t.Fatalf("DefaultDir() = %q, %v; want %q", got, err, dir)
	}
	t.Setenv(ConfigDirEnv, "")
	got, err = DefaultDir()
	if err == nil && filepath.Base(got) != "Hoist" {
		t.Fatalf("DefaultDir() without %s = %q, want .../Hoist", ConfigDirEnv, got)
	}
}

func TestOpenCreatesPrivateFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "Hoist")
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != dir || c.Profiles.Dir != dir || c.Queue.Dir != dir || c.Presets.Dir != filepath.Join(dir, "presets") {
		t.Fatalf("stores not in %s: %+v", dir, c)
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != dirPerm {
		t.Fatalf("folder mode %v, want %v", info.Mode().Perm(), os.FileMode(dirPerm))
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f.json")
	for _, content := range []string{"first", "second, longer than the first", "3"} {
		if err := writeFileAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != filePerm {
		t.Fatalf("file mode %v, want %v", info.Mode().Perm(), os.FileMode(filePerm))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileAtomicFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	if err := writeFileAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A directory in the way of the rename makes the write fail after the temp file exists.
	blocked := filepath.Join(dir, "blocked")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(blocked, []byte("new")); err == nil {
		t.Fatal("writing over a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("a failed write left files behind: %v", entries)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("other file changed: %q", got)
	}
}
