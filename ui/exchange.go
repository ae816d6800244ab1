package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
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
	copyBtn := widget.NewButtonWithIcon(words.T("exchange.copy", nil), theme.ContentCopyIcon(), func() { clip(v.text) })
	v.acc = widget.NewAccordion(widget.NewAccordionItem(words.T("exchange.details", nil), container.NewVBox(container.NewHBox(copyBtn), v.label)))
	v.Content = v.acc
	v.Content.Hide()
	return v
}

// set shows ex; an empty exchange hides the expander.
func (v *exchangeView) set(ex uploader.Exchange) {
	v.text = exchangeText(ex)
	setExact(v.label, v.text)
	if ex.URL == "" && ex.Request == "" {
		v.Content.Hide()
	} else {
		v.Content.Show()
	}
}

// exchangeText writes an exchange for people who read protocols.
func exchangeText(ex uploader.Exchange) string {
	lines := []string{
		words.T("exchange.operation", words.A{"Operation": ex.Operation}),
		words.T("exchange.address", words.A{"URL": ex.URL}),
	}
	if ex.Duration > 0 {
		lines = append(lines, words.T("exchange.time", words.A{"Time": words.Duration(ex.Duration)}))
	}
	if ex.Status != 0 {
		// The status is a code, not a count: no digit grouping.
		lines = append(lines, words.T("exchange.status", words.A{"Status": strconv.Itoa(ex.Status)}))
	}
	if c := ex.TLS; c != nil {
		lines = append(lines, words.T("exchange.certificate", words.A{"Subject": c.Subject, "Issuer": c.Issuer, "Until": words.DateTime(c.NotAfter.Local())}))
	}
	lines = append(lines,
		"", words.T("exchange.request", nil), strings.TrimSpace(ex.Request),
		"", words.T("exchange.answer", nil), strings.TrimSpace(ex.Response))
	return strings.Join(lines, "\n") + "\n"
}
