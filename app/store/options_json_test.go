package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/uploader"
)

// A preset saved before the knockout block got its WSDL name still loads with its knockout,
// and is written back under the new name only.
func TestPresetWithOldKnockoutNameLoadsAndIsRewritten(t *testing.T) {
	p, err := LoadPreset(filepath.Join("testdata", "preset-knockoutBackground.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := uploader.Knockout{Corner: "BottomRight", Tolerance: 0.25, FillMethod: "MatchPixel"}
	if p.Options.KnockoutBackground == nil || *p.Options.KnockoutBackground != want {
		t.Fatalf("knockout = %+v, want %+v", p.Options.KnockoutBackground, want)
	}
	out := filepath.Join(t.TempDir(), "p.json")
	if err := SavePreset(out, p); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), `"knockoutBackgroundOptions"`) || strings.Contains(string(data), `"knockoutBackground"`) {
		t.Fatalf("saved preset does not use the new name only:\n%s", data)
	}
	again, err := LoadPreset(out)
	if err != nil {
		t.Fatal(err)
	}
	if *again.Options.KnockoutBackground != want {
		t.Fatalf("round trip lost the knockout: %+v", again.Options.KnockoutBackground)
	}
}

// When a file has both names, the new one is what counts.
func TestPresetNewKnockoutNameWins(t *testing.T) {
	path := filepath.Join(t.TempDir(), "both.json")
	doc := `{"format":"hoist-preset/1","options":{"knockoutBackground":{"corner":"UpperLeft","tolerance":0.1,"fillMethod":"FloodFill"},` +
		`"knockoutBackgroundOptions":{"corner":"UpperRight","tolerance":0.5,"fillMethod":"MatchPixel"}}}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPreset(path)
	if err != nil {
		t.Fatal(err)
	}
	if k := p.Options.KnockoutBackground; k == nil || k.Corner != "UpperRight" {
		t.Fatalf("knockout = %+v, want the knockoutBackgroundOptions one", k)
	}
}

// A queue journal written before the rename keeps its knockout too.
func TestOldQueueFileWithOldKnockoutName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "20260101T000000Z-00000000.json")
	doc := `{"id":"20260101T000000Z-00000000","profile":"p","created":"2026-01-01T00:00:00Z",` +
		`"options":{"overwrite":true,"knockoutBackground":{"corner":"UpperLeft","tolerance":0.1,"fillMethod":"FloodFill"},"emailSetting":"None"},"files":[]}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	j, err := readJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	if k := j.Last.Options.KnockoutBackground; k == nil || k.FillMethod != "FloodFill" {
		t.Fatalf("knockout = %+v", k)
	}
}
