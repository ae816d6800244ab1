package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
)

func TestQueuedRowsShowScene7NameWarnings(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"c/hero.jpg": "1", "c/hero.png": "2", "c/ok.jpg": "3", "c/a&b.tif": "4"})
	e.w.Drop(fileURIs(filepath.Join(dir, "c")))
	rows := shownRows(e.w.Queue)
	if d := rows["c/hero.png"]; !strings.HasPrefix(d, "Waiting. Check the name: ") || !strings.Contains(d, `"hero"`) {
		t.Errorf("hero.png says %q", d)
	}
	if d := rows["c/a&b.tif"]; !strings.Contains(d, `will be called "ab"`) {
		t.Errorf("a&b.tif says %q", d)
	}
	if d := rows["c/ok.jpg"]; d != "Waiting" {
		t.Errorf("ok.jpg says %q", d)
	}
	for _, r := range e.q.Rows() {
		if r.Rel == "c/hero.jpg" && len(r.Names) == 0 {
			t.Error("hero.jpg has no warning")
		}
	}
	// The warnings never block Upload.
	if e.w.Queue.Upload.Disabled() {
		t.Errorf("Upload disabled: %q", e.w.Queue.blocker.Text)
	}
	// On a Dr.Sum connection names are kept as they are: no warnings.
	e.w.Dest.reload(store.SandboxDrSumProfile)
	if d := shownRows(e.w.Queue)["c/hero.png"]; d != "Waiting" {
		t.Errorf("on Dr.Sum hero.png says %q", d)
	}
}

func TestDrSumOverwriteIsOffUntilChosen(t *testing.T) {
	e := newTestEnv(t)
	if !e.w.Options.ForUpload().Overwrite {
		t.Fatal("Scene7 starts with overwrite off; its default is on")
	}
	e.w.Dest.reload(store.SandboxDrSumProfile)
	box := e.w.Options.fields["overwrite"].input.(*widget.Check)
	if e.w.Options.ForUpload().Overwrite || box.Checked || e.w.target().Options.Overwrite {
		t.Fatal("a Dr.Sum connection starts with overwrite on")
	}
	if !strings.Contains(e.w.Preview.text, `field "overwrite"  false`) {
		t.Errorf("preview:\n%s", e.w.Preview.text)
	}
	box.SetChecked(true)
	if !e.w.target().Options.Overwrite {
		t.Fatal("checking Overwrite on Dr.Sum did not turn it on")
	}
	// Scene7 keeps its own value, and Dr.Sum's choice stays for this session.
	e.w.Dest.reload(store.SandboxProfile)
	if !e.w.target().Options.Overwrite || !box.Checked {
		t.Fatal("Scene7 lost its overwrite")
	}
	box.SetChecked(false)
	e.w.Dest.reload(store.SandboxDrSumProfile)
	if !e.w.target().Options.Overwrite || !box.Checked {
		t.Fatal("Dr.Sum's overwrite was not kept apart from Scene7's")
	}
	e.w.Dest.reload(store.SandboxProfile)
	if e.w.target().Options.Overwrite {
		t.Fatal("Scene7's overwrite was not kept apart from Dr.Sum's")
	}
}

func TestFollowLinksSettingPersistsAndApplies(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	e := newTestEnv(t)
	dir := files(t, map[string]string{"c/a.jpg": "a", "out/b.jpg": "b"})
	if err := os.Symlink(filepath.Join(dir, "out"), filepath.Join(dir, "c", "more")); err != nil {
		t.Fatal(err)
	}
	e.w.Drop(fileURIs(filepath.Join(dir, "c")))
	if d := shownRows(e.w.Queue)["c/more"]; !strings.Contains(d, "links to a place outside the folder you chose") {
		t.Fatalf("the link's row says %q", d)
	}
	e.q.RemoveAll()
	e.w.FollowLinks.SetChecked(true)
	if !e.w.App.Preferences().Bool(prefFollow) {
		t.Fatal("the setting was not saved")
	}
	e.w.Drop(fileURIs(filepath.Join(dir, "c")))
	if _, ok := shownRows(e.w.Queue)["c/more/b.jpg"]; !ok {
		t.Fatalf("the link was not followed: %v", shownRows(e.w.Queue))
	}
	w2 := New(e.w.App, e.w.App.NewWindow("Hoist"), e.w.d)
	if !w2.FollowLinks.Checked {
		t.Fatal("the setting was not restored")
	}
}
