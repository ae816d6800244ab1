package session

import (
	"context"
	"errors"
	"fmt"
	"time"

	"hoist/uploader"
)

// Target is where and how an upload goes: everything of uploader.Request but the files.
type Target struct {
	Endpoint    uploader.Endpoint
	Credentials uploader.Credentials
	Company     string
	JobName     string // empty: the engine generates one
	DestFolder  string
	Description string
	Options     uploader.Options
}

// ErrRunning is returned by Start while an upload is under way.
var ErrRunning = errors.New("an upload is already running: wait until it ends, or cancel it")

// ErrNothingQueued is returned by Start when no file is waiting.
var ErrNothingQueued = errors.New("no file is waiting to be uploaded: add files first")

// run is one Upload call of the engine.
type run struct {
	target Target
	rows   []*Row // parallel to the request's Items
	cancel context.CancelFunc
	done   chan struct{}
}

// serverLogTimeout bounds the fetch of the server's job log after an upload.
const serverLogTimeout = 30 * time.Second

// Start sends every queued file as one upload, in the background. Progress arrives
// through the Observer; Ended reports the outcome.
func (q *Queue) Start(t Target) error {
	q.mu.Lock()
	if q.cur != nil {
		q.mu.Unlock()
		return ErrRunning
	}
	r := &run{target: t, done: make(chan struct{})}
	req := uploader.Request{
		Endpoint: t.Endpoint, Credentials: t.Credentials, Company: t.Company, JobName: t.JobName,
		DestFolder: t.DestFolder, Description: t.Description, Options: t.Options,
	}
	for _, row := range q.rows {
		if row.State != Queued {
			continue
		}
		row.run = r
		row.Sent, row.Speed, row.ETA, row.Reason = 0, 0, -1, ""
		r.rows = append(r.rows, row)
		req.Items = append(req.Items, uploader.Item{Path: row.Path, Rel: row.Rel, Size: row.Size})
	}
	if len(r.rows) == 0 {
		q.mu.Unlock()
		return ErrNothingQueued
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	q.cur = r
	q.job = jobFigures{eta: -1}
	for _, row := range r.rows {
		q.job.size += row.Size
	}
	obs, tot := q.obs, q.totalsLocked()
	q.mu.Unlock()
	if obs.Totals != nil {
		obs.Totals(tot)
	}
	q.logf(Info, "", "Upload started: %d files to %s.", len(r.rows), describe(t))
	go q.execute(ctx, r, req)
	return nil
}

// Retry queues the failed and cancelled files again and starts an upload of them.
func (q *Queue) Retry(t Target) error {
	q.mu.Lock()
	if q.cur != nil {
		q.mu.Unlock()
		return ErrRunning
	}
	for _, row := range q.rows {
		if row.State == Failed || row.State == Cancelled {
			q.requeueLocked(row)
		}
	}
	obs := q.obs
	q.mu.Unlock()
	if obs.List != nil {
		obs.List() // many rows changed at once
	}
	return q.Start(t)
}

// Cancel stops the running upload: files not accepted yet end as cancelled.
func (q *Queue) Cancel() {
	q.mu.Lock()
	r := q.cur
	q.mu.Unlock()
	if r != nil {
		r.cancel()
	}
}

// Wait blocks until the running upload, if any, has ended and its rows are final.
func (q *Queue) Wait() {
	q.mu.Lock()
	r := q.cur
	q.mu.Unlock()
	if r != nil {
		<-r.done
	}
}

func (q *Queue) execute(ctx context.Context, r *run, req uploader.Request) {
	defer close(r.done)
	res, err := q.cfg.Uploader.Upload(ctx, req, func(ev uploader.Event) { q.event(r, ev) })
	sum := q.finish(r, res, err)
	r.cancel()
	q.mu.Lock()
	obs := q.obs
	q.mu.Unlock()
	if obs.Ended != nil {
		obs.Ended(sum)
	}
	q.scheduleSave()
	if q.cfg.ServerLog != nil && r.target.Endpoint.Service == uploader.Scene7 {
		for _, h := range sum.Handles {
			q.fetchServerLog(r.target, h)
		}
	}
}

// event applies one engine event to the rows. The engine calls it from one goroutine at a
// time, in order.
func (q *Queue) event(r *run, ev uploader.Event) {
	q.mu.Lock()
	var row *Row
	if ev.Item >= 0 && ev.Item < len(r.rows) {
		row = r.rows[ev.Item]
	}
	if ev.Kind != uploader.FileSkipped {
		q.job = jobFigures{sent: ev.JobSent, size: ev.JobSize, speed: ev.JobSpeed, eta: ev.JobETA}
	}
	var entry *Entry
	if row != nil {
		entry = q.fileEventLocked(row, ev)
	} else {
		entry = jobEntry(ev)
	}
	pos := -1
	if row != nil {
		pos = row.pos
	}
	obs, t := q.obs, q.totalsLocked()
	if entry != nil {
		q.log = append(q.log, *entry)
	}
	q.mu.Unlock()
	notifyRow(obs, pos, t)
	if entry != nil && obs.Log != nil {
		obs.Log()
	}
	if ev.Kind == uploader.FileDone || ev.Kind == uploader.FileFailed || ev.Kind == uploader.FileCancelled {
		q.scheduleSave()
	}
}

// fileEventLocked updates row from a file event and returns the log entry it makes.
func (q *Queue) fileEventLocked(row *Row, ev uploader.Event) *Entry {
	row.Sent, row.Speed, row.ETA = ev.Sent, ev.Speed, ev.ETA
	if ev.Attempt > 0 {
		row.Attempt = ev.Attempt
	}
	if ev.JobName != "" {
		row.JobName = ev.JobName
	}
	e := &Entry{Time: stamp(ev.Time), Source: Local, File: row.Rel}
	switch ev.Kind {
	case uploader.FileQueued, uploader.FileProgress:
		return nil
	case uploader.FileStarted:
		q.setStateLocked(row, Sending)
		e.Level, e.Message = Info, "Sending."
	case uploader.FileRetrying:
		q.setStateLocked(row, Sending)
		row.Reason = ev.Message
		e.Level, e.Message = Warning, ev.Message
	case uploader.FileDone:
		q.setStateLocked(row, Done)
		row.Sent, row.ETA, row.Reason, row.JobHandle, row.Replaced = row.Size, 0, "", ev.JobHandle, ev.Replaced
		e.Level, e.Message = Info, "Uploaded."
		if ev.Replaced {
			e.Message = "Uploaded; it replaced the file of the same name."
		}
	case uploader.FileFailed:
		q.setStateLocked(row, Failed)
		row.Reason = ev.Message
		e.Level, e.Message = Error, ev.Message
	case uploader.FileCancelled:
		q.setStateLocked(row, Cancelled)
		row.Reason = ev.Message
		e.Level, e.Message = Warning, ev.Message
	default:
		return jobEntry(ev)
	}
	return e
}

// jobEntry is the log entry of a job event, or of a path the engine skipped.
func jobEntry(ev uploader.Event) *Entry {
	e := &Entry{Time: stamp(ev.Time), Source: Local, File: ev.Rel, Message: ev.Message}
	switch ev.Kind {
	case uploader.JobCreated:
		e.Level = Info
		if ev.JobHandle != "" {
			e.Message = fmt.Sprintf("%s (job handle %s)", ev.Message, ev.JobHandle)
		}
	case uploader.FileSkipped, uploader.JobContinued:
		e.Level = Warning
	case uploader.JobEnded:
		e.Level = Info
		if ev.Err != nil {
			e.Level = Error
		}
	default:
		return nil
	}
	return e
}

// finish makes the run's rows final from the engine's Result and builds the summary.
func (q *Queue) finish(r *run, res *uploader.Result, err error) Summary {
	sum := Summary{JobName: r.target.JobName, Err: err}
	q.mu.Lock()
	for i, row := range r.rows {
		row.run = nil
		switch {
		case res != nil && i < len(res.Files):
			q.settleLocked(row, res.Files[i])
		case row.State == Sending:
			// The engine refused the whole upload before sending: the file waits again.
			q.setStateLocked(row, Queued)
		}
	}
	if res != nil {
		sum.JobName = res.JobName
		for _, j := range res.Jobs {
			if j.Handle != "" {
				sum.Handles = append(sum.Handles, j.Handle)
			}
		}
		sum.Done, sum.Failed = res.Count(uploader.StateDone), res.Count(uploader.StateFailed)
		sum.Cancelled, sum.Skipped = res.Count(uploader.StateCancelled), len(res.Skipped)
	}
	q.job.speed, q.job.eta = 0, 0
	q.cur = nil
	obs, t := q.obs, q.totalsLocked()
	var last string
	if n := len(q.log); n > 0 && q.log[n-1].Message != "" && q.log[n-1].File == "" {
		last = q.log[n-1].Message
	}
	q.mu.Unlock()
	switch {
	case res == nil && err != nil:
		sum.Message = uploader.Sentence(err)
		q.logf(Error, "", "The upload did not start: %s", sum.Message)
	case last != "":
		sum.Message = last
	default:
		sum.Message = fmt.Sprintf("%d of %d files uploaded.", sum.Done, len(r.rows))
	}
	notifyList(obs, t)
	return sum
}

// settleLocked makes a row agree with the engine's final word on it, in case an event
// was the last thing lost (the Result is authoritative).
func (q *Queue) settleLocked(row *Row, f uploader.FileResult) {
	want := map[uploader.FileState]State{uploader.StateDone: Done, uploader.StateFailed: Failed, uploader.StateCancelled: Cancelled}[f.State]
	if row.State == want {
		return
	}
	q.setStateLocked(row, want)
	if want == Done {
		row.Sent, row.Reason, row.JobHandle = row.Size, "", f.JobHandle
	} else if row.Reason == "" && f.Err != nil {
		row.Reason = uploader.Sentence(f.Err)
	}
}

// describe names the destination of an upload in words for the log.
func describe(t Target) string {
	where := t.Endpoint.UploadURL
	if t.DestFolder != "" {
		return fmt.Sprintf("%s, folder %s", where, t.DestFolder)
	}
	return where
}

func stamp(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}
