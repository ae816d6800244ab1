package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// adminTimeout bounds the admin calls.
const adminTimeout = 60 * time.Second

// AdminView lists the server's active jobs (getActiveJobs) and shows the log of any job
// (getJobLogDetails), both copyable, for the connection chosen on the queue's view. A
// Dr.Sum server has neither: for a Dr.Sum connection the view says so and asks nothing.
type AdminView struct {
	remote Remote
	conn   func() (uploader.Conn, error) // the chosen connection with its password; may block
	clip   func(string)
	run    func(func())

	jobs  []uploader.ActiveJob
	known []knownJob // jobs to pick for their log: the active ones, this session's and earlier ones
	// history lists the uploads of earlier runs (Deps.History); nil: none.
	history  func() ([]store.HistoryEntry, error)
	choosing bool // choose is selecting a job: the pick's callback does not read its log
	jobList  *widget.List
	jobsNote *widget.Label
	jobsEx   *exchangeView
	pick     *widget.Select
	handle   *widget.Entry
	logText  *widget.Label
	logNote  *widget.Label
	logEx    *exchangeView
	outcomes *outcomeTable // what Scene7 made of each file of the log read
	refresh  *widget.Button
	showLog  *widget.Button
	jobsBox  *fyne.Container
	logsBox  *fyne.Container
	tabs     *container.AppTabs // active jobs, a job's log
	forWhom  *widget.Label
	drsum    *widget.Label
	scene7   *fyne.Container
	box      *fyne.Container
	Content  fyne.CanvasObject
}

// knownJob is a job that can be picked by its name.
type knownJob struct{ label, handle string }

// lang, the language choice, sits beside the line that names the connection: at the
// bottom it took a row from the job's log.
func newAdminView(remote Remote, conn func() (uploader.Conn, error), clip func(string), run func(func()), lang fyne.CanvasObject) *AdminView {
	v := &AdminView{remote: remote, conn: conn, clip: clip, run: run}
	v.jobList = widget.NewList(func() int { return len(v.jobs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(jobLine(v.jobs[id])) })
	// Choosing an active job reads its log at once, in the log's tab.
	v.jobList.OnSelected = func(id widget.ListItemID) {
		v.choose(v.jobs[id].JobHandle)
		v.tabs.SelectIndex(adminTabLog)
		v.ShowLog()
	}
	v.jobsNote = helpLabel(words.T("admin.jobs.hint", nil))
	v.jobsEx = newExchangeView(clip)
	v.refresh = widget.NewButtonWithIcon(words.T("admin.refresh", nil), theme.ViewRefreshIcon(), v.RefreshJobs)
	copyJobs := widget.NewButtonWithIcon(words.T("admin.copy", nil), theme.ContentCopyIcon(), func() { clip(v.jobsText()) })

	// A job the person picks has its log read at once, as one chosen among the active
	// jobs: an empty table under the chosen job did not say to press Show job log.
	v.pick = widget.NewSelect(nil, func(label string) {
		for _, j := range v.known {
			if j.label == label {
				v.handle.SetText(j.handle)
				if !v.choosing {
					v.ShowLog()
				}
			}
		}
	})
	v.pick.PlaceHolder = words.T("admin.job.choose", nil)
	v.handle = widget.NewEntry()
	v.handle.SetPlaceHolder(words.T("admin.job.paste_handle", nil))
	v.showLog = widget.NewButtonWithIcon(words.T("admin.show_log", nil), theme.DocumentIcon(), v.ShowLog)
	v.logText = widget.NewLabel("")
	v.logText.TextStyle.Monospace = true
	v.logText.Selectable = true
	v.logText.Wrapping = fyne.TextWrapWord
	v.logNote = helpLabel("")
	v.logNote.Hide() // shown with a sentence only: an empty line would take a row
	v.logEx = newExchangeView(clip)
	v.outcomes = newOutcomeTable()
	copyLog := widget.NewButtonWithIcon(words.T("admin.copy", nil), theme.ContentCopyIcon(), func() { clip(v.logText.Text) })

	// Active jobs and a job's log each have a tab of their own, so that each has the
	// height of the window (admin_layout.go): at 1024×640 a split gave each a few rows.
	v.jobsBox = container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(v.refresh, copyJobs), v.jobsNote)),
		v.jobsEx.Content, nil, nil, atLeast(adminListHeight, v.jobList))
	v.logsBox = container.NewBorder(
		container.NewVBox(
			container.NewBorder(nil, nil, inlineLabel(words.T("admin.job", nil)), nil, v.pick),
			container.NewBorder(nil, nil, inlineLabel(words.T("admin.job_handle", nil)), container.NewHBox(v.showLog, copyLog), v.handle),
			v.logNote),
		v.logEx.Content, nil, nil, atLeast(adminLogHeight, logSplit(v.outcomes.Content, container.NewVScroll(v.logText))))
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(words.T("admin.jobs", nil), theme.ListIcon(), scrolled(v.jobsBox)),
		container.NewTabItemWithIcon(words.T("admin.tab.log", nil), theme.DocumentIcon(), scrolled(v.logsBox)))
	v.scene7 = container.NewStack(v.tabs)
	v.forWhom = helpLabel("")
	v.drsum = widget.NewLabel(words.T("admin.drsum", nil))
	v.drsum.Wrapping = fyne.TextWrapWord
	v.drsum.Hide()
	v.box = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, lang, v.forWhom), v.drsum), nil, nil, nil, v.scene7)
	v.Content = v.box
	return v
}

