package words

import (
	"testing"
)

// Every message file reads the same through the catalog's scan as through encoding/json.
func TestCatalogScanReadsAsEncodingJSON(t *testing.T) {
	files, err := MessageFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data := readMessages(f)
		scanned, decoded := &catalog{index: map[string]int{}}, &catalog{index: map[string]int{}}
		if err := scanned.scan(data); err != nil {
			t.Errorf("%s: %v: every message file must be a flat object of texts and plural forms", f.Path, err)
			continue
		}
		if err := decoded.decode(data); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		sameCatalog(t, f.Path, scanned, decoded)
	}
}

func sameCatalog(t *testing.T, name string, got, want *catalog) {
	t.Helper()
	if len(got.index) != len(want.index) {
		t.Errorf("%s: %d messages scanned, %d decoded", name, len(got.index), len(want.index))
	}
	for id, i := range want.index {
		j, ok := got.index[id]
		if !ok {
			t.Errorf("%s: %s not scanned", name, id)
			continue
		}
		g, w := &got.entries[j], &want.entries[i]
		if g.text != w.text || (g.forms == nil) != (w.forms == nil) || g.forms != nil && *g.forms != *w.forms {
			t.Errorf("%s: %s: scanned %q %v, decoded %q %v", name, id, g.text, g.forms, w.text, w.forms)
		}
	}
}

func TestCatalogScanEscapesAndShapes(t *testing.T) {
	good := []string{
		`{}`,
		` { "a" : "x\"y\\z\/\n\t\r\b\f" , "b":{"one":"1 é","other":"{{.Count}} \u00e9\ud83d\ude00"} } `,
		`{"a":"plain","a":"twice"}`,
		`{"p":{}}`,
	}
	for _, src := range good {
		scanned, decoded := &catalog{index: map[string]int{}}, &catalog{index: map[string]int{}}
		if err := scanned.scan(src); err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if err := decoded.decode(src); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		sameCatalog(t, src, scanned, decoded)
	}
	bad := []string{
		``, `[]`, `{"a":1}`, `{"a":"x",}`, `{"a":"x"`, `{"a":"x"} x`, `{"a":{"one":"x",}}`,
		`{"a":{"description":"d","other":"x"}}`, `{"a":{"other":{"x":"y"}}}`, "{\"a\":\"\x01\"}",
		`{"a":"\ud83d"}`, `{"a":"\x"}`, `{"a":"\u12"}`, "{\"a\":\"\xff\"}",
	}
	for _, src := range bad {
		if err := (&catalog{index: map[string]int{}}).scan(src); err == nil {
			t.Errorf("%q was scanned", src)
		}
	}
}

// A message in a shape the scan does not read still reaches go-i18n.
func TestCatalogLeavesOtherShapesToGoI18n(t *testing.T) {
	c := &catalog{index: map[string]int{}}
	if err := c.decode(`{"a":{"description":"d","other":"x"},"b":"{{if .X}}y{{end}}","c":"c {{.C}}"}`); err != nil {
		t.Fatal(err)
	}
	if c.lookup("a") != nil || c.lookup("b") != nil || c.lookup("missing") != nil {
		t.Error("a message go-i18n must write was cut")
	}
	if m := c.lookup("c"); m == nil || m[otherForm] == nil || m[otherForm].names[0] != "C" {
		t.Errorf("c: %v", m)
	}
}

// BenchmarkLoadCatalog is what every run of the command line pays before its first
// sentence; BenchmarkLoadBundle what go-i18n's loading of the same language costs.
func BenchmarkLoadCatalog(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadCatalog("en")
	}
}

func BenchmarkLoadBundle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bundleFor("en")
	}
}
