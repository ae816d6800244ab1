package session

import (
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// pausedReason is the ID of what a file left waiting by a pause says.
const pausedReason = "session.reason.paused"

// ErrNotPaused is returned by Resume when no upload is paused.
var ErrNotPaused = words.Sentinel("session.err.not_paused")

// Pause stops the running upload at once: the POSTs in flight are aborted, the files not
// accepted yet wait again, and the Scene7 job stays open (no endJob) so that Resume goes
// on with it. It reports whether an upload was running.
func (q *Queue) Pause() bool {
	q.mu.Lock()
	r := q.cur
	if r != nil {
		r.paused, r.restart = true, false
	}
	q.mu.Unlock()
	if r == nil {
		return false
	}
	r.stop(uploader.ErrPaused)
	return true
}

// pausedEnded keeps what Resume needs once a paused upload has stopped: where it was
// going, and its open Scene7 job.
func (q *Queue) pausedEnded(r *run, res *uploader.Result, sum *Summary) {
	q.mu.Lock()
	t := r.target
	q.paused = &t
	var job uploader.JobRef
	if res != nil {
		for _, j := range res.Jobs {
			if j.Handle != "" && !j.Ended {
				job = j
			}
		}
	}
	if job.Handle != "" {
		q.open = OpenJob{Profile: t.Profile, Company: t.Company, Name: job.Name, Handle: job.Handle, LastPost: q.lastPost}
	}
	// The open job's handle comes back with the run that continues it; the ended ones
	// stay in the summary.
	q.pausedSum = Summary{JobName: sum.JobName, Done: sum.Done, Failed: sum.Failed, NotSent: sum.NotSent,
		Cancelled: sum.Cancelled, Skipped: sum.Skipped}
	q.pausedRows = r.earlier
	for _, row := range r.rows {
		if row.State == Done && row.pos >= 0 {
			q.pausedRows = append(q.pausedRows, row)
		}
	}
	for _, h := range sum.Handles {
		if h != job.Handle {
			q.pausedSum.Handles = append(q.pausedSum.Handles, h)
		}
	}
	waiting := q.counts[Queued]
	obs, tot := q.obs, q.totalsLocked()
	q.mu.Unlock()
	sum.Paused = true
	if job.Handle != "" {
		sum.Message = words.N("session.paused.same_job", waiting, words.A{"Job": job.Name, "Minutes": idleMinutes()})
	} else {
		sum.Message = words.N("session.paused", waiting, nil)
	}
	q.note(Info, "", sum.Message)
	if obs.Totals != nil {
		obs.Totals(tot)
	}
}

// Resume goes on with the paused upload: in the same Scene7 job while the server keeps
// it, else in a new job. It returns a sentence saying which (also in the job log).
func (q *Queue) Resume() (string, error) {
	q.mu.Lock()
	if q.cur != nil {
		q.mu.Unlock()
		return "", ErrRunning
	}
	if q.paused == nil {
		q.mu.Unlock()
		return "", ErrNotPaused
	}
	t := *q.paused
	o := q.open
	carry, earlier := q.pausedSum, q.pausedRows
	expired := o.Handle != "" && uploader.JobTooIdle(o.LastPost, time.Now(), uploader.JobIdleExpiry)
	if expired {
		q.open = OpenJob{}
	}
	q.mu.Unlock()
	t.JobName = "" // the open job keeps its name; a new one gets a new name
	if err := q.start(&run{target: t, part: 1, carry: carry, resumed: true, earlier: earlier}); err != nil {
		return "", err
	}
	var note string
	switch {
	case expired:
		note = words.T("session.resumed.expired", words.A{"Job": o.Name, "Minutes": idleMinutes()})
		q.note(Warning, "", note)
	case o.Handle != "":
		note = words.T("session.resumed.same_job", words.A{"Job": o.Name})
		q.note(Info, "", note)
	default:
		note = words.T("session.resumed", nil)
	}
	return note, nil
}

// cancelPaused gives up a paused upload: its waiting files end as cancelled. Its Scene7
// job is left to expire on the server.
func (q *Queue) cancelPaused() {
	q.mu.Lock()
	if q.paused == nil {
		q.mu.Unlock()
		return
	}
	q.paused, q.open, q.pausedSum, q.pausedRows = nil, OpenJob{}, Summary{}, nil
	for _, row := range q.rows {
		if row.State == Queued && row.Why != nil && row.Why.ID == pausedReason {
			q.setStateLocked(row, Cancelled)
			row.setWhy(words.Msg("session.reason.cancelled_paused", nil))
		}
	}
	obs, t := q.obs, q.totalsLocked()
	q.mu.Unlock()
	notifyList(obs, t)
	q.scheduleSave()
}

// idleMinutes is how long Scene7 keeps an idle job open, in minutes.
func idleMinutes() int { return int(uploader.JobIdleExpiry / time.Minute) }
