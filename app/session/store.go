package session

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// Saved is one row as it is persisted between runs of the app. Its JSON names are those
// of the files of the journals Hoist wrote before (Reason was "error" there and stays so).
// No sentence is kept in one language to be shown in another: a reason the session wrote
// is kept as a message (Why) and written again when restored; a reason the engine wrote
// is kept as text with its language (Lang), and shown only in that language; what Scene7
// made of the file is kept as its Outcome and Scene7's own words (Said), from which the
// sentence is written again (the outcomeText the versions before wrote is not read).
type Saved struct {
	Path   string         `json:"path"` // on this computer
	Rel    string         `json:"rel"`  // under the destination folder
	Size   int64          `json:"size"`
	State  State          `json:"state"`
	Reason string         `json:"error,omitempty"`
	Why    *words.Message `json:"why,omitempty"`
	// Lang is the language Reason is written in; "" is English, the only language of
	// the versions before.
	Lang      string `json:"lang,omitempty"`
	JobName   string `json:"jobName,omitempty"`
	JobHandle string `json:"jobHandle,omitempty"`
	// Outcome is what Scene7 made of the file; "processing" rows are followed again at
	// the next start (Queue.ResumeFollowUps).
	Outcome Outcome `json:"outcome,omitempty"`
	Said    string  `json:"said,omitempty"`
	AssetID string  `json:"assetID,omitempty"`
	// Fatal: the outcome came from a fatal error of the file's whole job.
	Fatal bool `json:"fatal,omitempty"`
	// NotSent: a "cancelled" file nobody cancelled: the upload stopped before sending it
	// (Row.NotSent). Absent from the files of the versions before, which read as cancelled.
	NotSent bool `json:"notSent,omitempty"`
	// ReplacedBy is, for a "replaced" outcome, the later file of the job that replaced it.
	ReplacedBy string `json:"replacedBy,omitempty"`
	// Skip is why the walk left the file out, as the engine typed it: its sentence is
	// written again in the language of the day.
	Skip *SavedSkip `json:"skip,omitempty"`
}

// SavedSkip is an uploader.Skipped as the queue file keeps it: the system's error as its
// text (and whether it was a refused permission, which has a sentence of its own).
type SavedSkip struct {
	Kind   uploader.SkipKind   `json:"kind"`
	Name   string              `json:"name,omitempty"`
	System uploader.SystemFile `json:"system,omitempty"`
	Char   rune                `json:"char,omitempty"`
	Other  string              `json:"other,omitempty"`
	Folder bool                `json:"folder,omitempty"`
	Err    string              `json:"err,omitempty"`
	Denied bool                `json:"denied,omitempty"`
}

func savedSkip(s uploader.Skipped) *SavedSkip {
	v := &SavedSkip{Kind: s.Kind, Name: s.Name, System: s.System, Char: s.Char, Other: s.Other, Folder: s.Folder}
	if s.Err != nil {
		v.Err, v.Denied = s.Err.Error(), errors.Is(s.Err, fs.ErrPermission)
	}
	return v
}

func (v SavedSkip) skipped(path, rel string) uploader.Skipped {
	s := uploader.Skipped{Path: path, Rel: rel, Kind: v.Kind, Name: v.Name, System: v.System, Char: v.Char, Other: v.Other, Folder: v.Folder}
	switch {
	case v.Denied:
		s.Err = fmt.Errorf("%s: %w", v.Err, fs.ErrPermission)
	case v.Err != "":
		s.Err = errors.New(v.Err)
	}
	return s
}

// saved is a row as Snapshot keeps it.
func saved(r *Row) Saved {
	s := Saved{Path: r.Path, Rel: r.Rel, Size: r.Size, State: r.State, JobName: r.JobName, JobHandle: r.JobHandle,
		Outcome: r.Outcome, Said: r.Said, AssetID: r.AssetID, Fatal: r.fatal, NotSent: r.NotSent()}
	if r.Outcome == ReplacedInJob {
		s.Said, s.ReplacedBy = "", r.ReplacedBy()
	}
	switch {
	case r.skip != nil && r.skip.Kind != 0:
		s.Skip = savedSkip(*r.skip)
	case r.Why != nil && !r.Why.IsZero():
		why := *r.Why
		s.Why = &why
	case r.Reason != "":
		s.Reason, s.Lang = r.Reason, words.Current()
	}
	return s
}

