package ui

import (
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// profileEditor is the form of one connection profile. It shows each field's problem as a
// sentence under the field once the person has edited it, and every problem once Save or
// Test connection was pressed (reveal), or at once for a saved profile: a form just opened
// blank is not already wrong. Save stays off while a problem is shown.
type profileEditor struct {
	name, uploadURL, apiURL, user, company, folder *widget.Entry
	password                                       *widget.Entry
	publishBase                                    *widget.Entry
	publishBox                                     *fyne.Container
	server                                         *widget.Select
	insecure                                       *widget.Check
	urlBox, apiBox, companyBox, insecureBox        *fyne.Container
	insecureWarn                                   *widget.Label
	// problems holds the sentences about no field in particular; inline holds each
	// field's own, shown right under it (the form is taller than most windows: a
	// sentence at its foot is out of sight of the field it is about).
	problems    *widget.Label
	inline      map[string]*fieldProblem
	builtinNote *widget.Label
	builtin     bool
	builtinName string // the built-in's own name, which the name field shows translated
	loading     bool
	// touched holds the fields (their JSON names, as in store.FieldProblem) edited since
	// the profile was loaded; revealed shows the problems of every field.
	touched  map[string]bool
	revealed bool
	// dirty: something was typed or chosen since loaded, the profile load showed.
	dirty  bool
	loaded store.Profile
	// sandbox is set for profiles of the Local sandbox (the built-ins and their copies):
	// their server is this computer, whatever port the sandbox got.
	sandbox        bool
	sandboxService uploader.Service
	// network is the connection's proxy, CA file and stall timeout (connections_network.go).
	network *networkFields

	// OnChanged is called after every edit.
	OnChanged func()
	box       *fyne.Container
	Content   fyne.CanvasObject
}

// fieldProblem is the sentence under one field, and the box it sits in (re-laid out when
// the sentence shows or hides).
type fieldProblem struct {
	label *widget.Label
	in    *fyne.Container
}

// problemUnder is the label of the sentences about fields (their JSON names, as in
// store.FieldProblem), to be put right under them.
func (e *profileEditor) problemUnder(fields ...string) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	fp := &fieldProblem{label: l}
	for _, f := range fields {
		e.inline[f] = fp
	}
	return l
}

func newProfileEditor() *profileEditor {
	e := &profileEditor{inline: map[string]*fieldProblem{}, touched: map[string]bool{}}
	e.network = newNetworkFields(e.edited, func(field string) fyne.CanvasObject { return e.problemUnder(field) })
	entry := func(placeholder string, fields ...string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(placeholder)
		w.OnChanged = func(string) { e.edited(fields...) }
		return w
	}
	e.name = entry(words.T("connedit.name.placeholder", nil), "name")
	e.uploadURL = entry(words.T("connedit.url.placeholder", words.A{"Example": "https://host" + uploader.Scene7UploadPath}), "uploadURL")
	e.apiURL = entry(words.T("connedit.api.placeholder", words.A{"Path": uploader.Scene7APIPath}), "apiURL")
	e.user = entry(words.T("connedit.user.placeholder", nil), "user")
	e.company = entry(words.T("connedit.company.placeholder", nil), "company")
	e.folder = entry(words.T("connedit.folder.placeholder", nil))
	e.publishBase = entry(words.T("connedit.publish.placeholder", nil), "publishBase")
	e.password = widget.NewPasswordEntry()
	e.password.SetPlaceHolder(words.T("connedit.password.placeholder", nil))
	e.server = widget.NewSelect(kindLabels(), e.serverChosen)
	e.insecure = widget.NewCheck(words.T("connedit.insecure", nil), func(bool) { e.edited() })
	e.insecureWarn = widget.NewLabel(words.T("connedit.insecure.warning", nil))
	e.insecureWarn.Importance = widget.DangerImportance
	e.insecureWarn.Wrapping = fyne.TextWrapWord
	e.problems = widget.NewLabel("")
	e.problems.Importance = widget.DangerImportance
	e.problems.Wrapping = fyne.TextWrapWord
	e.builtinNote = helpLabel(words.T("connedit.builtin", nil))

	e.urlBox = container.NewVBox(fieldLabel(words.T("connedit.server_address", nil)), e.uploadURL, e.problemUnder("uploadURL"))
	e.apiBox = container.NewVBox(fieldLabel(words.T("connedit.api_address", nil)), e.apiURL, e.problemUnder("apiURL"),
		helpLabel(words.T("connedit.api_address.help", nil)))
	e.companyBox = container.NewVBox(fieldLabel(words.T("connedit.company", nil)), e.company, e.problemUnder("company"))
	e.insecureBox = container.NewVBox(e.insecure, e.insecureWarn)
	e.publishBox = container.NewVBox(fieldLabel(words.T("connedit.publish", nil)), e.publishBase, e.problemUnder("publishBase"),
		helpLabel(words.T("connedit.publish.help", words.A{"Where": words.WherePublishBase()})))
	e.box = container.NewVBox(
		e.builtinNote,
		fieldLabel(words.T("connedit.name", nil)), e.name, e.problemUnder("name"),
		fieldLabel(words.T("connedit.server", nil)), e.server, e.problemUnder("service", "region"),
		e.urlBox, e.insecureBox, e.apiBox,
		fieldLabel(words.T("connedit.user", nil)), e.user, e.problemUnder("user"),
		fieldLabel(words.T("connedit.password", nil)), e.password,
		e.companyBox,
		fieldLabel(words.T("connedit.folder", nil)), e.folder,
		e.publishBox,
		e.network.Content,
		e.problems,
	)
	for _, box := range []*fyne.Container{e.box, e.urlBox, e.apiBox, e.companyBox, e.publishBox, e.network.box} {
		for _, o := range box.Objects {
			for _, fp := range e.inline {
				if fp.label == o {
					fp.in = box
				}
			}
		}
	}
	e.Content = e.box
	return e
}

