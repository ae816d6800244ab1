package uploader

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Following a Scene7 job after endJob: Scene7 keeps working on the files (converting,
// rasterising), and a file can still fail there. Follow watches the job until it leaves
// the active list, then reads its whole log and says what became of each file
// (docs/protocol.md §Following a job).

const (
	// DefaultFollowLimit is how long Follow waits for Scene7 to finish a job: a large
	// upload of layered files can take many minutes, but a job still active after half an
	// hour is better looked at later than waited on.
	DefaultFollowLimit = 30 * time.Minute
	// DefaultFollowFirst and DefaultFollowMax are the first and the longest pause between
	// two questions about the job: small jobs finish in seconds, long ones need not be
	// asked about more than twice a minute.
	DefaultFollowFirst = 2 * time.Second
	DefaultFollowMax   = 30 * time.Second
	// followErrorsInARow is how many failed questions in a row end the watch: one lost
	// answer on flaky Wi-Fi is no reason to give up, a server gone for minutes is.
	followErrorsInARow = 4
)

// FollowRequest names a Scene7 job and the files it holds.
type FollowRequest struct {
	Conn      // its Endpoint's APIURL is used
	JobHandle string
	// DestFolder and Files are the upload's destination folder and the relative paths of
	// the job's files, as uploaded (Item.Rel); the outcomes follow their order.
	DestFolder string
	Files      []string
	// Limit bounds the wait for the job to leave the active list; 0 = DefaultFollowLimit.
	Limit time.Duration
	// First and Max are the first and longest pause between polls; 0 = the defaults.
	First, Max time.Duration
}

// FollowKind says what a FollowEvent reports.
type FollowKind int

const (
	FollowStarted FollowKind = iota + 1 // the watch began: every file is being processed
	JobProcessing                       // the job is still active (State, Progress)
	FileProcessed                       // one file's outcome (Item, Outcome, LogType, Said)
	FollowEnded                         // the watch is over (Files); Err when it could not finish
)

var followKindNames = [...]string{FollowStarted: "FollowStarted", JobProcessing: "JobProcessing",
	FileProcessed: "FileProcessed", FollowEnded: "FollowEnded"}

func (k FollowKind) String() string {
	if k > 0 && int(k) < len(followKindNames) {
		return followKindNames[k]
	}
	return "FollowKind(?)"
}

// MarshalText names the kind in JSON output.
func (k FollowKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// FollowEvent is one thing that happened while following a job. Job events have Item -1.
// It carries no sentence: package words says it (words.FollowEvent).
type FollowEvent struct {
	Kind      FollowKind
	Time      time.Time
	JobHandle string
	Item      int // index in FollowRequest.Files; -1 for job events and unmatched assets
	Rel       string
	AssetID   string
	Outcome   Outcome
	LogType   string
	State     string // the active job's state, on JobProcessing
	Progress  string // the active job's progress message, on JobProcessing
	Said      string // Scene7's own words about the file, on FileProcessed
	// ReplacedBy is, for a Replaced file, the later file of the job that replaced it.
	ReplacedBy string
	Err        error
	// Files are the outcomes, on FollowEnded (as FollowResult.Files).
	Files []FileOutcome
}

// FollowResult is what became of a job's files.
type FollowResult struct {
	JobHandle string
	Logs      []JobLog
	// Files are the outcomes in the order of FollowRequest.Files, then the assets the log
	// names that no file matched (Item -1).
	Files []FileOutcome
}

// FollowTimeout is the error of a watch that reached its limit while the job was still
// active. The outcomes then hold what the log said so far.
type FollowTimeout struct {
	JobHandle string
	Limit     time.Duration
}

func (e *FollowTimeout) Error() string {
	return fmt.Sprintf("job %s still active after %s", e.JobHandle, e.Limit)
}

// JobLogError is a job's log that could not be read once the job was over.
type JobLogError struct {
	JobHandle string
	Err       error
}

func (e *JobLogError) Error() string { return "job log of " + e.JobHandle + ": " + e.Err.Error() }
func (e *JobLogError) Unwrap() error { return e.Err }

// Follow watches the job until Scene7 has finished it, then reads its log and gives each
// file its outcome. onEvent (which may be nil) is called on the caller's goroutine, in
// order: FollowStarted, JobProcessing while the job is active, one FileProcessed per
// file (and per unmatched asset; after a failed wait only for those the log names),
// FollowEnded. The error is non-nil when the watch could
// not finish: invalid settings (Result nil), a refusal, a server gone, the limit
// (*FollowTimeout, with the outcomes known so far), or ctx.
func (c *Client) Follow(ctx context.Context, req FollowRequest, onEvent func(FollowEvent)) (*FollowResult, error) {
	if err := req.check(); err != nil {
		return nil, err
	}
	c, err := c.forConn(req.Conn.Network)
	if err != nil {
		return nil, err
	}
	emit := func(ev FollowEvent) {
		if onEvent != nil {
			ev.Time, ev.JobHandle = time.Now(), req.JobHandle
			onEvent(ev)
		}
	}
	emit(FollowEvent{Kind: FollowStarted, Item: -1})
	api := &API{HTTP: c.HTTP, Conn: req.Conn}
	res := &FollowResult{JobHandle: req.JobHandle}
	waitErr := c.awaitJob(ctx, api, req, emit)
	var logErr error
	if waitErr == nil || isFollowTimeout(waitErr) {
		// After a timeout the log so far still says something about some files.
		if res.Logs, logErr = c.readLog(ctx, api, req); logErr != nil {
			logErr = &JobLogError{JobHandle: req.JobHandle, Err: logErr}
		}
	}
	res.Files = MatchOutcomes(res.Logs, req.DestFolder, req.Files)
	for _, f := range res.Files {
		if waitErr != nil && f.Outcome == NoWord {
			// The job did not end: silence is not yet a verdict.
			continue
		}
		emit(FollowEvent{Kind: FileProcessed, Item: f.Item, Rel: f.Rel, AssetID: f.AssetID, Outcome: f.Outcome, LogType: f.LogType, Said: f.Message, ReplacedBy: f.ReplacedBy})
	}
	err = errors.Join(waitErr, logErr)
	emit(FollowEvent{Kind: FollowEnded, Item: -1, Err: err, Files: res.Files})
	return res, err
}

func (r *FollowRequest) check() error {
	var problems []SettingsProblem
	if err := CheckURL(r.Endpoint.APIURL, false); err != nil {
		return fmt.Errorf("IPS API URL: %w", err)
	}
	if strings.TrimSpace(r.Company) == "" {
		problems = append(problems, NeedCompany)
	}
	if strings.TrimSpace(r.JobHandle) == "" {
		problems = append(problems, NeedJobHandle)
	}
	if r.Credentials.User == "" || r.Credentials.Password == "" {
		problems = append(problems, NeedCredentials)
	}
	if len(problems) > 0 {
		return &SettingsError{Problems: problems}
	}
	if r.Limit <= 0 {
		r.Limit = DefaultFollowLimit
	}
	if r.First <= 0 {
		r.First = DefaultFollowFirst
	}
	if r.Max < r.First {
		r.Max = max(DefaultFollowMax, r.First)
	}
	return nil
}

func isFollowTimeout(err error) bool {
	var t *FollowTimeout
	return errors.As(err, &t)
}

// awaitJob asks getActiveJobs about the job until it is no longer listed, pausing First,
// then twice as long each time up to Max, within Limit.
func (c *Client) awaitJob(ctx context.Context, api *API, req FollowRequest, emit func(FollowEvent)) error {
	deadline := time.Now().Add(req.Limit)
	pause, failed := req.First, 0
	for {
		active, err := c.jobActive(ctx, api, req)
		switch {
		case err != nil && ctx.Err() != nil:
			return fmt.Errorf("following job %s: %w", req.JobHandle, ctx.Err())
		case err != nil:
			var f *Fault
			if failed++; errors.As(err, &f) || failed >= followErrorsInARow {
				return err
			}
		case active == nil:
			return nil
		default:
			failed = 0
			emit(FollowEvent{Kind: JobProcessing, Item: -1, State: active.State, Progress: active.ProgressMessage})
		}
		left := time.Until(deadline)
		if left <= 0 {
			return &FollowTimeout{JobHandle: req.JobHandle, Limit: req.Limit}
		}
		t := time.NewTimer(min(pause, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("following job %s: %w", req.JobHandle, ctx.Err())
		case <-t.C:
		}
		pause = min(pause*2, req.Max)
	}
}

// jobActive returns the job as getActiveJobs lists it, nil when it is not listed.
func (c *Client) jobActive(ctx context.Context, api *API, req FollowRequest) (*ActiveJob, error) {
	ctx, cancel := c.callContext(ctx)
	defer cancel()
	jobs, _, err := api.ActiveJobs(ctx, req.JobHandle)
	if err != nil {
		return nil, err
	}
	for i := range jobs {
		if jobs[i].JobHandle == req.JobHandle {
			return &jobs[i], nil
		}
	}
	return nil, nil
}

func (c *Client) readLog(ctx context.Context, api *API, req FollowRequest) ([]JobLog, error) {
	ctx, cancel := c.callContext(ctx)
	defer cancel()
	logs, _, err := api.JobLog(ctx, req.JobHandle)
	return logs, err
}

// callContext bounds one SOAP exchange by the client's response timeout.
func (c *Client) callContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if c.ResponseTimeout > 0 {
		return context.WithTimeout(ctx, c.ResponseTimeout)
	}
	return context.WithCancel(ctx)
}
