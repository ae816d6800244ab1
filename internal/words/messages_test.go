package words

import (
	"encoding/json"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"testing"

	"hoist/assets"
)

// messageAreas reads every message file as the translator wrote it: area → language → id →
// message.
func messageAreas(t *testing.T) map[string]map[string]map[string]any {
	t.Helper()
	files, err := MessageFiles()
	if err != nil {
		t.Fatal(err)
	}
	areas := map[string]map[string]map[string]any{}
	for _, f := range files {
		data, err := fs.ReadFile(assets.Messages, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if areas[f.Area] == nil {
			areas[f.Area] = map[string]map[string]any{}
		}
		areas[f.Area][f.Lang] = m
	}
	return areas
}

// placeholder matches what a translation must keep as it is: a template value ({{.Name}})
// or a flag's value name in the CLI's help (`NAME`, which the flag package prints).
var placeholder = regexp.MustCompile("{{\\s*\\.(\\w+)\\s*}}|(`[^`]+`)")

// placeholders lists the names a message (every form of it) fills in.
func placeholders(v any) []string {
	var texts []string
	switch m := v.(type) {
	case string:
		texts = []string{m}
	case map[string]any:
		for _, f := range m {
			if s, ok := f.(string); ok {
				texts = append(texts, s)
			}
		}
	}
	set := map[string]bool{}
	for _, s := range texts {
		for _, p := range placeholder.FindAllStringSubmatch(s, -1) {
			set[p[1]+p[2]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func TestEveryLanguageHasEveryMessage(t *testing.T) {
	areas := messageAreas(t)
	if len(areas) == 0 {
		t.Fatal("no message files")
	}
	known := map[string]bool{}
	for _, l := range Languages {
		known[l.Code] = true
	}
	definedIn := map[string]string{}
	for _, area := range slices.Sorted(maps.Keys(areas)) {
		files := areas[area]
		for code := range files {
			if !known[code] {
				t.Errorf("%s.%s.json: %q is not one of Hoist's languages (lang.go)", area, code, code)
			}
		}
		en := files["en"]
		if len(en) == 0 {
			t.Errorf("%s.en.json is missing or empty", area)
			continue
		}
		for id := range en {
			if other, ok := definedIn[id]; ok {
				t.Errorf("%q is in both %s.en.json and %s.en.json: one would silently win", id, other, area)
			}
			definedIn[id] = area
		}
		for _, l := range Languages {
			checkLanguage(t, area, l, en, files[l.Code])
		}
	}
}

// checkLanguage compares one area's file in language l with the English one.
func checkLanguage(t *testing.T, area string, l Language, en, m map[string]any) {
	t.Helper()
	name := area + "." + l.Code + ".json"
	if m == nil {
		t.Errorf("%s is missing", name)
		return
	}
	for id, ev := range en {
		v, ok := m[id]
		if !ok {
			t.Errorf("%s lacks %q", name, id)
			continue
		}
		if got, want := placeholders(v), placeholders(ev); !slices.Equal(got, want) {
			t.Errorf("%s %q fills %v, English fills %v", name, id, got, want)
		}
		_, plural := ev.(map[string]any)
		forms, isMap := v.(map[string]any)
		switch {
		case plural != isMap:
			t.Errorf("%s %q: plural in one language and not in the other", name, id)
		case plural:
			if got, want := slices.Sorted(maps.Keys(forms)), slices.Sorted(slices.Values(l.Plurals)); !slices.Equal(got, want) {
				t.Errorf("%s %q has the forms %v, %s needs %v", name, id, got, l.Name, l.Plurals)
			}
			for form, s := range forms {
				if text, _ := s.(string); text == "" {
					t.Errorf("%s %q: form %s is empty", name, id, form)
				}
			}
		default:
			if s, _ := v.(string); s == "" {
				t.Errorf("%s %q is empty", name, id)
			}
		}
	}
	for id := range m {
		if _, ok := en[id]; !ok {
			t.Errorf("%s has %q, which English lacks (a removed or misspelt key)", name, id)
		}
	}
}

func TestPluralForms(t *testing.T) {
	defer Use(Use("en"))
	cases := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 bytes"}, {"en", 1, "1 byte"}, {"en", 2, "2 bytes"},
		{"fr", 0, "0 octet"}, {"fr", 1, "1 octet"}, {"fr", 2, "2 octets"},
		{"ja", 1, "1バイト"}, {"ja", 5, "5バイト"},
	}
	for _, c := range cases {
		Use(c.lang)
		if got := N("size.bytes", c.n, nil); got != c.want {
			t.Errorf("%s N(size.bytes, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

func TestUnknownMessageShowsItsID(t *testing.T) {
	if got := T("no.such.message", nil); got != "no.such.message" {
		t.Errorf("T(unknown) = %q", got)
	}
}