// row is a saved row as Restore puts it back, its sentences in the current language.
func (s Saved) row() *Row {
	r := &Row{Path: s.Path, Rel: s.Rel, Size: s.Size, State: s.State, JobName: s.JobName, JobHandle: s.JobHandle,
		Outcome: s.Outcome, OutcomeText: outcomeText(s.Outcome, s.Said, s.Fatal, s.ReplacedBy), Said: s.Said, AssetID: s.AssetID, fatal: s.Fatal,
		notSent: s.NotSent && s.State == Cancelled}
	if s.Outcome == ReplacedInJob {
		r.Said = s.ReplacedBy
	}
	lang := s.Lang
	if lang == "" {
		lang = "en"
	}
	switch {
	case s.Skip != nil && s.Skip.Kind != 0:
		sk := s.Skip.skipped(s.Path, s.Rel)
		r.skip = &sk
		r.setReason(words.Skip(sk))
	case s.Why != nil && !s.Why.IsZero():
		r.setWhy(*s.Why)
	case s.Reason == "":
	case lang == words.Current():
		r.setReason(s.Reason)
	case s.State == Skipped:
		r.setWhy(words.Msg("session.reason.other_language_skipped", nil))
	default:
		r.setWhy(words.Msg("session.reason.other_language", nil))
	}
	return r
}

// Snapshot is the queue as it is persisted, the one model the queue file is written from
// and read into: the rows, and where they are going (without the password) so that
// unfinished work can be resumed where it was going.
type Snapshot struct {
	Rows []Saved `json:"files"`
	// Last is where the rows are going: the target of the running upload, else the one
	// last given to SetTarget (the settings on screen), else that of the last upload; zero
	// before any of them.
	Last Target `json:"target"`
	// LastPost is when the server last accepted a file, for the job's idle expiry.
	LastPost time.Time `json:"lastPost,omitzero"`
}

// Remaining counts the files still to upload (every file not done and not skipped) and
// those Scene7 is still processing, whose follow-up resumes at the next start.
func (s Snapshot) Remaining() int {
	n := 0
	for _, r := range s.Rows {
		if r.State != Done && r.State != Skipped || r.Outcome == Processing {
			n++
		}
	}
	return n
}

// OpenJob is the Scene7 job the snapshot's files were last sent in (the handle of the
// last row that has one), with the connection it belongs to; zero when there is none.
func (s Snapshot) OpenJob() OpenJob {
	for i := len(s.Rows) - 1; i >= 0; i-- {
		// A followed file's job was ended: it takes no more files.
		if r := s.Rows[i]; r.JobHandle != "" && r.Outcome == NotFollowed {
			return OpenJob{Profile: s.Last.Profile, Company: s.Last.Company, Name: r.JobName, Handle: r.JobHandle, LastPost: s.LastPost}
		}
	}
	return OpenJob{}
}

// Store keeps the queue across restarts; *store.QueueStore (package app/store) is one.
type Store interface {
	SaveQueue(s Snapshot) error
}

// Snapshot returns the queue as it would be persisted.
func (q *Queue) Snapshot() Snapshot {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := Snapshot{Rows: make([]Saved, len(q.rows)), Last: q.last, LastPost: q.lastPost}
	if q.cur == nil && q.hasNext {
		out.Last = q.next
	}
	out.Last.Credentials.Password = ""
	for i, r := range q.rows {
		out.Rows[i] = saved(r)
	}
	return out
}

// SetTarget tells the queue where its waiting files will go: the settings on screen,
// without the password. While no upload runs it is what Snapshot saves, so that a restart
// puts back the connection and options the files were waiting with, not those of an
// earlier upload (or none at all before the first).
func (q *Queue) SetTarget(t Target) {
	t.Credentials.Password = ""
	q.mu.Lock()
	q.next, q.hasNext = t, true
	rows := len(q.rows)
	changed := q.setServiceLocked(t.Endpoint.Service)
	obs, tot := q.obs, q.totalsLocked()
	q.mu.Unlock()
	if changed {
		notifyList(obs, tot) // the rows' name warnings came or went
	}
	if rows > 0 {
		q.scheduleSave()
	}
}

// Restore puts back the rows an earlier run saved, after the rows already listed, and
// the job they were being sent in, if any (see ResumeJob). A file that was being sent
// when the app stopped is queued again: the server never confirmed it. It returns how many
// files wait to be uploaded.
func (q *Queue) Restore(snap Snapshot) (waiting int) {
	if job := snap.OpenJob(); job.Handle != "" {
		q.ResumeJob(job)
	}
	saved := snap.Rows
	q.mu.Lock()
	for _, s := range saved {
		if q.byPath[s.Path] != nil {
			continue
		}
		r := s.row()
		switch r.State {
		case Sending, Queued: // a pause does not outlive the app: the files just wait
			r.State = Queued
			r.setReason("")
		case Done:
			r.Sent = r.Size
		}
		if r.State == Queued {
			waiting++
			if q.restored == nil {
				q.restored = map[string]bool{}
			}
			q.restored[r.Path] = true
		}
		q.appendLocked(r)
	}
	q.preflightLocked()
	obs, t := q.obs, q.totalsLocked()
	q.mu.Unlock()
	if len(saved) > 0 {
		notifyList(obs, t)
	}
	return waiting
}

