package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/uploader"
)

// exchangeView is the Details expander of a call to a server: the exact request (the
// password shown as *), the raw answer, how long it took and, for https, the server's
// certificate. Closed by default: people read the verdict, admins open the details.
type exchangeView struct {
	text    string
	label   *widget.Label
	acc     *widget.Accordion
	Content fyne.CanvasObject
}

func newExchangeView(clip func(string)) *exchangeView {
	v := &exchangeView{label: exactLabel()}
	copyBtn := widget.NewButtonWithIcon("Copy details", theme.ContentCopyIcon(), func() { clip(v.text) })
	v.acc = widget.NewAccordion(widget.NewAccordionItem("Details", container.NewVBox(container.NewHBox(copyBtn), v.label)))
	v.Content = v.acc
	v.Content.Hide()
	return v
}

// set shows ex; an empty exchange hides the expander.
func (v *exchangeView) set(ex uploader.Exchange) {
	v.text = exchangeText(ex)
	v.label.SetText(v.text)
	if ex.URL == "" && ex.Request == "" {
		v.Content.Hide()
	} else {
		v.Content.Show()
	}
}

// exchangeText writes an exchange for people who read protocols.
func exchangeText(ex uploader.Exchange) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Operation: %s\nAddress: %s\n", ex.Operation, ex.URL)
	if ex.Duration > 0 {
		fmt.Fprintf(&b, "Time: %s\n", formatDuration(ex.Duration))
	}
	if ex.Status != 0 {
		fmt.Fprintf(&b, "HTTP status: %d\n", ex.Status)
	}
	if c := ex.TLS; c != nil {
		fmt.Fprintf(&b, "Certificate: %s\n  issued by %s\n  valid until %s\n", c.Subject, c.Issuer, c.NotAfter.Local().Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(&b, "\n— Request —\n%s\n", strings.TrimSpace(ex.Request))
	fmt.Fprintf(&b, "\n— Answer —\n%s\n", strings.TrimSpace(ex.Response))
	return b.String()
}
