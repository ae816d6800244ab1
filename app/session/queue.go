package session

import (
	"context"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// Uploader is the engine as the session uses it; *uploader.Client is one.
type Uploader interface {
	Upload(ctx context.Context, req uploader.Request, onEvent func(uploader.Event)) (*uploader.Result, error)
}

// ServerLog fetches the server's log of a Scene7 job once the job has ended.
type ServerLog func(ctx context.Context, c uploader.Conn, jobHandle string) ([]uploader.JobLog, error)

// Config builds a Queue.
type Config struct {
	Uploader  Uploader
	ServerLog ServerLog // nil: only local events are logged
	// Follower follows each Scene7 job after its upload (and reads its log); nil: the
	// server's log is read once with ServerLog and rows stay "Uploaded".
	Follower Follower
	// FollowLimit bounds each follow-up (0 = uploader.DefaultFollowLimit); FollowFirst is
	// the first pause between polls (0 = the engine's default).
	FollowLimit, FollowFirst time.Duration
	Store                    Store // nil: the queue is not persisted
	// SaveDelay groups changes into one write of the store; 0 = DefaultSaveDelay.
	SaveDelay time.Duration
}

// DefaultSaveDelay keeps the store at most a couple of seconds behind the queue, without
// writing on every one of thousands of file events.
const DefaultSaveDelay = 2 * time.Second

// Queue is the list of files and the uploads that send them. Its methods are safe for
// concurrent use.
type Queue struct {
	cfg Config

	mu      sync.Mutex
	obs     Observer
	rows    []*Row
	byPath  map[string]*Row
	byRel   map[string]*Row
	counts  [numStates]int
	notSent int              // rows Cancelled by no one (Row.NotSent), part of counts[Cancelled]
	bytes   [numStates]int64 // sizes per state, for the overall bar
	flight  int64            // bytes sent of the rows in state Sending
	job     jobFigures
	cur     *run // the running upload, nil when idle
	lastRun *run // the running or last upload, for Wait
	log     []Entry
	// last, next and lastPost are persisted with the rows (see Snapshot).
	last     Target
	next     Target // see SetTarget
	hasNext  bool
	lastPost time.Time
	// open is a Scene7 job an earlier run left without its endJob: the next upload to the
	// same connection continues it (the engine moves on to a new job if it has expired).
	open OpenJob
	// restored are the paths Restore queued again, which Forget them takes off: not a file
	// given since (command line, "Open with", a drop), even one already listed, nor one
	// removed since; Upload them empties it (KeepRestored).
	restored map[string]bool
	// service is where the files go (from SetTarget); names is the pre-flight of the rows'
	// names, kept up to date as rows come and go (nil while the files go to Dr.Sum);
	// followLinks is Add's choice for links out of an added folder (names.go).
	service     uploader.Service
	names       *uploader.NameIndex[*Row]
	followLinks bool
	// paused is where the paused upload was going (see Pause); nil when none is paused.
	// pausedSum is what the upload did before the pause, which Resume carries on, so that
	// its end counts the whole upload, not only the files sent after Resume.
	// pausedRows are the files it uploaded, which Scene7 processes once the job ends: the
	// run that continues it follows them with its own.
	paused     *Target
	pausedSum  Summary
	pausedRows []*Row

	// saveMu guards the planned write (saveTimer, numbered saveGen). writing is held (a
	// one-place channel) across a snapshot and its write, so that writes go in order and
	// Flush waits for one under way; a channel rather than a mutex, so that testing/synctest
	// sees a wait for it as one.
	saveMu    sync.Mutex
	saveTimer *time.Timer
	saveGen   uint64
	writing   chan struct{}
	// Memory after a big drop (see releaseAfterGrowth), used under writing: the rows the
	// queue had at the last release, how many more make one, and the release itself.
	releasedAt int
	bigGrowth  int
	release    func()

	followState
}

type jobFigures struct {
	sent, size int64
	speed      float64
	eta        time.Duration
}

// New returns an empty queue.
func New(cfg Config) *Queue {
	if cfg.SaveDelay <= 0 {
		cfg.SaveDelay = DefaultSaveDelay
	}
	return &Queue{cfg: cfg, byPath: map[string]*Row{}, byRel: map[string]*Row{}, job: jobFigures{eta: -1}, writing: make(chan struct{}, 1),
		bigGrowth: bigGrowth, release: debug.FreeOSMemory, names: &uploader.NameIndex[*Row]{}}
}

// SetObserver replaces the callbacks; call it before anything happens.
func (q *Queue) SetObserver(o Observer) {
	q.mu.Lock()
	q.obs = o
	q.mu.Unlock()
}

// Len is the number of rows.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.rows)
}

// Row returns a copy of row i.
func (q *Queue) Row(i int) (Row, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if i < 0 || i >= len(q.rows) {
		return Row{}, false
	}
	return *q.rows[i], true
}

// Rows returns a copy of every row.
func (q *Queue) Rows() []Row {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]Row, len(q.rows))
	for i, r := range q.rows {
		out[i] = *r
	}
	return out
}

