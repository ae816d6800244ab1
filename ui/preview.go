package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// Preview shows the exact documents the first request of an upload carries, with the
// password shown as "*".
type Preview struct {
	text    string
	label   *widget.Label
	Content fyne.CanvasObject
}

// NewPreview builds the preview; copy puts its text on the clipboard.
func NewPreview(copyText func(string)) *Preview {
	p := &Preview{label: exactLabel()}
	intro := helpLabel(words.T("preview.intro", nil))
	copyBtn := widget.NewButtonWithIcon(words.T("preview.copy", nil), theme.ContentCopyIcon(), func() { copyText(p.text) })
	p.Content = container.NewBorder(container.NewBorder(nil, nil, nil, copyBtn, intro), nil, nil, nil, container.NewVScroll(p.label))
	return p
}

// Text is what the preview shows.
func (p *Preview) Text() string { return p.text }

// Update shows the request the upload r would send (r has no password).
func (p *Preview) Update(r session.Target) {
	p.text = requestText(r)
	setExact(p.label, p.text)
}

func requestText(r session.Target) string {
	if r.Endpoint.UploadURL == "" {
		return words.T("preview.choose_connection", nil)
	}
	if r.Endpoint.Service == uploader.DrSum {
		return drsumText(r)
	}
	h := uploader.NewAuthHeader(uploader.Credentials{User: r.Credentials.User}).Redacted()
	auth, err := h.Document()
	if err != nil {
		return words.Error(err)
	}
	job := r.JobName
	if job == "" {
		job = words.T("preview.job_placeholder", nil)
	}
	opts := r.Options
	folder, err := uploader.CleanFolder(uploader.Scene7, r.DestFolder)
	if err != nil {
		return words.Error(err)
	}
	param := uploader.UploadPostParam{CompanyHandle: r.Company, JobName: job, Locale: h.Locale, DestFolder: folder, UploadParams: &opts}
	if strings.TrimSpace(r.Company) == "" {
		return words.T("preview.need_company", nil)
	}
	doc, err := param.Document()
	if err != nil {
		return words.T("preview.cannot_build", words.A{"Reason": words.Error(err)})
	}
	return words.T("preview.scene7", words.A{"URL": r.Endpoint.UploadURL, "Auth": indentXML(auth), "Params": indentXML(doc)})
}

func drsumText(r session.Target) string {
	overwrite := "false"
	if r.Options.Overwrite {
		overwrite = "true"
	}
	dest, err := uploader.CleanFolder(uploader.DrSum, r.DestFolder)
	if err != nil {
		return words.Error(err)
	}
	if dest == "" {
		dest = words.T("preview.choose_folder", nil)
	}
	return words.T("preview.drsum", words.A{"URL": r.Endpoint.UploadURL, "User": r.Credentials.User, "Dest": dest, "Overwrite": overwrite})
}
