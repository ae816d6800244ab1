package session

import (
	"context"
	"sync"

	"hoist/internal/words"
	"hoist/uploader"
)

// After a Scene7 upload the queue follows each job until Scene7 has processed its files
// (uploader.Client.Follow), so that a row goes Uploaded → Processing → Ready, Warnings or
// Failed in Scene7, and the notification counts what is ready, not what was posted.

// Follower follows a Scene7 job after its upload; *uploader.Client is one.
type Follower interface {
	Follow(ctx context.Context, req uploader.FollowRequest, onEvent func(uploader.FollowEvent)) (*uploader.FollowResult, error)
}

// Outcome is where a queue row stands in Scene7's processing of it: not followed, still
// processing, or one of the engine's verdicts (uploader.Outcome) once its job's log said.
// It is not uploader.Outcome because it has the two states before a verdict, which the
// engine never gives (it reads finished logs), and because the saved queue keeps it by
// its own names ("ready", "failed in Scene7"), which files written before must still
// read; verdicts ties the two.
type Outcome int

const (
	NotFollowed      Outcome = iota // not a Scene7 file, or not followed
	Processing                      // Scene7 is processing it
	Ready                           // processed: the asset is ready
	ReadyWarnings                   // processed, with a warning
	FailedInScene7                  // uploaded, but Scene7 could not process it
	NoWordFromScene7                // Scene7's log does not name it
	ReplacedInJob                   // a later file of the same job replaced its asset
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"", "processing", "ready", "warnings", "failed in Scene7", "no word", "replaced"}

func (o Outcome) String() string {
	if o >= 0 && o < numOutcomes {
		return outcomeNames[o]
	}
	return "unknown"
}

// MarshalText writes the outcome by name, as the saved queue keeps it.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an outcome by name.
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, n := range outcomeNames {
		if n == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return words.Fail("session.outcome.unknown", words.A{"Name": string(b)}, nil)
}

// HasLink reports whether the asset is ready and so has a published link.
func (o Outcome) HasLink() bool { return o == Ready || o == ReadyWarnings }

// verdicts pairs each outcome that is a verdict with the engine's: the one table both
// directions read.
var verdicts = [...]struct {
	row    Outcome
	engine uploader.Outcome
}{
	{Ready, uploader.Processed},
	{ReadyWarnings, uploader.Warnings},
	{FailedInScene7, uploader.Failed},
	{NoWordFromScene7, uploader.NoWord},
	{ReplacedInJob, uploader.Replaced},
}

// verdict is the engine's outcome o stands for; ok is false while there is none (not
// followed, processing).
func (o Outcome) verdict() (v uploader.Outcome, ok bool) {
	for _, p := range verdicts {
		if p.row == o {
			return p.engine, true
		}
	}
	return uploader.NoWord, false
}

// fromEngine is the row's outcome for the engine's verdict.
func fromEngine(v uploader.Outcome) Outcome {
	for _, p := range verdicts {
		if p.engine == v {
			return p.row
		}
	}
	return NoWordFromScene7
}

// Processed is what the follow-ups of one upload found, for the notification.
type Processed struct {
	Ready, Warnings, Failed, NoWord int
	Replaced                        int    // replaced by a later file of the same job
	Pending                         int    // still processing when the follow-up gave up
	Message                         string // "12 of 14 files ready in Scene7, …"
	Err                             error  // a job could not be followed to its end
}

// Followed is how many files the follow-ups followed: what is ready counts against it,
// in the session's sentence and the window's status line alike.
func (p Processed) Followed() int { return p.Ready + p.Failed + p.NoWord + p.Replaced + p.Pending }

// sentences says what the follow-ups found: what is ready of the files followed, then
// the warnings, failures, silences and files still processing, if any.
func (p Processed) sentences() string {
	out := words.N("session.processed.ready", p.Followed(), words.A{"Ready": p.Ready})
	for _, part := range []struct {
		id string
		n  int
	}{
		{"session.processed.warnings", p.Warnings},
		{"session.processed.failed", p.Failed},
		{"session.processed.no_word", p.NoWord},
		{"session.processed.replaced", p.Replaced},
		{"session.processed.pending", p.Pending},
	} {
		if part.n > 0 {
			out = join(out, words.N(part.id, part.n, nil))
		}
	}
	return out
}

