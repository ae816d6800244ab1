package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// editorShowsRow fails t unless the editor shows the profile of the list's row.
func editorShowsRow(t *testing.T, v *ConnectionsView, name, when string) {
	t.Helper()
	if v.selected < 0 || v.selected >= len(v.profiles) {
		t.Fatalf("%s: no row selected", when)
	}
	if row := v.profiles[v.selected].Name; row != name {
		t.Errorf("%s: row %d is %q, want %q", when, v.selected, row, name)
	}
	if got := v.editor.name.Text; got != name {
		t.Errorf("%s: the editor shows %q while row %d, selected, is %q", when, got, v.selected, v.profiles[v.selected].Name)
	}
}

// Another program (the command line) changes the connections while the window shows
// them: the copy of the connection open lands in its row, where the list's Select did
// nothing (the row was already selected) and the editor kept showing the original, whose
// Save would then have replaced it.
func TestTheEditorFollowsTheSelectedRowWhenAnotherProfileTakesIt(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	for _, name := range []string{"Brand", "Acme"} {
		if err := e.cfg.Profiles.Save("", scene7Profile(name)); err != nil {
			t.Fatal(err)
		}
	}
	v.reload("Acme")
	editorShowsRow(t, v, "Acme", "opened")
	row := v.selected
	if err := e.cfg.Profiles.Delete("Brand"); err != nil { // hoist in a terminal
		t.Fatal(err)
	}
	test.Tap(v.dup)
	editorShowsRow(t, v, "Acme copy", "after Duplicate")
	if v.selected != row {
		t.Fatalf("the copy is in row %d, want %d (where the test looks)", v.selected, row)
	}
	// Use at start for the same profile in the same row keeps what is typed.
	v.editor.folder.SetText("spring")
	test.Tap(v.makeDefault)
	editorShowsRow(t, v, "Acme copy", "after Use at start")
	if v.editor.folder.Text != "spring" {
		t.Errorf("Use at start threw away what was typed: folder %q", v.editor.folder.Text)
	}
}

// A New connection not saved yet has nothing to copy or to start with: Duplicate and Use
// at start answered "There is no connection named “New connection”". Once saved, both
// are on.
func TestANewConnectionIsCopiedOrMadeTheDefaultOnceSaved(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	if !v.dup.Disabled() || !v.makeDefault.Disabled() {
		t.Fatalf("for a connection not saved: Duplicate on %v, Use at start on %v", !v.dup.Disabled(), !v.makeDefault.Disabled())
	}
	v.editor.user.SetText("office@example.com")
	v.editor.company.SetText("c|2101")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	if v.dup.Disabled() || v.makeDefault.Disabled() {
		t.Fatalf("for the saved connection: Duplicate on %v, Use at start on %v", !v.dup.Disabled(), !v.makeDefault.Disabled())
	}
	test.Tap(v.makeDefault)
	if d, err := e.cfg.Profiles.Default(); err != nil || d.Name != v.editor.name.Text {
		t.Errorf("default %q, %v; want %q", d.Name, err, v.editor.name.Text)
	}
}
