package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
)

// queueRow shows one file of the queue: its state icon, its path (shortened in the middle,
// keeping the file name) and below it what is happening to it or why it failed, its size,
// a progress bar while it is being sent, and a button to cancel it. Columns without
// anything to show take no room. The list keeps only as many rows as fit on screen.
type queueRow struct {
	widget.BaseWidget
	icon   *widget.Icon
	name   *pathLabel
	detail *widget.Label
	size   *widget.Label
	bar    *widget.ProgressBar
	barBox *fyne.Container
	cancel *widget.Button
	bg     *canvas.Rectangle // the selection's colour when the row is selected
	index  int
	// onCancel is called with the row's index.
	onCancel func(int)
}

func newQueueRow(onCancel func(int)) *queueRow {
	r := &queueRow{icon: widget.NewIcon(theme.FileIcon()), name: newPathLabel(), detail: widget.NewLabel(""),
		size: widget.NewLabel(""), bar: widget.NewProgressBar(), onCancel: onCancel}
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.detail.SizeName = theme.SizeNameCaptionText
	r.size.Alignment = fyne.TextAlignTrailing
	r.bar.TextFormatter = func() string { return "" }
	r.cancel = widget.NewButtonWithIcon("", theme.CancelIcon(), func() { r.onCancel(r.index) })
	r.cancel.Importance = widget.LowImportance
	r.barBox = container.NewCenter(container.New(fixedSize{fyne.NewSize(100, 8)}, r.bar))
	r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.bg.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *queueRow) CreateRenderer() fyne.WidgetRenderer {
	texts := container.New(&rowTexts{}, r.name, r.detail)
	// The size column keeps one width so sizes line up; the bar shows only while the
	// file is sent, and the cancel button keeps its slot so the sizes do not move.
	right := container.NewHBox(r.barBox, withWidth(76, r.size), withWidth(r.cancel.MinSize().Width, r.cancel))
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, r.icon, right, texts)))
}

// setSelected shows whether the row is among the selected ones.
func (r *queueRow) setSelected(on bool) {
	switch {
	case on:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection) // the theme may have changed
		r.bg.Show()
		r.bg.Refresh()
	case r.bg.Visible():
		r.bg.Hide()
	}
}

// set shows row i.
func (r *queueRow) set(i int, row session.Row) {
	r.index = i
	r.name.SetPath(row.Rel)
	r.size.SetText(words.Size(row.Size))
	r.icon.SetResource(rowIcon(row))
	r.detail.Importance = rowImportance(row)
	if row.State == session.Queued && len(row.Names) > 0 {
		r.detail.Importance = widget.WarningImportance // Scene7 pre-flight; Upload still goes
	}
	r.detail.SetText(detailText(row))
	if row.State == session.Skipped {
		r.size.SetText("")
	}
	// A bar only while bytes go out: a finished row says its state in words and icon.
	if row.State == session.Sending {
		r.bar.SetValue(row.Fraction())
		r.barBox.Show()
	} else {
		r.barBox.Hide()
	}
	if row.State == session.Queued || row.State == session.Sending {
		r.cancel.Show()
	} else {
		r.cancel.Hide()
	}
}

// detailText says what is happening to the file, and for a problem why and what to do.
func detailText(row session.Row) string {
	switch row.State {
	case session.Queued:
		if row.Reason != "" {
			return row.Reason // paused
		}
		if w := row.NameWarnings(); w != "" {
			return words.T("row.waiting.check_name", words.A{"Warnings": w})
		}
		return words.T("row.waiting", nil)
	case session.Sending:
		if row.Reason != "" {
			return row.Reason
		}
		if row.Size > 0 && row.Sent >= row.Size {
			return words.T("row.sent", nil)
		}
		return joinNonEmpty(" · ", words.T("row.sending", nil), words.Speed(row.Speed), words.ETA(row.ETA))
	case session.Done:
		if t := outcomeText(row); t != "" {
			return t
		}
		if row.Replaced {
			return words.T("row.uploaded.replaced", nil)
		}
		return words.T("row.uploaded", nil)
	case session.Failed:
		return words.T("row.failed", words.A{"Reason": row.Reason})
	case session.Skipped:
		return words.T("row.skipped", words.A{"Reason": row.Reason})
	case session.Cancelled:
		if row.Reason != "" {
			return row.Reason // the session's sentence says it was cancelled, and what to do
		}
		if row.NotSent() {
			return words.T("row.not_sent", nil)
		}
		return words.T("row.cancelled", nil)
	}
	return row.State.String()
}

// outcomeText says what Scene7 made of an uploaded file, "" when it is not followed.
func outcomeText(row session.Row) string {
	switch row.Outcome {
	case session.Processing:
		if row.OutcomeText != "" {
			return words.T("row.processing.said", words.A{"Said": row.OutcomeText})
		}
		return words.T("row.processing", nil)
	case session.Ready:
		return words.T("row.ready", nil)
	case session.ReadyWarnings, session.FailedInScene7, session.NoWordFromScene7, session.ReplacedInJob:
		return row.OutcomeText
	}
	return ""
}

// rowIcon is the state's icon, or for an uploaded file what Scene7 made of it.
func rowIcon(row session.Row) fyne.Resource {
	if row.State == session.Done {
		switch row.Outcome {
		case session.Processing:
			return theme.NewPrimaryThemedResource(theme.HistoryIcon())
		case session.ReadyWarnings, session.NoWordFromScene7, session.ReplacedInJob:
			return theme.NewWarningThemedResource(theme.WarningIcon())
		case session.FailedInScene7:
			return theme.NewErrorThemedResource(theme.ErrorIcon())
		}
	}
	return stateIcon(row.State)
}

func rowImportance(row session.Row) widget.Importance {
	if row.State == session.Done {
		switch row.Outcome {
		case session.Processing:
			return widget.MediumImportance
		case session.ReadyWarnings, session.NoWordFromScene7, session.ReplacedInJob:
			return widget.WarningImportance
		case session.FailedInScene7:
			return widget.DangerImportance
		}
	}
	return stateImportance(row.State)
}

func stateIcon(s session.State) fyne.Resource {
	switch s {
	case session.Sending:
		return theme.NewPrimaryThemedResource(theme.UploadIcon())
	case session.Done:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case session.Failed:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case session.Skipped:
		return theme.NewWarningThemedResource(theme.ContentRemoveIcon())
	case session.Cancelled:
		return theme.NewWarningThemedResource(theme.CancelIcon())
	}
	return theme.FileIcon()
}

func stateImportance(s session.State) widget.Importance {
	switch s {
	case session.Done:
		return widget.SuccessImportance
	case session.Failed:
		return widget.DangerImportance
	case session.Skipped, session.Cancelled:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// rowTexts stacks the name and the detail line tightly, so a row is not much taller than
// two lines of text.
type rowTexts struct{}

func (rowTexts) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height - 2*theme.Padding()
	}
	return fyne.NewSize(w, h+2*theme.Padding())
}

func (rowTexts) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
		if i == 0 {
			y += theme.Padding() / 2
		}
	}
}
