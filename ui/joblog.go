package ui

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
)

// JobLogView shows the job log: Hoist's own time-stamped events per file and the
// server's job log, filtered by file and level, copied or saved as text or CSV.
type JobLogView struct {
	q       *session.Queue
	entries []session.Entry // every entry read so far
	shown   []int           // indices into entries that pass the filter
	heights map[int]float32 // rows (ids of shown) given a height other than one line's
	list    *widget.List
	level   *widget.Select
	file    *widget.Entry
	status  *widget.Label
	pickers Pickers
	// publishBase is the current connection's published Image Serving base, for the
	// outcomes' links; saveOutcomesBtn saves them (joblog_outcomes.go).
	publishBase     func() string
	saveOutcomesBtn *widget.Button
	// copyBtn and the saves act on the shown entries, clearBtn on every entry: each is
	// enabled only while there is something for it to act on (refreshActions).
	copyBtn, saveTextBtn, saveCSVBtn, clearBtn *widget.Button

	clip    func(string)
	run     func(func())
	wrap    lineWrap
	top     *fyne.Container
	frame   *fyne.Container // the Border around top and the list; re-laid out when top changes height
	Content fyne.CanvasObject
}

func newJobLogView(q *session.Queue, pickers Pickers, clip func(string), run func(func())) *JobLogView {
	v := &JobLogView{q: q, pickers: pickers, clip: clip, run: run}
	v.list = widget.NewList(func() int { return len(v.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord // a line is read whole; its row is as tall as it needs
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.shown) {
				return
			}
			e := v.entries[v.shown[id]]
			l := o.(*widget.Label)
			l.Importance = map[session.Level]widget.Importance{session.Info: widget.MediumImportance, session.Warning: widget.WarningImportance, session.Error: widget.DangerImportance}[e.Level]
			line := e.Line()
			l.TextStyle = logStyle(line)
			l.SetText(line)
		})
	v.level = widget.NewSelect([]string{words.T("joblog.level.all", nil), words.T("joblog.level.warnings", nil), words.T("joblog.level.errors", nil)}, func(string) { v.refilter() })
	v.level.SetSelectedIndex(0)
	v.file = widget.NewEntry()
	v.file.SetPlaceHolder(words.T("joblog.filter.placeholder", nil))
	v.file.OnChanged = func(string) { v.refilter() }
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	v.copyBtn = widget.NewButtonWithIcon(words.T("joblog.copy", nil), theme.ContentCopyIcon(), func() {
		v.clip(v.Text())
		v.setStatus(words.N("joblog.copied", len(v.shown), nil))
	})
	v.saveTextBtn = widget.NewButtonWithIcon(words.T("joblog.save_text", nil), theme.DocumentSaveIcon(), func() { v.save("hoist-job-log.txt", session.WriteText) })
	v.saveCSVBtn = widget.NewButtonWithIcon(words.T("joblog.save_csv", nil), theme.DocumentSaveIcon(), func() { v.save("hoist-job-log.csv", session.WriteCSV) })
	v.clearBtn = widget.NewButtonWithIcon(words.T("joblog.clear", nil), theme.ContentClearIcon(), func() {
		q.ClearLog()
		v.update() // at once, not when the queue's notice gets here
	})
	v.saveOutcomesBtn = v.newSaveOutcomes()
	v.refreshActions()
	filters := container.NewBorder(nil, nil, withWidth(200, v.level), container.NewHBox(v.copyBtn, v.clearBtn), v.file)
	// The saves have a line of their own, so that the tab fits the smallest window.
	saves := container.NewHBox(v.saveTextBtn, v.saveCSVBtn, v.saveOutcomesBtn)
	v.top = container.NewVBox(filters, saves, v.status)
	v.frame = container.NewBorder(v.top, nil, nil, nil, v.list)
	v.Content = container.New(&onWidth{changed: func(float32) { v.rewrap() }}, v.frame)
	return v
}

