package ui

import (
	"errors"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// password states of the chosen connection.
const (
	pwChecking = iota // asking the keychain
	pwSaved           // in the keychain, or the sandbox's demo password
	pwMissing         // must be typed for this session
)

// destination is where the files go: the connection and the destination folder on the
// queue's own view (Content), the company handle and the job name under the upload
// options' Advanced section (Advanced), since the connection and a generated name fill
// them in.
type destination struct {
	// wheel takes the mouse wheel over Advanced's fields to the scroller around them, and
	// rowWheel over the queue's folder and password to the queue's; the window sets both
	// (wheel.go).
	wheel, rowWheel wheelTarget
	d               Deps
	profiles        []store.Profile
	current         store.Profile
	pwState         int

	conn     *widget.Select
	where    *widget.Label
	insecure *widget.Label
	password *widget.Entry
	pwHelp   *widget.Label
	pwBox    *fyne.Container
	company  *widget.Entry
	coBox    *fyne.Container
	folder   *widget.Entry
	job      *widget.Entry
	manage   *widget.Button
	row      *destRow // lays out the connection and the folder: one line or two
	rowBox   *fyne.Container

	// OnChanged is called after every change; OnManage opens the Connections screen.
	OnChanged func()
	OnManage  func()
	box       *fyne.Container
	advanced  *fyne.Container
	Content   fyne.CanvasObject
	Advanced  fyne.CanvasObject
}

func newDestination(d Deps) *destination {
	ds := &destination{d: d}
	ds.conn = widget.NewSelect(nil, func(name string) { ds.choose(name) })
	ds.conn.PlaceHolder = words.T("dest.choose_connection", nil)
	ds.where = helpLabel("")
	ds.insecure = widget.NewLabel(words.T("dest.insecure", nil))
	ds.insecure.Importance = widget.DangerImportance
	ds.insecure.Wrapping = fyne.TextWrapWord
	ds.insecure.Hide()
	// Only the gear: the Connections tab is one click away under its own name, and the
	// words would push the folder off an 800-pixel window.
	ds.manage = widget.NewButtonWithIcon("", theme.SettingsIcon(), func() {
		if ds.OnManage != nil {
			ds.OnManage()
		}
	})
	ds.password = widget.NewPasswordEntry()
	ds.password.SetPlaceHolder(words.T("dest.password.placeholder", nil))
	ds.password.OnChanged = func(string) { ds.changed() }
	ds.pwHelp = helpLabel("")
	// The label before the field, as the connection's and the folder's are: a line less,
	// which the queue needs at 800×600 when the connection also shows its notes.
	ds.pwBox = container.NewVBox(container.NewBorder(nil, nil, inlineLabel(words.T("dest.password", nil)), nil, ds.rowWheel.over(ds.password)), ds.pwHelp)
	ds.pwBox.Hide()
	ds.company = widget.NewEntry()
	ds.company.SetPlaceHolder(words.T("dest.company.placeholder", nil))
	ds.company.OnChanged = func(string) { ds.changed() }
	ds.coBox = container.NewVBox(fieldLabel(words.T("dest.company", nil)), ds.wheel.over(ds.company),
		helpLabel(words.T("dest.company.help", nil)))
	ds.folder = widget.NewEntry()
	ds.folder.SetPlaceHolder(words.T("dest.folder.placeholder", nil))
	ds.folder.OnChanged = func(string) { ds.changed() }
	ds.job = widget.NewEntry()
	ds.job.OnChanged = func(string) { ds.changed() }
	newName := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), ds.NewJobName)
	ds.NewJobName()
	// One line where it fits, each label before its field, so the queue keeps the height;
	// the folder under the connection where its hint would be cut (destrow.go).
	ds.row = &destRow{conn: ds.conn, folder: ds.folder, manage: ds.manage, where: ds.where}
	ds.rowBox = container.New(ds.row, inlineLabel(words.T("dest.connection", nil)), ds.conn, ds.manage,
		inlineLabel(words.T("dest.folder", nil)), ds.rowWheel.over(ds.folder), ds.where)
	ds.box = container.NewVBox(ds.rowBox, ds.insecure, ds.pwBox)
	ds.advanced = container.NewVBox(ds.coBox,
		fieldLabel(words.T("dest.job_name", nil)), container.NewBorder(nil, nil, nil, newName, ds.wheel.over(ds.job)),
		helpLabel(words.T("dest.job_name.help", nil)),
	)
	ds.Content = ds.box
	ds.Advanced = ds.advanced
	return ds
}

// reread shows the connections as saved now, when another program changed them
// (Window.RereadConnections); the one chosen stays, with the company and folder typed.
// With keychain, a password asked for is looked for again.
func (ds *destination) reread(keychain bool) {
	ps, err := ds.d.Profiles.List()
	if err != nil {
		// A file broken meanwhile: said, and the connections listed stay as they were read.
		ds.where.SetText(words.Error(err))
		ds.where.Show()
		return
	}
	if !slices.Equal(ps, ds.profiles) {
		ds.reload("") // chooses again, which asks the keychain again
		return
	}
	// A password the queue asks for may have been saved since (hoist login in a
	// terminal): asked again, with the field left in place while the keychain answers.
	if keychain && ds.pwState == pwMissing && ds.password.Text == "" {
		ds.askKeychain(ds.current)
	}
}

