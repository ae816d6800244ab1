package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