// Totals returns the figures of the overall bar.
func (q *Queue) Totals() Totals {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.totalsLocked()
}

func (q *Queue) totalsLocked() Totals {
	return Totals{
		Rows: len(q.rows), Counts: q.counts, NotSent: q.notSent, Outcomes: q.outcomes, Bytes: q.bytes, InFlight: q.flight,
		Sent: q.job.sent, Size: q.job.size, Speed: q.job.speed, ETA: q.job.eta,
		Running: q.cur != nil, Paused: q.paused != nil && q.cur == nil && q.counts[Queued] > 0,
		Busy: q.busyLocked(),
	}
}

func (q *Queue) busyLocked() int {
	if q.cur == nil {
		return 0
	}
	return len(q.cur.rows)
}

// Running reports whether an upload is under way.
func (q *Queue) Running() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.cur != nil
}

// Add walks dropped or picked files and folders and appends what is new to the queue: a
// file already listed is not listed twice (one that failed or was cancelled is queued
// again), and files that cannot be uploaded become skipped rows with the reason. It
// returns how many files were queued and how many skipped.
func (q *Queue) Add(paths []string) (added, skipped int) {
	q.mu.Lock()
	follow := q.followLinks
	q.mu.Unlock()
	items, skips := uploader.WalkWith(paths, uploader.WalkOptions{FollowLinks: follow})
	q.mu.Lock()
	q.makeRoomLocked(len(items) + len(skips))
	for _, it := range items {
		delete(q.restored, it.Path) // given again: the person wants it, Forget them keeps it
		if r := q.byPath[it.Path]; r != nil {
			if (r.State == Failed || r.State == Cancelled) && r.run == nil {
				q.requeueLocked(r)
				added++
			}
			continue
		}
		if other := q.byRel[it.Rel]; other != nil {
			r := &Row{Path: it.Path, Rel: it.Rel, Size: it.Size, State: Skipped}
			r.setWhy(words.Msg("session.reason.same_rel", words.A{"Other": other.Path, "Rel": it.Rel}))
			q.appendLocked(r)
			skipped++
			continue
		}
		q.appendLocked(&Row{Path: it.Path, Rel: tailOf(it.Path, it.Rel), Size: it.Size, State: Queued})
		added++
	}
	for _, s := range skips {
		delete(q.restored, s.Path)
		if q.byPath[s.Path] != nil {
			continue
		}
		q.appendLocked(&Row{Path: s.Path, Rel: s.Rel, State: Skipped, Reason: words.Skip(s), skip: &s})
		skipped++
	}
	if added > 0 {
		q.preflightLocked()
	}
	q.unlockListChanged(added+skipped > 0)
	return added, skipped
}

// tailOf is rel as the end of path when it is that (a dropped folder's files, on systems
// whose separator is /), so that the row keeps one string instead of two: 3 MB less for
// 100,000 files.
func tailOf(path, rel string) string {
	if strings.HasSuffix(path, rel) {
		return path[len(path)-len(rel):]
	}
	return rel
}

// makeRoomLocked readies the rows and their indexes for n more: the list grows once, and
// an empty queue takes maps of that size at once instead of growing them step by step
// (100,000 files dropped: 12 MB less garbage while the window lists them).
func (q *Queue) makeRoomLocked(n int) {
	q.rows = slices.Grow(q.rows, n)
	if len(q.byPath) == 0 && len(q.byRel) == 0 {
		q.byPath, q.byRel = make(map[string]*Row, n), make(map[string]*Row, n)
	}
}

// setWhy gives the row a reason the session wrote: m, and its sentence in Reason.
func (r *Row) setWhy(m words.Message) { r.Why, r.Reason = &m, m.String() }

// setReason gives the row a reason written elsewhere (the engine's sentence), or none.
func (r *Row) setReason(s string) { r.Why, r.Reason = nil, s }

func (q *Queue) appendLocked(r *Row) {
	if r.ETA == 0 {
		r.ETA = -1
	}
	r.pos = len(q.rows)
	q.rows = append(q.rows, r)
	q.byPath[r.Path] = r
	if r.State != Skipped {
		q.byRel[r.Rel] = r
		if q.names != nil {
			r.name = q.names.Add(r, r.Rel)
		}
	}
	q.countLocked(r, +1)
}

func (q *Queue) setStateLocked(r *Row, s State) { q.moveLocked(r, s, false) }

// setNotSentLocked makes a row Cancelled by no one: the upload stopped before sending it.
func (q *Queue) setNotSentLocked(r *Row) { q.moveLocked(r, Cancelled, true) }

// moveLocked puts a row in state s (notSent only for a Cancelled row nobody cancelled),
// keeping the totals right.
func (q *Queue) moveLocked(r *Row, s State, notSent bool) {
	if r.pos >= 0 {
		q.countLocked(r, -1)
	}
	r.State, r.notSent = s, notSent && s == Cancelled
	if r.pos >= 0 {
		q.countLocked(r, +1)
	}
}