// load shows p; fresh is a profile never saved, whose problems wait for its fields to be
// edited, or for Save or Test connection.
func (e *profileEditor) load(p store.Profile, fresh bool) {
	e.loading = true
	clear(e.touched)
	e.dirty, e.loaded = false, p
	e.revealed = !fresh
	e.builtin = p.Sandbox && store.IsBuiltin(p.Name)
	e.sandbox, e.sandboxService = p.Sandbox, p.Service
	e.builtinName = ""
	if e.builtin {
		e.builtinName = p.Name
	}
	e.name.SetText(store.DisplayName(p.Name))
	if p.Sandbox {
		e.server.SetOptions([]string{sandboxLabel(p.Service)})
		e.server.SetSelected(sandboxLabel(p.Service))
	} else {
		e.server.SetOptions(kindLabels())
		e.server.SetSelected(kindOf(p).label)
	}
	e.uploadURL.SetText(p.UploadURL)
	e.apiURL.SetText(p.APIURL)
	e.insecure.SetChecked(p.AllowInsecureHTTP)
	e.user.SetText(p.User)
	e.company.SetText(p.Company)
	e.folder.SetText(p.DestFolder)
	e.publishBase.SetText(p.PublishBase)
	e.password.SetText("")
	e.network.load(p)
	e.loading = false
	for _, w := range []fyne.Disableable{e.name, e.uploadURL, e.apiURL, e.user, e.company, e.folder, e.publishBase, e.password, e.server, e.insecure} {
		enable(w, !e.builtin)
	}
	if e.sandbox {
		// The sandbox knows one user and password, and its server is fixed.
		for _, w := range []fyne.Disableable{e.server, e.user, e.password} {
			enable(w, false)
		}
	}
	e.network.enable(!e.builtin)
	showIf(e.builtinNote, e.builtin, e.box)
	e.changed()
}

// saved records that the form was just stored as p: what it shows is no longer an edit.
func (e *profileEditor) saved(p store.Profile) { e.dirty, e.loaded = false, p }

// editing reports whether something was typed or chosen in the form since it was loaded,
// a password included.
func (e *profileEditor) editing() bool {
	return e.dirty || e.password.Text != ""
}

// sandboxLabel names the server of a Local sandbox profile.
func sandboxLabel(s uploader.Service) string {
	if s == uploader.DrSum {
		return words.T("connedit.sandbox.drsum", nil)
	}
	return words.T("connedit.sandbox.scene7", nil)
}

// profile is the profile as edited.
func (e *profileEditor) profile() store.Profile {
	if e.sandbox {
		p := store.Profile{Name: strings.TrimSpace(e.name.Text), Service: e.sandboxService, Sandbox: true,
			User: strings.TrimSpace(e.user.Text), Company: strings.TrimSpace(e.company.Text), DestFolder: strings.TrimSpace(e.folder.Text)}
		if p.Service == uploader.Scene7 {
			p.PublishBase = strings.TrimSpace(e.publishBase.Text)
		}
		if e.builtin {
			p.Name = e.builtinName // the field shows it translated (store.DisplayName)
		}
		e.network.apply(&p)
		return p
	}
	k, _ := kindByLabel(e.server.Selected)
	p := store.Profile{
		Name: strings.TrimSpace(e.name.Text), Service: k.service, Region: k.region, Staging: k.staging,
		User: strings.TrimSpace(e.user.Text), Company: strings.TrimSpace(e.company.Text), DestFolder: strings.TrimSpace(e.folder.Text),
	}
	if k.region == "" {
		p.UploadURL = strings.TrimSpace(e.uploadURL.Text)
	}
	if k.service == uploader.Scene7 && k.region == "" {
		p.APIURL = strings.TrimSpace(e.apiURL.Text)
	}
	if k.service == uploader.DrSum {
		p.AllowInsecureHTTP = e.insecure.Checked
		p.Company = ""
	} else {
		p.PublishBase = strings.TrimSpace(e.publishBase.Text)
	}
	e.network.apply(&p)
	return p
}

