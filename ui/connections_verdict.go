package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// Test connection: the check, its verdict above the buttons and its details.

func (v *ConnectionsView) clearVerdict() {
	v.verdict.SetText("")
	v.verdictIcon.Hide()
	v.verdictRow.Hide()
	v.took.SetText("")
	v.took.Hide()
	v.details.set(uploader.Exchange{})
	v.form.Refresh()
	v.pane.Refresh()
}

// Test checks the connection as edited (saved or not) with the typed or saved password.
func (v *ConnectionsView) Test() {
	p := v.editor.profile()
	if sel, ok := v.current(); ok && store.IsBuiltin(sel.Name) {
		p = sel
	} else if v.editor.reveal() {
		v.clearVerdict()
		v.askToFix("conn.test.fix_fields")
		return
	}
	typed := v.editor.password.Text
	v.clearVerdict()
	v.testing.Show()
	v.testing.Start()
	v.form.Refresh()
	v.pane.Refresh()
	v.testRunning = true
	enable(v.test, false)
	v.d.run(func() {
		verdict, err := v.runTest(p, typed)
		fyne.Do(func() { v.showVerdict(verdict, err) })
	})
}

func (v *ConnectionsView) runTest(p store.Profile, typed string) (uploader.Verdict, error) {
	ep, err := p.Endpoint(v.d.SandboxURL)
	if err != nil {
		return uploader.Verdict{Err: err}, err
	}
	pw := typed
	if pw == "" {
		if pw, err = v.d.Secrets.Password(p); err != nil {
			s := words.T("conn.test.no_password", nil)
			var unavailable *store.KeychainUnavailableError
			if errors.As(err, &unavailable) {
				s = unavailable.Sentence()
			}
			return uploader.Verdict{Err: errors.New(s)}, err // the keychain's own sentence
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	return v.d.Remote.Test(ctx, uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: p.User, Password: pw}, Company: p.Company, Network: p.Network()})
}

func (v *ConnectionsView) showVerdict(vd uploader.Verdict, err error) {
	v.testing.Stop()
	v.testing.Hide()
	v.testRunning = false
	v.updateButtons()
	text := words.Verdict(vd)
	if text == "" && err != nil {
		text = words.Error(err)
	}
	v.verdict.SetText(text)
	if vd.OK {
		v.verdictIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	} else {
		v.verdictIcon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	}
	v.verdictIcon.Show()
	v.verdictRow.Show()
	if vd.Exchange.Duration > 0 {
		v.took.SetText(words.T("conn.test.took", words.A{"Time": words.Duration(vd.Exchange.Duration)}))
		v.took.Show()
	}
	v.details.set(vd.Exchange)
	v.form.Refresh()
	v.pane.Refresh()
}

// Verdict is the sentence of the last Test connection (for tests).
func (v *ConnectionsView) Verdict() string { return v.verdict.Text }