// countLocked adds (sign +1) or takes away (-1) a row in the totals of its state.
func (q *Queue) countLocked(r *Row, sign int) {
	q.counts[r.State] += sign
	if r.State == Cancelled && r.notSent {
		q.notSent += sign
	}
	q.outcomes[r.Outcome] += sign
	q.bytes[r.State] += int64(sign) * r.Size
	if r.State == Sending {
		q.flight += int64(sign) * r.Sent
	}
}

// setSentLocked records the bytes sent of a row, keeping the in-flight total right.
func (q *Queue) setSentLocked(r *Row, n int64) {
	if r.pos >= 0 && r.State == Sending {
		q.flight += n - r.Sent
	}
	r.Sent = n
}

func (q *Queue) requeueLocked(r *Row) {
	q.setStateLocked(r, Queued)
	q.setOutcomeLocked(r, NotFollowed, "")
	r.Sent, r.Speed, r.ETA, r.Tries, r.AssetID, r.Said, r.fatal = 0, 0, -1, 0, "", "", false
	r.setReason("")
}

// ErrInUpload is returned for a change to files the running upload is sending.
var ErrInUpload = words.Sentinel("session.err.in_upload")

// Remove takes rows out of the queue. Rows of the running upload stay (ErrInUpload).
func (q *Queue) Remove(indices []int) error {
	q.mu.Lock()
	drop := map[*Row]bool{}
	busy := false
	for _, i := range indices {
		if i < 0 || i >= len(q.rows) {
			continue
		}
		if r := q.rows[i]; r.run != nil {
			busy = true
		} else {
			drop[r] = true
		}
	}
	q.removeLocked(func(r *Row) bool { return drop[r] })
	q.unlockListChanged(len(drop) > 0)
	if busy {
		return ErrInUpload
	}
	return nil
}

// RemoveAll takes every row out of the queue but those of the running upload, and says
// how many went.
func (q *Queue) RemoveAll() int {
	q.mu.Lock()
	n := q.removeLocked(func(r *Row) bool { return r.run == nil })
	q.unlockListChanged(n > 0)
	return n
}

// ClearFinished removes the rows that need nothing more: done and skipped files.
func (q *Queue) ClearFinished() int {
	q.mu.Lock()
	n := q.removeLocked(func(r *Row) bool { return r.State == Done || r.State == Skipped })
	q.unlockListChanged(n > 0)
	return n
}

func (q *Queue) removeLocked(drop func(*Row) bool) int {
	kept := q.rows[:0]
	n := 0
	for _, r := range q.rows {
		if !drop(r) {
			r.pos = len(kept)
			kept = append(kept, r)
			continue
		}
		n++
		q.countLocked(r, -1)
		r.pos = -1
		delete(q.restored, r.Path) // a file dropped again later is a new one, not restored
		if q.byPath[r.Path] == r {
			delete(q.byPath, r.Path)
		}
		if q.byRel[r.Rel] == r {
			delete(q.byRel, r.Rel)
		}
		if r.name != nil {
			q.names.Remove(r.name)
			r.name = nil
		}
	}
	clear(q.rows[len(kept):])
	q.rows = kept
	if n > 0 {
		q.preflightLocked() // a file that shared an asset ID may be gone
	}
	return n
}

// CancelRow stops one file. A file waiting for the next upload is marked cancelled. A
// file of the running upload is left out of it: the engine takes an upload's files as a
// whole, so the upload is stopped and the files not cancelled go on at once in a new job
// (those in flight are sent again).
func (q *Queue) CancelRow(i int) error {
	q.mu.Lock()
	if i < 0 || i >= len(q.rows) {
		q.mu.Unlock()
		return nil
	}
	r := q.rows[i]
	if r.State != Queued && r.State != Sending {
		q.mu.Unlock()
		return nil
	}
	if r.run != nil {
		r.stop, r.run.restart = true, true
		cancel := r.run.cancel
		q.mu.Unlock()
		cancel()
		return nil
	}
	q.setStateLocked(r, Cancelled)
	r.setWhy(words.Msg("session.reason.cancelled_waiting", nil))
	obs, t := q.obs, q.totalsLocked()
	q.mu.Unlock()
	notifyRow(obs, i, t)
	q.scheduleSave()
	return nil
}

// unlockListChanged ends a change of the rows made under q.mu: it unlocks and, when rows
// were added or removed, tells the observer (outside the lock) and schedules a save.
func (q *Queue) unlockListChanged(changed bool) {
	obs, t := q.obs, q.totalsLocked()
	q.mu.Unlock()
	if changed {
		notifyList(obs, t)
		q.scheduleSave()
	}
}

func notifyList(obs Observer, t Totals) {
	if obs.List != nil {
		obs.List()
	}
	if obs.Totals != nil {
		obs.Totals(t)
	}
}

func notifyRow(obs Observer, i int, t Totals) {
	if obs.Row != nil && i >= 0 {
		obs.Row(i)
	}
	if obs.Totals != nil {
		obs.Totals(t)
	}
}
