package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"hoist/uploader"
)

// States of a saved file, as the queue shows them.
const (
	FileQueued    = "queued"
	FileSending   = "sending"
	FileDone      = "done"
	FileFailed    = "failed"
	FileSkipped   = "skipped"
	FileCancelled = "cancelled"
)

// SavedFile is one file of a saved job.
type SavedFile struct {
	Path  string `json:"path"` // on this computer
	Rel   string `json:"rel"`  // under the destination folder
	Size  int64  `json:"size"`
	State string `json:"state"`
	Error string `json:"error,omitempty"` // why it failed, in words for people
}

// SavedJob is the journal of one upload, rewritten as it progresses so that closing Hoist,
// a crash or a dropped network loses nothing. It holds no password: the profile's
// credentials are looked up again on resumption.
type SavedJob struct {
	ID          string           `json:"id"`
	Profile     string           `json:"profile"`
	Service     uploader.Service `json:"service,omitempty"`
	JobName     string           `json:"jobName,omitempty"`
	JobHandle   string           `json:"jobHandle,omitempty"`
	Created     time.Time        `json:"created"`
	LastPost    time.Time        `json:"lastPost,omitzero"` // the last POST the server accepted
	Company     string           `json:"company,omitempty"`
	DestFolder  string           `json:"destFolder,omitempty"`
	Description string           `json:"description,omitempty"`
	Options     uploader.Options `json:"options"`
	Files       []SavedFile      `json:"files"`
}

// NewJobID returns a unique, sortable, file-name-safe id for a saved job.
func NewJobID(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// Expired reports whether the job is too idle to use (uploader.JobTooIdle, the engine's own
// rule), so the remaining files must go into a new job.
func (j SavedJob) Expired(now time.Time) bool {
	return j.JobHandle != "" && uploader.JobTooIdle(j.LastPost, now, uploader.JobIdleExpiry)
}

// Remaining lists the files still to upload: every file not done and not skipped.
func (j SavedJob) Remaining() []SavedFile {
	var out []SavedFile
	for _, f := range j.Files {
		if f.State != FileDone && f.State != FileSkipped {
			out = append(out, f)
		}
	}
	return out
}

// ForResume prepares the job to be offered again: the remaining files are queued once more,
// and when the old job expired (or never started) its name and handle are cleared so that
// the upload starts a new job.
func (j SavedJob) ForResume(now time.Time) SavedJob {
	files := make([]SavedFile, len(j.Files))
	for i, f := range j.Files {
		if f.State != FileDone && f.State != FileSkipped {
			f.State, f.Error = FileQueued, ""
		}
		files[i] = f
	}
	j.Files = files
	if j.JobHandle == "" || j.Expired(now) {
		j.JobName, j.JobHandle, j.LastPost = "", "", time.Time{}
	}
	return j
}

// QueueStore keeps the journals of unfinished uploads in Dir/queue/ and the history of
// finished ones in Dir/history.jsonl (Dir "" = DefaultDir). The zero value with Dir set is
// ready to use.
type QueueStore struct {
	Dir string
	// HistoryCap is how many finished jobs the history keeps; 0 means DefaultHistoryCap.
	HistoryCap int

	mu      sync.Mutex
	written map[string][sha256.Size]byte // last journal written per id, to skip rewrites
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
		return fmt.Errorf("invalid saved job id %q", id)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("invalid saved job id %q", id)
		}
	}
	return nil
}

// Save writes the job's journal atomically. It is cheap to call once a second: an unchanged
// job is not written again.
func (s *QueueStore) Save(j SavedJob) error {
	if err := checkID(j.ID); err != nil {
		return err
	}
	dir, err := s.queueDir()
	if err != nil {
		return err
	}
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("cannot encode the upload queue: %w", err)
	}
	sum := sha256.Sum256(data)
	s.mu.Lock()
	defer s.mu.Unlock()
	if prev, ok := s.written[j.ID]; ok && prev == sum {
		return nil
	}
	if err := writeFileAtomic(filepath.Join(dir, j.ID+".json"), append(data, '\n')); err != nil {
		return fmt.Errorf("cannot save the upload queue: %w", err)
	}
	if s.written == nil {
		s.written = make(map[string][sha256.Size]byte)
	}
	s.written[j.ID] = sum
	return nil
}

// Load returns the unfinished jobs, oldest first. A journal whose files were all done
// (Hoist stopped between the last file and the end of the job) is recorded in the history
// and removed. Journals that cannot be read are reported in the error, joined, alongside
// the good jobs, and left on disk.
func (s *QueueStore) Load() ([]SavedJob, error) {
	dir, err := s.queueDir()
	if err != nil {
		return nil, err
	}
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the saved upload queue: %w", err)
	}
	var jobs []SavedJob
	var bad []error
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") || filepath.Ext(name) != ".json" {
			continue
		}
		path := filepath.Join(dir, name)
		j, err := readJob(path)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		if len(j.Remaining()) == 0 {
			at := j.LastPost
			if info, err := de.Info(); err == nil && info.ModTime().After(at) {
				at = info.ModTime()
			}
			if err := s.Finish(j, at); err != nil {
				bad = append(bad, err)
			}
			continue
		}
		jobs = append(jobs, j)
	}
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].Created.Before(jobs[b].Created) })
	return jobs, errors.Join(bad...)
}

func readJob(path string) (SavedJob, error) {
	data, err := readSmallFile(path)
	if err != nil {
		return SavedJob{}, fmt.Errorf("the saved upload %s cannot be read: %w", path, err)
	}
	var j SavedJob
	if err := json.Unmarshal(data, &j); err != nil {
		line, col, msg := jsonProblem(data, err)
		return SavedJob{}, fmt.Errorf("the saved upload %s is damaged%s: %s: %w", path, where(line, col), msg, err)
	}
	upgradeOptions(data, &j.Options)
	if want := strings.TrimSuffix(filepath.Base(path), ".json"); j.ID != want {
		return SavedJob{}, fmt.Errorf("the saved upload %s is damaged: it names the job %q", path, j.ID)
	}
	return j, nil
}

// Remove deletes the journal of a job (finished, or given up by the user). Removing one
// that does not exist is not an error.
func (s *QueueStore) Remove(id string) error {
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
		return fmt.Errorf("cannot remove the saved upload %s: %w", id, err)
	}
	return nil
}

// Finish records a finished job in the history, then removes its journal.
func (s *QueueStore) Finish(j SavedJob, finished time.Time) error {
	if err := s.AppendHistory(j.Summary(finished)); err != nil {
		return err
	}
	return s.Remove(j.ID)
}
