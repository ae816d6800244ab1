package session

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// Target is where and how an upload goes: everything of uploader.Request but the files.
// It is saved with the queue (Snapshot.Last), without the password (see
// uploader.Credentials).
type Target struct {
	// Profile names the connection, for resuming after a restart; the engine ignores it.
	Profile string `json:"profile"`
	uploader.Conn
	JobName     string           `json:"jobName,omitempty"` // empty: the engine generates one
	DestFolder  string           `json:"destFolder,omitempty"`
	Description string           `json:"description,omitempty"`
	Options     uploader.Options `json:"options"`
}

// ErrRunning is returned by Start while an upload is under way.
var ErrRunning = words.Sentinel("session.err.running")

// ErrNothingQueued is returned by Start when no file is waiting.
var ErrNothingQueued = words.Sentinel("session.err.nothing_queued")

// run is one Upload call of the engine.
type run struct {
	target Target
	rows   []*Row // parallel to the request's Items
	cancel context.CancelFunc
	// stop cancels with a cause: uploader.ErrPaused leaves the job open (see Pause).
	stop   context.CancelCauseFunc
	paused bool
	done   chan struct{}
	// restart is set when the person cancelled single files: the engine's upload is
	// stopped, and the files not cancelled go on in a new job (the engine takes an
	// upload's files as a whole). part counts those jobs; carry adds up what the
	// earlier parts did, for one summary at the end.
	restart bool
	part    int
	base    string
	carry   Summary
	// resumed: the run goes on with a paused upload, whose figures carry holds and whose
	// uploaded files earlier holds, for the follow-up of Scene7's processing.
	resumed bool
	earlier []*Row
}

// serverLogTimeout bounds the fetch of the server's job log after an upload.
const serverLogTimeout = 30 * time.Second

// Start sends every queued file as one upload, in the background. Progress arrives
// through the Observer; Ended reports the outcome.
func (q *Queue) Start(t Target) error {
	return q.start(&run{target: t, part: 1})
}

func (q *Queue) start(r *run) error {
	t := r.target
	r.done = make(chan struct{})
	q.mu.Lock()
	if q.cur != nil {
		q.mu.Unlock()
		return ErrRunning
	}
	req := uploader.Request{
		Conn: t.Conn, JobName: t.JobName,
		DestFolder: t.DestFolder, Description: t.Description, Options: t.Options,
	}
	for _, row := range q.rows {
		if row.State == Skipped && !row.reported {
			row.reported = true
			var sk uploader.Skipped
			if row.skip != nil {
				sk = *row.skip
			}
			sk.Path, sk.Rel = row.Path, row.Rel
			req.Skipped = append(req.Skipped, sk)
		}
		if row.State != Queued {
			continue
		}
		row.run = r
		row.Sent, row.Speed, row.ETA = 0, 0, -1
		row.setReason("")
		r.rows = append(r.rows, row)
		req.Items = append(req.Items, uploader.Item{Path: row.Path, Rel: row.Rel, Size: row.Size})
	}
	if len(r.rows) == 0 {
		q.mu.Unlock()
		return ErrNothingQueued
	}
	q.continueOpenJobLocked(t, &req)
	q.paused, q.pausedSum, q.pausedRows = nil, Summary{}, nil
	ctx, stop := context.WithCancelCause(context.Background())
	r.stop, r.cancel = stop, func() { stop(nil) }
	q.cur, q.lastRun = r, r
	q.last = t
	q.job = jobFigures{eta: -1}
	for _, row := range r.rows {
		q.job.size += row.Size
	}
	obs, tot := q.obs, q.totalsLocked()
	q.mu.Unlock()
	if obs.Totals != nil {
		obs.Totals(tot)
	}
	if r.part == 1 {
		q.note(Info, "", describe(t, len(r.rows)))
	}
	go q.execute(ctx, r, req)
	return nil
}

// Retry queues the failed and cancelled files again and starts an upload of them.
func (q *Queue) Retry(t Target) error { return q.RetryRows(t, nil) }

