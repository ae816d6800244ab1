package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
)

// QueueView is the list of files with its toolbar, the details of the chosen file and
// the overall bar. The list is a virtualised widget.List over the session's rows: only
// the visible rows have widgets, and a change refreshes only its row.
type QueueView struct {
	q       *session.Queue
	list    *queueList
	sel     selection
	drop    *dropZone
	overall *widget.ProgressBar
	// overallBox holds overall with its text readable on the light variant (barTheme).
	overallBox *container.ThemeOverride
	summary    *widget.Label
	status     *widget.Label
	// statusText is the status line's sentence; statusRetry adds the advice to press
	// Retry after it, naming the button as it reads at that moment (retryHint).
	statusText  string
	statusRetry bool
	blocker     *widget.Label
	details     *rowDetails

	// ProblemsOnly shows only the files that failed, were cancelled or skipped.
	ProblemsOnly *widget.Check
	shown        []int // queue indices listed while ProblemsOnly is on

	AddFiles, AddFolder, Upload, CancelAll, Retry *widget.Button
	// Remove opens a menu of the ways of taking files off the list (toolbar.go).
	Remove                                       *widget.Button
	RemoveSelectedItem, RemoveAllItem, ClearItem *fyne.MenuItem
	// Pause stops the running upload and keeps its job open; once paused it reads Resume.
	Pause *widget.Button

	top     *fyne.Container
	frame   *fyne.Container // the Border around top and the list; re-laid out when top changes height
	ready   bool            // the settings allow an upload
	totals  session.Totals
	Content fyne.CanvasObject
}

// queueActions are what the toolbar asks of the window.
type queueActions struct {
	addFiles, addFolder, upload, resume func()
	retry                               func(rows []int)                  // nil: every failed or cancelled file
	clip                                func(string)                      // puts text on the clipboard
	link                                func(session.Row) (string, error) // a ready asset's published link
	open                                func(string)                      // opens a link in the browser
}

func newQueueView(q *session.Queue, act queueActions) *QueueView {
	v := &QueueView{q: q}
	v.sel = newSelection(v.visibleBetween)
	v.list = newQueueList(v.length,
		func() fyne.CanvasObject { return newQueueRow(v.cancelRow) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			i := v.rowAt(id)
			if row, ok := q.Row(i); ok {
				o.(*queueRow).set(i, row)
				o.(*queueRow).setSelected(v.sel.has(i))
			}
		}, v.RemoveSelected)
	// The list selects one row; the view keeps its own selection of many (Shift and Ctrl),
	// drawn by the rows, so the list's own is undone at once.
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.Unselect(id)
		v.sel.click(v.rowAt(id), currentModifiers())
		v.list.Refresh()
		v.showDetails()
		// The details take room from the list: the chosen row stays in sight above them.
		v.list.ScrollTo(id)
		v.updateButtons()
	}

	v.AddFiles = widget.NewButtonWithIcon(words.T("queue.add_files", nil), theme.FileIcon(), act.addFiles)
	v.AddFolder = widget.NewButtonWithIcon(words.T("queue.add_folder", nil), theme.FolderOpenIcon(), act.addFolder)
	v.Upload = widget.NewButtonWithIcon(words.T("queue.upload", nil), theme.UploadIcon(), act.upload)
	v.Upload.Importance = widget.HighImportance
	v.CancelAll = widget.NewButtonWithIcon(words.T("queue.cancel", nil), theme.CancelIcon(), q.Cancel)
	v.Pause = widget.NewButtonWithIcon(words.T("queue.pause", nil), theme.MediaPauseIcon(), func() {
		if v.totals.Paused {
			act.resume()
		} else {
			q.Pause()
		}
	})
	v.Retry = widget.NewButtonWithIcon(words.T("queue.retry_failed", nil), theme.ViewRefreshIcon(), func() { act.retry(v.retryRows()) })
	v.newRemoveMenu()
	v.ProblemsOnly = widget.NewCheck(words.T("queue.problems_only", words.A{"Count": 0}), func(bool) { v.refilter() })

	v.overall = widget.NewProgressBar()
	v.overall.TextFormatter = func() string { // "40 %" in French
		return words.T("queue.percent", words.A{"Percent": words.Number(v.overall.Value*100, 0)})
	}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.blocker = widget.NewLabel("")
	v.blocker.Importance = widget.WarningImportance
	v.blocker.Wrapping = fyne.TextWrapWord
	v.blocker.Hide()
	v.drop = newDropZone()
	v.details = newRowDetails(v.clearSelection, act.clip, act.link, act.open)
	v.details.retryLabel = func() string { return retryLabel(len(v.retryRows()) > 0) }

	// The toolbar wraps onto a second line on a narrow window instead of widening it (one
	// line from 1024 px up: toolbar.go).
	tools := &flow{}
	toolbar := container.New(tools, v.AddFiles, v.AddFolder, v.Upload, v.Pause, v.CancelAll, v.Retry, v.Remove)
	v.top = container.NewVBox(toolbar, v.blocker, v.status)
	v.overallBox = readableBar(v.overall)
	bottom := container.NewVBox(widget.NewSeparator(), v.overallBox,
		container.NewBorder(nil, nil, nil, v.ProblemsOnly, v.summary))
	middle := container.New(detailsBelow{v.details}, container.NewStack(v.list, v.drop), v.details.Content)
	v.frame = container.NewBorder(v.top, bottom, nil, nil, middle)
	v.Content = container.New(widthFirst{flows: []widthTaker{tools}}, v.frame)
	v.applyTotals(q.Totals())
	return v
}

