package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hoist/internal/words"
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

// A preset file edited wrong by hand, or cut short, says in the language of the moment
// which file it is, where, and what to do, in its own words rather than the decoder's
// ("invalid character '}' looking for beginning of object key string"); the other
// presets stay usable, and the damaged one asked for by name says so rather than "no such
// preset".
func TestDamagedPresetSaysWhereAndWhatToDo(t *testing.T) {
	defer words.Use(words.Use("en"))
	dir := t.TempDir()
	s := &Presets{Dir: dir}
	if err := s.Save(Preset{Name: "Good", Options: uploader.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"web.json":   "{\n  \"format\": \"hoist-preset/1\",\n  \"name\": \"web\",\n  \"options\": {\"overwrite\": true,}\n}\n",
		"cut.json":   `{"format":"hoist-preset/1","name":"cut","options":{"overw`,
		"tab.json":   "{\"format\":\"hoist-preset/1\",\t\"name\":\"tab\"\x01}",
		"typed.json": "{\"format\":\"hoist-preset/1\",\n\"options\":{\"overwrite\":\"yes\"}}",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	advice := map[string]string{"en": "Fix it in a text editor", "fr": "Corrigez-le dans un éditeur de texte", "ja": "テキストエディターで修正する"}
	for _, lang := range []string{"en", "fr", "ja"} {
		words.Use(lang)
		list, err := s.List()
		if len(list) != 1 || list[0].Name != "Good" {
			t.Fatalf("%s: List = %v, want the good preset", lang, list)
		}
		bad := 0
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var pe *PresetError
			if !errors.As(e, &pe) {
				t.Fatalf("%s: %T %v, want a *PresetError", lang, e, e)
			}
			bad++
			s := words.Error(e)
			if !strings.Contains(s, pe.Path) || pe.Line == 0 || !strings.Contains(s, advice[lang]) ||
				strings.Contains(s, "invalid character") || strings.Contains(s, "looking for") || strings.Contains(s, "json:") {
				t.Errorf("%s: %s", lang, s)
			}
		}
		if bad != len(files) {
			t.Errorf("%s: %d damaged files reported, want %d", lang, bad, len(files))
		}
	}
	words.Use("en")
	var pe *PresetError
	if _, err := s.Load("Web"); !errors.As(err, &pe) || filepath.Base(pe.Path) != "web.json" || pe.Line != 4 || pe.Column != 33 ||
		!strings.Contains(words.Error(err), "at “}”") {
		t.Fatalf("Load(web) = %v, want the damaged web.json at 4:33", err)
	}
	if _, err := s.Load("tab"); !strings.Contains(words.Error(err), "invisible character (U+0001)") {
		t.Fatalf("Load(tab) = %v, want the invisible character named", words.Error(err))
	}
	if _, err := s.Load("nothing"); !errors.Is(err, ErrPresetNotFound) {
		t.Fatalf("Load(nothing) = %v, want ErrPresetNotFound", err)
	}
	if _, err := s.Load("good"); err != nil {
		t.Fatal(err)
	}
}

// A file's last character can be the wrong one without the file being cut short: a
// trailing comma's "}" is said as malformed at "}", a cut file as cut short.
func TestJSONProblemAtTheEndIsNotACut(t *testing.T) {
	for _, c := range []struct {
		data string
		kind ProblemKind
		got  string
	}{
		{"{\n  \"overwrite\": true,}\n", ProblemMalformed, "}"},
		{"{\"overwrite\": true,}", ProblemMalformed, "}"},
		{"{\"overwrite\": tr", ProblemCutShort, ""},
		{"{\"overwrite\": tru\n}", ProblemMalformed, "u"},
		{"{\"overwrite\": tru }", ProblemMalformed, "u"},
		{"{\"level\": 1.\r\n}", ProblemMalformed, "."},
		{"{\"name\": \"a\tb\"}", ProblemMalformed, "\t"}, // a tab inside a string is the fault
		{"{\"level\": 1.", ProblemCutShort, ""},
		{"{\"name\": \"we", ProblemCutShort, ""},
		{"{\"overwrite\": true,\n\n", ProblemCutShort, ""},
		// A crash between the file's growth and its writes leaves zeros at its end.
		{"{\"overwrite\": tr\x00\x00\x00\x00", ProblemCutShort, ""},
		{"{\"overwrite\": true, \x00\x00", ProblemCutShort, ""},
		{"{\"overwrite\": true, \x00 \"a\": 1}", ProblemMalformed, "\x00"}, // a zero inside is a fault
		{"{\"overwrite\": true}\x00\x00", ProblemTrailingText, ""},
	} {
		var v map[string]any
		err := json.Unmarshal([]byte(c.data), &v)
		if _, _, p := jsonProblem([]byte(c.data), err); p.Kind != c.kind || p.Got != c.got {
			t.Errorf("%q: %+v, want kind %v at %q", c.data, p, c.kind, c.got)
		}
	}
}

// Another kind of JSON file, or a setting this Hoist does not know, is not a preset to
// fix or to delete and save again: only a damaged or wrongly edited one gets that advice.
func TestPresetAdviceOnlyForDamagedPresets(t *testing.T) {
	defer words.Use(words.Use("en"))
	advice := "delete the file and save the preset again"
	for _, c := range []struct {
		data   string
		advise bool
	}{
		{`{"format": 2, "rows": []}`, false}, // a saved upload
		{`[1, 2]`, false},                    // a list
		{`{"format": "hoist-preset/1", "name": "x", "options": {"later": 1}}`, false}, // a later version's setting
		{`{"format": "hoist-preset/1", "name": "x", "options": {"overwrite": "yes"}}`, true},
		{`{"format": "hoist-preset/1", "name": "x",}`, true},
	} {
		_, err := parsePreset("/p/x.json", []byte(c.data))
		if err == nil {
			t.Fatalf("%s: read as a preset", c.data)
		}
		if got := words.Error(err); strings.Contains(got, advice) != c.advise {
			t.Errorf("%s: %q, advice %v", c.data, got, c.advise)
		}
	}
}
