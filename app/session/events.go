package session

import (
	"errors"
	"strings"

	"hoist/internal/words"
	"hoist/uploader"
)

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
		if s := ev.Skip; entry != nil && s != nil && s.Kind == 0 && q.byPath[s.Path] != nil {
			entry.Message = q.byPath[s.Path].Reason // a row read back from the queue file
		}
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
	q.setSentLocked(row, ev.Sent)
	row.Speed, row.ETA = ev.Speed, ev.ETA
	if ev.Tries > 0 {
		row.Tries = ev.Tries
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
		e.Level, e.Message = Info, words.T("session.log.sending", nil)
	case uploader.FileRetrying:
		q.setStateLocked(row, Sending)
		row.setReason(retrying(ev))
		e.Level, e.Message = Warning, row.Reason
	case uploader.FileDone:
		q.lastPost = stamp(ev.Time)
		q.setStateLocked(row, Done)
		row.Sent, row.ETA, row.JobHandle, row.Replaced = row.Size, 0, ev.JobHandle, ev.Replaced
		row.setReason("")
		e.Level, e.Message = Info, words.T("session.log.uploaded", nil)
		if ev.Replaced {
			e.Message = words.T("session.log.uploaded_replaced", nil)
		}
	case uploader.FileFailed:
		q.setStateLocked(row, Failed)
		row.setReason(eventReason(ev))
		e.Level, e.Message = Error, row.Reason
	case uploader.FileCancelled:
		if row.run != nil && row.run.paused && !row.stop {
			q.setStateLocked(row, Queued)
			row.Sent, row.Speed, row.ETA = 0, 0, -1
			row.setWhy(words.Msg(pausedReason, nil))
			return nil
		}
		if row.run != nil && row.run.restart && !row.stop {
			// Stopped only because another file was cancelled: it goes on in the next job.
			q.setStateLocked(row, Queued)
			row.Sent, row.Speed, row.ETA = 0, 0, -1
			row.setReason("")
			return nil
		}
		var notSent *uploader.NotSentError
		switch {
		case row.stop:
			q.setStateLocked(row, Cancelled)
			row.setWhy(words.Msg("session.reason.cancelled_by_you", nil))
		case errors.As(ev.Err, &notSent):
			// Nobody cancelled it: the upload stopped on a problem before its turn, and
			// the engine's sentence says which; the row is counted as not sent.
			q.setNotSentLocked(row)
			row.setReason(words.Error(ev.Err))
		default:
			q.setStateLocked(row, Cancelled)
			row.setWhy(words.Msg("session.reason.cancelled_in_flight", nil))
		}
		e.Level, e.Message = Warning, row.Reason
	default:
		return jobEntry(ev)
	}
	return e
}

// jobEntry is the log entry of a job event, or of a path the engine skipped.
func jobEntry(ev uploader.Event) *Entry {
	e := &Entry{Time: stamp(ev.Time), Source: Local, File: ev.Rel, Message: words.Event(ev)}
	switch ev.Kind {
	case uploader.JobCreated:
		e.Level = Info
		if ev.JobHandle != "" {
			e.Message = words.T("session.log.job_handle", words.A{"Message": words.Event(ev), "Handle": ev.JobHandle})
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

// eventReason is why a file failed, in the current language.
func eventReason(ev uploader.Event) string { return words.Error(ev.Err) }

// retrying says that a file is being sent again, and what happened: words.Retrying, not
// the sentence of a failure that stands (which says Hoist already retried, and what to do).
// The message ends the clause with the language's own full stop.
func retrying(ev uploader.Event) string {
	return words.T("session.reason.retrying", words.A{"Attempt": ev.Attempt, "Reason": strings.TrimRight(words.Retrying(ev.Err), ".。")})
}
