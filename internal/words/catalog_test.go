package words

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Every message file reads the same through the catalog's scan as through encoding/json,
// and in the files' own shape: nothing is left to go-i18n.
func TestCatalogScanReadsAsEncodingJSON(t *testing.T) {
	files, err := MessageFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data := readMessages(f)
		scanned := &catalog{index: map[string]int{}}
		if err := scanned.scan(f.Path, data); err != nil {
			t.Errorf("%v", err)
			continue
		}
		sameCatalog(t, f.Path, scanned, decoded(t, data))
		for id, i := range scanned.index {
			if scanned.entries[i].cut.Load() == uncut {
				t.Errorf("%s: %s is left to go-i18n: every message must be a text or an object of plural forms", f.Path, id)
			}
		}
	}
}

// decoded is the catalog encoding/json reads in data, as the scan must read it: a message
// in another shape than a text or plural forms is left to go-i18n, all of them when go-i18n
// reads the whole file as one message.
func decoded(t testing.TB, data string) *catalog {
	t.Helper()
	var raw any
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		t.Fatalf("%q: %v", data, err)
	}
	c := &catalog{index: map[string]int{}}
	m, _ := raw.(map[string]any)
	whole := false
	for id, v := range m {
		_, text := v.(string)
		whole = whole || goI18nReserved[strings.ToLower(id)] && (text || id == "translation")
	}
	for id, v := range m {
		switch x := v.(type) {
		case string:
			if !whole {
				c.add(id, x, nil)
				continue
			}
		case map[string]any:
			if forms, ok := formsOf(x); ok && !whole {
				c.add(id, "", forms)
				continue
			}
		}
		c.leave(id)
	}
	return c
}

// goI18nReserved are go-i18n's reservedKeys, which it compares lowered.
var goI18nReserved = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}

// formsOf reads an object of plural forms; ok is false for any other object.
func formsOf(x map[string]any) (*[6]string, bool) {
	var forms [6]string
	for k, v := range x {
		text, isText := v.(string)
		i := formIndex(k)
		if !isText || i < 0 {
			return nil, false
		}
		forms[i] = text
	}
	return &forms, len(x) > 0
}

func sameCatalog(t testing.TB, name string, got, want *catalog) {
	t.Helper()
	if len(got.index) != len(want.index) {
		t.Errorf("%q: %d messages scanned, %d decoded", name, len(got.index), len(want.index))
	}
	for id, i := range want.index {
		j, ok := got.index[id]
		if !ok {
			t.Errorf("%q: %s not scanned", name, id)
			continue
		}
		g, w := &got.entries[j], &want.entries[i]
		if gl, wl := g.cut.Load() == uncut, w.cut.Load() == uncut; gl != wl {
			t.Errorf("%q: %s: left to go-i18n %v, decoded %v", name, id, gl, wl)
		} else if gl {
			continue
		}
		if g.text != w.text || (g.forms == nil) != (w.forms == nil) || g.forms != nil && *g.forms != *w.forms {
			t.Errorf("%q: %s: scanned %q %v, decoded %q %v", name, id, g.text, g.forms, w.text, w.forms)
		}
	}
}

// checkScan checks that the scan refuses data iff go-i18n does (encoding/json, then
// go-i18n's reading of the values), at encoding/json's offset when it is not JSON, and
// that it reads what encoding/json reads otherwise.
func checkScan(t testing.TB, data string) {
	t.Helper()
	const path = "messages/area.en.json"
	got := &catalog{index: map[string]int{}}
	err := got.scan(path, data)
	var raw any
	var syntax *json.SyntaxError
	errors.As(json.Unmarshal([]byte(data), &raw), &syntax)
	_, refused := i18n.ParseMessageFileBytes([]byte(data), path, nil)
	if syntax == nil && refused == nil {
		if err != nil {
			t.Fatalf("%q: %v; go-i18n reads it", data, err)
		}
		sameCatalog(t, data, got, decoded(t, data))
		return
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("%q: scanned (%v); encoding/json says %v, go-i18n %v", data, err, syntax, refused)
	}
	if fe.Path != path || !strings.HasPrefix(fe.Error(), path+":") {
		t.Errorf("%q: %v does not name the file", data, fe)
	}
	switch {
	case syntax != nil && (!fe.Syntax || fe.Offset != int(syntax.Offset)):
		t.Fatalf("%q: %v (syntax %v, offset %d); encoding/json: %v at offset %d", data, fe, fe.Syntax, fe.Offset, syntax, syntax.Offset)
	case syntax == nil && fe.Syntax:
		t.Fatalf("%q: %v; encoding/json reads it, go-i18n says %v", data, fe, refused)
	}
}