// SetConnection shows what applies to the connection p: Scene7's jobs, or for Dr.Sum the
// sentence that there are none. A change of connection forgets the last answers.
func (v *AdminView) SetConnection(p store.Profile) {
	drsum := p.Service == uploader.DrSum
	text := words.T("admin.for_connection", words.A{"Name": store.DisplayName(p.Name)})
	if p.Name == "" {
		text = words.T("admin.no_connection", nil)
	}
	if v.forWhom.Text != text {
		v.forWhom.SetText(text)
		v.jobs, v.known = nil, nil
		v.jobList.UnselectAll()
		v.jobList.Refresh()
		v.pick.ClearSelected()
		v.pick.SetOptions(nil)
		v.handle.SetText("")
		v.logText.SetText("")
		v.outcomes.set(nil)
		v.setLogNote("")
		v.jobsNote.SetText(words.T("admin.jobs.hint", nil))
		v.jobsEx.set(uploader.Exchange{})
		v.logEx.set(uploader.Exchange{})
		if !drsum {
			v.addEarlierJobs(p.Name)
		}
	}
	showIf(v.drsum, drsum, v.box)
	showIf(v.scene7, !drsum && p.Name != "", v.box)
}

// AddJobs offers jobs of this session (their name and handles) to pick, the latest first.
func (v *AdminView) AddJobs(name string, handles []string) {
	for i, h := range handles {
		label := words.T("admin.job.uploaded_now", words.A{"Name": name})
		if len(handles) > 1 {
			label = words.T("admin.job.part_uploaded_now", words.A{"Name": name, "Part": i + 1})
		}
		v.remember(knownJob{label: label, handle: h})
	}
	if n := len(handles); n > 0 {
		v.choose(handles[n-1])
	}
}

// earlierJobs is how many uploads of earlier runs the job list offers, the latest.
const earlierJobs = 30

// addEarlierJobs offers the latest uploads of earlier runs to the connection named
// profile, with the day they ended: once Hoist had been closed, a finished upload was
// nowhere to be found in the window, so its log could be read only by pasting a handle
// nobody had kept.
func (v *AdminView) addEarlierJobs(profile string) {
	if v.history == nil {
		return
	}
	past, err := v.history()
	if err != nil {
		fyne.LogError("reading the history of uploads", err)
	}
	var mine []store.HistoryEntry
	for _, e := range past {
		if e.Profile == profile && e.JobHandle != "" {
			mine = append(mine, e)
		}
	}
	for _, e := range mine[max(0, len(mine)-earlierJobs):] { // oldest first: the latest ends on top
		name := e.JobName
		if name == "" {
			name = e.JobHandle
		}
		v.remember(knownJob{label: words.T("admin.job.uploaded_on", words.A{"Name": name, "When": words.DateTime(e.Finished)}), handle: e.JobHandle})
	}
}