// ForgetRestored removes the files Restore queued again that still wait (the user
// declined to resume them); files added since stay.
func (q *Queue) ForgetRestored() int {
	q.mu.Lock()
	n := q.removeLocked(func(r *Row) bool { return r.State == Queued && r.run == nil && q.restored[r.Path] })
	q.restored = nil
	q.unlockListChanged(n > 0)
	return n
}

// KeepRestored ends the offer of the files Restore queued again (the person chose to upload
// them, or nothing of them waits any more): from now on they are files like any other,
// which ForgetRestored leaves alone.
func (q *Queue) KeepRestored() {
	q.mu.Lock()
	q.restored = nil
	q.mu.Unlock()
}

// scheduleSave writes the queue to the store after SaveDelay, grouping the changes made
// meanwhile into one write.
func (q *Queue) scheduleSave() {
	if q.cfg.Store == nil {
		return
	}
	q.saveMu.Lock()
	defer q.saveMu.Unlock()
	if q.saveTimer != nil {
		return
	}
	q.saveGen++
	gen := q.saveGen
	q.saveTimer = time.AfterFunc(q.cfg.SaveDelay, func() { q.timedSave(gen) })
}

// timedSave is the write scheduleSave planned as gen, unless Flush wrote since: a timer
// that fired while Flush ran must not write after it (an older queue over the newer one,
// or a file in a settings folder already removed).
func (q *Queue) timedSave(gen uint64) {
	q.writing <- struct{}{}
	q.saveMu.Lock()
	current := q.saveGen == gen && q.saveTimer != nil
	if current {
		q.saveTimer = nil
	}
	q.saveMu.Unlock()
	var err error
	if current {
		q.releaseAfterGrowth()
		err = q.cfg.Store.SaveQueue(q.Snapshot())
	}
	<-q.writing
	if err != nil {
		q.note(Warning, "", words.T("session.log.queue_not_saved", words.A{"Reason": err}))
	}
}

// bigGrowth is how many rows more than at the last release make the next timed save
// release memory first.
const bigGrowth = 20000

// releaseAfterGrowth gives the operating system back the memory the garbage collector can
// free (debug.FreeOSMemory) before the first timed save after the queue grew by bigGrowth
// rows. A drop of 100,000 files leaves the walk's indexes behind (tens of MB), which the
// collector takes only once the heap has doubled, and their pages stay the process's; the
// save's snapshot (17 MB in one piece) then came on top of them: the window's peak went
// 285 -> 309 MiB two seconds after the listing (bench/README.md, the real window). The
// timed save runs in the background when the drop is listed, so nobody waits for it; a
// queue that does not grow much is never released again. Called with writing held.
func (q *Queue) releaseAfterGrowth() {
	n := q.Len()
	if n < q.releasedAt {
		q.releasedAt = n // rows removed: growth counts from here
	}
	if n-q.releasedAt < q.bigGrowth {
		return
	}
	q.releasedAt = n
	q.release()
}

// Flush writes the queue to the store now (when the window closes), after the write under
// way if any, and cancels the one planned: once it returns, nothing it had planned writes.
func (q *Queue) Flush() error {
	if q.cfg.Store == nil {
		return nil
	}
	q.writing <- struct{}{}
	defer func() { <-q.writing }()
	q.saveMu.Lock()
	if q.saveTimer != nil {
		q.saveTimer.Stop()
		q.saveTimer = nil
	}
	q.saveMu.Unlock()
	if err := q.cfg.Store.SaveQueue(q.Snapshot()); err != nil {
		return words.Fail("session.queue_not_saved", words.A{"Reason": err}, err)
	}
	return nil
}

// OpenJob is a Scene7 job an earlier run of the app opened and did not end.
type OpenJob struct {
	Profile, Company string // the connection it belongs to
	Name, Handle     string
	LastPost         time.Time // when it last accepted a file
}

// ResumeJob makes the next upload to the same profile and company continue job instead
// of opening a new one; once only.
func (q *Queue) ResumeJob(job OpenJob) {
	q.mu.Lock()
	q.open = job
	q.lastPost = job.LastPost
	q.mu.Unlock()
}

// continueOpenJobLocked fills in req the job left open by an earlier run, when the upload
// goes where that job went.
func (q *Queue) continueOpenJobLocked(t Target, req *uploader.Request) {
	o := q.open
	if o.Handle == "" || req.Endpoint.Service != uploader.Scene7 || o.Profile != t.Profile || o.Company != t.Company {
		return
	}
	req.JobName, req.JobHandle, req.JobLastPost = o.Name, o.Handle, o.LastPost
	q.open = OpenJob{}
}
