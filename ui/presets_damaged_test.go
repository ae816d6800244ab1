package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/app/store"
	"hoist/internal/words"
)

// Every damaged preset file is named under the preset list, each with where it breaks
// and what to do, beside the good presets: the list said the first one alone.
func TestPresetBarNamesEveryDamagedFile(t *testing.T) {
	e := newTestEnv(t)
	dir := e.cfg.Presets.Dir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"good.json": `{"format":"hoist-preset/1","name":"Good","options":{}}`,
		"web.json":  "{\"format\":\"hoist-preset/1\",\n\"options\":{\"overwrite\":true,}}",
		"cut.json":  `{"format":"hoist-preset/1","opt`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e.w.Presets.reload()
	status := e.w.Presets.status.Text
	for _, want := range []string{filepath.Join(dir, "web.json"), filepath.Join(dir, "cut.json"), "Fix it in a text editor"} {
		if !strings.Contains(status, want) {
			t.Errorf("status %q does not say %q", status, want)
		}
	}
	if strings.Contains(status, "invalid character") {
		t.Errorf("status has Go's words: %q", status)
	}
	if opts := e.w.Presets.pick.Options; len(opts) != 1 || opts[0] != "Good" {
		t.Errorf("presets listed: %v, want Good", opts)
	}
}

// Only a list of damaged preset files is said file by file: a folder that cannot be read
// is one sentence in Hoist's words, with the system's reason inside it, not that reason alone.
func TestPresetTroubleSplitsOnlyFileLists(t *testing.T) {
	defer words.Use(words.Use("en"))
	cause := &fs.PathError{Op: "open", Path: "/cfg/presets", Err: fs.ErrPermission}
	whole := words.Fail("store.presets.unreadable", words.A{"Path": "/cfg/presets", "Reason": cause}, cause)
	if got, want := everyError(whole), words.Error(whole); got != want {
		t.Errorf("a folder that cannot be read: %q, want %q", got, want)
	}
	a := words.Fail("store.presets.unreadable", words.A{"Path": "/a", "Reason": cause}, cause)
	b := words.Fail("store.presets.unreadable", words.A{"Path": "/b", "Reason": cause}, cause)
	if got, want := everyError(store.FileErrors{a, b}), words.Sentences(words.Error(a), words.Error(b)); got != want {
		t.Errorf("two files: %q, want %q", got, want)
	}
}
