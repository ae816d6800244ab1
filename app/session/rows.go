// Package session runs uploads for the window: it keeps the queue model (one Row per file
// with its State, progress, speed, ETA and the reason of a failure) up to date from the
// engine's events, and keeps the job log. A Target (an uploader.Conn, the profile's name,
// the folder and options) says where the files go. The queue is persisted as a Snapshot,
// the one model the queue file is written from and read into (through a Store; app/store
// keeps it on disk), so that a restart loses nothing. It knows nothing of widgets:
// every change is announced through Observer callbacks, which the UI
// turns into one-row refreshes on its own thread.
package session

import (
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// State is where a file stands in the queue.
type State int

const (
	Queued    State = iota // waiting to be sent
	Sending                // its request is in flight
	Done                   // the server accepted it
	Failed                 // it was not uploaded; Reason says why and what to do
	Skipped                // left out before sending (system file, unreadable, duplicate name)
	Cancelled              // stopped before the server accepted it
	numStates
)

var stateNames = [numStates]string{"queued", "sending", "done", "failed", "skipped", "cancelled"}

func (s State) String() string {
	if s >= 0 && s < numStates {
		return stateNames[s]
	}
	return "unknown"
}

// MarshalText writes the state by name, as the saved queue keeps it.
func (s State) MarshalText() ([]byte, error) {
	if s < 0 || s >= numStates {
		return nil, words.Fail("session.state.none", words.A{"N": int(s)}, nil)
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText reads a state by name; the names are those every version of Hoist wrote.
func (s *State) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if n == string(b) {
			*s = State(i)
			return nil
		}
	}
	return words.Fail("session.state.unknown", words.A{"Name": string(b)}, nil)
}

// Row is one file of the queue, as the list shows it.
type Row struct {
	Path  string // on disk
	Rel   string // slash-separated path kept under the destination folder
	Size  int64
	State State
	Sent  int64   // bytes of this file sent so far
	Speed float64 // bytes per second, a moving average; 0 when not known
	ETA   time.Duration
	// Reason is a sentence for people: why the file failed, was skipped or cancelled,
	// (while sending) that it is being tried again, or (waiting) that it was paused.
	Reason string
	// Why is Reason as a message, when the session wrote it (rather than the engine): it
	// is what the saved queue keeps, so that a restored row says it in the language of
	// the moment. Nil when Reason is the engine's or empty (a pointer: most rows have
	// none, and 100,000 rows are 2.4 MB smaller for it).
	Why *words.Message
	// Tries is how many requests carried the file (the details' "2 attempts").
	Tries     int
	JobName   string
	JobHandle string
	// Names are the Scene7 pre-flight warnings about the file's name (names.go); the
	// upload goes on regardless.
	Names []uploader.NameWarning
	// name is the file in the queue's pre-flight index (names.go); nil while the queue
	// goes to Dr.Sum, for a skipped file and once the row is removed. It takes the
	// Row's last free word of its 256 bytes.
	name *uploader.NameFile[*Row]
	// Outcome is what Scene7 made of the uploaded file (follow.go), OutcomeText the
	// sentence about it (with Scene7's words), Said Scene7's own words alone (for the
	// outcomes CSV) or, for ReplacedInJob, the file that replaced it (ReplacedBy: the
	// row has no room for one more string), AssetID the asset it became.
	Outcome     Outcome
	OutcomeText string
	Said        string
	AssetID     string

	pos int  // index in Queue.rows; -1 once removed
	run *run // the upload it belongs to, nil when not handed to the engine
	// Replaced: Dr.Sum overwrote an existing file. Beside the other flags, so that they
	// share one word of the row (a row is 256 bytes, not 288).
	Replaced bool
	stop     bool // the person cancelled this file during its upload
	// fatal: the Outcome came from a fatal error of the file's whole job (a FatalError
	// line of its log), not from a line about the file: its sentence says so.
	fatal    bool
	reported bool // a skipped row already counted in an upload's summary
	// notSent: a Cancelled row nobody cancelled: the upload stopped before sending it
	// (uploader.NotSentError), so the window counts it as not sent. Only Queue.moveLocked
	// sets it, as the totals count it (Totals.NotSent).
	notSent bool
	// skip is why the walk left the file out, typed, for the upload's FileSkipped event;
	// nil for a file not skipped (a pointer: 8 bytes instead of 112 on each of 100,000 rows),
	// and for a row read back from a queue file older than the typed reasons.
	skip *uploader.Skipped
}

// Busy reports whether the file belongs to the running upload.
func (r Row) Busy() bool { return r.run != nil }

// NotSent reports a Cancelled row that nobody cancelled: the upload stopped before its
// turn (a refused request, a job that stopped taking files). It is "not sent", not
// "cancelled", wherever the window counts or names it.
func (r Row) NotSent() bool { return r.State == Cancelled && r.notSent }

// Fraction is how much of the file has been sent, between 0 and 1.
func (r Row) Fraction() float64 {
	switch {
	case r.State == Done:
		return 1
	case r.Size <= 0:
		return 0
	}
	f := float64(r.Sent) / float64(r.Size)
	return min(max(f, 0), 1)
}

// NeedsALook reports a row that a person should read: it was not uploaded and will not be
// by itself (failed, cancelled, skipped), or Scene7 failed to process it, processed it with
// a warning, or never said what it made of it. One rule for the "Show problems only"
// filter and its count (Totals.Problems).
func (r Row) NeedsALook() bool {
	return needsALook(r.State, r.Outcome)
}

func needsALook(s State, o Outcome) bool {
	switch s {
	case Failed, Cancelled, Skipped:
		return true
	}
	return o == FailedInScene7 || o == ReadyWarnings || o == NoWordFromScene7 || o == ReplacedInJob
}

// Totals are the figures of the overall bar.
type Totals struct {
	Rows   int
	Counts [numStates]int // rows per State
	// NotSent is how many of the Cancelled rows nobody cancelled (Row.NotSent): the
	// upload stopped before sending them. Counts[Cancelled] includes them.
	NotSent  int
	Outcomes [numOutcomes]int // rows per Outcome (what Scene7 made of the uploaded ones)
	Bytes    [numStates]int64 // sizes of the rows per State
	// InFlight is the bytes sent so far of the rows being sent.
	InFlight int64
	// Sent and Size are the bytes of the running (or last) upload, where failed, skipped
	// and cancelled files no longer count; Speed and ETA are the upload's.
	Sent, Size int64
	Speed      float64
	ETA        time.Duration // negative when not known yet
	Running    bool
	Paused     bool // an upload is paused and files wait: Resume goes on with them
	Busy       int  // rows of the running upload, which cannot be removed
}

// Count is how many rows are in state s.
func (t Totals) Count(s State) int { return t.Counts[s] }

// CancelledByYou is how many Cancelled rows someone cancelled: those Count(Cancelled)
// holds less the ones the upload stopped before sending (NotSent).
func (t Totals) CancelledByYou() int { return t.Counts[Cancelled] - t.NotSent }

// Files is how many files are done, of those that count: skipped and cancelled files are
// not going to be sent, so they leave the count (failed ones stay: Retry sends them). An
// uploaded file Scene7 is still processing, or failed to process, is not done: what
// counts is what is ready.
func (t Totals) Files() (done, of int) {
	done = t.Counts[Done] - t.Outcomes[Processing] - t.Outcomes[FailedInScene7] - t.Outcomes[ReplacedInJob]
	return done, t.Rows - t.Counts[Skipped] - t.Counts[Cancelled]
}

// Problems is how many rows need a look, by the same rule as Row.NeedsALook: rows whose
// state needs one, plus uploaded rows whose outcome does. Outcomes are only given to
// uploaded (Done) rows, so no row is counted twice.
func (t Totals) Problems() int {
	n := 0
	for s := range State(numStates) {
		if needsALook(s, NotFollowed) {
			n += t.Counts[s]
		}
	}
	for o := range Outcome(numOutcomes) {
		if needsALook(Done, o) {
			n += t.Outcomes[o]
		}
	}
	return n
}

// Outcome is how many rows have outcome o.
func (t Totals) Outcome(o Outcome) int { return t.Outcomes[o] }

// ByteCounts are the bytes done (uploaded files whole, plus what was sent of the files
// being sent) of the bytes of the files that count, as Files counts them.
func (t Totals) ByteCounts() (done, of int64) {
	var all int64
	for _, b := range t.Bytes {
		all += b
	}
	return t.Bytes[Done] + t.InFlight, all - t.Bytes[Skipped] - t.Bytes[Cancelled]
}

// Fraction is the overall bar, from the same numbers as Files and ByteCounts: bytes when
// there are any, files when every file is empty, and 0 when no file counts (an empty
// queue is never 100 %).
func (t Totals) Fraction() float64 {
	done, of := t.ByteCounts()
	if of <= 0 {
		d, n := t.Files()
		if n <= 0 {
			return 0
		}
		return float64(d) / float64(n)
	}
	return min(max(float64(done)/float64(of), 0), 1)
}

// Summary is what one upload did, for the notification and the status line.
type Summary struct {
	JobName string
	Handles []string // every Scene7 job the upload used
	Done    int
	Failed  int
	// NotSent counts the rows the upload stopped before sending (a refused request, a job
	// that stopped taking files…), Cancelled those a cancel left: both rows are Cancelled,
	// but only the second were cancelled by someone, and the summary says which.
	NotSent   int
	Cancelled int
	Skipped   int
	// Following is how many uploaded files Scene7 is now processing: the outcome comes
	// later, through Observer.Processed.
	Following int
	// Message is the engine's sentence about the whole upload ("12 of 12 files uploaded.").
	Message string
	Err     error // non-nil when the upload as a whole failed or was cancelled
	Paused  bool  // the upload was paused: its files wait for Resume
}

// Observer is told about changes. Callbacks run on the session's goroutines, never under
// its lock, and must not block: a UI hands them to its own thread (fyne.Do).
type Observer struct {
	Row    func(i int) // row i changed
	List   func()      // rows were added or removed: indices moved
	Totals func(Totals)
	Log    func() // entries were added to the job log
	Ended  func(Summary)
	// Processed reports what Scene7 made of the files of an upload (or of the follow-ups
	// resumed after a restart), once every job of it has been followed.
	Processed func(Processed)
}
