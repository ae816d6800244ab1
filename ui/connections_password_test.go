package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hoist/app/store"
	"hoist/internal/words"
)

// passwordShown fails t unless the password field's hint and Forget saved password say
// whether a password is saved (saved) for the connection as edited.
func passwordShown(t *testing.T, v *ConnectionsView, saved bool, when string) {
	t.Helper()
	hint := words.T("dest.password.placeholder", nil)
	if saved {
		hint = words.T("connedit.password.placeholder", nil)
	}
	if got := v.editor.password.PlaceHolder; got != hint {
		t.Errorf("%s: password hint %q, want %q", when, got, hint)
	}
	if v.forget.Disabled() == saved {
		t.Errorf("%s: Forget saved password on = %v, want %v", when, !v.forget.Disabled(), saved)
	}
}

// The keychain entry is the service, address and user's, not the connection's: a New
// connection for a user who has a saved password keeps (and can forget) it, the hint
// follows the user as it is typed, and a saved connection without a password asks for one.
func TestPasswordHintFollowsTheKeychain(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	known := scene7Profile("Brand")
	if err := e.cfg.Credentials.Set(store.CredentialKey(known), "s3cret"); err != nil {
		t.Fatal(err)
	}
	if err := e.cfg.Profiles.Save("", store.Profile{Name: "Bare", Service: known.Service, Region: known.Region,
		User: "bare@brand.example", Company: "c|77"}); err != nil {
		t.Fatal(err)
	}
	v.newProfile()
	passwordShown(t, v, false, "new, no user")
	v.editor.user.SetText(known.User)
	passwordShown(t, v, true, "new, user with a saved password")
	v.editor.server.SetSelected(v.editor.server.Options[1]) // another address: another entry
	if store.CredentialKey(v.editor.profile()) == store.CredentialKey(known) {
		t.Fatal("the second server choice has the same keychain entry")
	}
	passwordShown(t, v, false, "new, another server")
	v.editor.server.SetSelected(v.editor.server.Options[0])
	v.editor.user.SetText("someone.else@brand.example")
	passwordShown(t, v, false, "new, another user")

	// Saved without a password: there is none to keep.
	v.list.Select(0) // away from the New one, whose place in the list Bare takes
	v.reload("Bare")
	if v.editor.name.Text != "Bare" {
		t.Fatalf("the editor shows %q", v.editor.name.Text)
	}
	passwordShown(t, v, false, "saved, no password")
	v.editor.password.SetText("pw")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	passwordShown(t, v, true, "after Save with a password")
	test.Tap(v.forget)
	passwordShown(t, v, false, "after Forget saved password")
	if _, err := e.cfg.Credentials.Get(store.CredentialKey(v.editor.profile())); err == nil {
		t.Error("the password is still in the keychain")
	}
}
