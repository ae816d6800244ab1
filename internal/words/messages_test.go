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

// messageFile reads one language's file as the translator wrote it.
func messageFile(t *testing.T, code string) map[string]any {
	t.Helper()
	data, err := fs.ReadFile(assets.Messages, MessageDir+"/"+code+".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
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
	en := messageFile(t, "en")
	if len(en) == 0 {
		t.Fatal("en.json is empty")
	}
	for _, l := range Languages {
		m := messageFile(t, l.Code)
		for id, ev := range en {
			v, ok := m[id]
			if !ok {
				t.Errorf("%s.json lacks %q", l.Code, id)
				continue
			}
			if got, want := placeholders(v), placeholders(ev); !slices.Equal(got, want) {
				t.Errorf("%s.json %q fills %v, English fills %v", l.Code, id, got, want)
			}
			_, plural := ev.(map[string]any)
			forms, isMap := v.(map[string]any)
			switch {
			case plural != isMap:
				t.Errorf("%s.json %q: plural in one language and not in the other", l.Code, id)
			case plural:
				if got, want := slices.Sorted(maps.Keys(forms)), slices.Sorted(slices.Values(l.Plurals)); !slices.Equal(got, want) {
					t.Errorf("%s.json %q has the forms %v, %s needs %v", l.Code, id, got, l.Name, l.Plurals)
				}
				for form, s := range forms {
					if text, _ := s.(string); text == "" {
						t.Errorf("%s.json %q: form %s is empty", l.Code, id, form)
					}
				}
			default:
				if s, _ := v.(string); s == "" {
					t.Errorf("%s.json %q is empty", l.Code, id)
				}
			}
		}
		for id := range m {
			if _, ok := en[id]; !ok {
				t.Errorf("%s.json has %q, which English lacks (a removed or misspelt key)", l.Code, id)
			}
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
		{"ja", 1, "1 バイト"}, {"ja", 5, "5 バイト"},
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
