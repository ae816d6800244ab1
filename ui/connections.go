package ui

import (
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// testTimeout bounds Test connection: a verdict within a reasonable wait, even from a
// server that accepts the connection and never answers.
const testTimeout = 30 * time.Second

// ConnectionsView is the Connections screen: the list of profiles, the form of the chosen
// one, its password in the keychain, and Test connection with its verdict and details.
type ConnectionsView struct {
	// wheel takes the mouse wheel over the form's fields to its scroller (wheel.go).
	wheel    wheelTarget
	d        Deps
	win      fyne.Window
	profiles []store.Profile
	// storedRows is how many of profiles are saved: the New ones come after them.
	storedRows int
	selected   int
	// hasPassword: the keychain (or this session) holds a password under the entry
	// pw.shown; pwKey is the entry of the connection as edited (store.CredentialKey:
	// service, address and user, which other connections may share), the one asked
	// about last (connections_password.go).
	hasPassword bool
	pwKey       string
	pw          passwordAsk // the keychain's question, asked once typing pauses
	dflt        string
	list        *widget.List
	editor      *profileEditor

	save, forget, test, dup, del, makeDefault *widget.Button
	status                                    *widget.Label
	verdict                                   *widget.Label
	verdictIcon                               *widget.Icon
	// verdictRow and took are hidden until a test answers: empty, they would still take
	// their height above the buttons, and the form above is short of room at 640 pixels.
	verdictRow *fyne.Container
	took       *widget.Label
	testing    *widget.ProgressBarInfinite
	details    *exchangeView
	form       *fyne.Container
	actions    *fyne.Container // Save, Test connection and, above them, their answers
	// pane is the form's scroll with the actions under it: laid out again when the
	// actions change height, so that the form gives them the room at once.
	pane *fyne.Container
	// askedToFix: the status asks to correct the fields in red (Save or Test pressed
	// with problems); it goes once none is left.
	askedToFix bool
	// testRunning: a Test connection is waiting for its answer; Test stays off until it
	// comes, whatever is typed meanwhile (a second test beside it had its progress hidden by
	// the first one's verdict).
	testRunning bool

	// OnSaved is called after the profiles changed, with the name to choose.
	OnSaved func(name string)
	Content fyne.CanvasObject
}

func newConnectionsView(d Deps, win fyne.Window, clip func(string)) *ConnectionsView {
	v := &ConnectionsView{d: d, win: win, selected: -1, editor: newProfileEditor(), pw: passwordAsk{after: timerAfter}}
	v.list = widget.NewList(func() int { return len(v.profiles) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			where := helpLabel("")
			where.Truncation = fyne.TextTruncateEllipsis
			where.Wrapping = fyne.TextWrapOff
			return container.New(&rowTexts{}, name, where)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := v.profiles[id]
			objs := o.(*fyne.Container).Objects
			name := store.DisplayName(p.Name)
			if p.Name == v.dflt {
				name = words.T("conn.default_suffix", words.A{"Name": name})
			}
			objs[0].(*widget.Label).SetText(name)
			objs[1].(*widget.Label).SetText(describe(p))
		})
	v.list.OnSelected = func(id widget.ListItemID) { v.selectProfile(id) }

	add := widget.NewButtonWithIcon(words.T("conn.new", nil), theme.ContentAddIcon(), v.newProfile)
	v.dup = widget.NewButtonWithIcon(words.T("conn.duplicate", nil), theme.ContentCopyIcon(), v.duplicate)
	v.del = widget.NewButtonWithIcon(words.T("conn.delete", nil), theme.DeleteIcon(), v.askDelete)
	v.makeDefault = widget.NewButtonWithIcon(words.T("conn.use_at_start", nil), theme.HomeIcon(), v.setDefault)
	v.save = widget.NewButtonWithIcon(words.T("conn.save", nil), theme.DocumentSaveIcon(), func() { v.Save() })
	v.save.Importance = widget.HighImportance
	v.forget = widget.NewButtonWithIcon(words.T("conn.forget_password", nil), theme.ContentClearIcon(), v.forgetPassword)
	v.test = widget.NewButtonWithIcon(words.T("conn.test", nil), theme.MediaPlayIcon(), v.Test)
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.verdict = widget.NewLabel("")
	v.verdict.Wrapping = fyne.TextWrapWord
	v.verdictIcon = widget.NewIcon(nil)
	v.verdictIcon.Hide()
	v.took = helpLabel("")
	v.took.Hide()
	v.testing = widget.NewProgressBarInfinite()
	v.testing.Stop()
	v.testing.Hide()
	v.details = newExchangeView(clip)
	v.editor.OnChanged = v.updateButtons
	if d.Pickers != nil {
		v.editor.network.pick = v.pickCAFile
	}

	left := container.NewBorder(nil, container.NewGridWithColumns(2, add, v.dup, v.del, v.makeDefault), nil, nil, v.list)
	v.verdictRow = container.NewBorder(nil, nil, v.verdictIcon, nil, v.verdict)
	v.verdictRow.Hide()
	v.form = container.NewVBox(v.editor.Content, v.details.Content)
	// Save and Test connection, and what they answer, stay in sight below the form,
	// however long it is and however small the window. The buttons are the last line, so
	// that a verdict, the test's progress or a status line coming or going takes its room
	// from the form above and never moves the button about to be pressed again.
	v.actions = container.NewVBox(widget.NewSeparator(),
		v.status, v.testing, v.verdictRow, v.took, container.NewHBox(v.save, v.test, v.forget))
	v.pane = container.NewBorder(nil, v.actions, nil, nil, v.wheel.scrolled(v.form))
	split := container.NewHSplit(left, v.pane)
	split.Offset = 0.3
	v.Content = split
	v.reload("")
	return v
}

// reread shows the connections as they are saved now, when another program changed them
// while this window was open (Window.RereadConnections), and, with keychain, whether the
// password of the one open is saved (hoist login). While one is being edited here (a New
// one not saved yet, a field typed into, a password) nothing is read, so that nothing
// typed is lost: Save and the next look bring the rest.
func (v *ConnectionsView) reread(keychain bool) {
	if v.storedRows != len(v.profiles) || v.editor.editing() {
		return
	}
	ps, err := v.d.Profiles.List()
	if err != nil {
		// A file broken meanwhile: said, and the connections shown stay as they were read.
		v.setStatus(words.Error(err))
		return
	}
	dflt := ""
	if p, err := v.d.Profiles.Default(); err == nil {
		dflt = p.Name
	}
	if slices.Equal(ps, v.profiles) && dflt == v.dflt {
		if keychain && !v.hasPassword { // saved since, perhaps (hoist login in a terminal)
			v.askPasswordNow()
			v.checkPassword()
		}
		return
	}
	v.reload("")
	if p, ok := v.current(); ok && v.selected < v.storedRows && p != v.editor.loaded {
		v.selectProfile(v.selected) // changed there, nothing typed here: shown as saved now
	}
	v.updateButtons() // the default may be another one now: Use at start follows
}

// reload reads the profiles and selects the one called name (or keeps the one being
// edited, wherever it now is). The editor always shows the profile of the selected row:
// the list's Select does nothing for the row already selected, where another profile may
// be now (another program changed the file; a copy took the row of one deleted).
func (v *ConnectionsView) reload(name string) {
	ps, err := v.d.Profiles.List()
	if err != nil {
		v.setStatus(words.Error(err))
	}
	editing := ""
	if v.selected >= 0 && v.selected < len(v.profiles) {
		editing = v.profiles[v.selected].Name
	}
	if name == "" {
		name = editing
	}
	v.profiles = ps
	v.storedRows = len(ps)
	if p, err := v.d.Profiles.Default(); err == nil {
		v.dflt = p.Name
	}
	v.list.Refresh()
	if len(ps) == 0 {
		v.selected = -1
		return
	}
	at := 0
	for i, p := range ps {
		if p.Name == name {
			at = i
			break
		}
	}
	if at == v.selected && ps[at].Name == editing {
		// The same profile in the same row: what is typed in the editor stays.
		v.list.Select(at)
		return
	}
	v.list.UnselectAll()
	v.list.Select(at)
}

func (v *ConnectionsView) selectProfile(id int) {
	if id < 0 || id >= len(v.profiles) {
		return
	}
	v.selected = id
	v.askPasswordNow() // for the connection opened
	v.editor.load(v.profiles[id], id >= v.storedRows)
	v.clearVerdict()
	v.setStatus("")
	v.updateButtons()
}

func (v *ConnectionsView) current() (store.Profile, bool) {
	if v.selected < 0 || v.selected >= len(v.profiles) {
		return store.Profile{}, false
	}
	return v.profiles[v.selected], true
}

func (v *ConnectionsView) updateButtons() {
	p, ok := v.current()
	builtin := ok && store.IsBuiltin(p.Name)
	if ok {
		v.checkPassword()
	}
	// Save and Test are off while a problem is shown, and on while the problems wait
	// unseen (a New connection's blank fields): pressing them shows those problems.
	shown := len(v.editor.shownProblems()) > 0
	enable(v.save, ok && !builtin && !shown)
	enable(v.forget, ok && !builtin && v.passwordKnown())
	enable(v.del, ok && !builtin)
	// A New connection not saved yet has nothing to copy or start with: both answered
	// that there was no connection of that name.
	saved := ok && v.selected < v.storedRows
	enable(v.dup, saved)
	enable(v.makeDefault, saved && p.Name != v.dflt)
	enable(v.test, ok && !shown && !v.testRunning)
	if v.askedToFix && !shown {
		v.setStatus("")
	}
}

func (v *ConnectionsView) setStatus(s string) {
	v.askedToFix = false
	v.status.SetText(s)
	showIf(v.status, s != "", v.pane)
}

// askToFix says, by the button pressed, that the fields in red need correcting first.
func (v *ConnectionsView) askToFix(id string) {
	v.updateButtons()
	v.setStatus(words.T(id, nil))
	v.askedToFix = true
}

// newProfile starts a profile for Scene7 North America, the most common case.
func (v *ConnectionsView) newProfile() {
	p := store.Profile{Name: v.freeName(words.T("conn.new_name", nil)), Service: uploader.Scene7, Region: uploader.RegionNA}
	v.profiles = append(v.profiles, p)
	v.selected = len(v.profiles) - 1
	v.list.Refresh()
	v.list.Select(v.selected)
	v.setStatus(words.T("conn.fill_in", nil))
	v.win.Canvas().Focus(v.editor.name)
}

func (v *ConnectionsView) freeName(base string) string {
	name := base
	for n := 2; ; n++ {
		taken := false
		for _, p := range v.profiles {
			if p.Name == name {
				taken = true
			}
		}
		if !taken {
			return name
		}
		name = words.T("conn.new_name_numbered", words.A{"Base": base, "N": n})
	}
}

// stored reports whether the selected profile exists in the store (not a new one).
func (v *ConnectionsView) stored(name string) bool {
	ps, _ := v.d.Profiles.List()
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}

// Save stores the edited profile and, when one was typed, its password.
func (v *ConnectionsView) Save() error {
	old, ok := v.current()
	if !ok {
		return nil
	}
	if v.editor.reveal() {
		v.askToFix("conn.fix_fields")
		return &store.ProfileError{Problems: v.editor.fieldProblems()}
	}
	original := old.Name
	if !v.stored(original) {
		original = ""
	}
	p := v.editor.profile()
	if err := v.d.Profiles.Save(original, p); err != nil {
		v.setStatus(words.Error(err))
		return err
	}
	msg := words.T("conn.saved", words.A{"Name": p.Name})
	if pw := v.editor.password.Text; pw != "" {
		err := v.d.Secrets.Set(store.CredentialKey(p), pw)
		var unavailable *store.KeychainUnavailableError
		switch { // joined as the language joins sentences: no space after 。 in Japanese
		case errors.As(err, &unavailable):
			msg = joinSentences(msg, unavailable.Sentence())
		case err != nil:
			msg = joinSentences(msg, words.T("conn.password_not_saved", words.A{"Reason": words.Error(err)}))
		default:
			msg = joinSentences(msg, words.T("conn.password_kept", nil))
		}
	}
	v.reload(p.Name)
	if q, ok := v.current(); ok {
		v.editor.saved(q) // the form is the profile as stored now: nothing typed since
	}
	v.editor.password.SetText("") // kept where it belongs: typed again, it would replace it
	v.askPasswordNow()            // a password may have been saved
	v.updateButtons()
	v.setStatus(msg)
	if v.OnSaved != nil {
		v.OnSaved(p.Name)
	}
	return nil
}

// forgetPassword forgets the password of the connection as edited: the one its hint and
// the button's state are about.
func (v *ConnectionsView) forgetPassword() {
	if _, ok := v.current(); !ok {
		return
	}
	if err := v.d.Secrets.Forget(store.CredentialKey(v.editor.profile())); err != nil {
		v.setStatus(words.Error(err))
		return
	}
	v.askPasswordNow()
	v.updateButtons()
	v.setStatus(words.T("conn.password_forgotten", nil))
	if v.OnSaved != nil {
		v.OnSaved("")
	}
}

func (v *ConnectionsView) duplicate() {
	p, ok := v.current()
	if !ok {
		return
	}
	c, err := v.d.Profiles.Duplicate(p.Name)
	if err != nil {
		v.setStatus(words.Error(err))
		return
	}
	v.reload(c.Name)
	v.setStatus(words.T("conn.duplicated", words.A{"Name": c.Name}))
	if v.OnSaved != nil {
		v.OnSaved("")
	}
}

func (v *ConnectionsView) askDelete() {
	p, ok := v.current()
	if !ok {
		return
	}
	dialog.ShowConfirm(words.T("conn.delete.title", nil), words.T("conn.delete.ask", words.A{"Name": p.Name}),
		func(yes bool) {
			if yes {
				v.Delete()
			}
		}, v.win)
}

// Delete removes the selected profile.
func (v *ConnectionsView) Delete() {
	p, ok := v.current()
	if !ok {
		return
	}
	if v.stored(p.Name) {
		if err := v.d.Profiles.Delete(p.Name); err != nil {
			v.setStatus(words.Error(err))
			return
		}
	}
	v.selected = -1
	v.reload("")
	v.setStatus(words.T("conn.deleted", words.A{"Name": p.Name}))
	if v.OnSaved != nil {
		v.OnSaved("")
	}
}

func (v *ConnectionsView) setDefault() {
	p, ok := v.current()
	if !ok {
		return
	}
	if err := v.d.Profiles.SetDefault(p.Name); err != nil {
		v.setStatus(words.Error(err))
		return
	}
	v.reload(p.Name)
	v.setStatus(words.T("conn.start_with", words.A{"Name": store.DisplayName(p.Name)}))
}
