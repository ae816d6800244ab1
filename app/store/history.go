package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"hoist/app/session"
	"hoist/internal/words"
)

// DefaultHistoryCap is how many finished jobs the history keeps: enough to look back over
// weeks of campaigns, small enough to read at every start.
const DefaultHistoryCap = 200

const historyFile = "history.jsonl"

// HistoryEntry is one finished job, one JSON line of history.jsonl.
type HistoryEntry struct {
	ID        string    `json:"id"`
	Profile   string    `json:"profile"`
	JobName   string    `json:"jobName,omitempty"`
	JobHandle string    `json:"jobHandle,omitempty"`
	Started   time.Time `json:"started"`
	Finished  time.Time `json:"finished"`
	Files     int       `json:"files"`
	Done      int       `json:"done"`
	Failed    int       `json:"failed"`
	Skipped   int       `json:"skipped"`
	// Cancelled counts the files someone cancelled. NotSent counts the files that were
	// not sent and that nobody cancelled: the upload stopped before sending them (a
	// refused request, a job that stopped taking files), or they were still waiting when
	// the job ended. Lines written before NotSent counted both as cancelled; they read
	// with NotSent 0.
	Cancelled int   `json:"cancelled"`
	NotSent   int   `json:"notSent,omitempty"`
	Bytes     int64 `json:"bytes"` // of the files done
}

// summary counts the files of a journal by state, for the history.
func (j journal) summary(finished time.Time) HistoryEntry {
	e := HistoryEntry{ID: j.ID, Profile: j.Last.Profile, JobName: j.jobName(), JobHandle: j.OpenJob().Handle,
		Started: j.Created, Finished: finished, Files: len(j.Rows)}
	// The job the files last went to, ended or not: OpenJob leaves out a job whose files
	// Scene7 processed (it takes no more files), and jobName then fell back on the name
	// ready for the next upload, so a finished Scene7 upload was written with no handle
	// and another job's name.
	for i := len(j.Rows) - 1; i >= 0; i-- {
		if r := j.Rows[i]; r.JobHandle != "" {
			e.JobHandle = r.JobHandle
			if r.JobName != "" {
				e.JobName = r.JobName
			}
			break
		}
	}
	for _, r := range j.Rows {
		switch r.State {
		case session.Done:
			e.Done++
			e.Bytes += r.Size
		case session.Failed:
			e.Failed++
		case session.Skipped:
			e.Skipped++
		case session.Cancelled:
			if r.NotSent {
				e.NotSent++
			} else {
				e.Cancelled++
			}
		default: // still waiting, or in flight when Hoist stopped: nobody cancelled it
			e.NotSent++
		}
	}
	return e
}

func (s *QueueStore) historyPath() (string, error) {
	dir, err := resolveDir(s.Dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, historyFile), nil
}

func (s *QueueStore) historyCap() int {
	if s.HistoryCap > 0 {
		return s.HistoryCap
	}
	return DefaultHistoryCap
}

// AppendHistory adds a finished job at the end of the history. The file only grows by
// appending; once it holds a quarter more entries than the cap it is rewritten (atomically)
// with the newest HistoryCap entries.
func (s *QueueStore) AppendHistory(e HistoryEntry) error {
	path, err := s.historyPath()
	if err != nil {
		return err
	}
	line, err := json.Marshal(e)
	if err != nil {
		return fail("store.history.encode", nil, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return fail("store.dir.not_created", words.A{"Path": filepath.Dir(path), "Reason": err}, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, filePerm)
	if err != nil {
		return fail("store.history.not_written", words.A{"Reason": err}, err)
	}
	if torn, err := endsMidLine(f); err == nil && torn {
		line = append([]byte{'\n'}, line...) // keep a line cut by a crash apart from this one
	}
	_, werr := f.Write(append(line, '\n'))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fail("store.history.not_written", words.A{"Reason": werr}, werr)
	}
	lines, err := historyLines(path)
	if err != nil {
		return err
	}
	limit := s.historyCap()
	if len(lines) <= limit+limit/4 {
		return nil
	}
	keep := lines[len(lines)-limit:]
	return writeFileAtomic(path, append(bytes.Join(keep, []byte("\n")), '\n'))
}

// History returns the finished jobs, oldest first. A line that cannot be read (cut short
// by a crash while it was written) is skipped.
func (s *QueueStore) History() ([]HistoryEntry, error) {
	path, err := s.historyPath()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	lines, err := historyLines(path)
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	out := make([]HistoryEntry, 0, len(lines))
	for _, l := range lines {
		var e HistoryEntry
		if json.Unmarshal(l, &e) == nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// historyLines reads the non-empty lines of the history file.
func historyLines(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fail("store.history.unreadable", words.A{"Reason": err}, err)
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 {
			lines = append(lines, bytes.Clone(l))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fail("store.history.unreadable", words.A{"Reason": err}, err)
	}
	return lines, nil
}

// endsMidLine reports whether a non-empty file does not end with a newline.
func endsMidLine(f *os.File) (bool, error) {
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], info.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}