// length is how many rows the list shows.
func (v *QueueView) length() int {
	if v.ProblemsOnly != nil && v.ProblemsOnly.Checked {
		return len(v.shown)
	}
	return v.q.Len()
}

// rowAt is the queue index of the list's row id.
func (v *QueueView) rowAt(id int) int {
	if v.ProblemsOnly != nil && v.ProblemsOnly.Checked {
		if id < 0 || id >= len(v.shown) {
			return -1
		}
		return v.shown[id]
	}
	return id
}

// refilter lists again which rows pass the problems filter; the selection goes.
func (v *QueueView) refilter() {
	v.sel.clear()
	v.refreshRows(nil, true)
	v.showDetails()
	v.updateButtons()
}

// refreshRows is the refresher's row callback (on Fyne's thread).
func (v *QueueView) refreshRows(rows []int, all bool) {
	switch {
	case v.ProblemsOnly.Checked:
		// States move rows in or out of the filter: list them again.
		v.sel.prune(v.q.Len())
		v.shown = v.shown[:0]
		for i, n := 0, v.q.Len(); i < n; i++ {
			if row, ok := v.q.Row(i); ok && row.NeedsALook() {
				v.shown = append(v.shown, i)
			}
		}
		v.list.Refresh()
	case all:
		v.sel.prune(v.q.Len())
		v.list.Refresh()
	default:
		for _, i := range rows {
			v.list.RefreshItem(i)
		}
	}
	if v.details.Content.Visible() {
		v.showDetails()
	}
	showIf(v.drop, v.q.Len() == 0, nil) // in a stack: it covers the list or not
	v.drop.Refresh()
}

// showDetails shows the chosen row in full below the list when exactly one is chosen,
// and hides the pane otherwise.
func (v *QueueView) showDetails() {
	var row session.Row
	ok := false
	if sel := v.sel.rows(); len(sel) == 1 {
		row, ok = v.q.Row(sel[0])
	}
	if ok == v.details.Content.Visible() && !ok {
		return
	}
	// Lay out again only when the pane's height may change: not at every progress tick.
	was, before := v.details.Content.Visible(), v.details.reason.Text
	v.details.show(row, ok)
	if was != ok || before != v.details.reason.Text {
		v.frame.Refresh()
	}
}

// applyTotals shows the overall figures (on Fyne's thread).
func (v *QueueView) applyTotals(t session.Totals) {
	v.totals = t
	_, of := t.Files()
	v.overall.SetValue(t.Fraction())
	showIf(v.overall, of > 0, nil)
	showIf(v.overallBox, of > 0, nil) // a hidden bar in a shown box would still take a line's padding
	v.summary.SetText(summaryText(t))
	v.ProblemsOnly.SetText(words.T("queue.problems_only", words.A{"Count": t.Problems()}))
	showIf(v.drop, t.Rows == 0, nil)
	v.updateButtons()
}

// summaryText is the line under the overall bar: the files and the bytes that the bar
// shows, from the same figures, then what became of the files it does not count as done:
// files the upload stopped before sending are "not sent", apart from those someone
// cancelled, and uploaded files a later file of the job replaced are counted as such.
func summaryText(t session.Totals) string {
	if t.Rows == 0 {
		return words.T("queue.empty", nil)
	}
	done, of := t.Files()
	parts := []string{words.N("queue.files_done", of, words.A{"Done": done})}
	if bd, bof := t.ByteCounts(); of > 0 && bof > 0 {
		parts = append(parts, words.T("queue.bytes_done", words.A{"Done": words.Size(bd), "Total": words.Size(bof)}))
	}
	for _, c := range []struct {
		n  int
		id string
	}{
		{t.Count(session.Sending), "queue.count.sending"},
		{t.Count(session.Failed), "queue.count.failed"},
		{t.NotSent, "queue.count.not_sent"},
		{t.CancelledByYou(), "queue.count.cancelled"},
		{t.Count(session.Skipped), "queue.count.skipped"},
		{t.Outcome(session.Processing), "queue.count.processing"},
		{t.Outcome(session.FailedInScene7), "queue.count.failed_in_scene7"},
		{t.Outcome(session.ReplacedInJob), "queue.count.replaced"},
	} {
		if c.n > 0 {
			parts = append(parts, words.N(c.id, c.n, nil))
		}
	}
	if t.Running {
		parts = append(parts, words.Speed(t.Speed), words.ETA(t.ETA))
	}
	return joinNonEmpty(" · ", parts...)
}

// SetReady says whether the settings allow an upload, and if not, why.
func (v *QueueView) SetReady(ok bool, why string) {
	v.ready = ok
	setWrapped(v.blocker, why, v.frame)
	showIf(v.blocker, !ok && why != "", v.frame)
	v.updateButtons()
}