// edited marks fields as edited by the person, so that their problems show, and goes on
// as after any change. What load itself sets is no edit.
func (e *profileEditor) edited(fields ...string) {
	if e.loading {
		return
	}
	e.dirty = true
	for _, f := range fields {
		e.touched[f] = true
	}
	e.changed()
}

// serverChosen is the server list's edit: its problems are about the service or region.
func (e *profileEditor) serverChosen(string) { e.edited("service", "region") }

// reveal shows the problems of every field, edited or not (Save or Test connection was
// pressed), and reports whether there is any.
func (e *profileEditor) reveal() bool {
	if !e.revealed {
		e.revealed = true
		e.changed()
	}
	return len(e.fieldProblems()) > 0
}

// shows reports whether a problem is shown: one about a field once that field was edited,
// one about no field in particular once any was.
func (e *profileEditor) shows(p store.FieldProblem) bool {
	if _, ok := e.inline[p.Field]; !ok {
		return e.revealed || len(e.touched) > 0
	}
	return e.revealed || e.touched[p.Field]
}

// shownProblems are the problems of the profile as edited that the form shows.
func (e *profileEditor) shownProblems() []store.FieldProblem {
	var out []store.FieldProblem
	for _, p := range e.fieldProblems() {
		if e.shows(p) {
			out = append(out, p)
		}
	}
	return out
}

func (e *profileEditor) changed() {
	if e.loading {
		return
	}
	k, _ := kindByLabel(e.server.Selected)
	if e.sandbox {
		k = kind{service: e.sandboxService, region: uploader.RegionNA} // no address to type
	}
	showIf(e.urlBox, k.region == "", e.box)
	showIf(e.apiBox, k.service == uploader.Scene7 && k.region == "", e.box)
	showIf(e.companyBox, k.service != uploader.DrSum, e.box)
	showIf(e.publishBox, k.service != uploader.DrSum, e.box)
	showIf(e.insecureBox, k.service == uploader.DrSum && !e.sandbox, e.box)
	showIf(e.insecureWarn, k.service == uploader.DrSum && e.insecure.Checked && plainRemote(e.uploadURL.Text), e.box)
	if k.service == uploader.DrSum {
		e.uploadURL.SetPlaceHolder(words.T("connedit.url.placeholder", words.A{"Example": "https://drsum.example.com" + uploader.DrSumUploadPath}))
	} else {
		e.uploadURL.SetPlaceHolder(words.T("connedit.url.placeholder", words.A{"Example": "https://host" + uploader.Scene7UploadPath}))
	}
	e.showProblems(e.shownProblems())
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// showProblems puts each sentence under its field, and those about no field shown (or
// about a field the form does not have) at the foot of the form.
func (e *profileEditor) showProblems(probs []store.FieldProblem) {
	under := map[*fieldProblem][]string{}
	var rest []string
	for _, p := range probs {
		if fp, ok := e.inline[p.Field]; ok {
			under[fp] = append(under[fp], p.Message)
		} else {
			rest = append(rest, p.Message)
		}
	}
	network := false
	for _, fp := range e.inline {
		fp.label.SetText(strings.Join(under[fp], "\n"))
		showIf(fp.label, len(under[fp]) > 0, fp.in)
		network = network || len(under[fp]) > 0 && fp.in == e.network.box
	}
	if network && !e.network.Content.Items[0].Open {
		// Folded shut, the section would hide why Save is off.
		e.network.Content.Open(0)
	}
	e.problems.SetText(strings.Join(rest, "\n"))
	showIf(e.problems, len(rest) > 0, e.box)
}

// fieldProblems is every problem of the profile as edited, with the field it is about.
func (e *profileEditor) fieldProblems() []store.FieldProblem {
	if e.builtin {
		return nil
	}
	err := e.profile().Validate()
	var pe *store.ProfileError
	if errors.As(err, &pe) {
		return pe.Problems
	}
	if err != nil {
		return []store.FieldProblem{{Message: words.Error(err)}}
	}
	return nil
}

// Problems is the text of the problems shown, wherever in the form (for tests).
func (e *profileEditor) Problems() string {
	var shown []string
	for _, p := range e.fieldProblems() {
		if fp, ok := e.inline[p.Field]; ok && !fp.label.Hidden {
			shown = append(shown, p.Message)
		} else if !ok && !e.problems.Hidden {
			shown = append(shown, p.Message)
		}
	}
	return strings.Join(shown, "\n")
}

// plainRemote reports an http:// address of a host that is not this computer.
func plainRemote(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && u.Scheme == "http" && u.Host != "" && !uploader.IsLoopbackHost(u.Hostname())
}
