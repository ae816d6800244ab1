package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
)

// rowDetails shows the chosen file of the queue in full under the list: its whole path,
// the whole sentence of what happened and what to do, and its figures. A row has room
// for one line; this pane has room for the rest.
type rowDetails struct {
	icon    *widget.Icon
	path    *widget.Label
	reason  *widget.Label
	facts   *widget.Label
	copyBtn *widget.Button
	text    string
	Content *fyne.Container
}

func newRowDetails(close func(), clip func(string)) *rowDetails {
	d := &rowDetails{icon: widget.NewIcon(theme.FileIcon()), path: widget.NewLabel(""), reason: widget.NewLabel(""), facts: helpLabel("")}
	d.path.Wrapping = fyne.TextWrapBreak // a path has no spaces to wrap at
	d.path.TextStyle.Bold = true
	d.path.Selectable = true
	d.reason.Wrapping = fyne.TextWrapWord
	d.reason.Selectable = true
	d.copyBtn = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		if clip != nil {
			clip(d.text)
		}
	})
	d.copyBtn.Importance = widget.LowImportance
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), close)
	closeBtn.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, d.icon, container.NewHBox(d.copyBtn, closeBtn), d.path)
	d.Content = container.NewVBox(widget.NewSeparator(), head, d.reason, d.facts)
	d.Content.Hide()
	return d
}

// show fills the pane with row, or hides it when there is none.
func (d *rowDetails) show(row session.Row, ok bool) {
	if !ok {
		d.Content.Hide()
		return
	}
	d.icon.SetResource(stateIcon(row.State))
	d.path.SetText(row.Rel)
	d.reason.Importance = stateImportance(row.State)
	d.reason.SetText(fullDetail(row))
	facts := []string{formatSize(row.Size), "from " + row.Path}
	if row.Attempt > 1 {
		facts = append(facts, plural(row.Attempt, "attempt", "attempts"))
	}
	if row.JobName != "" {
		facts = append(facts, "job "+row.JobName)
	}
	if row.JobHandle != "" {
		facts = append(facts, "job handle "+row.JobHandle)
	}
	d.facts.SetText(joinNonEmpty(" · ", facts...))
	d.text = fmt.Sprintf("%s\n%s\n%s\n", row.Rel, d.reason.Text, d.facts.Text)
	d.Content.Show()
}

// fullDetail is the row's whole sentence, with what to do when the file needs a hand.
func fullDetail(row session.Row) string {
	s := detailText(row)
	switch row.State {
	case session.Failed:
		s += "\nFix what the sentence says, then press Retry failed: only the files that were not uploaded are sent again."
	case session.Cancelled:
		s += "\nPress Retry failed to send it again, or Remove to take it off the list."
	case session.Skipped:
		s += "\nIt will not be sent. Remove it from the list, or fix it on disk and add it again."
	}
	return s
}
