package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
)

// QueueView is the list of files with its toolbar and the overall bar. The list is a
// virtualised widget.List over the session's rows: only the visible rows have widgets,
// and a change refreshes only its row.
type QueueView struct {
	q        *session.Queue
	list     *widget.List
	selected int
	drop     *dropZone
	overall  *widget.ProgressBar
	summary  *widget.Label
	status   *widget.Label
	blocker  *widget.Label

	AddFiles, AddFolder, Upload, CancelAll, Retry, Remove, Clear *widget.Button

	top     *fyne.Container
	frame   *fyne.Container // the Border around top and the list; re-laid out when top changes height
	ready   bool            // the settings allow an upload
	totals  session.Totals
	Content fyne.CanvasObject
}

// queueActions are what the toolbar asks of the window.
type queueActions struct {
	addFiles, addFolder, upload, retry func()
}

func newQueueView(q *session.Queue, act queueActions) *QueueView {
	v := &QueueView{q: q, selected: -1}
	v.list = widget.NewList(q.Len,
		func() fyne.CanvasObject { return newQueueRow(v.cancelRow) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if row, ok := q.Row(id); ok {
				o.(*queueRow).set(id, row)
			}
		})
	v.list.OnSelected = func(id widget.ListItemID) { v.selected = id; v.updateButtons() }
	v.list.OnUnselected = func(widget.ListItemID) { v.selected = -1; v.updateButtons() }

	v.AddFiles = widget.NewButtonWithIcon("Add files…", theme.FileIcon(), act.addFiles)
	v.AddFolder = widget.NewButtonWithIcon("Add folder…", theme.FolderOpenIcon(), act.addFolder)
	v.Upload = widget.NewButtonWithIcon("Upload", theme.UploadIcon(), act.upload)
	v.Upload.Importance = widget.HighImportance
	v.CancelAll = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), q.Cancel)
	v.Retry = widget.NewButtonWithIcon("Retry failed", theme.ViewRefreshIcon(), act.retry)
	v.Remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), v.removeSelected)
	v.Clear = widget.NewButtonWithIcon("Clear finished", theme.ContentClearIcon(), func() {
		n := q.ClearFinished()
		v.list.UnselectAll()
		v.SetStatus(fmt.Sprintf("%s cleared from the list.", plural(n, "finished file", "finished files")))
	})

	v.overall = widget.NewProgressBar()
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.blocker = widget.NewLabel("")
	v.blocker.Importance = widget.WarningImportance
	v.blocker.Wrapping = fyne.TextWrapWord
	v.blocker.Hide()
	v.drop = newDropZone()

	toolbar := container.NewHBox(v.AddFiles, v.AddFolder, widget.NewSeparator(), v.Upload, v.CancelAll, v.Retry, widget.NewSeparator(), v.Remove, v.Clear)
	v.top = container.NewVBox(container.NewHScroll(toolbar), v.blocker, v.status)
	bottom := container.NewVBox(widget.NewSeparator(), v.overall, v.summary)
	v.frame = container.NewBorder(v.top, bottom, nil, nil, container.NewStack(v.list, v.drop))
	v.Content = v.frame
	v.applyTotals(q.Totals())
	return v
}

// refreshRows is the refresher's row callback (on Fyne's thread).
func (v *QueueView) refreshRows(rows []int, all bool) {
	if all {
		if v.selected >= v.q.Len() {
			v.list.UnselectAll()
		}
		v.list.Refresh()
	} else {
		for _, i := range rows {
			v.list.RefreshItem(i)
		}
	}
	showIf(v.drop, v.q.Len() == 0, nil) // in a stack: it covers the list or not
	v.drop.Refresh()
}

// applyTotals shows the overall figures (on Fyne's thread).
func (v *QueueView) applyTotals(t session.Totals) {
	v.totals = t
	v.overall.SetValue(t.Fraction())
	v.summary.SetText(summaryText(t))
	showIf(v.drop, t.Rows == 0, nil)
	v.updateButtons()
}

// summaryText is the line under the overall bar.
func summaryText(t session.Totals) string {
	if t.Rows == 0 {
		return "No files yet."
	}
	finished := t.Count(session.Done)
	total := t.Rows - t.Count(session.Skipped)
	parts := []string{fmt.Sprintf("%d of %s done", finished, plural(total, "file", "files"))}
	for _, c := range []struct {
		s    session.State
		word string
	}{{session.Sending, "sending"}, {session.Failed, "failed"}, {session.Cancelled, "cancelled"}, {session.Skipped, "skipped"}} {
		if n := t.Count(c.s); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, c.word))
		}
	}
	if t.Running {
		parts = append(parts, formatSize(t.Sent)+" of "+formatSize(t.Size))
		parts = append(parts, formatSpeed(t.Speed), formatETA(t.ETA))
	}
	return joinNonEmpty(" · ", parts...)
}

// SetReady says whether the settings allow an upload, and if not, why.
func (v *QueueView) SetReady(ok bool, why string) {
	v.ready = ok
	v.blocker.SetText(why)
	showIf(v.blocker, !ok && why != "", v.frame)
	v.updateButtons()
}

// SetStatus shows what the last action did.
func (v *QueueView) SetStatus(s string) {
	v.status.SetText(s)
	showIf(v.status, s != "", v.frame) // the frame: the list moves down to make room
}

func (v *QueueView) updateButtons() {
	t := v.totals
	enable(v.Upload, v.ready && !t.Running && t.Count(session.Queued) > 0)
	enable(v.CancelAll, t.Running)
	enable(v.Retry, v.ready && !t.Running && t.Count(session.Failed)+t.Count(session.Cancelled) > 0)
	enable(v.Clear, t.Count(session.Done)+t.Count(session.Skipped) > 0)
	row, ok := v.q.Row(v.selected)
	enable(v.Remove, ok && !row.Busy())
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (v *QueueView) cancelRow(i int) {
	if err := v.q.CancelRow(i); err != nil {
		v.SetStatus(err.Error())
	}
}

func (v *QueueView) removeSelected() {
	if v.selected < 0 {
		return
	}
	err := v.q.Remove([]int{v.selected})
	v.list.UnselectAll()
	if errors.Is(err, session.ErrInUpload) {
		v.SetStatus("This file is being uploaded now. Cancel it first (the ✕ on its row), then remove it.")
	}
}

// Selected is the index of the selected row, -1 when none.
func (v *QueueView) Selected() int { return v.selected }

// List is the list widget (for tests).
func (v *QueueView) List() *widget.List { return v.list }
