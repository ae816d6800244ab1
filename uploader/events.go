package uploader

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// EventKind says what an Event reports.
type EventKind int

const (
	JobCreated    EventKind = iota + 1 // the server gave the job a handle
	FileQueued                         // a file is waiting; sent once per file when the upload starts
	FileStarted                        // the file's bytes started to go out (its POST is under way and has reached it)
	FileProgress                       // bytes of the file were sent (throttled)
	FileRetrying                       // a request carrying the file failed for a passing reason and will be tried again
	FileDone                           // the server accepted the file
	FileFailed                         // the file was not uploaded; Err says why
	FileSkipped                        // the file was left out before sending (Walk's Skipped); Item is -1
	FileCancelled                      // the upload was cancelled before the file was accepted
	JobContinued                       // the job stopped accepting files; the upload goes on in a new job
	JobEnded                           // the upload is over (endJob sent when there was a job); Tally counts the files
)

var kindNames = [...]string{
	JobCreated: "JobCreated", FileQueued: "FileQueued", FileStarted: "FileStarted",
	FileProgress: "FileProgress", FileRetrying: "FileRetrying", FileDone: "FileDone",
	FileFailed: "FileFailed", FileSkipped: "FileSkipped", FileCancelled: "FileCancelled",
	JobContinued: "JobContinued", JobEnded: "JobEnded",
}

func (k EventKind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "EventKind(?)"
}

// MarshalText names the kind in JSON output (the CLI's --json lines).
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Event is one thing that happened during an upload. The GUI and the CLI read the same
// stream. File events carry that file's figures and the job's; job events have Item -1.
// Events carry no sentence: their kind and fields are what package words says
// (words.Event), in the language people read.
type Event struct {
	Kind EventKind
	Time time.Time
	// Item is the index of the file in Request.Items, -1 for job events and skipped paths.
	Item int
	Rel  string
	// Sent and Size are the file's bytes; JobSent and JobSize the whole upload's, where
	// files that failed, were skipped or were cancelled no longer count.
	Sent, Size       int64
	JobSent, JobSize int64
	// Speed is bytes per second, a moving average: the file's on file events, the job's on
	// job events. ETA is the time left at that speed, negative when not known yet.
	Speed float64
	ETA   time.Duration
	// JobSpeed and JobETA are the whole upload's, on every event (for an overall bar).
	JobSpeed float64
	JobETA   time.Duration
	// Attempt is the try the file is at (1 for the first request that carries it).
	// FileRetrying names the next try, before its wait; a file cancelled or failed during
	// that wait keeps that number, so a reader never sees it go back. (FileResult.Attempts
	// counts the requests that did carry it, as Tries does.)
	Attempt int
	// Tries is how many requests have carried the file so far, the one sending it
	// included, on every file event but FileQueued (0): Attempt less one while a retry
	// waits, and for a file cancelled or failed during that wait (the window's "2
	// attempts" said so of a file sent once). A retry's first FileProgress carries it up.
	Tries     int
	JobName   string
	JobHandle string
	Err       error
	// Replaced is true when Dr.Sum reported that an existing file was overwritten (201).
	Replaced bool
	// Skip is the path left out and why (FileSkipped).
	Skip *Skipped
	// Why says why the upload goes on in another job, NextJob's name (JobContinued).
	Why     ContinueReason
	NextJob string
	// Tally counts what became of the files (JobEnded).
	Tally *Tally
}

// ContinueReason is why an upload goes on in another job than the one it was sending to.
type ContinueReason int

const (
	// ContinueResumed: the upload continues a job an earlier upload left open.
	ContinueResumed ContinueReason = iota + 1
	// ContinueUnknown: the job stopped accepting files and the server could not say
	// whether it is still active.
	ContinueUnknown
	// ContinueInactive: the job is no longer active on the server (expired or ended).
	ContinueInactive
	// ContinueIdle: the job was idle for too long and has expired (JobTooIdle).
	ContinueIdle
)

