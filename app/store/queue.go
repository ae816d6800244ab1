package store

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// journalFormat marks the queue files written from session.Snapshot. Files without it were
// written by Hoist's first versions; readJournal reads them too (oldJournal).
const journalFormat = 2

// journal is one queue file: the session's snapshot, with the id of the file and when it
// was started (the history's start of the job).
type journal struct {
	Format  int       `json:"format"`
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	session.Snapshot
}

// oldJournal is what the first versions' queue files held beside the id, the start, the
// last POST and the files (which read as the snapshot's rows): one job's settings and
// handle, which the snapshot keeps in its Target and on its rows.
type oldJournal struct {
	Profile     string           `json:"profile"`
	Service     uploader.Service `json:"service"`
	JobName     string           `json:"jobName"`
	JobHandle   string           `json:"jobHandle"`
	Company     string           `json:"company"`
	DestFolder  string           `json:"destFolder"`
	Description string           `json:"description"`
	Options     uploader.Options `json:"options"`
}

// upgrade puts the old journal's settings where the snapshot keeps them.
func (o oldJournal) upgrade(j *journal) {
	j.Last = session.Target{Profile: o.Profile, Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: o.Service}, Company: o.Company},
		DestFolder: o.DestFolder, Description: o.Description, Options: o.Options}
	if o.JobHandle == "" {
		j.Last.JobName = o.JobName
		return
	}
	for i := range j.Rows {
		j.Rows[i].JobName, j.Rows[i].JobHandle = o.JobName, o.JobHandle
	}
}

// NewJobID returns a unique, sortable, file-name-safe id for a queue file.
func NewJobID(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// expired reports whether the job is too idle to use (uploader.JobTooIdle, the engine's own
// rule), so the remaining files must go into a new job.
func expired(job session.OpenJob, now time.Time) bool {
	return job.Handle != "" && uploader.JobTooIdle(job.LastPost, now, uploader.JobIdleExpiry)
}

// jobName is the name of the journal's job, for the history.
func (j journal) jobName() string {
	if o := j.OpenJob(); o.Handle != "" {
		return o.Name
	}
	return j.Last.JobName
}

// forResume prepares the journal to be offered again: the remaining files are queued once
// more, and when its job expired (or never started) the job's name and handle are cleared
// so that the upload starts a new job.
func (j journal) forResume(now time.Time) journal {
	rows := make([]session.Saved, len(j.Rows))
	stale := expired(j.OpenJob(), now) || j.OpenJob().Handle == ""
	for i, r := range j.Rows {
		if r.State != session.Done && r.State != session.Skipped {
			r.State, r.Reason, r.Why, r.Lang = session.Queued, "", nil, ""
		}
		// A file Scene7 was processing keeps its job: the follow-up asks about it again.
		if stale && r.Outcome != session.Processing {
			r.JobName, r.JobHandle = "", ""
		}
		rows[i] = r
	}
	j.Rows = rows
	if stale {
		j.LastPost = time.Time{}
	}
	return j
}

// QueueStore keeps the window's queue (session.Snapshot) in Dir/queue/, one file per
// upload job, so that closing Hoist, a crash or a dropped network loses nothing; when
// every file of it is done the job goes to the history, Dir/history.jsonl (Dir "" =
// DefaultDir), and the next files start a new file. The zero value with Dir set is ready
// to use; it is the session's Store.
type QueueStore struct {
	Dir string
	// HistoryCap is how many finished jobs the history keeps; 0 means DefaultHistoryCap.
	HistoryCap int

	mu      sync.Mutex
	written map[string][sha256.Size]byte // last journal written per id, to skip rewrites

	jmu      sync.Mutex // the file this run writes to
	id       string
	created  time.Time
	merged   []string // files of an earlier run taken into this one, removed at the first save
	finished string   // the job name last written to the history, not to be written twice
}

// SaveQueue writes the queue (session.Store). A queue whose files are all done or skipped
// goes to the history, and the next files start a new file.
func (s *QueueStore) SaveQueue(snap session.Snapshot) error {
	s.jmu.Lock()
	defer s.jmu.Unlock()
	now := time.Now()
	if s.id == "" {
		s.id, s.created = NewJobID(now), now
	}
	j := journal{Format: journalFormat, ID: s.id, Created: s.created, Snapshot: snap}
	var err error
	switch {
	case len(j.Rows) == 0:
		err = s.remove(j.ID)
	case j.Remaining() == 0:
		if j.jobName() == s.finished {
			return nil
		}
		if err = s.finish(j, now); err == nil {
			s.finished = j.jobName()
			s.id, s.created = NewJobID(now), now
		}
	default:
		err = s.save(j)
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range s.merged {
		errs = append(errs, s.remove(id))
	}
	s.merged = nil
	return errors.Join(errs...)
}

// Restore reads what earlier runs left unfinished, ready for session.Queue.Restore: the
// files not done are queued again, and a job that expired meanwhile is forgotten (see
// forResume). Several files (left by Hoists running at once) become one queue, going
// where the newest was going; this run writes to the oldest one's file and removes the
// others at its first save. Files that cannot be read are reported in the error, joined,
// and left on disk.
func (s *QueueStore) Restore(now time.Time) (session.Snapshot, error) {
	jobs, err := s.load()
	s.jmu.Lock()
	defer s.jmu.Unlock()
	var out session.Snapshot
	for i, j := range jobs {
		j = j.forResume(now)
		if i == 0 {
			s.id, s.created = j.ID, j.Created
		} else {
			s.merged = append(s.merged, j.ID)
		}
		out.Rows = append(out.Rows, j.Rows...)
		out.Last, out.LastPost = j.Last, j.LastPost
	}
	return out, err
}

func (s *QueueStore) queueDir() (string, error) {
	dir, err := resolveDir(s.Dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "queue"), nil
}

// checkID keeps ids usable as file names and out of other folders.
func checkID(id string) error {
	if id == "" || len(id) > 100 || strings.HasPrefix(id, ".") {
		return badID(id)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return badID(id)
		}
	}
	return nil
}

// badID refuses a saved job's id that cannot be a file name of the queue folder.
func badID(id string) error { return fail("store.saved_upload.bad_id", words.A{"ID": id}, nil) }

// save writes a journal atomically. It is cheap to call once a second: an unchanged
// journal is not written again (its temporary file is dropped before it reaches the disk).
// The rows are encoded one at a time (writeJournal): 100,000 of them are 13 MB of JSON,
// which json.Marshal built in a growing buffer and copied twice, 60 MB of garbage per save
// that raised the window's peak memory by as much (bench/README.md, the real window).
func (s *QueueStore) save(j journal) error {
	if err := checkID(j.ID); err != nil {
		return err
	}
	dir, err := s.queueDir()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	path := filepath.Join(dir, j.ID+".json")
	var sum [sha256.Size]byte
	err = writeAtomic(path, func(f io.Writer) error {
		h := sha256.New()
		w := bufio.NewWriterSize(io.MultiWriter(f, h), 64<<10)
		if err := writeJournal(w, j); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		h.Sum(sum[:0])
		if prev, ok := s.written[j.ID]; ok && prev == sum {
			return errSameContent
		}
		_, err := io.WriteString(f, "\n")
		return err
	})
	var enc encodeError
	switch {
	case errors.Is(err, errSameContent):
		return nil
	case errors.As(err, &enc):
		return fail("store.queue.encode", nil, enc.error)
	case err != nil:
		return fail("store.queue.not_saved", words.A{"Reason": err}, err)
	}
	if s.written == nil {
		s.written = make(map[string][sha256.Size]byte)
	}
	s.written[j.ID] = sum
	return nil
}

// load returns the unfinished journals, oldest first. A journal whose files were all done
// (Hoist stopped between the last file and the end of the job) is recorded in the history
// and removed. Journals that cannot be read are reported in the error, joined, alongside
// the good ones, and left on disk.
func (s *QueueStore) load() ([]journal, error) {
	dir, err := s.queueDir()
	if err != nil {
		return nil, err
	}
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fail("store.queue.unreadable", words.A{"Reason": err}, err)
	}
	var jobs []journal
	var bad []error
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") || filepath.Ext(name) != ".json" {
			continue
		}
		path := filepath.Join(dir, name)
		j, err := readJournal(path)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		if j.Remaining() == 0 {
			at := j.LastPost
			if info, err := de.Info(); err == nil && info.ModTime().After(at) {
				at = info.ModTime()
			}
			if err := s.finish(j, at); err != nil {
				bad = append(bad, err)
			}
			continue
		}
		jobs = append(jobs, j)
	}
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].Created.Before(jobs[b].Created) })
	return jobs, fileErrors(bad)
}

