package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hoist/app/store"
)

// shows reports whether the Connections list and the queue's connection list hold name.
func shows(e *testEnv, name string) (list, queue bool) {
	list = slices.ContainsFunc(e.w.Connections.profiles, func(p store.Profile) bool { return p.Name == name })
	return list, slices.Contains(e.w.Dest.conn.Options, store.DisplayName(name))
}

// Another program (an editor, a settings file copied in) saves and deletes a connection while the window
// is open: the Connections tab and the queue show it as saved once either tab is opened
// or the window comes back to the front; before, only the window's own actions read the
// file again.
func TestConnectionsChangedElsewhereShowWhenATabOpens(t *testing.T) {
	e := newTestEnv(t)
	if err := e.cfg.Profiles.Save("", scene7Profile("Acme")); err != nil {
		t.Fatal(err)
	}
	if list, queue := shows(e, "Acme"); list || queue {
		t.Fatalf("shown before anything read it: list %v, queue %v", list, queue)
	}
	e.w.Tabs.SelectIndex(tabConnections)
	if list, queue := shows(e, "Acme"); !list || !queue {
		t.Errorf("saved elsewhere, then the Connections tab opened: list %v, queue %v", list, queue)
	}
	if err := e.cfg.Profiles.Delete("Acme"); err != nil {
		t.Fatal(err)
	}
	e.w.Tabs.SelectIndex(tabQueue)
	if list, queue := shows(e, "Acme"); list || queue {
		t.Errorf("deleted elsewhere, then the queue opened: list %v, queue %v", list, queue)
	}
	if err := e.cfg.Profiles.Save("", scene7Profile("Brand")); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections() // the window back in front
	if list, queue := shows(e, "Brand"); !list || !queue {
		t.Errorf("saved elsewhere, then the window came to the front: list %v, queue %v", list, queue)
	}
}

// What is being typed in the Connections tab is not thrown away by a connection saved
// elsewhere: a New one not saved yet stays, as does a field typed into; once saved, the
// next look shows the other program's connection.
func TestRereadingKeepsWhatIsTyped(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	e.w.Tabs.SelectIndex(tabConnections)
	v.newProfile()
	v.editor.user.SetText("office@example.com")
	if err := e.cfg.Profiles.Save("", scene7Profile("Acme")); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if v.selected != len(v.profiles)-1 || v.selected < v.storedRows || v.editor.user.Text != "office@example.com" {
		t.Fatalf("the New connection being typed was lost: row %d of %d (%d saved), user %q", v.selected, len(v.profiles), v.storedRows, v.editor.user.Text)
	}
	if list, queue := shows(e, "Acme"); list || !queue {
		t.Errorf("while a New connection is typed: list %v (want false), queue %v (want true)", list, queue)
	}
	v.editor.company.SetText("c|2101")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	if list, _ := shows(e, "Acme"); !list {
		t.Errorf("after Save the list still lacks the connection saved elsewhere")
	}
	// A saved connection with a field typed into and not saved, changed elsewhere too:
	// kept as typed (Save, then, says what wins).
	v.reload("Acme")
	v.editor.folder.SetText("spring")
	elsewhere := scene7Profile("Acme")
	elsewhere.Company = "c|99"
	if err := e.cfg.Profiles.Save("Acme", elsewhere); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if v.editor.folder.Text != "spring" || v.editor.company.Text == "c|99" || v.profiles[v.selected].Name != "Acme" {
		t.Errorf("the form of Acme, typed into: folder %q, company %q, row of %q", v.editor.folder.Text, v.editor.company.Text, v.profiles[v.selected].Name)
	}
	// Saved: the form is the profile as stored, and follows the next change elsewhere.
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	after := scene7Profile("Acme")
	after.DestFolder = "winter"
	if err := e.cfg.Profiles.Save("Acme", after); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if v.editor.folder.Text != "winter" {
		t.Errorf("saved, then changed elsewhere: the form shows folder %q, want winter", v.editor.folder.Text)
	}
	// Nothing typed: the form follows what the other program saved for the connection.
	v.selectProfile(v.selected) // Acme as saved, nothing typed
	changed := scene7Profile("Acme")
	changed.DestFolder = "autumn"
	if err := e.cfg.Profiles.Save("Acme", changed); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if v.editor.folder.Text != "autumn" || v.editor.editing() {
		t.Errorf("Acme changed elsewhere, nothing typed: the form shows folder %q (want autumn), editing %v", v.editor.folder.Text, v.editor.editing())
	}
}