func TestCatalogScanEscapesAndShapes(t *testing.T) {
	for _, src := range []string{
		`{}`,
		` { "a" : "x\"y\\z\/\n\t\r\b\f" , "b":{"one":"1 é","other":"{{.Count}} \u00e9\ud83d\ude00"} } `,
		`{"a":"plain","a":"twice"}`,
		`{"a":{"one":"x"},"a":"text"}`,
		`{"a":{"one":1,"one":"x","other":"y"}}`,
		`{"a":{"one":"x","one":null}}`,
		`{"a":1,"a":"x"}`,
		`{"p":{}}`,
		`{"a":null}`,
		`{"a":{"description":"d","other":"x"}}`,
		`{"a":{"b":"nested","c":{"other":"deeper"}}}`,
		`{"a":{"other":"x","Other":"y"}}`,
		`{"one":"x","other":"y"}`,
		`{"translation":{"other":"x"}}`,
		`{"other":{"other":"x"},"a":"y"}`,
		`[{"id":"a","translation":"x"}]`,
		"{\"\u0130D\":\"a\",\"OTHER\":\"b\"}", // İD is id to go-i18n: one message
		"{\"\u212a\":\"a\",\"other.\u0130d\":\"b\"}",
		"{\"a\":\"\xff\xc3 and \xe6\x97\"}",
		"{\"\xffkey\":\"x\"}",
		`{"a":"\ud83d","b":"\ude00\ud83d\u0041","c":"\ud83d\ud83d\ude00"}`,
		`{"a":"x\u0000y"}`,
	} {
		checkScan(t, src)
		if err := (&catalog{index: map[string]int{}}).scan("x.json", src); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// What encoding/json or go-i18n refuses, the scan refuses, saying where.
func TestCatalogScanRefusesMalformedFiles(t *testing.T) {
	for _, c := range []struct {
		src          string
		syntax       bool
		line, column int
	}{
		{``, true, 1, 1},
		{`{"a":"x"`, true, 1, 9},
		{"{\n  \"a\": \"x\",\n  \"b\": \"y\"\n", true, 4, 1},
		{`{"a":"x"} x`, true, 1, 11},
		{`{"a":"x",}`, true, 1, 10},
		{`{"a":"x" "b":"y"}`, true, 1, 10},
		{`{"a":"\x"}`, true, 1, 8},
		{`{"a":"\'"}`, true, 1, 8},
		{`{"a":"\u12G4"}`, true, 1, 11},
		{"{\"a\":\"\x01\"}", true, 1, 7},
		{"{\"a\":\"x\"}\xff", true, 1, 10},
		{`{"a":{"one":"x",}}`, true, 1, 17},
		{`{"a":01}`, true, 1, 7},
		{`{"a":tru}`, true, 1, 9},
		{strings.Repeat("[", 10001) + strings.Repeat("]", 10001), true, 1, 10001},
		{`{"a":1}`, false, 1, 6},
		{"{\n\"a\":\"x\",\n\"b\":{\"one\":1,\"other\":\"x\"}}", false, 3, 5},
		{`{"a":"x","b":{"one":"x","other":true}}`, false, 1, 14},
		{`{"a":{"one":"x","two":["y"]}}`, false, 1, 6},
		{`{"a":{"one":"x","note":"y"}}`, false, 1, 6},
		{`{"a":"x","other":"y"}`, false, 1, 1},
		{"{\"a\":\"x\",\"descr\u0130ption\":\"y\"}", false, 1, 1},
		{`"a text"`, false, 1, 1},
		{`null`, false, 1, 1},
		{`{"a":1e400}`, false, 1, 6},
	} {
		checkScan(t, c.src)
		err := (&catalog{index: map[string]int{}}).scan("messages/x.fr.json", c.src)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%.40q: scanned (%v)", c.src, err)
			continue
		}
		if fe.Syntax != c.syntax || fe.Line != c.line || fe.Column != c.column {
			t.Errorf("%.40q: %v: syntax %v at %d:%d, want %v at %d:%d", c.src, fe, fe.Syntax, fe.Line, fe.Column, c.syntax, c.line, c.column)
		}
	}
}

// A message in a shape the scan does not read still reaches go-i18n.
func TestCatalogLeavesOtherShapesToGoI18n(t *testing.T) {
	c := &catalog{index: map[string]int{}}
	if err := c.scan("x.en.json", `{"a":{"description":"d","other":"x"},"b":"{{if .X}}y{{end}}","c":"c {{.C}}"}`); err != nil {
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