// SetStatus shows what the last action did.
func (v *QueueView) SetStatus(s string) { v.setStatus(s, false) }

// SetStatusThenRetry shows s followed by the advice to press Retry, which names the button
// as it reads: Retry failed, or Retry selected from the moment a row is chosen (a fixed
// "press Retry failed" then sat beside a button that said otherwise).
func (v *QueueView) SetStatusThenRetry(s string) { v.setStatus(s, true) }

func (v *QueueView) setStatus(s string, retry bool) {
	v.statusText, v.statusRetry = s, retry
	v.showStatus()
}

func (v *QueueView) showStatus() {
	s := v.statusText
	if v.statusRetry {
		s = joinSentences(s, retryHint(v.Retry.Text))
	}
	setWrapped(v.status, s, v.frame)
	showIf(v.status, s != "", v.frame) // the frame: the list moves down to make room
}

func (v *QueueView) updateButtons() {
	t := v.totals
	enable(v.Upload, v.ready && !t.Running && t.Count(session.Queued) > 0)
	enable(v.CancelAll, t.Running || t.Paused)
	enable(v.Pause, t.Running || t.Paused)
	// While paused, Resume is the button to press (it goes on in the same job): it takes
	// Upload's colour, so that the blue button is not Upload beside it.
	if t.Paused {
		v.Pause.SetText(words.T("queue.resume", nil))
		v.Pause.SetIcon(theme.MediaPlayIcon())
	} else {
		v.Pause.SetText(words.T("queue.pause", nil))
		v.Pause.SetIcon(theme.MediaPauseIcon())
	}
	setImportance(v.Pause, v.Upload, t.Paused)
	retry := v.retryRows()
	enable(v.Retry, v.ready && !t.Running && (len(retry) > 0 || t.Count(session.Failed)+t.Count(session.Cancelled) > 0))
	if label := retryLabel(len(retry) > 0); label != v.Retry.Text {
		v.Retry.SetText(label)
		if v.statusRetry {
			v.showStatus()
		}
	}
	removable := false
	for _, i := range v.sel.rows() {
		if row, ok := v.q.Row(i); ok && !row.Busy() {
			removable = true
			break
		}
	}
	v.enableRemoveMenu(removable, t.Rows > t.Busy, t.Count(session.Done)+t.Count(session.Skipped) > 0)
}

// setImportance makes first the blue button and second a plain one when firstLeads, and
// the other way round otherwise.
func setImportance(first, second *widget.Button, firstLeads bool) {
	want := map[bool]widget.Importance{true: widget.HighImportance, false: widget.MediumImportance}
	for _, b := range []struct {
		b    *widget.Button
		lead bool
	}{{first, firstLeads}, {second, !firstLeads}} {
		if b.b.Importance != want[b.lead] {
			b.b.Importance = want[b.lead]
			b.b.Refresh()
		}
	}
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
		v.SetStatus(words.Error(err))
	}
}

// retryLabel is what the Retry button reads: Retry selected while a chosen row can be
// tried again (selected), Retry failed otherwise. The details' advice names it so.
func retryLabel(selected bool) string {
	if selected {
		return words.T("queue.retry_selected", nil)
	}
	return words.T("queue.retry_failed", nil)
}

// retryRows are the selected rows that can be tried again; nil when none is selected.
func (v *QueueView) retryRows() []int {
	var out []int
	for _, i := range v.sel.rows() {
		if row, ok := v.q.Row(i); ok && !row.Busy() && (row.State == session.Failed || row.State == session.Cancelled) {
			out = append(out, i)
		}
	}
	return out
}

// RemoveSelected takes the selected rows off the queue (the Delete key does the same).
func (v *QueueView) RemoveSelected() {
	rows := v.sel.rows()
	if len(rows) == 0 {
		return
	}
	err := v.q.Remove(rows)
	v.clearSelection()
	if errors.Is(err, session.ErrInUpload) {
		v.SetStatus(words.T("queue.remove.in_upload", nil))
		return
	}
	v.SetStatus(words.N("queue.removed", len(rows), nil))
}

func (v *QueueView) removeAll() {
	n := v.q.RemoveAll()
	v.clearSelection()
	if v.q.Len() > 0 {
		v.SetStatus(words.N("queue.removed.some_stay", n, nil))
		return
	}
	v.SetStatus(words.N("queue.removed", n, nil))
}

func (v *QueueView) clearSelection() {
	v.sel.clear()
	v.list.Refresh()
	v.showDetails()
	v.updateButtons()
}

// Select selects row i as a click with modifiers would (Shift: the range from the last
// click, Ctrl or Cmd: one row more or less).
func (v *QueueView) Select(i int, mods fyne.KeyModifier) {
	v.sel.click(i, mods)
	v.list.Refresh()
	v.showDetails()
	v.updateButtons()
}

// Selected lists the selected rows in order.
func (v *QueueView) Selected() []int { return v.sel.rows() }

// List is the list widget (for tests).
func (v *QueueView) List() *widget.List { return &v.list.List }
