package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
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
	// linkFor makes a ready asset's published link; link is the shown row's, linkBtns
	// copy and open it.
	linkFor  func(session.Row) (string, error)
	link     string
	linkBtns *fyne.Container
	// retryLabel is what the queue's Retry button reads for the chosen row, which the
	// advice names (nil: Retry failed).
	retryLabel func() string
	// head is the path and the buttons; body the sentence, links and figures, which
	// scroll when the pane has less room than they need (detailsBelow).
	head, body *fyne.Container
}

func newRowDetails(close func(), clip func(string), linkFor func(session.Row) (string, error), open func(string)) *rowDetails {
	d := &rowDetails{icon: widget.NewIcon(theme.FileIcon()), path: widget.NewLabel(""), reason: widget.NewLabel(""), facts: helpLabel(""), linkFor: linkFor}
	copyLink := widget.NewButtonWithIcon(words.T("details.copy_link", nil), theme.ContentCopyIcon(), func() {
		if clip != nil && d.link != "" {
			clip(d.link)
		}
	})
	openLink := widget.NewButtonWithIcon(words.T("details.open_link", nil), theme.ComputerIcon(), func() {
		if open != nil && d.link != "" {
			open(d.link)
		}
	})
	d.linkBtns = container.NewHBox(copyLink, openLink)
	d.linkBtns.Hide()
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
	d.head = container.NewBorder(nil, nil, d.icon, container.NewHBox(d.copyBtn, closeBtn), d.path)
	d.body = container.NewVBox(d.reason, d.linkBtns, d.facts)
	d.Content = container.NewBorder(container.NewVBox(widget.NewSeparator(), d.head), nil, nil, nil, container.NewVScroll(d.body))
	d.Content.Hide()
	return d
}

// show fills the pane with row, or hides it when there is none.
func (d *rowDetails) show(row session.Row, ok bool) {
	if !ok {
		d.Content.Hide()
		return
	}
	d.icon.SetResource(rowIcon(row))
	d.path.SetText(row.Rel)
	d.reason.Importance = rowImportance(row)
	retry := retryLabel(false)
	if d.retryLabel != nil {
		retry = d.retryLabel()
	}
	reason := fullDetail(row, retry)
	d.link = ""
	if row.Outcome.HasLink() && d.linkFor != nil {
		link, err := d.linkFor(row)
		if err != nil {
			reason += "\n" + words.Error(err)
		}
		d.link = link
	}
	showIf(d.linkBtns, d.link != "", nil)
	d.reason.SetText(reason)
	facts := []string{words.Size(row.Size), words.T("details.from", words.A{"Path": row.Path})}
	if row.Tries > 1 {
		facts = append(facts, words.N("details.attempts", row.Tries, nil))
	}
	if row.JobName != "" {
		facts = append(facts, words.T("details.job", words.A{"Name": row.JobName}))
	}
	if row.JobHandle != "" {
		facts = append(facts, words.T("details.job_handle", words.A{"Handle": row.JobHandle}))
	}
	if row.AssetID != "" {
		facts = append(facts, words.T("details.asset_id", words.A{"ID": row.AssetID}))
	}
	if d.link != "" {
		facts = append(facts, d.link)
	}
	d.facts.SetText(joinNonEmpty(" · ", facts...))
	d.text = fmt.Sprintf("%s\n%s\n%s\n", row.Rel, d.reason.Text, d.facts.Text)
	d.Content.Show()
}

// fullDetail is the row's whole sentence, with what to do when the file needs a hand;
// retry is the Retry button's label at this moment (Retry selected while the row is
// chosen), which the advice names as it reads.
func fullDetail(row session.Row, retry string) string {
	s := detailText(row)
	switch row.State {
	case session.Failed:
		s += "\n" + words.T("details.todo.failed", words.A{"Button": retry})
	case session.Cancelled:
		s += "\n" + words.T("details.todo.cancelled", words.A{"Button": retry,
			"Remove": words.T("queue.remove", nil), "RemoveSelected": words.T("queue.remove_selected", nil)})
	case session.Skipped:
		s += "\n" + words.T("details.todo.skipped", nil)
	case session.Done:
		switch row.Outcome {
		case session.FailedInScene7:
			if row.OutcomeText != "" { // the engine's sentence already says to fix the file
				s += "\n" + words.T("details.todo.failed_in_scene7.add_again", nil)
			} else {
				s += "\n" + words.T("details.todo.failed_in_scene7", nil)
			}
		case session.NoWordFromScene7:
			s += "\n" + words.T("details.todo.no_word", nil)
		}
	}
	return s
}
