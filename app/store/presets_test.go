package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hoist/uploader"
)

func richOptions() uploader.Options {
	o := uploader.DefaultOptions()
	o.CreateMask = true
	o.PreserveCrop = uploader.Bool(false)
	o.ManualCrop = &uploader.ManualCrop{Left: 1, Right: 2, Top: 3, Bottom: 4}
	o.EmailSetting = uploader.EmailError
	o.XMPKeywords = "spring, 春"
	return o
}

func TestPresetFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	want := Preset{Name: "Spring « 春 » <&>", Options: richOptions(), DestFolder: "campaigns/spring"}
	if err := SavePreset(path, want); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"format": "hoist-preset/1"`) {
		t.Fatalf("no format marker:\n%s", data)
	}
	got, err := LoadPreset(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v\nwant %+v", got, want)
	}
}

func TestLoadPresetDefaultsAndName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Hand written.json")
	if err := os.WriteFile(path, []byte(`{"format":"hoist-preset/1","options":{"createMask":true}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPreset(path)
	if err != nil {
		t.Fatal(err)
	}
	want := uploader.DefaultOptions()
	want.CreateMask = true
	if p.Name != "Hand written" || !reflect.DeepEqual(p.Options, want) {
		t.Fatalf("got %+v", p)
	}
}

func TestLoadPresetRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name      string
		content   string
		line, col int
		contains  string
		problems  []string
	}{
		{name: "empty", content: "", line: 1, col: 1, contains: "ends too early"},
		{name: "not JSON", content: "{\n  \"format\": \"hoist-preset/1\",\n  oops\n}", line: 3, col: 3, contains: "malformed"},
		{name: "cut short", content: `{"format":"hoist-preset/1","options":{`, line: 1, col: 38, contains: "ends too early"},
		{name: "no format", content: `{"name":"x","options":{}}`, contains: "not a Hoist preset"},
		{name: "other JSON", content: `{"format":"something-else"}`, contains: "not a Hoist preset"},
		{name: "newer format", content: `{"format":"hoist-preset/2"}`, contains: "another version of Hoist"},
		{name: "unknown setting", content: `{"format":"hoist-preset/1","options":{"overwite":true}}`, contains: `“overwite” is not a setting`},
		{name: "wrong type", content: "{\"format\":\"hoist-preset/1\",\n\"options\":{\"overwrite\":\"yes\"}}", line: 2, col: 28, contains: "options.overwrite must be true or false, not text"},
		{name: "trailing data", content: "{\"format\":\"hoist-preset/1\"}\n{}", line: 2, col: 1, contains: "more text after the end"},
		{name: "invalid values", content: `{"format":"hoist-preset/1","options":{"emailSetting":"Sometimes","manualCropOptions":{"left":-5,"right":0,"top":0,"bottom":0}}}`,
			contains: "invalid", problems: []string{"manualCropOptions.left", "emailSetting"}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadPreset(path)
			var pe *PresetError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *PresetError", err)
			}
			if !strings.Contains(pe.Error(), tt.contains) || pe.Line != tt.line || pe.Column != tt.col || !strings.HasSuffix(pe.Sentence(), ".") {
				t.Fatalf("got %q at %d:%d; want %q at %d:%d", pe.Error(), pe.Line, pe.Column, tt.contains, tt.line, tt.col)
			}
			var paths []string
			for _, p := range pe.Problems {
				paths = append(paths, p.Path)
			}
			if !sameSet(paths, tt.problems) {
				t.Fatalf("problems %v, want %v", paths, tt.problems)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x]--; seen[x] < 0 {
			return false
		}
	}
	return true
}

func TestSavePresetRefusesInvalid(t *testing.T) {
	dir := t.TempDir()
	bad := uploader.DefaultOptions()
	bad.EmailSetting = "Sometimes"
	for _, p := range []Preset{{Name: "x", Options: bad}, {Name: " ", Options: uploader.DefaultOptions()}} {
		if err := SavePreset(filepath.Join(dir, "x.json"), p); err == nil {
			t.Fatalf("saved %+v", p)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("files written: %v", entries)
	}
}

func TestPresetFileName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Spring 2025", "Spring 2025"},
		{"春のキャンペーン", "春のキャンペーン"},
		{`a/b\c:d*e?f"g<h>i|j`, "a_b_c_d_e_f_g_h_i_j"},
		{"tab\there", "tab_here"},
		{".hidden", "_hidden"},
		{"ends with dots...", "ends with dots"},
		{"trailing space ", "trailing space"},
		{"CON", "_CON"},
		{"lpt1.txt", "_lpt1.txt"},
		{"console", "console"},
		{"...", "preset"},
		{"bad\xffutf8", "bad_utf8"},
	}
	for _, tt := range tests {
		if got := presetFileName(tt.name); got != tt.want {
			t.Errorf("presetFileName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	long := presetFileName(strings.Repeat("長", 200))
	if len(long) > 130 || !strings.HasPrefix(long, "長") {
		t.Errorf("long name gives %d bytes", len(long))
	}
}
