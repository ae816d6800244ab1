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

// profileEditor is the form of one connection profile. It shows every problem as a
// sentence while the person types, and keeps Save off until there is none.
type profileEditor struct {
	name, uploadURL, apiURL, user, company, folder *widget.Entry
	password                                       *widget.Entry
	publishBase                                    *widget.Entry
	publishBox                                     *fyne.Container
	server                                         *widget.Select
	insecure                                       *widget.Check
	urlBox, apiBox, companyBox, insecureBox        *fyne.Container
	insecureWarn                                   *widget.Label
	problems                                       *widget.Label
	builtinNote                                    *widget.Label
	builtin                                        bool
	loading                                        bool
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

func newProfileEditor() *profileEditor {
	e := &profileEditor{}
	e.network = newNetworkFields(func() { e.changed() })
	entry := func(placeholder string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(placeholder)
		w.OnChanged = func(string) { e.changed() }
		return w
	}
	e.name = entry(words.T("connedit.name.placeholder", nil))
	e.uploadURL = entry(words.T("connedit.url.placeholder", words.A{"Example": "https://host" + uploader.Scene7UploadPath}))
	e.apiURL = entry(words.T("connedit.api.placeholder", words.A{"Path": uploader.Scene7APIPath}))
	e.user = entry(words.T("connedit.user.placeholder", nil))
	e.company = entry(words.T("connedit.company.placeholder", nil))
	e.folder = entry(words.T("connedit.folder.placeholder", nil))
	e.publishBase = entry(words.T("connedit.publish.placeholder", nil))
	e.password = widget.NewPasswordEntry()
	e.password.SetPlaceHolder(words.T("connedit.password.placeholder", nil))
	e.server = widget.NewSelect(kindLabels(), func(string) { e.changed() })
	e.insecure = widget.NewCheck(words.T("connedit.insecure", nil), func(bool) { e.changed() })
	e.insecureWarn = widget.NewLabel(words.T("connedit.insecure.warning", nil))
	e.insecureWarn.Importance = widget.DangerImportance
	e.insecureWarn.Wrapping = fyne.TextWrapWord
	e.problems = widget.NewLabel("")
	e.problems.Importance = widget.DangerImportance
	e.problems.Wrapping = fyne.TextWrapWord
	e.builtinNote = helpLabel(words.T("connedit.builtin", nil))

	e.urlBox = container.NewVBox(fieldLabel(words.T("connedit.server_address", nil)), e.uploadURL)
	e.apiBox = container.NewVBox(fieldLabel(words.T("connedit.api_address", nil)), e.apiURL,
		helpLabel(words.T("connedit.api_address.help", nil)))
	e.companyBox = container.NewVBox(fieldLabel(words.T("connedit.company", nil)), e.company)
	e.insecureBox = container.NewVBox(e.insecure, e.insecureWarn)
	e.publishBox = container.NewVBox(fieldLabel(words.T("connedit.publish", nil)), e.publishBase,
		helpLabel(words.T("connedit.publish.help", words.A{"Where": words.WherePublishBase()})))
	e.box = container.NewVBox(
		e.builtinNote,
		fieldLabel(words.T("connedit.name", nil)), e.name,
		fieldLabel(words.T("connedit.server", nil)), e.server,
		e.urlBox, e.insecureBox, e.apiBox,
		fieldLabel(words.T("connedit.user", nil)), e.user,
		fieldLabel(words.T("connedit.password", nil)), e.password,
		e.companyBox,
		fieldLabel(words.T("connedit.folder", nil)), e.folder,
		e.publishBox,
		e.network.Content,
		e.problems,
	)
	e.Content = e.box
	return e
}

// load shows p.
func (e *profileEditor) load(p store.Profile) {
	e.loading = true
	e.builtin = p.Sandbox && store.IsBuiltin(p.Name)
	e.sandbox, e.sandboxService = p.Sandbox, p.Service
	e.name.SetText(p.Name)
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
	msgs := e.problemList()
	e.problems.SetText(strings.Join(msgs, "\n"))
	showIf(e.problems, len(msgs) > 0, e.box)
	if e.OnChanged != nil {
		e.OnChanged()
	}
}

// problemList is every sentence about the profile as edited.
func (e *profileEditor) problemList() []string {
	if e.builtin {
		return nil
	}
	err := e.profile().Validate()
	var pe *store.ProfileError
	if errors.As(err, &pe) {
		out := make([]string, len(pe.Problems))
		for i, p := range pe.Problems {
			out[i] = p.Message
		}
		return out
	}
	if err != nil {
		return []string{words.Error(err)}
	}
	return nil
}

// Problems is the text of the problems shown (for tests).
func (e *profileEditor) Problems() string {
	if e.problems.Hidden {
		return ""
	}
	return e.problems.Text
}

// plainRemote reports an http:// address of a host that is not this computer.
func plainRemote(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	return err == nil && u.Scheme == "http" && u.Host != "" && !uploader.IsLoopbackHost(u.Hostname())
}
