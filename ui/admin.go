package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/uploader"
)

// adminTimeout bounds the admin calls.
const adminTimeout = 60 * time.Second

// AdminView lists the server's active jobs (getActiveJobs) and shows the log of any job
// (getJobLogDetails), both copyable, for the connection chosen on the left.
type AdminView struct {
	remote Remote
	conn   func() (uploader.Conn, error) // the chosen connection with its password; may block
	clip   func(string)
	run    func(func())

	jobs     []uploader.ActiveJob
	jobList  *widget.List
	jobsNote *widget.Label
	jobsEx   *exchangeView
	handle   *widget.Entry
	logText  *widget.Label
	logNote  *widget.Label
	logEx    *exchangeView
	refresh  *widget.Button
	showLog  *widget.Button
	jobsBox  *fyne.Container
	logsBox  *fyne.Container
	Content  fyne.CanvasObject
}

func newAdminView(remote Remote, conn func() (uploader.Conn, error), clip func(string), run func(func())) *AdminView {
	v := &AdminView{remote: remote, conn: conn, clip: clip, run: run}
	v.jobList = widget.NewList(func() int { return len(v.jobs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(jobLine(v.jobs[id])) })
	v.jobList.OnSelected = func(id widget.ListItemID) { v.handle.SetText(v.jobs[id].JobHandle) }
	v.jobsNote = helpLabel("Press Refresh to ask the server which jobs it is running.")
	v.jobsEx = newExchangeView(clip)
	v.refresh = widget.NewButtonWithIcon("Refresh active jobs", theme.ViewRefreshIcon(), v.RefreshJobs)
	copyJobs := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { clip(v.jobsText()) })

	v.handle = widget.NewEntry()
	v.handle.SetPlaceHolder("Job handle, e.g. from the list above or the job log")
	v.showLog = widget.NewButtonWithIcon("Show job log", theme.DocumentIcon(), v.ShowLog)
	v.logText = widget.NewLabel("")
	v.logText.TextStyle.Monospace = true
	v.logText.Selectable = true
	v.logNote = helpLabel("")
	v.logEx = newExchangeView(clip)
	copyLog := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { clip(v.logText.Text) })

	v.jobsBox = container.NewBorder(
		container.NewVBox(container.NewHBox(v.refresh, copyJobs), v.jobsNote), v.jobsEx.Content, nil, nil, v.jobList)
	v.logsBox = container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(v.showLog, copyLog), v.handle), v.logNote),
		v.logEx.Content, nil, nil, container.NewScroll(v.logText))
	split := container.NewVSplit(v.jobsBox, v.logsBox)
	split.Offset = 0.45
	v.Content = split
	return v
}

func jobLine(j uploader.ActiveJob) string {
	name := j.Name
	if name == "" {
		name = j.OriginalName
	}
	parts := []string{name, j.State}
	if j.Progress > 0 {
		parts = append(parts, fmt.Sprintf("%.0f%%", j.Progress))
	}
	parts = append(parts, j.ProgressMessage, "started "+j.StartDate.String(), j.SubmitUserEmail, "handle "+j.JobHandle)
	return joinNonEmpty(" · ", parts...)
}

func (v *AdminView) jobsText() string {
	var b strings.Builder
	for _, j := range v.jobs {
		b.WriteString(jobLine(j) + "\n")
	}
	return b.String()
}

// RefreshJobs asks the server for its active jobs.
func (v *AdminView) RefreshJobs() {
	enable(v.refresh, false)
	v.jobsNote.SetText("Asking the server…")
	v.run(func() {
		var jobs []uploader.ActiveJob
		var ex uploader.Exchange
		c, err := v.conn()
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
			jobs, ex, err = v.remote.ActiveJobs(ctx, c)
			cancel()
		}
		fyne.Do(func() {
			enable(v.refresh, true)
			v.jobs = jobs
			v.jobList.Refresh()
			v.jobsEx.set(ex)
			v.jobsBox.Refresh()
			switch {
			case err != nil:
				v.jobsNote.SetText(sentence(err))
			case len(jobs) == 0:
				v.jobsNote.SetText("The server is running no job for this company right now.")
			default:
				v.jobsNote.SetText(fmt.Sprintf("%s running. Choose one to read its log below.", plural(len(jobs), "job", "jobs")))
			}
		})
	})
}

// ShowLog fetches the log of the job whose handle is typed.
func (v *AdminView) ShowLog() {
	handle := strings.TrimSpace(v.handle.Text)
	if handle == "" {
		v.logNote.SetText("Type or choose a job handle first.")
		return
	}
	enable(v.showLog, false)
	v.logNote.SetText("Asking the server…")
	v.run(func() {
		var logs []uploader.JobLog
		var ex uploader.Exchange
		c, err := v.conn()
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
			logs, ex, err = v.remote.JobLog(ctx, c, handle)
			cancel()
		}
		var b strings.Builder
		_ = session.WriteText(&b, session.ServerEntries(logs)) // a strings.Builder does not fail
		fyne.Do(func() {
			enable(v.showLog, true)
			v.logEx.set(ex)
			v.logsBox.Refresh()
			v.logText.SetText(b.String())
			switch {
			case err != nil:
				v.logNote.SetText(sentence(err))
			case len(logs) == 0:
				v.logNote.SetText("The server has no log for this job handle. Check the handle and the company.")
			default:
				v.logNote.SetText("")
			}
		})
	})
}
