package ui

import (
	"bytes"
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// Window is Hoist's main window, in tabs: the queue with where the files go (the main
// view), the upload options, the job log, the request preview, the connections and the
// admin view.
type Window struct {
	App fyne.App
	Win fyne.Window
	d   Deps

	Queue       *QueueView
	Log         *JobLogView
	Options     *OptionsForm
	Preview     *Preview
	Dest        *destination
	Presets     *presetBar
	Connections *ConnectionsView
	Admin       *AdminView
	Tabs        *container.AppTabs
	// FollowLinks follows links that lead out of an added folder (kept in the settings).
	FollowLinks *widget.Check
	// Bandwidth is the upload speed limit (kept in the settings).
	Bandwidth *bandwidthField

	optionsLine  *widget.Label
	queueScroll  *container.Scroll // the queue tab's content (see New)
	banner       *fyne.Container
	header       *fyne.Container
	resume       *fyne.Container
	resumeText   *widget.Label
	resumeUpload *widget.Button
	startFailed  bool // the status line says why an upload could not start
	keys         fyne.ShortcutHandler
	ref          *refresher
	restoring    bool
	screen       string // the key of the screen the window was fitted to, "" when unknown
	lastSummary  session.Summary

	// OnEnded, when set, is called on Fyne's thread after an upload ended and the window
	// showed it.
	OnEnded func(session.Summary)
	// OnAdded, when set, is called on Fyne's thread once the files of a drop, pick or
	// launch are listed and the status line says so (app's measurement trace).
	OnAdded func(added, skipped int)
}

// New builds the window's content in win and wires it to d.Queue.
func New(a fyne.App, win fyne.Window, d Deps) *Window {
	w := &Window{App: a, Win: win, d: d}
	clip := func(s string) { a.Clipboard().SetContent(s) }

	w.Queue = newQueueView(d.Queue, queueActions{addFiles: w.AddFiles, addFolder: w.AddFolder, upload: w.Upload, resume: w.Resume, retry: w.Retry, clip: clip,
		link: w.assetLink, open: w.openLink})
	w.Log = newJobLogView(d.Queue, d.Pickers, clip, d.run)
	w.Log.publishBase = func() string { return w.Dest.current.PublishBase }
	w.Preview = NewPreview(clip)
	w.Options = NewOptionsForm(uploader.DefaultOptions())
	w.Dest = newDestination(d)
	w.Presets = newPresetBar(d.Presets, win, w.presetToSave, w.applyPreset)
	w.Connections = newConnectionsView(d, win, clip)
	w.Admin = newAdminView(d.Remote, w.adminConn, clip, d.run, languageChoice(a.Preferences()))
	w.Admin.history = d.History

	w.optionsLine = widget.NewLabel("")
	w.optionsLine.Truncation = fyne.TextTruncateEllipsis
	change := widget.NewButtonWithIcon(words.T("window.options.change", nil), theme.SettingsIcon(), func() { w.Tabs.SelectIndex(tabOptions) })
	change.Importance = widget.LowImportance
	queueTop := container.NewVBox(w.Dest.Content, container.NewBorder(nil, nil, nil, change, w.optionsLine), widget.NewSeparator())
	w.FollowLinks = widget.NewCheck(words.T("window.follow_links", nil), func(on bool) {
		d.Queue.SetFollowLinks(on)
		w.saveSettings()
	})
	w.Bandwidth = newBandwidthField(d.Bandwidth, func(text string) { a.Preferences().SetString(prefBandwidth, text) })
	options := container.NewVScroll(container.NewVBox(
		card(words.T("window.card.preset", nil), w.Presets.Content),
		card(words.T("window.card.options", nil), w.Options.Content),
		// Not "Advanced": the last group of Scene7's options, just above, has that name.
		card(words.T("window.card.sending", nil), container.NewVBox(w.Dest.Advanced, w.FollowLinks, w.Bandwidth.Content)),
	))
	w.Options.wheel.scroll, w.Dest.wheel.scroll, w.Bandwidth.wheel.scroll = options, options, options
	// When everything the queue tab may show at once (the offer of an earlier run's files,
	// a connection asking for its password with the keychain's note, the line saying what
	// to fix, the counts on two lines) needs more height than a small screen has, the tab
	// scrolls instead of making the window taller than the screen, which put the bar and
	// the counts below its bottom edge. With room enough it does not scroll.
	w.queueScroll = container.NewVScroll(container.New(widthFirst{flows: []widthTaker{w.Dest.row}}, container.NewBorder(queueTop, nil, nil, nil, w.Queue.Content)))
	w.Dest.rowWheel.scroll = w.queueScroll
	// The queue is the main view; the options, which are set once and kept, have a tab.
	w.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(words.T("window.tab.queue", nil), theme.UploadIcon(), w.queueScroll),
		container.NewTabItemWithIcon(words.T("window.tab.options", nil), theme.SettingsIcon(), options),
		container.NewTabItemWithIcon(words.T("window.tab.log", nil), theme.ListIcon(), w.Log.Content),
		container.NewTabItemWithIcon(words.T("window.tab.request", nil), theme.VisibilityIcon(), w.Preview.Content),
		container.NewTabItemWithIcon(words.T("window.tab.connections", nil), theme.StorageIcon(), w.Connections.Content),
		container.NewTabItemWithIcon(words.T("window.tab.admin", nil), theme.InfoIcon(), w.Admin.Content),
	)
	w.banner = w.sandboxBanner()
	w.resume, w.resumeText, w.resumeUpload = w.resumeBanner()
	w.header = container.NewVBox(w.banner, w.resume)
	win.SetContent(container.NewBorder(w.header, nil, nil, nil, w.Tabs))

	w.Options.OnChanged = w.optionsChanged
	w.Dest.OnChanged = w.changed
	w.Dest.OnManage = func() { w.Tabs.SelectIndex(tabConnections) }
	w.Connections.OnSaved = func(name string) { w.Dest.reload(name) }
	// Another program may change the connections while this window is open (an admin's
	// editor or a settings file copied in; hoist login saves a password): they are read
	// again when a tab that shows them is opened, and when the window comes back to the
	// front (app/desktop.go).
	w.Tabs.OnSelected = func(*container.TabItem) {
		if i := w.Tabs.SelectedIndex(); i == tabQueue || i == tabConnections {
			w.RereadConnections()
		}
	}
	w.ref = &refresher{onRows: w.Queue.refreshRows, onTotals: w.totals, onLog: w.Log.update}
	d.Queue.SetObserver(session.Observer{
		Row: w.ref.row, List: w.ref.list, Totals: w.ref.total, Log: w.ref.logged,
		Ended: func(s session.Summary) {
			fyne.Do(func() {
				w.ended(s)
				if w.OnEnded != nil {
					w.OnEnded(s)
				}
			})
		},
		Processed: func(p session.Processed) { fyne.Do(func() { w.processed(p) }) },
	})
	win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { w.Drop(uris) })
	w.addShortcuts()
	w.restore()
	w.changed()
	return w
}