// readJournal reads a queue file, of this version or of the first ones.
func readJournal(path string) (journal, error) {
	data, err := readSmallFile(path)
	if err != nil {
		return journal{}, &words.Err{Say: fileSentence("store.saved_upload.bad", path, 0, 0, FileProblem{Kind: ProblemUnreadable}, err), Cause: err}
	}
	damaged := func(err error) (journal, error) {
		line, col, p := jsonProblem(data, err)
		return journal{}, &words.Err{Say: fileSentence("store.saved_upload.damaged", path, line, col, p, err), Cause: err}
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		return damaged(err)
	}
	if j.Format == 0 {
		var old oldJournal
		if err := json.Unmarshal(data, &old); err != nil {
			return damaged(err)
		}
		upgradeOptions(data, &old.Options)
		old.upgrade(&j)
		j.Format = journalFormat
	}
	if want := strings.TrimSuffix(filepath.Base(path), ".json"); j.ID != want {
		return journal{}, fail("store.saved_upload.wrong_id", words.A{"Path": path, "ID": j.ID}, nil)
	}
	return j, nil
}

// remove deletes a journal (finished, or emptied by the user). Removing one that does not
// exist is not an error.
func (s *QueueStore) remove(id string) error {
	if err := checkID(id); err != nil {
		return err
	}
	dir, err := s.queueDir()
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.written, id)
	if err := os.Remove(filepath.Join(dir, id+".json")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail("store.saved_upload.not_removed", words.A{"ID": id, "Reason": err}, err)
	}
	return nil
}

// finish records a finished job in the history, then removes its journal.
func (s *QueueStore) finish(j journal, finished time.Time) error {
	if err := s.AppendHistory(j.summary(finished)); err != nil {
		return err
	}
	return s.remove(j.ID)
}
