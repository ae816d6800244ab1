package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
)

// listRow is the text of the Connections list's row id.
func listRow(v *ConnectionsView, id int) string {
	o := v.list.CreateItem()
	v.list.UpdateItem(id, o)
	return o.(*fyne.Container).Objects[0].(*widget.Label).Text
}

// The built-in connections are named in the window's language (the list, the editor, the
// connection of the upload, the admin view), and stay "Local sandbox" where Hoist keeps
// the name: the upload's target (the queue file), the default, the preferences.
func TestBuiltinConnectionsAreNamedInTheWindowsLanguage(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		v := e.w.Connections
		shown := store.DisplayName(store.SandboxProfile)
		if code != "en" && shown == store.SandboxProfile {
			t.Fatalf("the sandbox has no %s name", code)
		}
		if got, want := listRow(v, 0), words.T("conn.default_suffix", words.A{"Name": shown}); got != want {
			t.Errorf("row 0 reads %q, want %q", got, want)
		}
		if got, want := listRow(v, 1), store.DisplayName(store.SandboxDrSumProfile); got != want {
			t.Errorf("row 1 reads %q, want %q", got, want)
		}
		v.reload(store.SandboxProfile)
		if v.editor.name.Text != shown {
			t.Errorf("the editor's name reads %q, want %q", v.editor.name.Text, shown)
		}
		if p := v.editor.profile(); p.Name != store.SandboxProfile {
			t.Errorf("the edited built-in is called %q, want %q", p.Name, store.SandboxProfile)
		}
		// Its password field, off, said "Type the password".
		if got, want := v.editor.password.PlaceHolder, words.T("connedit.password.sandbox", nil); got != want {
			t.Errorf("the sandbox's password hint reads %q, want %q", got, want)
		}

		ds := e.w.Dest
		if ds.conn.Selected != shown {
			t.Errorf("the upload's connection reads %q, want %q", ds.conn.Selected, shown)
		}
		ds.conn.SetSelected(store.DisplayName(store.SandboxDrSumProfile))
		if got := e.w.target().Profile; got != store.SandboxDrSumProfile {
			t.Errorf("the upload's target is %q, want %q", got, store.SandboxDrSumProfile)
		}
		if got := e.w.Admin.forWhom.Text; got != words.T("admin.for_connection", words.A{"Name": store.DisplayName(store.SandboxDrSumProfile)}) {
			t.Errorf("the admin view reads %q", got)
		}
	})
}