// Tally is what became of an upload's files, on JobEnded.
type Tally struct {
	Files, Done, Failed, Skipped int
	// Cancelled counts the files a cancellation left unaccepted; NotSent those the upload
	// stopped before sending, on a problem of the whole upload (NotSentError), which
	// nobody cancelled and which are to be sent again once the problem is solved. Both are
	// StateCancelled in the Result; a summary must not call the second "cancelled".
	Cancelled, NotSent int
	// NotEnded is set when the job could not be ended: the server closes it after
	// JobIdleExpiry.
	NotEnded bool
}

// emitter delivers events to the consumer on its own goroutine, one at a time and in
// order, so a slow consumer never holds up a transfer. Undelivered progress of a file is
// replaced by newer progress of the same file, so the queue stays short whatever happens.
type emitter struct {
	fn    func(Event)
	mu    sync.Mutex
	wake  chan struct{}
	queue []Event
	spare []Event
	// pending is, by item, 1 + the queue index of its undelivered FileProgress (0: none):
	// a slice, not a map, because every file's progress passes here (a map's hashing and
	// its clear after each delivery were ~3 % of a 2,000-file upload's own CPU time).
	pending []int32
	closed  bool
	done    chan struct{}
	// lead makes the nlead events delivered before any sent one (newRun: a file skipped
	// or queued per path), each when the deliverer reaches it rather than held in the
	// queue: at ~230 bytes an event, a queue made for them was 464 KB of the 4.9 MB a
	// 2,000-file upload allocated, and every fresh page costs a fault (bench/README.md).
	lead  func(i int) Event
	nlead int
}

// newEmitter makes an emitter for fn; start begins the deliveries. items is how many
// files the upload has, for the index of their undelivered progress.
func newEmitter(fn func(Event), items int) *emitter {
	e := &emitter{fn: fn, wake: make(chan struct{}, 1), done: make(chan struct{})}
	if fn == nil {
		close(e.done)
		return e
	}
	e.pending = make([]int32, items)
	return e
}

// start delivers n events made by lead, in order, and then every event sent, from the
// first on. lead is called on the deliverer's goroutine: what it reads must not change.
func (e *emitter) start(n int, lead func(i int) Event) {
	if e.fn != nil {
		e.nlead, e.lead = n, lead
		go e.run()
	}
}

