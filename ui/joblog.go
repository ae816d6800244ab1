package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
)

// Level filters of the job log, as people read them.
const (
	levelAll      = "Everything"
	levelWarnings = "Warnings and errors"
	levelErrors   = "Errors only"
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
	clip            func(string)
	run             func(func())
	wrap            lineWrap
	top             *fyne.Container
	frame           *fyne.Container // the Border around top and the list; re-laid out when top changes height
	Content         fyne.CanvasObject
}

func newJobLogView(q *session.Queue, pickers Pickers, clip func(string), run func(func())) *JobLogView {
	v := &JobLogView{q: q, pickers: pickers, clip: clip, run: run}
	v.list = widget.NewList(func() int { return len(v.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.TextStyle.Monospace = true
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
			l.SetText(e.Line())
		})
	v.level = widget.NewSelect([]string{levelAll, levelWarnings, levelErrors}, func(string) { v.refilter() })
	v.level.SetSelected(levelAll)
	v.file = widget.NewEntry()
	v.file.SetPlaceHolder("Type part of a file name to filter")
	v.file.OnChanged = func(string) { v.refilter() }
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide()
	copyBtn := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		v.clip(v.Text())
		v.setStatus(fmt.Sprintf("%s copied to the clipboard.", plural(len(v.shown), "line", "lines")))
	})
	saveText := widget.NewButtonWithIcon("Save as text…", theme.DocumentSaveIcon(), func() { v.save("hoist-job-log.txt", session.WriteText) })
	saveCSV := widget.NewButtonWithIcon("Save as CSV…", theme.DocumentSaveIcon(), func() { v.save("hoist-job-log.csv", session.WriteCSV) })
	clear := widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), q.ClearLog)
	v.saveOutcomesBtn = v.newSaveOutcomes()
	filters := container.NewBorder(nil, nil, withWidth(200, v.level), container.NewHBox(copyBtn, clear), v.file)
	// The saves have a line of their own, so that the tab fits the smallest window.
	saves := container.NewHBox(saveText, saveCSV, v.saveOutcomesBtn)
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
}

func (v *JobLogView) pass(e session.Entry) bool {
	switch v.level.Selected {
	case levelWarnings:
		if e.Level < session.Warning {
			return false
		}
	case levelErrors:
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
		path, err := v.pickers.SaveFile("Save the job log", suggested)
		if errors.Is(err, ErrPickerCancelled) {
			return
		}
		if err == nil {
			err = session.SaveFile(path, entries, write)
		}
		msg := fmt.Sprintf("The job log was saved to %s.", path)
		if err != nil {
			msg = fmt.Sprintf("The job log could not be saved: %v. Choose another folder and try again.", err)
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
