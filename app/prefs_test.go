package app

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/ui"
)

// isolated points HOIST_CONFIG_DIR and every folder of the user's (HOME, XDG_*, AppData)
// at temporary folders, and returns the config folder and the home.
func isolated(t *testing.T) (cfgDir, home string) {
	t.Helper()
	keyring.MockInit()
	cfgDir, home = t.TempDir(), t.TempDir()
	t.Setenv(store.ConfigDirEnv, cfgDir)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, ".cache"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("APPDATA", filepath.Join(home, "AppData"))
	t.Setenv("LOCALAPPDATA", filepath.Join(home, "LocalAppData"))
	return cfgDir, home
}

// savedPrefs reads the preferences file of cfgDir.
func savedPrefs(t *testing.T, cfgDir string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(cfgDir, "preferences.json"))
	if err != nil {
		t.Fatal(err)
	}
	var values map[string]any
	if err := json.Unmarshal(data, &values); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return values
}

// What the window keeps between runs is written in HOIST_CONFIG_DIR, and nothing at all
// outside it: not in the home folder, not in the preferences of the Fyne app.
func TestWindowPreferencesStayInTheConfigDir(t *testing.T) {
	cfgDir, home := isolated(t)
	fyneApp := test.NewTempApp(t)
	dt, err := Build(fyneApp, Options{Async: inline}) // ConfigDir "": $HOIST_CONFIG_DIR
	if err != nil {
		t.Fatal(err)
	}
	w := dt.Window
	w.FollowLinks.SetChecked(true)
	w.Win.Resize(fyne.NewSize(900, 640))
	w.SaveState()
	w.App.Preferences().SetString(ui.PrefLanguage, "fr")
	if err := dt.Close(); err != nil {
		t.Fatal(err)
	}

	saved := savedPrefs(t, cfgDir)
	if saved["followLinks"] != true || saved["window.width"] != 900.0 || saved[ui.PrefLanguage] != "fr" {
		t.Errorf("preferences.json holds %v", saved)
	}
	fyneOwn, ok := fyneApp.Preferences().(interface{ ReadValues(func(map[string]any)) })
	if !ok {
		t.Fatal("the test app's preferences cannot be read whole")
	}
	fyneOwn.ReadValues(func(m map[string]any) {
		if len(m) > 0 {
			t.Errorf("written to Fyne's own preferences: %v", m)
		}
	})
	// Fyne's font index is a cache (XDG_CACHE_HOME), not a setting: anything else is.
	cache := filepath.Join(home, ".cache")
	var outside []string
	filepath.WalkDir(home, func(path string, d fs.DirEntry, err error) error {
		if path != home && path != cache && filepath.Dir(path) != cache {
			outside = append(outside, path)
		}
		return err
	})
	if len(outside) > 0 {
		t.Errorf("written outside HOIST_CONFIG_DIR: %v", outside)
	}
	leftovers, _ := filepath.Glob(filepath.Join(cfgDir, ".preferences.json.*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// The next run finds them there.
	next, err := Build(test.NewTempApp(t), Options{Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	if !next.Window.FollowLinks.Checked || next.Window.App.Preferences().String(ui.PrefLanguage) != "fr" {
		t.Errorf("the next run does not find the settings: follow %v, language %q", next.Window.FollowLinks.Checked, next.Window.App.Preferences().String(ui.PrefLanguage))
	}
}

// The values Fyne kept before Hoist kept its own are brought over the first time, and
// only then.
func TestFynePreferencesAreBroughtOverOnce(t *testing.T) {
	cfgDir, _ := isolated(t)
	old := test.NewTempApp(t)
	old.Preferences().SetString(ui.PrefLanguage, "ja")
	old.Preferences().SetFloat("window.height", 700)
	old.Preferences().SetStringList("fyne:recent", []string{"a", "b"})
	old.Preferences().SetIntList("counts", []int{1, 2})
	h := withPrefs(old, cfgDir, true)
	if h.trouble != nil {
		t.Fatal(h.trouble)
	}
	p := h.Preferences()
	if p.String(ui.PrefLanguage) != "ja" || p.Float("window.height") != 700 || !slices.Equal(p.StringList("fyne:recent"), []string{"a", "b"}) || !slices.Equal(p.IntList("counts"), []int{1, 2}) {
		t.Errorf("not brought over: %q %v %v %v", p.String(ui.PrefLanguage), p.Float("window.height"), p.StringList("fyne:recent"), p.IntList("counts"))
	}
	if err := h.prefs.store.Flush(); err != nil {
		t.Fatal(err)
	}
	if saved := savedPrefs(t, cfgDir); saved[ui.PrefLanguage] != "ja" {
		t.Errorf("preferences.json holds %v", saved)
	}

	later := test.NewTempApp(t)
	later.Preferences().SetString(ui.PrefLanguage, "en")
	if got := withPrefs(later, cfgDir, true).Preferences().String(ui.PrefLanguage); got != "ja" {
		t.Errorf("brought over again: %q", got)
	}
}

// A config folder of HOIST_CONFIG_DIR (tests, the Local sandbox) does not take the user's
// real settings from Fyne's preferences: only the user's own folder does.
func TestSandboxConfigDirTakesNothingFromFyne(t *testing.T) {
	cfgDir, _ := isolated(t)
	a := test.NewTempApp(t)
	a.Preferences().SetString(ui.PrefLanguage, "ja")
	dt, err := Build(a, Options{Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	defer dt.Close()
	if got := dt.Window.App.Preferences().String(ui.PrefLanguage); got != "" {
		t.Errorf("the sandbox's config folder took the language %q from Fyne's preferences", got)
	}
	if ownConfigDir("") || ownConfigDir(cfgDir) {
		t.Error("HOIST_CONFIG_DIR's folder is taken for the user's own")
	}
	t.Setenv(store.ConfigDirEnv, "")
	if !ownConfigDir("") || ownConfigDir(cfgDir) {
		t.Error("only the default folder is the user's own")
	}
}

// Every kind of value reads back the same after a restart, and a value of another kind
// gives the fallback, as Fyne's own preferences do.
func TestPreferencesReadBackAfterARestart(t *testing.T) {
	dir := t.TempDir()
	h := withPrefs(test.NewTempApp(t), dir, true)
	p := h.Preferences()
	fired := 0
	p.AddChangeListener(func() { fired++ })
	p.SetBool("b", true)
	p.SetInt("i", -3)
	p.SetFloat("f", 1.5)
	p.SetString("s", "é")
	p.SetBoolList("bl", []bool{true, false})
	p.SetIntList("il", []int{4, 5})
	p.SetFloatList("fl", []float64{0.5})
	p.SetStringList("sl", []string{"x"})
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	if fired != 10 || len(p.ChangeListeners()) != 1 {
		t.Errorf("%d changes heard, %d listeners", fired, len(p.ChangeListeners()))
	}
	if err := h.prefs.store.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []fyne.Preferences{p, withPrefs(test.NewTempApp(t), dir, true).Preferences()} {
		if !q.Bool("b") || q.Int("i") != -3 || q.Float("f") != 1.5 || q.String("s") != "é" ||
			!slices.Equal(q.BoolList("bl"), []bool{true, false}) || !slices.Equal(q.IntList("il"), []int{4, 5}) ||
			!slices.Equal(q.FloatList("fl"), []float64{0.5}) || !slices.Equal(q.StringList("sl"), []string{"x"}) {
			t.Errorf("read back: %v %v %v %q %v %v %v %v", q.Bool("b"), q.Int("i"), q.Float("f"), q.String("s"), q.BoolList("bl"), q.IntList("il"), q.FloatList("fl"), q.StringList("sl"))
		}
		if q.StringWithFallback("gone", "none") != "none" || q.IntWithFallback("s", 7) != 7 || q.BoolWithFallback("s", true) != true ||
			!slices.Equal(q.StringListWithFallback("il", []string{"z"}), []string{"z"}) || !slices.Equal(q.IntListWithFallback("sl", []int{9}), []int{9}) {
			t.Error("a missing value or one of another kind does not give the fallback")
		}
	}
}

// A damaged preferences file is set aside, the window opens with its usual settings and
// says so.
func TestDamagedPreferencesAreSetAsideAndSaid(t *testing.T) {
	defer words.Use(words.Use("en"))
	cfgDir, _ := isolated(t)
	damaged := []byte("{\"followLinks\": true,\n \"connection\": \n")
	if err := os.WriteFile(filepath.Join(cfgDir, "preferences.json"), damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	dt, err := Build(test.NewTempApp(t), Options{Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	defer dt.Close()
	kept, err := os.ReadFile(filepath.Join(cfgDir, "preferences.json.damaged"))
	if err != nil || string(kept) != string(damaged) {
		t.Errorf("the damaged file was not kept as it was: %q, %v", kept, err)
	}
	if dt.Window.FollowLinks.Checked {
		t.Error("a value of the damaged file was used")
	}
	said := strings.Join(labelTexts(t, dt.Window.Win.Content()), "\n")
	for _, want := range []string{"preferences.json", "line 2", "preferences.json.damaged", "usual settings"} {
		if !strings.Contains(said, want) {
			t.Errorf("the window does not say %q:\n%s", want, said)
		}
	}
}

// labelTexts are the texts of the labels shown in o.
func labelTexts(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		if x.Visible() {
			out = append(out, x.Text)
		}
		return out
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labelTexts(t, c)...)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			out = append(out, labelTexts(t, c)...)
		}
	}
	return out
}
