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

func presetNames(t *testing.T, s *Presets) []string {
	t.Helper()
	return nameList(t, s.List, func(p Preset) string { return p.Name })
}

func TestPresetsStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "presets")
	s := &Presets{Dir: dir}
	if got := presetNames(t, s); got != nil {
		t.Fatalf("empty store lists %v", got)
	}
	web := Preset{Name: "Web images", Options: richOptions(), DestFolder: "web"}
	for _, p := range []Preset{web, {Name: "春のキャンペーン", Options: uploader.DefaultOptions()}, {Name: "a/b", Options: uploader.DefaultOptions()}, {Name: "a:b", Options: uploader.DefaultOptions()}} {
		if err := s.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := presetNames(t, s), []string{"a/b", "a:b", "Web images", "春のキャンペーン"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("List = %v, want %v", got, want)
	}
	got, err := s.Load("WEB IMAGES")
	if err != nil || !reflect.DeepEqual(got, web) {
		t.Fatalf("Load = %+v, %v", got, err)
	}
	// The file the CLI reads is the same preset.
	path, err := s.Path("a:b")
	if err != nil {
		t.Fatal(err)
	}
	if p, err := LoadPreset(path); err != nil || p.Name != "a:b" {
		t.Fatalf("LoadPreset(%s) = %+v, %v", path, p, err)
	}
	// Saving under an existing name (any case) replaces it.
	web.Name, web.DestFolder = "web IMAGES", "web2"
	if err := s.Save(web); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Load("Web images"); got.DestFolder != "web2" || got.Name != "web IMAGES" {
		t.Fatalf("replaced preset = %+v", got)
	}
	if files, _ := os.ReadDir(dir); len(files) != 4 {
		t.Fatalf("%d files for 4 presets", len(files))
	}
}

func TestPresetsRenameDelete(t *testing.T) {
	s := &Presets{Dir: t.TempDir()}
	for _, n := range []string{"One", "Two"} {
		if err := s.Save(Preset{Name: n, Options: uploader.DefaultOptions()}); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		from, to string
		want     []string
		err      bool
	}{
		{"one", "Uno", []string{"Two", "Uno"}, false},
		{"Uno", "UNO", []string{"Two", "UNO"}, false}, // only the case changes
		{"UNO", "two", nil, true},                     // taken
		{"missing", "x", nil, true},
		{"UNO", " ", nil, true},
		{"Two", "Deux/2", []string{"Deux/2", "UNO"}, false},
	}
	for _, st := range steps {
		err := s.Rename(st.from, st.to)
		if (err != nil) != st.err {
			t.Fatalf("Rename(%q, %q) = %v", st.from, st.to, err)
		}
		if st.err {
			continue
		}
		if got := presetNames(t, s); !reflect.DeepEqual(got, st.want) {
			t.Fatalf("after Rename(%q, %q): %v, want %v", st.from, st.to, got, st.want)
		}
		path, _ := s.Path(st.to)
		if base := filepath.Base(path); base != presetFileName(st.to)+".json" {
			t.Fatalf("file of %q is %s", st.to, base)
		}
	}
	if files, _ := os.ReadDir(s.Dir); len(files) != 2 {
		t.Fatalf("old files left: %v", files)
	}
	if err := s.Delete("deux/2"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("deux/2"); !errors.Is(err, ErrPresetNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if got := presetNames(t, s); !reflect.DeepEqual(got, []string{"UNO"}) {
		t.Fatalf("after delete: %v", got)
	}
}

func TestPresetsListReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	s := &Presets{Dir: dir}
	if err := s.Save(Preset{Name: "Good", Options: uploader.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{nope"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".Good.json.123.tmp"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := s.List()
	var pe *PresetError
	if len(list) != 1 || list[0].Name != "Good" || !errors.As(err, &pe) || !strings.Contains(pe.Path, "broken.json") {
		t.Fatalf("List = %v, %v", list, err)
	}
	// A bad file does not stop the good ones from being used.
	if _, err := s.Load("good"); err != nil {
		t.Fatal(err)
	}
}
