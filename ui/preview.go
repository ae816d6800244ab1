package ui

import (
	"fmt"
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
	intro := helpLabel("This is what Hoist sends with the first request of the upload; each file then follows in the same request. The password is shown as *. The documents are laid out on several lines here to be read; they are sent on one line.")
	copyBtn := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { copyText(p.text) })
	p.Content = container.NewBorder(container.NewBorder(nil, nil, nil, copyBtn, intro), nil, nil, nil, container.NewVScroll(p.label))
	return p
}

// Text is what the preview shows.
func (p *Preview) Text() string { return p.text }

// Update shows the request the upload r would send (r has no password).
func (p *Preview) Update(r session.Target) {
	p.text = requestText(r)
	p.label.SetText(p.text)
}

func requestText(r session.Target) string {
	if r.Endpoint.UploadURL == "" {
		return "Choose a connection to see the request."
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
		job = "hoist-(generated when you press Upload)"
	}
	opts := r.Options
	folder, err := uploader.CleanFolder(uploader.Scene7, r.DestFolder)
	if err != nil {
		return words.Error(err)
	}
	param := uploader.UploadPostParam{CompanyHandle: r.Company, JobName: job, Locale: h.Locale, DestFolder: folder, UploadParams: &opts}
	if strings.TrimSpace(r.Company) == "" {
		return "Enter the company handle (it looks like c|2101) to see the request."
	}
	doc, err := param.Document()
	if err != nil {
		return fmt.Sprintf("The request cannot be built: %s", words.Error(err))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "POST %s\nContent-Type: multipart/form-data\n\n", r.Endpoint.UploadURL)
	fmt.Fprintf(&b, "part \"auth\" (text/xml; charset=UTF-8)\n%s\n\n", indentXML(auth))
	fmt.Fprintf(&b, "part \"uploadParams\" (text/xml; charset=UTF-8)\n%s\n\n", indentXML(doc))
	b.WriteString("part \"file\" … one part per file, streamed from disk\n")
	return b.String()
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
		dest = "(choose a destination folder)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "POST %s   (one request per file)\n", r.Endpoint.UploadURL)
	fmt.Fprintf(&b, "Authorization: Basic base64(%s:*)\nContent-Type: multipart/form-data\n\n", r.Credentials.User)
	fmt.Fprintf(&b, "field \"dest_dir\"   %s (plus the file's own folder)\n", dest)
	fmt.Fprintf(&b, "field \"overwrite\"  %s\n", overwrite)
	b.WriteString("field \"file\"       the file, streamed from disk\n")
	return b.String()
}