// reload reads the profiles again and keeps the chosen one if it still exists.
func (ds *destination) reload(choose string) {
	ps, err := ds.d.Profiles.List()
	if err != nil {
		ds.where.SetText(words.Error(err))
		ds.where.Show()
	}
	ds.profiles = ps
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = store.DisplayName(p.Name) // a built-in's in the window's language
	}
	ds.conn.SetOptions(names)
	if choose == "" {
		choose = ds.current.Name
	}
	if _, ok := ds.find(choose); !ok {
		if p, err := ds.d.Profiles.Default(); err == nil {
			choose = p.Name
		} else if len(ps) > 0 {
			choose = ps[0].Name
		}
	}
	if p, ok := ds.find(choose); ok {
		ds.conn.SetSelected(store.DisplayName(p.Name))
	}
}

// find is the profile called name, or shown as name in the list (store.DisplayName).
func (ds *destination) find(name string) (store.Profile, bool) {
	for _, p := range ds.profiles {
		if strings.EqualFold(p.Name, name) || strings.EqualFold(store.DisplayName(p.Name), name) {
			return p, true
		}
	}
	return store.Profile{}, false
}

// choose makes the profile called name the connection of the next upload.
func (ds *destination) choose(name string) {
	p, ok := ds.find(name)
	if !ok {
		return
	}
	prev := ds.current
	switched := p.Name != prev.Name
	ds.current = p
	ds.where.SetText(describe(p))
	// The sandbox's banner says where its files go already.
	showIf(ds.where, !p.Sandbox, ds.rowBox)
	if switched {
		ds.company.SetText(p.Company)
		ds.folder.SetText(p.DestFolder)
		ds.password.SetText("")
	} else {
		// The same connection, changed elsewhere (reread): its company and folder follow
		// where they were not typed over.
		if ds.company.Text == prev.Company {
			ds.company.SetText(p.Company)
		}
		if ds.folder.Text == prev.DestFolder {
			ds.folder.SetText(p.DestFolder)
		}
	}
	showIf(ds.coBox, p.Service != uploader.DrSum, ds.advanced)
	if p.Service == uploader.DrSum {
		ds.folder.SetPlaceHolder(words.T("dest.folder.placeholder_drsum", nil))
	} else {
		ds.folder.SetPlaceHolder(words.T("dest.folder.placeholder", nil))
	}
	// The name and the hint just shown set the list's width and whether the folder
	// takes a line of its own.
	ds.rowBox.Refresh()
	ds.box.Refresh()
	// Plain http to another computer was allowed for this connection: say so for as long
	// as it is the one in use.
	showIf(ds.insecure, p.AllowInsecureHTTP && plainRemote(p.UploadURL), ds.box)
	ds.checkPassword()
	ds.changed()
}

// checkPassword asks the keychain, off Fyne's thread, whether a password is saved.
func (ds *destination) checkPassword() {
	ds.pwState = pwChecking
	showIf(ds.pwBox, false, ds.box)
	ds.askKeychain(ds.current)
}

// askKeychain asks the keychain, off Fyne's thread, whether a password is saved for p,
// and shows the answer if p is still the connection chosen.
func (ds *destination) askKeychain(p store.Profile) {
	ds.d.run(func() {
		_, err := ds.d.Secrets.Password(p)
		state, note := pwSaved, ""
		var unavailable *store.KeychainUnavailableError
		switch {
		case errors.As(err, &unavailable):
			state, note = pwMissing, unavailable.Sentence()
		case err != nil:
			state, note = pwMissing, words.T("dest.no_password", nil)
		}
		fyne.Do(func() {
			if store.CredentialKey(ds.current) != store.CredentialKey(p) {
				return // an answer about a connection no longer chosen, or no longer the same
			}
			ds.pwState = state
			ds.pwHelp.SetText(note)
			// A password typed meanwhile stays in sight: it is the one an upload would use.
			showIf(ds.pwBox, state == pwMissing || ds.password.Text != "", ds.box)
			ds.changed()
		})
	})
}

func (ds *destination) changed() {
	if ds.OnChanged != nil {
		ds.OnChanged()
	}
}

// NewJobName puts a fresh generated name in the job name field.
func (ds *destination) NewJobName() { ds.job.SetText(uploader.NewJobName(time.Now())) }

// endpoint is where the chosen connection's requests go.
func (ds *destination) endpoint() (uploader.Endpoint, error) {
	if ds.current.Name == "" {
		return uploader.Endpoint{}, store.ErrProfileNotFound
	}
	return ds.current.Endpoint(ds.d.SandboxURL)
}

// problems lists what must be fixed before an upload, as sentences.
func (ds *destination) problems() []string {
	var out []string
	if ds.current.Name == "" {
		out = append(out, words.T("dest.need_connection", nil))
	} else if _, err := ds.endpoint(); err != nil {
		out = append(out, words.Error(err))
	}
	if ds.current.Service == uploader.Scene7 && strings.TrimSpace(ds.company.Text) == "" {
		out = append(out, words.T("dest.need_company", nil))
	}
	if ds.current.Service == uploader.DrSum && strings.TrimSpace(ds.folder.Text) == "" {
		out = append(out, words.T("dest.need_drsum_folder", nil))
	}
	if ds.pwState == pwMissing && ds.password.Text == "" {
		out = append(out, words.T("dest.need_password", nil))
	}
	return out
}

// Choose selects the connection called name (or shown as name), as if picked in the list.
func (ds *destination) Choose(name string) {
	if p, ok := ds.find(name); ok {
		ds.conn.SetSelected(store.DisplayName(p.Name))
	}
}

// SetFolder fills in the destination folder.
func (ds *destination) SetFolder(folder string) { ds.folder.SetText(folder) }

// inlineLabel is a field's name written before it on the same line.
func inlineLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}
