package store

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
)

func openPrefs(t *testing.T, dir string) *Prefs {
	t.Helper()
	p, err := OpenPrefs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Values are written to dir/preferences.json, only the user's to read, with no temporary
// file left, and read back by the next run; a burst of changes ends with the last value.
func TestPrefsAreWrittenAndReadBack(t *testing.T) {
	dir := t.TempDir()
	p := openPrefs(t, dir)
	if p.Existed() {
		t.Error("a new folder has a preferences file")
	}
	for i := range 200 {
		if err := p.Set("destFolder", strings.Repeat("x", i)); err != nil {
			t.Fatal(err)
		}
	}
	p.Set("window.width", 900.0)
	p.Set("gone", true)
	p.Remove("gone")
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, prefsFile))
	if err != nil || info.Mode().Perm() != filePerm {
		t.Fatalf("%v, %v", info, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	next := openPrefs(t, dir)
	if !next.Existed() {
		t.Error("the file written is not found")
	}
	if v, _ := next.Value("destFolder"); v != strings.Repeat("x", 199) {
		t.Errorf("destFolder: %v", v)
	}
	if v, _ := next.Value("window.width"); v != 900.0 {
		t.Errorf("window.width: %v", v)
	}
	if _, ok := next.Value("gone"); ok {
		t.Error("a removed value came back")
	}
}

// A value JSON cannot write is refused, and does not spoil the next writes.
func TestPrefsRefuseWhatJSONCannotWrite(t *testing.T) {
	dir := t.TempDir()
	p := openPrefs(t, dir)
	if err := p.Set("f", math.NaN()); err == nil {
		t.Error("NaN was kept")
	}
	p.Import(map[string]any{"c": make(chan int), "s": "kept"})
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	next := openPrefs(t, dir)
	if v, _ := next.Value("s"); v != "kept" {
		t.Errorf("s: %v", v)
	}
	if _, ok := next.Value("c"); ok {
		t.Error("a channel was kept")
	}
}

// A write that fails is heard of (OnError) and returned by Flush.
func TestPrefsSayAWriteThatFailed(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "cfg")
	p := openPrefs(t, notDir)
	if err := os.WriteFile(notDir, nil, 0o600); err != nil { // a file where the folder goes
		t.Fatal(err)
	}
	heard := make(chan error, 10)
	p.OnError = func(err error) { heard <- err }
	p.Set("a", "b")
	if err := p.Flush(); err == nil {
		t.Fatal("writing into a file, not a folder, did not fail")
	}
	if len(heard) == 0 {
		t.Error("OnError did not hear of it")
	}
	if err := p.Flush(); err != nil {
		t.Errorf("the error is returned twice: %v", err)
	}
}

// A damaged file is set aside as it was, the Prefs start empty and usable, and the error
// says where the damage is and where the file went.
func TestDamagedPrefsFileIsSetAside(t *testing.T) {
	defer words.Use(words.Use("en"))
	for _, c := range []struct{ data, says string }{
		{`{"a": "b",}`, "line 1, column 11"},
		{`{"a": "b"} {}`, "more text after the end"},
		{`null`, "line 1, column 1"},
		{`["a"]`, "line 1"},
		{"", "ends too early"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, prefsFile)
		if err := os.WriteFile(path, []byte(c.data), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := OpenPrefs(dir)
		var bad *PrefsFileError
		if !errors.As(err, &bad) || bad.Kept != path+".damaged" {
			t.Errorf("%q: %v", c.data, err)
			continue
		}
		if said := words.Error(err); !strings.Contains(said, c.says) || !strings.Contains(said, bad.Kept) {
			t.Errorf("%q: %s", c.data, said)
		}
		if kept, err := os.ReadFile(bad.Kept); err != nil || string(kept) != c.data {
			t.Errorf("%q: kept %q, %v", c.data, kept, err)
		}
		if !p.Existed() {
			t.Errorf("%q: the damaged file is taken for none: Fyne's values would be brought over", c.data)
		}
		p.Set("a", "c")
		if err := p.Flush(); err != nil {
			t.Fatal(err)
		}
		if v, _ := openPrefs(t, dir).Value("a"); v != "c" {
			t.Errorf("%q: after the damage: %v", c.data, v)
		}
	}
}

// A file that cannot be read or set aside is left as it is: the Prefs live in memory.
func TestUnreadablePrefsFileIsLeftAlone(t *testing.T) {
	defer words.Use(words.Use("en"))
	dir := t.TempDir()
	path := filepath.Join(dir, prefsFile)
	if err := os.Mkdir(path, 0o700); err != nil { // a folder: it cannot be read as a file
		t.Fatal(err)
	}
	p, err := OpenPrefs(dir)
	if err == nil || !strings.Contains(words.Error(err), path) {
		t.Fatalf("%v", err)
	}
	p.Set("a", "b")
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if v, _ := p.Value("a"); v != "b" {
		t.Errorf("a: %v", v)
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Errorf("the unreadable file was replaced: %v %v", info, err)
	}
}