// The tabs, in order.
const (
	tabQueue = iota
	tabOptions
	tabLog
	tabPreview
	tabConnections
	tabAdmin
)

func card(title string, content fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard(title, "", content)
}

// sandboxBanner says discreetly that uploads stay on this computer, and how to add a real
// connection.
func (w *Window) sandboxBanner() *fyne.Container {
	text := widget.NewLabel(words.T("window.sandbox", nil))
	text.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(words.T("window.sandbox.add", nil), theme.ContentAddIcon(), func() {
		w.Tabs.SelectIndex(tabConnections)
		w.Connections.newProfile()
	})
	add.Importance = widget.LowImportance
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.InfoIcon()), add, text)
}

// resumeBanner offers the files an earlier session did not upload.
func (w *Window) resumeBanner() (*fyne.Container, *widget.Label, *widget.Button) {
	text := widget.NewLabel("")
	text.Wrapping = fyne.TextWrapWord
	upload := widget.NewButtonWithIcon(words.T("window.resume.upload", nil), theme.UploadIcon(), w.Upload)
	upload.Importance = widget.HighImportance
	forget := widget.NewButton(words.T("window.resume.forget", nil), func() {
		showIf(w.resume, false, w.header)
		n := w.d.Queue.ForgetRestored()
		w.Queue.SetStatus(words.N("window.resume.forgotten", n, nil))
	})
	c := container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.HistoryIcon()), container.NewHBox(upload, forget), text)
	c.Hide()
	return c, text, upload
}

// Resume is where unfinished files of an earlier session were going.
type Resume struct {
	Waiting    int // files queued again
	Profile    string
	Company    string
	DestFolder string
	Options    *uploader.Options // nil: keep the options on screen
}

// OfferResume shows that files of an earlier session wait to be uploaded, with the
// settings they were going to be sent with.
func (w *Window) OfferResume(r Resume) {
	if r.Waiting == 0 {
		return
	}
	w.restoring = true
	if _, ok := w.Dest.find(r.Profile); ok && r.Profile != "" {
		w.Dest.conn.SetSelected(r.Profile)
		if r.Company != "" {
			w.Dest.company.SetText(r.Company)
		}
		w.Dest.folder.SetText(r.DestFolder)
	}
	if r.Options != nil {
		w.Options.SetOptions(*r.Options)
		w.keepPresetIfSame()
	}
	w.restoring = false
	w.changed()
	w.resumeText.SetText(words.N("window.resume.offer", r.Waiting, nil))
	showIf(w.resume, true, w.header)
}

