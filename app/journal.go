package app

import (
	"errors"
	"sync"
	"time"

	"hoist/app/session"
	"hoist/app/store"
)

// journal keeps the window's queue in the app's queue store as one saved job, so that
// closing Hoist, a crash or a dropped network loses nothing; when every file of it is done
// the job goes to the history and the next files start a new journal.
type journal struct {
	store *store.QueueStore

	mu       sync.Mutex
	id       string
	created  time.Time
	merged   []string // journals of an earlier run taken into this one, removed at the first save
	finished string   // the job name last written to the history, not to be written twice
}

func newJournal(qs *store.QueueStore) *journal {
	now := time.Now()
	return &journal{store: qs, id: store.NewJobID(now), created: now}
}

// SaveQueue implements session.Store.
func (j *journal) SaveQueue(s session.Snapshot) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	job := store.SavedJob{
		ID: j.id, Profile: s.Last.Profile, Service: s.Last.Endpoint.Service, Created: j.created, LastPost: s.LastPost,
		Company: s.Last.Company, DestFolder: s.Last.DestFolder, Description: s.Last.Description, Options: s.Last.Options,
	}
	for _, r := range s.Rows {
		job.Files = append(job.Files, store.SavedFile{Path: r.Path, Rel: r.Rel, Size: r.Size, State: r.State, Error: r.Reason})
		if r.JobHandle != "" {
			job.JobName, job.JobHandle = r.JobName, r.JobHandle
		}
	}
	if job.JobName == "" {
		job.JobName = s.Last.JobName
	}
	var err error
	switch {
	case len(job.Files) == 0:
		err = j.store.Remove(j.id)
	case len(job.Remaining()) == 0:
		if job.JobName == j.finished {
			return nil
		}
		if err = j.store.Finish(job, time.Now()); err == nil {
			j.finished = job.JobName
			now := time.Now()
			j.id, j.created = store.NewJobID(now), now
		}
	default:
		err = j.store.Save(job)
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range j.merged {
		errs = append(errs, j.store.Remove(id))
	}
	j.merged = nil
	return errors.Join(errs...)
}

// resume is what an earlier run left unfinished, ready for the queue.
type resume struct {
	rows []session.Saved
	job  store.SavedJob // the most recent journal: where its files were going
}

// restore reads the journals of earlier runs. Their files join this run's journal, which
// takes over the oldest one's id; the others are removed once it is saved.
func (j *journal) restore(now time.Time) (resume, error) {
	jobs, err := j.store.Load()
	var r resume
	j.mu.Lock()
	defer j.mu.Unlock()
	for i, job := range jobs {
		job = job.ForResume(now)
		if i == 0 {
			j.id, j.created = job.ID, job.Created
		} else {
			j.merged = append(j.merged, job.ID)
		}
		for _, f := range job.Files {
			r.rows = append(r.rows, session.Saved{Path: f.Path, Rel: f.Rel, Size: f.Size, State: f.State, Reason: f.Error,
				JobName: job.JobName, JobHandle: job.JobHandle})
		}
		r.job = job
	}
	return r, err
}