// outcomeText says what Scene7 made of a file and what to do, with Scene7's own words
// (said) when it gave some, or that its whole job stopped with a fatal error (fatal), or
// which later file replaced it (replacedBy) (words.Outcome): the row's OutcomeText,
// written again from the outcome when a saved queue is restored, in the language of the
// moment; "" before a verdict.
func outcomeText(o Outcome, said string, fatal bool, replacedBy string) string {
	v, ok := o.verdict()
	if !ok {
		return ""
	}
	f := uploader.FileOutcome{Outcome: v, Message: said, ReplacedBy: replacedBy}
	if fatal {
		f.LogType = fatalLog
	}
	return words.Outcome(f)
}

// fatalLog is the log type of a fatal error of a whole job (uploader.MatchOutcomes).
const fatalLog = "FatalError"

// followUps runs the follow-ups of the jobs of one upload (or of a restart), then tells
// the observer what was found. c carries the password; rows are the uploaded files by job
// handle. They start once after is closed (the upload's own events, Ended included, have
// all been delivered), so that the observer hears of one thing at a time.
func (q *Queue) followUps(c uploader.Conn, dest string, byJob map[string][]*Row, order []string, after <-chan struct{}) {
	if len(order) == 0 {
		return
	}
	q.follows.Add(1)
	go func() {
		defer q.follows.Done()
		if after != nil {
			<-after
		}
		var p Processed
		var errs []error
		for _, h := range order {
			outs, err := q.follow(c, dest, h, byJob[h])
			for _, o := range outs {
				switch o {
				case Ready:
					p.Ready++
				case ReadyWarnings:
					p.Ready++
					p.Warnings++
				case FailedInScene7:
					p.Failed++
				case NoWordFromScene7:
					p.NoWord++
				case ReplacedInJob:
					p.Replaced++
				case Processing:
					p.Pending++
				}
			}
			if err != nil {
				errs = append(errs, err)
			}
		}
		p.Message = p.sentences()
		if len(errs) > 0 {
			p.Err = errs[0]
			p.Message = join(p.Message, words.Error(errs[0]))
		}
		q.mu.Lock()
		obs := q.obs
		q.mu.Unlock()
		select {
		case <-q.stopChan():
			return // the window is closing: nobody to tell
		default:
		}
		if obs.Processed != nil {
			obs.Processed(p)
		}
	}()
}

// follow follows one job and applies its outcomes to rows; it returns the outcomes.
func (q *Queue) follow(c uploader.Conn, dest, handle string, rows []*Row) ([]Outcome, error) {
	rels := make([]string, len(rows))
	for i, r := range rows {
		rels[i] = r.Rel
	}
	limit := q.cfg.FollowLimit
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-q.stopChan():
			cancel()
		case <-ctx.Done():
		}
	}()
	res, err := q.cfg.Follower.Follow(ctx, uploader.FollowRequest{
		Conn: c, JobHandle: handle, DestFolder: dest, Files: rels, Limit: limit, First: q.cfg.FollowFirst,
	}, func(ev uploader.FollowEvent) { q.followEvent(rows, ev) })
	if res != nil && len(res.Logs) > 0 {
		q.appendLog(ServerEntries(res.Logs)...)
	}
	outs := make([]Outcome, len(rows))
	q.mu.Lock()
	for i, r := range rows {
		outs[i] = r.Outcome
	}
	q.mu.Unlock()
	if err != nil {
		q.note(Warning, "", words.T("session.log.not_followed", words.A{"Job": handle, "Reason": err}))
		// Rows Scene7 has not spoken about stay "processing": the next start asks again.
		q.mu.Lock()
		for _, r := range rows {
			if r.Outcome == Processing {
				r.OutcomeText = words.Error(err)
			}
		}
		q.mu.Unlock()
	}
	q.scheduleSave()
	return outs, err
}

// followEvent applies one event of a follow-up to the rows.
func (q *Queue) followEvent(rows []*Row, ev uploader.FollowEvent) {
	switch ev.Kind {
	case uploader.FollowStarted:
		q.mu.Lock()
		var changed []int
		for _, r := range rows {
			if r.Outcome == NotFollowed || r.Outcome == Processing {
				q.setOutcomeLocked(r, Processing, "")
				changed = append(changed, r.pos)
			}
		}
		obs, t := q.obs, q.totalsLocked()
		q.mu.Unlock()
		if obs.List != nil && len(changed) > 0 {
			obs.List()
		}
		if obs.Totals != nil {
			obs.Totals(t)
		}
	case uploader.FileProcessed:
		if ev.Item < 0 || ev.Item >= len(rows) {
			return
		}
		q.mu.Lock()
		r := rows[ev.Item]
		r.AssetID, r.Said, r.fatal = ev.AssetID, ev.Said, ev.LogType == fatalLog
		o := fromEngine(ev.Outcome)
		if o == ReplacedInJob {
			r.Said = ev.ReplacedBy
		}
		q.setOutcomeLocked(r, o, outcomeText(o, ev.Said, r.fatal, ev.ReplacedBy))
		pos, obs, t := r.pos, q.obs, q.totalsLocked()
		q.mu.Unlock()
		level := Info
		switch o {
		case ReadyWarnings, NoWordFromScene7, ReplacedInJob:
			level = Warning
		case FailedInScene7:
			level = Error
		}
		q.appendLog(Entry{Time: stamp(ev.Time), Level: level, Source: Local, File: r.Rel, Message: r.OutcomeText})
		notifyRow(obs, pos, t)
	case uploader.FollowEnded:
		q.appendLog(Entry{Time: stamp(ev.Time), Level: Info, Source: Local, Message: words.FollowEvent(ev)})
	}
}