// optionsChanged forgets the chosen preset once the options no longer match it.
func (w *Window) optionsChanged() {
	if w.Presets != nil && !w.restoring {
		w.keepPresetIfSame()
	}
	w.changed()
}

// keepPresetIfSame forgets the chosen preset when the options on screen differ from it.
func (w *Window) keepPresetIfSame() {
	if w.Presets.Current() == "" {
		return
	}
	if p, err := w.d.Presets.Load(w.Presets.Current()); err != nil || !sameOptions(p.Options, w.Options.Options()) {
		w.Presets.detach()
	}
}

// sameOptions compares options by their JSON, the presets' own form.
func sameOptions(a, b uploader.Options) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// changed brings everything that depends on the settings up to date.
func (w *Window) changed() {
	if w.Queue == nil || w.Dest == nil || w.Options == nil || w.Preview == nil {
		return // still being built
	}
	p := w.Dest.current
	w.Options.SetService(p.Service)
	showIf(w.banner, p.Sandbox, w.header)
	t := w.target()
	w.Preview.Update(t)
	why := w.blocked()
	w.Queue.SetReady(why == "", why)
	enable(w.resumeUpload, why == "")
	if w.startFailed {
		// The settings changed since an upload could not start: what it said may no
		// longer apply, and if it still does the next try says it again.
		w.startFailed = false
		w.Queue.SetStatus("")
	}
	w.d.Queue.SetTarget(t)
	w.Admin.SetConnection(p)
	w.optionsLine.SetText(optionsSummary(w.Presets.Current(), w.Options.ForUpload(), p.Service))
	w.saveSettings()
}

// blocked says what to fix before uploading, "" when the settings allow it.
func (w *Window) blocked() string {
	here, options := w.Dest.problems(), w.Options.Problems()
	problems := append(here, options...)
	if len(problems) == 0 {
		return ""
	}
	if len(problems) == 1 {
		return words.T("window.blocked", words.A{"Problem": problems[0]})
	}
	// The others are said by where they are fixed: the connection's fields above the
	// queue (the password, the folder), the Upload options tab, or both.
	id := "window.blocked.more"
	switch {
	case len(options) == 0:
		id = "window.blocked.more_here"
	case len(here) > 1:
		id = "window.blocked.more_both"
	}
	return words.N(id, len(problems)-1, words.A{"Problem": problems[0]})
}

// adminConn is the chosen connection with its password, for the admin view.
func (w *Window) adminConn() (uploader.Conn, error) {
	var t session.Target
	var p store.Profile
	var typed string
	fyne.DoAndWait(func() { t, p, typed = w.target(), w.Dest.current, w.Dest.password.Text })
	err := w.withPassword(&t, p, typed)
	return t.Conn, err
}

// totals shows the queue's figures; the offer to resume goes once no file waits any more
// (uploaded, removed or forgotten).
func (w *Window) totals(t session.Totals) {
	w.Queue.applyTotals(t)
	w.Log.refreshOutcomes(t)
	if t.Count(session.Queued) == 0 && w.resume.Visible() {
		w.endResume()
	}
}

// endResume takes the offer away once the person uploads (Upload them, or Upload) or no
// file waits any more: the files it offered are then files like any other, which a later
// Forget them must not take off.
func (w *Window) endResume() {
	showIf(w.resume, false, w.header)
	w.d.Queue.KeepRestored()
}

// ResumeOffered reports whether unfinished files of an earlier session are offered.
func (w *Window) ResumeOffered() bool { return w.resume.Visible() }

// EnteredForeground is the app coming back to the front (app/desktop.go, Fyne's lifecycle,
// called just before the window's focused object is told FocusGained): the connections
// are read again, and a number field gets the focus back as it was left (numberEntry).
func (w *Window) EnteredForeground() {
	returningToFront = true
	fyne.Do(func() { returningToFront = false }) // queued: runs once the focus is back
	w.RereadConnections()
}

// RereadConnections shows the connections as they are saved now, in the Connections tab
// and the queue's list, and whether their passwords are, when another program changed
// them while this window was open.
// The keychain is asked again only by the tab in view: on macOS each question starts a
// process, and the window comes to the front often.
func (w *Window) RereadConnections() {
	tab := w.Tabs.SelectedIndex()
	w.Connections.reread(tab == tabConnections)
	w.Dest.reread(tab == tabQueue)
}
