package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
)

// networkFields are a connection's settings for the network at the office: its own
// proxy, a CA certificate file, and how long a request may go without progress. They sit
// folded under the form, since most connections need none of them (README "Works at the
// office").
type networkFields struct {
	proxy, caFile, stall *widget.Entry
	choose               *widget.Button
	// pick asks the system's file dialog for the CA file and hands the path back on
	// Fyne's thread; nil hides the button.
	pick    func(done func(path string))
	box     *fyne.Container
	Content *widget.Accordion
}

// newNetworkFields builds the fields; changed is told the field edited (its JSON name, as
// in store.FieldProblem), and problem gives the sentence shown under a field while it is
// refused (nil: none, as in tests of the help alone).
func newNetworkFields(changed func(fields ...string), problem func(field string) fyne.CanvasObject) *networkFields {
	n := &networkFields{}
	under := func(field string) fyne.CanvasObject {
		if problem == nil {
			l := widget.NewLabel("")
			l.Hide()
			return l
		}
		return problem(field)
	}
	entry := func(placeholder, field string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(placeholder)
		w.OnChanged = func(string) { changed(field) }
		return w
	}
	n.proxy = entry(words.T("office.editor.proxy_placeholder", nil), "proxy")
	n.caFile = entry(words.T("office.editor.ca_placeholder", nil), "caFile")
	n.stall = entry(words.T("office.editor.stall_placeholder", nil), "stallSeconds")
	n.choose = widget.NewButtonWithIcon(words.T("office.editor.ca_choose", nil), theme.FolderOpenIcon(), func() {
		if n.pick != nil {
			n.pick(func(path string) { n.caFile.SetText(path) })
		}
	})
	n.box = container.NewVBox(
		fieldLabel(words.T("office.editor.proxy", nil)), n.proxy, under("proxy"),
		helpLabel(words.T("office.editor.proxy_help", nil)),
		fieldLabel(words.T("office.editor.ca", nil)), container.NewBorder(nil, nil, nil, n.choose, n.caFile), under("caFile"),
		helpLabel(words.T("office.editor.ca_help", nil)),
		fieldLabel(words.T("office.editor.stall", nil)), n.stall, under("stallSeconds"),
		helpLabel(words.T("office.editor.stall_help", nil)),
	)
	n.Content = widget.NewAccordion(widget.NewAccordionItem(words.T("office.editor.section", nil), n.box))
	return n
}

// load shows p's settings, unfolded when it has any.
func (n *networkFields) load(p store.Profile) {
	n.proxy.SetText(p.Proxy)
	n.caFile.SetText(p.CAFile)
	n.stall.SetText("")
	if p.StallSeconds > 0 {
		n.stall.SetText(strconv.Itoa(p.StallSeconds))
	}
	if p.Proxy != "" || p.CAFile != "" || p.StallSeconds > 0 {
		n.Content.Open(0)
	} else {
		n.Content.Close(0)
	}
}

// apply puts the settings as typed into p; a stall timeout that is not a whole number
// becomes -1, which the profile's check refuses with its sentence.
func (n *networkFields) apply(p *store.Profile) {
	p.Proxy = strings.TrimSpace(n.proxy.Text)
	p.CAFile = strings.TrimSpace(n.caFile.Text)
	p.StallSeconds = 0
	if s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.stall.Text), "s")); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			v = -1
		}
		p.StallSeconds = v
	}
}

func (n *networkFields) enable(on bool) {
	for _, w := range []fyne.Disableable{n.proxy, n.caFile, n.stall, n.choose} {
		enable(w, on)
	}
	if n.pick == nil {
		n.choose.Hide()
	} else {
		n.choose.Show()
	}
}

// pickCAFile asks the system's file dialog for a CA file, off Fyne's thread.
func (v *ConnectionsView) pickCAFile(done func(string)) {
	if v.d.Pickers == nil {
		return
	}
	v.d.run(func() {
		paths, err := v.d.Pickers.OpenFiles()
		if err != nil || len(paths) == 0 {
			return // closed without a choice, or no dialog: the path can be typed
		}
		fyne.Do(func() { done(paths[0]) })
	})
}