func (v *AdminView) remember(j knownJob) {
	for _, k := range v.known {
		if k.handle == j.handle {
			return
		}
	}
	v.known = append([]knownJob{j}, v.known...)
	labels := make([]string, len(v.known))
	for i, k := range v.known {
		labels[i] = k.label
	}
	v.pick.SetOptions(labels)
}

// choose makes the job with handle h the one whose log Show job log reads.
func (v *AdminView) choose(h string) {
	v.choosing = true // Hoist chooses, not the person: nothing is asked of the server
	defer func() { v.choosing = false }()
	for _, k := range v.known {
		if k.handle == h {
			v.pick.SetSelected(k.label)
		}
	}
	v.handle.SetText(h)
}

// jobName is the name a job is listed under.
func jobName(j uploader.ActiveJob) string {
	if j.Name != "" {
		return j.Name
	}
	return j.OriginalName
}

// jobLine is a job of the list in one line: its name and handle written as every name
// (words.FileName), the server's other words with the same characters escaped.
func jobLine(j uploader.ActiveJob) string {
	parts := []string{words.FileName(jobName(j)), words.ServerText(j.State)}
	if j.Progress > 0 {
		parts = append(parts, words.T("admin.job.percent", words.A{"Percent": words.Number(j.Progress, 0)}))
	}
	started := j.StartDate.Raw
	if !j.StartDate.IsZero() {
		started = words.DateTime(j.StartDate.Local())
	}
	if started != "" {
		started = words.T("admin.job.started", words.A{"When": started})
	}
	parts = append(parts, words.ServerText(j.ProgressMessage), started, words.FileName(j.SubmitUserEmail),
		words.T("admin.job.handle", words.A{"Handle": words.FileName(j.JobHandle)}))
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
	v.jobsNote.SetText(words.T("admin.asking", nil))
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
			for i := len(jobs) - 1; i >= 0; i-- {
				v.remember(knownJob{label: jobName(jobs[i]) + " · " + jobs[i].State, handle: jobs[i].JobHandle})
			}
			v.jobList.Refresh()
			v.jobsEx.set(ex)
			v.jobsBox.Refresh()
			switch {
			case err != nil:
				v.jobsNote.SetText(words.Error(err))
			case len(jobs) == 0:
				v.jobsNote.SetText(words.T("admin.jobs.none", nil))
			default:
				v.jobsNote.SetText(words.N("admin.jobs.running", len(jobs), nil))
			}
		})
	})
}

// ShowLog fetches the log of the job whose handle is typed.
func (v *AdminView) ShowLog() {
	v.tabs.SelectIndex(adminTabLog)
	handle := strings.TrimSpace(v.handle.Text)
	if handle == "" {
		v.setLogNote(words.T("admin.log.no_handle", nil))
		return
	}
	enable(v.showLog, false)
	v.setLogNote(words.T("admin.asking", nil))
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
			v.logText.TextStyle = logStyle(b.String())
			v.logText.SetText(b.String())
			v.outcomes.set(logs)
			switch {
			case err != nil:
				v.setLogNote(words.Error(err))
			case len(logs) == 0:
				v.setLogNote(words.T("admin.log.none", nil))
			default:
				v.setLogNote("")
			}
		})
	})
}

// logSplit puts the outcome table above the log's lines.
func logSplit(table, lines fyne.CanvasObject) fyne.CanvasObject {
	s := container.NewVSplit(table, lines)
	s.Offset = 0.6 // the table first: the lines are there for the details
	return s
}

// setLogNote says what became of the last request for a log, and hides the line when
// there is nothing to say.
func (v *AdminView) setLogNote(s string) {
	v.logNote.SetText(s)
	showIf(v.logNote, s != "", v.logsBox)
}

// JobChoices are the jobs offered by name in the job log's list, as it shows them.
func (v *AdminView) JobChoices() []string { return v.pick.Options }