// A password saved by another program (hoist login in a terminal) while the window asks
// for one: once the window is back in front, the queue no longer asks for it and the
// Connections tab says it is saved, each asking the keychain when it is the tab in view.
func TestAPasswordSavedElsewhereEndsTheQuestion(t *testing.T) {
	e := newTestEnv(t)
	p := scene7Profile("Acme")
	if err := e.cfg.Profiles.Save("", p); err != nil {
		t.Fatal(err)
	}
	e.w.Dest.reload("Acme")
	e.w.Connections.reload("Acme")
	if e.w.Dest.pwState != pwMissing || !e.w.Dest.pwBox.Visible() || e.w.Connections.hasPassword {
		t.Fatalf("before: queue state %d, field shown %v; Connections says saved %v", e.w.Dest.pwState, e.w.Dest.pwBox.Visible(), e.w.Connections.hasPassword)
	}
	if err := e.cfg.Credentials.Set(store.CredentialKey(p), "secret"); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections() // the queue in view
	if e.w.Dest.pwState != pwSaved || e.w.Dest.pwBox.Visible() || e.w.Connections.passwordKnown() {
		t.Errorf("queue in view: queue state %d (want saved), field shown %v; Connections asked %v (want not yet)", e.w.Dest.pwState, e.w.Dest.pwBox.Visible(), e.w.Connections.passwordKnown())
	}
	e.w.Tabs.SelectIndex(tabConnections)
	if !e.w.Connections.passwordKnown() {
		t.Error("the Connections tab opened: it does not know the password saved elsewhere")
	}
}

// The default connection changed elsewhere: Use at start follows, on for the one open that
// is no longer the default.
func TestUseAtStartFollowsTheDefaultChangedElsewhere(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	for _, name := range []string{"Acme", "Brand"} {
		if err := e.cfg.Profiles.Save("", scene7Profile(name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.cfg.Profiles.SetDefault("Acme"); err != nil {
		t.Fatal(err)
	}
	e.w.Tabs.SelectIndex(tabConnections)
	v.reload("Acme")
	if !v.makeDefault.Disabled() {
		t.Fatal("Use at start is on for the default connection")
	}
	if err := e.cfg.Profiles.SetDefault("Brand"); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if v.makeDefault.Disabled() {
		t.Error("Brand made the default elsewhere: Use at start stays off for Acme")
	}
}

// A profiles.json broken meanwhile: the window says so and keeps the connections it read.
func TestABrokenProfilesFileKeepsTheConnectionsShown(t *testing.T) {
	e := newTestEnv(t)
	if err := e.cfg.Profiles.Save("", scene7Profile("Acme")); err != nil {
		t.Fatal(err)
	}
	e.w.Tabs.SelectIndex(tabConnections)
	if err := os.WriteFile(filepath.Join(e.cfg.Dir, "profiles.json"), []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.w.Tabs.SelectIndex(tabQueue)
	e.w.Tabs.SelectIndex(tabConnections)
	if list, queue := shows(e, "Acme"); !list || !queue {
		t.Errorf("after the file broke: list %v, queue %v (want both kept)", list, queue)
	}
	if !strings.Contains(e.w.Connections.status.Text, "profiles.json") || !strings.Contains(e.w.Dest.where.Text, "profiles.json") {
		t.Errorf("the break is not said: Connections %q, queue %q", e.w.Connections.status.Text, e.w.Dest.where.Text)
	}
}

// The queue's company and folder follow the chosen connection changed elsewhere, unless
// typed over; a password typed while the keychain is asked again stays in sight.
func TestTheQueueFollowsItsConnectionChangedElsewhere(t *testing.T) {
	e := newTestEnv(t)
	p := scene7Profile("Acme")
	p.DestFolder = "spring"
	if err := e.cfg.Profiles.Save("", p); err != nil {
		t.Fatal(err)
	}
	ds := e.w.Dest
	ds.reload("Acme")
	ds.folder.SetText("typed")
	changed := p
	changed.Company, changed.DestFolder = "c|99", "autumn"
	if err := e.cfg.Profiles.Save("Acme", changed); err != nil {
		t.Fatal(err)
	}
	e.w.RereadConnections()
	if ds.company.Text != "c|99" || ds.folder.Text != "typed" {
		t.Errorf("company %q (want c|99, not typed over), folder %q (want typed)", ds.company.Text, ds.folder.Text)
	}
	ds.password.SetText("typed-now")
	if err := e.cfg.Credentials.Set(store.CredentialKey(changed), "secret"); err != nil {
		t.Fatal(err)
	}
	ds.askKeychain(ds.current)
	if !ds.pwBox.Visible() {
		t.Error("a password typed while the keychain answered was hidden: the upload would use it unseen")
	}
}