// setOutcomeLocked changes a row's outcome and keeps the counts. Caller holds q.mu.
func (q *Queue) setOutcomeLocked(r *Row, o Outcome, text string) {
	if r.pos >= 0 {
		q.outcomes[r.Outcome]--
		q.outcomes[o]++
	}
	r.Outcome, r.OutcomeText = o, text
}

// startFollowUps follows the jobs of a finished upload: the rows it uploaded, by job.
func (q *Queue) startFollowUps(r *run) {
	if q.cfg.Follower == nil || r.target.Endpoint.Service != uploader.Scene7 {
		return
	}
	byJob := map[string][]*Row{}
	var order []string
	q.mu.Lock()
	// The files an earlier run sent in the jobs this one ended are followed with its own:
	// those sent before a pause (r.earlier), and those a run before a restart left in the
	// open job this one continued. Scene7 processes them only now; followed with the run's
	// own only, they stayed Uploaded for good.
	inRun := make(map[*Row]bool, len(r.rows))
	handles := map[string]bool{}
	for _, row := range r.rows {
		inRun[row] = true
		if row.State == Done && row.JobHandle != "" {
			handles[row.JobHandle] = true
		}
	}
	var rows []*Row
	for _, row := range r.earlier {
		if row.pos >= 0 && !inRun[row] {
			inRun[row] = true
			rows = append(rows, row)
		}
	}
	for _, row := range q.rows {
		if !inRun[row] && row.State == Done && row.Outcome == NotFollowed && handles[row.JobHandle] {
			inRun[row] = true
			rows = append(rows, row)
		}
	}
	for _, row := range append(rows, r.rows...) {
		if row.State != Done || row.JobHandle == "" {
			continue
		}
		if byJob[row.JobHandle] == nil {
			order = append(order, row.JobHandle)
		}
		byJob[row.JobHandle] = append(byJob[row.JobHandle], row)
		q.setOutcomeLocked(row, Processing, "")
	}
	q.mu.Unlock()
	q.followUps(r.target.Conn, r.target.DestFolder, byJob, order, r.done)
}

// Following counts the rows Scene7 is still processing.
func (q *Queue) Following() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.outcomes[Processing]
}

// ResumeFollowUps follows again, after a restart, the jobs whose files were still being
// processed when the app closed (Scene7 keeps their logs). c is the connection they went
// to, with its password; dest their destination folder. It returns how many files it
// follows.
func (q *Queue) ResumeFollowUps(c uploader.Conn, dest string) int {
	if q.cfg.Follower == nil {
		return 0
	}
	byJob := map[string][]*Row{}
	var order []string
	n := 0
	q.mu.Lock()
	for _, row := range q.rows {
		if row.State != Done || row.Outcome != Processing || row.JobHandle == "" {
			continue
		}
		if byJob[row.JobHandle] == nil {
			order = append(order, row.JobHandle)
		}
		byJob[row.JobHandle] = append(byJob[row.JobHandle], row)
		n++
	}
	q.mu.Unlock()
	q.followUps(c, dest, byJob, order, nil)
	return n
}

// waitFollowUps blocks until every follow-up has ended.
func (q *Queue) waitFollowUps() { q.follows.Wait() }

// followState is the part of Queue the follow-ups use; embedded so that queue.go keeps
// its shape.
type followState struct {
	follows  sync.WaitGroup
	outcomes [numOutcomes]int // rows per Outcome
	stopOnce sync.Once
	stop     chan struct{} // closed by StopFollowUps
}

// StopFollowUps ends the follow-ups under way and waits for them (when the window
// closes): their rows stay "processing" and are followed again at the next start.
func (q *Queue) StopFollowUps() {
	q.stopOnce.Do(func() { close(q.stopChan()) })
	q.follows.Wait()
}

func (q *Queue) stopChan() chan struct{} {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stop == nil {
		q.stop = make(chan struct{})
	}
	return q.stop
}
