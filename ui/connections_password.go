package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"hoist/app/store"
	"hoist/internal/words"
)

// passwordAskDelay is how long the editor waits after the last change of the service,
// address or user before it asks the keychain whether a password is saved for them: on
// macOS each question starts a `security` process, and typing an address asked once per
// keystroke.
const passwordAskDelay = 400 * time.Millisecond

// afterFunc runs f once, d from now, on another goroutine, unless stop is called first
// (time.AfterFunc). Tests give the view one they fire themselves, so that no test waits
// on the clock.
type afterFunc func(d time.Duration, f func()) (stop func() bool)

func timerAfter(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// passwordAsk is the state of the question to the keychain. Every field is read and
// written on Fyne's thread.
type passwordAsk struct {
	after afterFunc
	stop  func() bool // the question waiting for typing to pause, if any
	// n counts the questions: only the answer to the last one is shown, whatever order
	// the answers come back in.
	n int
	// now asks the next question at once: a connection just opened, saved or forgotten
	// is not being typed.
	now bool
	// shown is the keychain entry whose answer the hint and Forget saved password show.
	shown string
}

// askPasswordNow makes the next checkPassword ask the keychain at once, even about the
// entry it asked last (a password may have been saved or forgotten since).
func (v *ConnectionsView) askPasswordNow() {
	v.pwKey = ""
	v.pw.now = true
}

// checkPassword asks the keychain, off Fyne's thread, whether a password is saved for the
// connection as edited (its service, address and user), when those changed since the last
// question: a New connection may share a saved password, a saved one may have none. While
// they are being typed it asks once they have not changed for passwordAskDelay. The
// password field's hint and Forget saved password follow the last answer.
func (v *ConnectionsView) checkPassword() {
	p := v.editor.profile()
	key := store.CredentialKey(p)
	if key == v.pwKey {
		return
	}
	v.pwKey = key
	v.pw.n++
	n := v.pw.n
	if v.pw.stop != nil {
		v.pw.stop()
		v.pw.stop = nil
	}
	now := v.pw.now
	v.pw.now = false
	if p.Sandbox { // its password is never in the keychain: the sandbox's demo one is built in
		v.showPassword(key, false)
		v.editor.password.SetPlaceHolder(words.T("connedit.password.sandbox", nil))
		return
	}
	if p.User == "" {
		v.showPassword(key, false)
		return
	}
	ask := func() {
		v.d.run(func() {
			_, err := v.d.Secrets.Password(p)
			fyne.Do(func() {
				if v.pw.n == n { // not an answer to a question since replaced
					v.showPassword(key, err == nil)
					v.updateButtons()
				}
			})
		})
	}
	if now {
		ask()
		return
	}
	v.pw.stop = v.pw.after(passwordAskDelay, func() {
		fyne.Do(func() {
			if v.pw.n == n { // stopped too late: a newer question is waiting
				v.pw.stop = nil
				ask()
			}
		})
	})
}

// showPassword says in the password field whether one is saved for the keychain entry key
// (leave it empty to keep it) or must be typed.
func (v *ConnectionsView) showPassword(key string, saved bool) {
	v.hasPassword = saved
	v.pw.shown = key
	hint := "dest.password.placeholder"
	if saved {
		hint = "connedit.password.placeholder"
	}
	v.editor.password.SetPlaceHolder(words.T(hint, nil))
}

// passwordKnown reports that a password is saved for the connection as edited: the
// answer shown is about its entry, not one typed away from.
func (v *ConnectionsView) passwordKnown() bool { return v.hasPassword && v.pw.shown == v.pwKey }
