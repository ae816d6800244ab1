package ui

import (
	"slices"
	"sync"
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
	e.timers.fire() // typing paused
	passwordShown(t, v, true, "new, user with a saved password")
	v.editor.server.SetSelected(v.editor.server.Options[1]) // another address: another entry
	if store.CredentialKey(v.editor.profile()) == store.CredentialKey(known) {
		t.Fatal("the second server choice has the same keychain entry")
	}
	e.timers.fire()
	passwordShown(t, v, false, "new, another server")
	v.editor.server.SetSelected(v.editor.server.Options[0])
	v.editor.user.SetText("someone.else@brand.example")
	e.timers.fire()
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

// countedSecrets counts the keychain's answers to "is a password saved?", and for whom.
type countedSecrets struct {
	Secrets
	mu    sync.Mutex
	asked []string // the users asked about
}

func (c *countedSecrets) Password(p store.Profile) (string, error) {
	c.mu.Lock()
	c.asked = append(c.asked, p.User)
	c.mu.Unlock()
	return c.Secrets.Password(p)
}

func (c *countedSecrets) reads() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.asked)
}

// Typing an address or a user asks the keychain once, when typing pauses, about what was
// typed last (on macOS each question is a `security` process: it was one per keystroke);
// opening a connection asks at once.
func TestKeychainIsAskedOnceTypingPauses(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	secrets := &countedSecrets{Secrets: e.cfg.Credentials}
	v.d.Secrets = secrets
	known := scene7Profile("Brand")
	if err := e.cfg.Credentials.Set(store.CredentialKey(known), "s3cret"); err != nil {
		t.Fatal(err)
	}
	v.newProfile()
	test.Type(v.editor.user, known.User)
	if got := secrets.reads(); len(got) != 0 {
		t.Fatalf("asked the keychain while typing: %q", got)
	}
	if n := e.timers.pending(); n != 1 {
		t.Fatalf("%d questions waiting for typing to pause, want 1", n)
	}
	for _, d := range e.timers.waiting {
		if !d.stopped && d.d != passwordAskDelay {
			t.Errorf("the question waits %v, want %v", d.d, passwordAskDelay)
		}
	}
	if !v.forget.Disabled() {
		t.Error("Forget saved password is on before the keychain answered")
	}
	e.timers.fire()
	if got := secrets.reads(); !slices.Equal(got, []string{known.User}) {
		t.Fatalf("%d characters typed asked the keychain about %q, want once about %q", len(known.User), got, known.User)
	}
	passwordShown(t, v, true, "after typing a user with a saved password")

	// Another address and back before the pause: one question, about the last.
	v.editor.server.SetSelected(v.editor.server.Options[1])
	v.editor.server.SetSelected(v.editor.server.Options[0])
	test.Type(v.editor.user, "x")
	e.timers.fire()
	if got := secrets.reads(); !slices.Equal(got, []string{known.User, known.User + "x"}) {
		t.Fatalf("asked about %q", got)
	}
	passwordShown(t, v, false, "after typing a user without one")

	// Opening a saved connection asks at once, without waiting for a pause.
	if err := e.cfg.Profiles.Save("", known); err != nil {
		t.Fatal(err)
	}
	v.reload(known.Name)
	if got := secrets.reads(); len(got) != 3 || got[2] != known.User {
		t.Fatalf("opening %q asked about %q", known.Name, got)
	}
	passwordShown(t, v, true, "opened")
}

// The keychain may answer late: an answer to a question since replaced never overwrites
// the answer about what is typed now, whatever order they come back in.
func TestALateKeychainAnswerIsNotShown(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	known := scene7Profile("Brand")
	if err := e.cfg.Credentials.Set(store.CredentialKey(known), "s3cret"); err != nil {
		t.Fatal(err)
	}
	v.newProfile()
	var answers []func() // questions under way, answered when the test says
	v.d.Async = func(f func()) { answers = append(answers, f) }
	v.editor.user.SetText(known.User)
	e.timers.fire()
	v.editor.user.SetText("nobody@brand.example")
	e.timers.fire()
	if len(answers) != 2 {
		t.Fatalf("%d questions under way, want 2", len(answers))
	}
	answers[1]() // about nobody: none saved
	answers[0]() // about the known user, late
	passwordShown(t, v, false, "the late answer came after the last one")

	v.editor.user.SetText(known.User)
	e.timers.fire()
	answers[2]()
	passwordShown(t, v, true, "typed back")
}