// RetryRows queues the failed and cancelled files among rows again (every one when rows
// is nil) and starts an upload of what is queued.
func (q *Queue) RetryRows(t Target, rows []int) error {
	q.mu.Lock()
	if q.cur != nil {
		q.mu.Unlock()
		return ErrRunning
	}
	pick := q.rows
	if rows != nil {
		pick = nil
		for _, i := range rows {
			if i >= 0 && i < len(q.rows) {
				pick = append(pick, q.rows[i])
			}
		}
	}
	for _, row := range pick {
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
	if r != nil {
		r.restart = false // everything stops, single cancellations included
	}
	q.mu.Unlock()
	if r != nil {
		r.cancel()
		return
	}
	q.cancelPaused()
}

// Wait blocks until the running or last upload has ended, its rows are final, Scene7's
// processing of its files has been followed and the server's job log has been read.
func (q *Queue) Wait() {
	defer q.waitFollowUps()
	for {
		q.mu.Lock()
		r := q.lastRun
		q.mu.Unlock()
		if r == nil {
			return
		}
		<-r.done
		q.mu.Lock()
		same := q.lastRun == r // not followed by a new job (see CancelRow)
		q.mu.Unlock()
		if same {
			return
		}
	}
}

func (q *Queue) execute(ctx context.Context, r *run, req uploader.Request) {
	defer close(r.done)
	res, err := q.cfg.Uploader.Upload(ctx, req, func(ev uploader.Event) { q.event(r, ev) })
	sum := q.finish(r, res, err)
	r.cancel()
	q.scheduleSave()
	if r.paused {
		q.pausedEnded(r, res, &sum)
	} else if q.cfg.Follower != nil && r.target.Endpoint.Service == uploader.Scene7 {
		// The follow-up reads each job's whole log once Scene7 has finished it.
		q.startFollowUps(r)
		sum.Following = q.Following()
	} else if q.cfg.ServerLog != nil && r.target.Endpoint.Service == uploader.Scene7 {
		for _, h := range sum.Handles[len(r.carry.Handles):] {
			q.fetchServerLog(r.target.Conn, h)
		}
	}
	if r.restart && res != nil && !r.paused {
		next := &run{target: r.target, part: r.part + 1, base: r.base, carry: sum}
		if next.base == "" {
			next.base = r.target.JobName
		}
		if next.base == "" {
			next.base = res.JobName
		}
		next.target.JobName = next.base + "-" + strconv.Itoa(next.part)
		q.note(Info, "", words.T("session.log.restart", words.A{"Job": next.target.JobName}))
		if q.start(next) == nil {
			return
		}
	}
	q.mu.Lock()
	obs := q.obs
	q.mu.Unlock()
	if obs.Ended != nil {
		obs.Ended(sum)
	}
}

// finish makes the run's rows final from the engine's Result and builds the summary.
func (q *Queue) finish(r *run, res *uploader.Result, err error) Summary {
	sum := r.carry
	sum.Err = err
	if sum.JobName == "" {
		sum.JobName = r.target.JobName
	}
	q.mu.Lock()
	for i, row := range r.rows {
		switch {
		case res != nil && i < len(res.Files):
			q.settleLocked(row, res.Files[i])
		case row.State == Sending:
			// The engine refused the whole upload before sending: the file waits again.
			q.setStateLocked(row, Queued)
		}
		switch {
		case row.State == Done:
			sum.Done++
		case row.State == Failed:
			sum.Failed++
		case row.NotSent():
			sum.NotSent++
		case row.State == Cancelled:
			sum.Cancelled++
		}
		row.run, row.stop = nil, false
	}
	if res != nil {
		if r.part == 1 {
			sum.JobName = res.JobName
		}
		for _, j := range res.Jobs {
			if j.Handle != "" && !slices.Contains(sum.Handles, j.Handle) {
				sum.Handles = append(sum.Handles, j.Handle)
			}
		}
		sum.Skipped += len(res.Skipped)
	}
	if (r.restart || r.paused) && res != nil {
		sum.Err = nil // the person's cancellation of single files is not the upload's failure
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
		sum.Message = notStarted(err)
		q.note(Error, "", sum.Message)
	case last != "" && r.part == 1 && !r.resumed:
		sum.Message = last
	case r.resumed && sum.Err != nil:
		// The engine's last word counts this run's files only: it says the whole upload's.
		own := sum
		own.Done, own.Failed, own.NotSent, own.Cancelled = sum.Done-r.carry.Done, sum.Failed-r.carry.Failed, sum.NotSent-r.carry.NotSent, sum.Cancelled-r.carry.Cancelled
		if mine := summaryMessage(own); last != "" && strings.Contains(last, mine) {
			sum.Message = strings.Replace(last, mine, summaryMessage(sum), 1)
		} else {
			sum.Message = join(words.Error(sum.Err), summaryMessage(sum))
		}
	default:
		sum.Message = summaryMessage(sum)
	}
	notifyList(obs, t)
	return sum
}

// summaryMessage counts what became of an upload's files, when the job log has no word
// of its own about it: files the upload stopped before sending are "not sent", apart from
// those someone cancelled.
func summaryMessage(sum Summary) string {
	s := words.N("session.summary.uploaded", sum.Done+sum.Failed+sum.NotSent+sum.Cancelled, words.A{"Done": sum.Done})
	for _, part := range []struct {
		id string
		n  int
	}{{"session.summary.failed", sum.Failed}, {"session.summary.not_sent", sum.NotSent}, {"session.summary.cancelled", sum.Cancelled}} {
		if part.n > 0 {
			s = join(s, words.N(part.id, part.n, nil))
		}
	}
	return s
}

// settleLocked makes a row agree with the engine's final word on it, in case an event
// was the last thing lost (the Result is authoritative).
func (q *Queue) settleLocked(row *Row, f uploader.FileResult) {
	want := map[uploader.FileState]State{uploader.StateDone: Done, uploader.StateFailed: Failed, uploader.StateCancelled: Cancelled}[f.State]
	// A file the upload stopped before sending, that nobody cancelled, is not sent.
	notSent := want == Cancelled && f.NotSent() && !row.stop
	if row.State == want && row.notSent == notSent || (want == Cancelled && row.State == Queued && (row.run.restart || row.run.paused) && !row.stop) {
		return
	}
	// A row the session took for cancelled says instead why the upload stopped.
	why := row.Reason == "" || notSent && !row.notSent
	q.moveLocked(row, want, notSent)
	if want == Done {
		row.Sent, row.JobHandle = row.Size, f.JobHandle
		row.setReason("")
	} else if why && f.Err != nil {
		row.setReason(words.Error(f.Err))
	}
}

// notStarted says why the engine refused an upload before sending.
func notStarted(err error) string {
	var bad *uploader.ValidationError
	if errors.As(err, &bad) {
		return join(words.T("session.not_started.options", nil), words.Error(err))
	}
	return join(words.T("session.not_started", nil), words.Error(err))
}

// describe is the log's line about an upload of n files starting: where they go.
func describe(t Target, n int) string {
	if t.DestFolder != "" {
		return words.N("session.log.started_folder", n, words.A{"URL": t.Endpoint.UploadURL, "Folder": t.DestFolder})
	}
	return words.N("session.log.started", n, words.A{"URL": t.Endpoint.UploadURL})
}

func stamp(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}