// update reads the entries added since the last call (on Fyne's thread).
func (v *JobLogView) update() {
	if v.q.LogLen() < len(v.entries) { // cleared
		v.entries, v.shown = nil, nil
	}
	from := len(v.entries)
	v.entries = append(v.entries, v.q.Log(from)...)
	for i := from; i < len(v.entries); i++ {
		if v.pass(v.entries[i]) {
			v.shown = append(v.shown, i)
			v.fitHeight(len(v.shown) - 1)
		}
	}
	v.list.Refresh()
	v.refreshActions()
	v.refreshOutcomes(v.q.Totals())
}

func (v *JobLogView) refilter() {
	if v.list == nil || v.file == nil {
		return
	}
	v.shown = v.shown[:0]
	for i, e := range v.entries {
		if v.pass(e) {
			v.shown = append(v.shown, i)
		}
	}
	v.rewrap()
	v.list.Refresh()
	v.refreshActions()
}

// refreshActions enables Copy and the saves while the filter shows an entry, and Clear
// while the log holds one: an empty copy or file, or a clear that clears nothing, only
// puzzles. Before the buttons exist (the filter is set up first) there is nothing to do.
func (v *JobLogView) refreshActions() {
	if v.clearBtn == nil {
		return
	}
	for _, b := range []*widget.Button{v.copyBtn, v.saveTextBtn, v.saveCSVBtn} {
		enable(b, len(v.shown) > 0)
	}
	enable(v.clearBtn, len(v.entries) > 0)
}

func (v *JobLogView) pass(e session.Entry) bool {
	// The levels are listed from everything to errors only (newJobLogView).
	switch v.level.SelectedIndex() {
	case 1:
		if e.Level < session.Warning {
			return false
		}
	case 2:
		if e.Level < session.Error {
			return false
		}
	}
	f := strings.TrimSpace(v.file.Text)
	return f == "" || strings.Contains(strings.ToLower(e.File), strings.ToLower(f))
}

// Shown returns the entries that pass the filter.
func (v *JobLogView) Shown() []session.Entry {
	out := make([]session.Entry, len(v.shown))
	for i, j := range v.shown {
		out[i] = v.entries[j]
	}
	return out
}

// Text is the shown entries as plain text.
func (v *JobLogView) Text() string {
	var b bytes.Buffer
	_ = session.WriteText(&b, v.Shown()) // a bytes.Buffer does not fail
	return b.String()
}

func (v *JobLogView) setStatus(s string) {
	v.status.SetText(s)
	showIf(v.status, s != "", v.frame) // the frame: the list moves down to make room
}

// save asks where to save the shown entries and writes them there.
func (v *JobLogView) save(suggested string, write func(io.Writer, []session.Entry) error) {
	entries := v.Shown()
	v.run(func() {
		path, err := v.pickers.SaveFile(words.T("joblog.save.title", nil), suggested)
		if errors.Is(err, ErrPickerCancelled) {
			return
		}
		if err == nil {
			err = session.SaveFile(path, entries, write)
		}
		msg := words.T("joblog.saved", words.A{"Path": path})
		if err != nil {
			msg = words.T("joblog.not_saved", words.A{"Reason": words.Error(err)})
		}
		fyne.Do(func() { v.setStatus(msg) })
	})
}

// rewrap gives every shown line the height it needs at the list's width.
func (v *JobLogView) rewrap() {
	v.wrap.width = v.list.Size().Width
	for id := range v.heights {
		if id >= len(v.shown) {
			v.list.SetItemHeight(id, v.wrap.oneLine())
			delete(v.heights, id)
		}
	}
	for id := range v.shown {
		v.fitHeight(id)
	}
}

// fitHeight sets the height of the shown line id, when it differs from one line's.
func (v *JobLogView) fitHeight(id int) {
	if v.heights == nil {
		v.heights = map[int]float32{}
	}
	h := v.wrap.height(v.entries[v.shown[id]].Line())
	if old, ok := v.heights[id]; ok && old == h || !ok && h == v.wrap.oneLine() {
		return
	}
	v.heights[id] = h
	v.list.SetItemHeight(id, h)
}
