package session

import (
	"errors"
	"fmt"
	"time"

	"hoist/uploader"
)

// pausedReason is what a file left waiting by a pause says.
const pausedReason = "Paused. Press Resume to go on."

// ErrNotPaused is returned by Resume when no upload is paused.
var ErrNotPaused = errors.New("no upload is paused")

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
	waiting := q.counts[Queued]
	obs, tot := q.obs, q.totalsLocked()
	q.mu.Unlock()
	sum.Paused = true
	sum.Message = fmt.Sprintf("Paused: %s not sent yet. Press Resume to go on", plural(waiting))
	if job.Handle != "" {
		sum.Message += fmt.Sprintf(" in the same job, %s (the server keeps it %d idle minutes).", job.Name, int(uploader.JobIdleExpiry/time.Minute))
	} else {
		sum.Message += "."
	}
	q.logf(Info, "", "%s", sum.Message)
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
	expired := o.Handle != "" && uploader.JobTooIdle(o.LastPost, time.Now(), uploader.JobIdleExpiry)
	if expired {
		q.open = OpenJob{}
	}
	q.mu.Unlock()
	t.JobName = "" // the open job keeps its name; a new one gets a new name
	if err := q.Start(t); err != nil {
		return "", err
	}
	var note string
	switch {
	case expired:
		note = fmt.Sprintf("Job %s was paused for too long and the server has closed it (after %d idle minutes): the files go on in a new job.",
			o.Name, int(uploader.JobIdleExpiry/time.Minute))
		q.logf(Warning, "", "%s", note)
	case o.Handle != "":
		note = fmt.Sprintf("Resumed: the files go on in job %s.", o.Name)
		q.logf(Info, "", "%s", note)
	default:
		note = "Resumed."
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
	q.paused, q.open = nil, OpenJob{}
	for _, row := range q.rows {
		if row.State == Queued && row.Reason == pausedReason {
			q.setStateLocked(row, Cancelled)
			row.Reason = "Cancelled by you while paused. Press Retry failed to send it again."
		}
	}
	obs, t := q.obs, q.totalsLocked()
	q.mu.Unlock()
	notifyList(obs, t)
	q.scheduleSave()
}