// send queues an event; the caller fills every field but Time.
func (e *emitter) send(ev Event) {
	if e.fn == nil {
		return
	}
	ev.Time = time.Now()
	e.mu.Lock()
	if ev.Kind == FileProgress {
		if ev.Item >= len(e.pending) {
			e.pending = append(e.pending, make([]int32, ev.Item+1-len(e.pending))...)
		}
		if i := e.pending[ev.Item]; i > 0 {
			e.queue[i-1] = ev
			e.mu.Unlock()
			return
		}
		e.pending[ev.Item] = int32(len(e.queue) + 1)
	}
	e.queue = append(e.queue, ev)
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

func (e *emitter) run() {
	defer close(e.done)
	for i := range e.nlead {
		e.fn(e.lead(i))
	}
	for {
		e.mu.Lock()
		batch, closed := e.queue, e.closed
		e.queue, e.spare = e.spare[:0], nil
		for _, ev := range batch {
			if ev.Kind == FileProgress {
				e.pending[ev.Item] = 0
			}
		}
		e.mu.Unlock()
		for _, ev := range batch {
			e.fn(ev)
		}
		if len(batch) == 0 {
			if closed {
				return
			}
			<-e.wake
		}
		clear(batch) // drop references to errors before reuse
		e.mu.Lock()
		e.spare = batch[:0]
		e.mu.Unlock()
	}
}

// close delivers what is queued and returns when the consumer has seen every event.
func (e *emitter) close() {
	if e.fn == nil {
		return
	}
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
	<-e.done
}

// run is the bookkeeping of one Upload call shared by the Scene7 and Dr.Sum paths: the
// Result, the accounting and the events, kept consistent with each other.
type run struct {
	c    *Client
	req  *Request
	ev   *emitter
	acct *accounting
	res  *Result

	mu       sync.Mutex
	resolved []bool
	started  []bool
	// at is the try each file is at, as its events say: the requests that carried it, or
	// the next one once FileRetrying announced it, so that a file cancelled or failed
	// during the wait before that try names the try the stream last announced.
	at []int
	// filesMoved is set once a request's body found a file no longer as walked (fresh.go).
	filesMoved atomic.Bool
	jobName    string // the job files are currently sent to, for events
	handle     string
	notEnded   bool     // the job could not be ended (Tally.NotEnded)
	lim        *limiter // the concurrent POSTs' limit, once they start (adaptive.go)
	// firstWait is how long the first answer took after its request's last byte, once
	// waitKnown (run.answered): it chooses where the limit starts.
	firstWait time.Duration
	waitKnown bool
}

func newRun(c *Client, req *Request, onEvent func(Event)) *run {
	sizes := make([]int64, len(req.Items))
	files := make([]FileResult, len(req.Items))
	for i, it := range req.Items {
		sizes[i] = it.Size
		files[i] = FileResult{Rel: it.Rel, State: StateCancelled}
	}
	r := &run{
		c: c, req: req, ev: newEmitter(onEvent, len(req.Items)), acct: newAccounting(sizes, nil),
		res:      &Result{JobName: req.JobName, Files: files, Skipped: req.Skipped},
		resolved: make([]bool, len(req.Items)), started: make([]bool, len(req.Items)), at: make([]int, len(req.Items)),
		jobName: req.JobName,
	}
	// First a FileSkipped per path left out, then a FileQueued per file, as they stand
	// now: nothing sent, no job yet (fileEvent's fields at this point). Nothing the
	// deliverer reads here changes during the run.
	now, job, skipped := time.Now(), r.acct.file(-1), len(req.Skipped)
	r.ev.start(skipped+len(req.Items), func(i int) Event {
		if i < skipped {
			return Event{Kind: FileSkipped, Time: now, Item: -1, Rel: req.Skipped[i].Rel, ETA: -1, JobETA: -1, Skip: &req.Skipped[i]}
		}
		i -= skipped
		ev := Event{Kind: FileQueued, Time: now, Item: i, Rel: req.Items[i].Rel, JobName: req.JobName}
		(&fileAccount{size: req.Items[i].Size}).figures(job).fill(&ev)
		return ev
	})
	return r
}

// fileEvent sends a file event with the file's and the job's current figures.
func (r *run) fileEvent(kind EventKind, item, attempt int, err error) {
	ev := Event{Kind: kind, Item: item, Rel: r.req.Items[item].Rel, Attempt: attempt, Err: err}
	r.mu.Lock()
	ev.JobName, ev.JobHandle, ev.Tries = r.jobName, r.handle, r.res.Files[item].Attempts
	r.mu.Unlock()
	r.acct.file(item).fill(&ev)
	r.ev.send(ev)
}

// jobEvent sends a job event (its kind and own fields set) with the job's figures.
func (r *run) jobEvent(ev Event) {
	ev.Item = -1
	r.mu.Lock()
	ev.JobName, ev.JobHandle = r.jobName, r.handle
	r.mu.Unlock()
	r.acct.file(-1).fill(&ev)
	r.ev.send(ev)
}

// setJob records the job files now go to.
func (r *run) setJob(name, handle string) {
	r.mu.Lock()
	r.jobName, r.handle = name, handle
	r.mu.Unlock()
}

// sending records that a request carrying item starts; the file's counters restart from
// zero. FileStarted waits for the file's first bytes (see progress): a POST carries up to
// BatchFiles files one after the other, and a file further down is still waiting.
func (r *run) sending(item int) {
	r.acct.reset(item)
	r.mu.Lock()
	r.res.Files[item].Attempts++
	r.at[item] = r.res.Files[item].Attempts
	r.mu.Unlock()
}

// retrying announces the file's next try, counted from the requests that carried it: a
// file sent again in another POST (a job that stopped taking files) goes on from there,
// where the retry loop of one POST would start again from 1.
func (r *run) retrying(item int, err error) {
	if pushedBack(err) {
		r.slowDown()
	}
	r.mu.Lock()
	r.at[item] = r.res.Files[item].Attempts + 1
	attempt := r.at[item]
	r.mu.Unlock()
	r.fileEvent(FileRetrying, item, attempt, err)
}

// progress is the body readers' report: item's reader is at pos. The first report of a
// file is when its part of the body is reached: FileStarted goes out then, once per file.
func (r *run) progress(item int, pos int64) {
	r.mu.Lock()
	first := !r.started[item]
	r.started[item] = true
	attempt, tries := r.at[item], r.res.Files[item].Attempts
	r.mu.Unlock()
	if first {
		r.fileEvent(FileStarted, item, attempt, nil)
	}
	r.acct.set(item, pos, func(fg figures) {
		ev := Event{Kind: FileProgress, Item: item, Rel: r.req.Items[item].Rel, Tries: tries}
		fg.fill(&ev)
		r.ev.send(ev)
	})
}

// resolve records a file's outcome once; later calls for the same file are ignored.
func (r *run) resolve(item int, st FileState, err error, handle string, replaced bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.resolved[item] {
		return false
	}
	r.resolved[item] = true
	f := &r.res.Files[item]
	f.State, f.Err, f.JobHandle, f.Replaced = st, err, handle, replaced
	return true
}

// isResolved reports whether item already has its outcome (a name refused before sending).
func (r *run) isResolved(item int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.resolved[item]
}

func (r *run) done(item int, handle string, replaced bool) {
	if !r.resolve(item, StateDone, nil, handle, replaced) {
		return
	}
	ev := Event{Kind: FileDone, Item: item, Rel: r.req.Items[item].Rel, JobHandle: handle, Replaced: replaced}
	r.mu.Lock()
	ev.JobName, ev.Attempt, ev.Tries = r.jobName, r.at[item], r.res.Files[item].Attempts
	r.mu.Unlock()
	r.acct.done(item).fill(&ev)
	r.ev.send(ev)
}

// fail records that item will not be uploaded because of err.
func (r *run) fail(item int, err error) { r.drop(item, StateFailed, FileFailed, err) }

func (r *run) cancel(item int, err error) { r.drop(item, StateCancelled, FileCancelled, err) }

func (r *run) drop(item int, st FileState, kind EventKind, err error) {
	if !r.resolve(item, st, err, "", false) {
		return
	}
	r.acct.drop(item)
	r.mu.Lock()
	attempt := r.at[item]
	r.mu.Unlock()
	r.fileEvent(kind, item, attempt, err)
}

// resolveRest gives every file without an outcome one: cancelled when ctx ended the
// upload; not sent (StateCancelled, a NotSentError) when the upload stopped on jobErr
// before a request carried the file, or while one did and was cut short by the stop — the
// request that met jobErr has failed its own files already.
func (r *run) resolveRest(ctx context.Context, jobErr error) {
	for i := range r.req.Items {
		switch {
		case ctx.Err() != nil:
			r.cancel(i, ctx.Err())
		case jobErr != nil:
			r.cancel(i, &NotSentError{Cause: jobErr})
		default:
			r.fail(i, errNotSent)
		}
	}
}

var errNotSent = errors.New("the file was not sent")

// NotSentError is why a file was not sent: the upload stopped on Cause (a refusal of the
// request, a job that stopped taking files, a server out of reach…) before the file's
// turn. Such a file is StateCancelled, like one a cancellation left unsent (nothing is
// wrong with the file itself, it is to be sent again once Cause is solved), but nobody
// cancelled it: FileResult.NotSent and Tally.NotSent tell it apart for the summaries.
type NotSentError struct {
	Cause error
}

func (e *NotSentError) Error() string { return "not sent, the upload stopped: " + e.Cause.Error() }

func (e *NotSentError) Unwrap() error { return e.Cause }

// jobNotEnded records that the job could not be ended (Tally.NotEnded).
func (r *run) jobNotEnded() {
	r.mu.Lock()
	r.notEnded = true
	r.mu.Unlock()
}

// finish closes the upload: every file has an outcome, JobEnded is the last event, and
// the consumer has seen everything.
func (r *run) finish(ctx context.Context, err error) {
	r.resolveRest(ctx, err)
	res := r.res
	notSent := res.CountNotSent()
	t := &Tally{Files: len(res.Files), Done: res.Count(StateDone), Failed: res.Count(StateFailed),
		Cancelled: res.Count(StateCancelled) - notSent, NotSent: notSent, Skipped: len(res.Skipped)}
	r.mu.Lock()
	t.NotEnded = r.notEnded
	r.mu.Unlock()
	r.jobEvent(Event{Kind: JobEnded, Err: err, Tally: t})
	r.ev.close()
}
