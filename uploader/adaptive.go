package uploader

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

// Concurrency that follows the work. A POST that carries one small file (every Dr.Sum
// file; a Scene7 file whose name must travel in uploadPostParam/fileName) spends its time
// waiting a round trip, not sending bytes: more of them at once go faster, until the link
// or the server is full. So an upload starts at startConcurrency POSTs at once (at
// nearStartConcurrency when the server answered its first POST at once) and measures:
// while a step up raises the throughput, it steps up again; when it does not, it steps
// back and stays; when the server pushes back (429, 503, a refused or reset
// connection, a stall) it halves at once, then climbs again one POST at a time. Client.
// Concurrency is the ceiling it never passes (the CLI's --concurrency).

const (
	// startConcurrency is where an upload starts (never above the ceiling) unless its server
	// is near (nearStartConcurrency). 12, not the 8 that was the best fixed value before the
	// limit adapted: the controller decides per completed POST, and an upload of large POSTs
	// (a campaign folder: ~50 POSTs of up to 8 MiB) completes too few to climb before it
	// ends. On the long path (80 ms, a 256 KiB window per connection: 3.2 MB/s each)
	// 8 connections carry at most 26 MB/s for a 25 MB/s link, and each POST leaves its
	// connection idle a round trip while it waits for its answer: the link was never full.
	// Measured through bench/linkproxy (bench/README.md): campaign folder 1.15–1.18× the
	// link's limit at 8, 1.08× at 12, the shared link and Dr.Sum unchanged or faster. Bytes
	// sent per time slice, to decide sooner, were measured and rejected: the socket buffers
	// take megabytes per connection at once, and half-second measures swung from 2.5 to 30
	// MB/s on a 25 MB/s link. A server that cannot take 12 says so (429, 503, a refused or
	// reset connection) and the limit halves at once.
	startConcurrency = 12
	// nearStartConcurrency is where an upload starts when its first answer came within
	// defaultNearWait of the body's end: the server is near (this computer, the office's
	// network) and answers at once, so a POST has no round trip worth hiding behind others,
	// and each POST at once costs its own connection on both ends (over https a handshake),
	// which a small intranet server feels. The plan's tail also shrinks for fewer POSTs at
	// once (shrinkTail), so the same files go in fewer, larger POSTs. Why 4 (bench/README.md,
	// "Near servers: where the limit starts"; loopback, 2,000 × 64 KiB): at 12, ~20
	// connections and 69 POSTs; at 4, 9 and 36; at 2, 3 and 22. Processor time was the same
	// within noise over http (the target of issue 16 is not met by this) and a few % lower
	// over https at 2 and 4; wall time at 4 was that of 12, while 2 took ~10 % longer for
	// one-file POSTs (Dr.Sum, Japanese names): the server's work then overlaps the client's
	// less. A near server that is slow to answer (a busy Dr.Sum) still gets more: a step up
	// that raises the throughput is kept, as from 12.
	nearStartConcurrency = 4
	// gainNeeded is how much a step up must raise the throughput to count as a gain: the
	// measurements of one round vary by a few percent on a busy machine.
	gainNeeded = 1.10
	// reprobeRounds is how many rounds a settled limit holds before one step up is tried
	// again: a step that does not pay costs one round in reprobeRounds+1.
	reprobeRounds = 4
	// minRound is the fewest completions a measured round takes: fewer, at a low limit,
	// would measure one or two POSTs' luck.
	minRound = 8
)

// defaultNearWait is the longest first answer's wait (from the transport's last read of
// the request's body to the answer's first byte) that still counts as near. An office
// network's round trip is under a millisecond; a wide-area one is 2–5 ms to a data centre
// in the same city and 20–80 ms further (bench/README.md's paths), and a server that
// takes longer than this to answer has waits to hide as well. Misjudged, a far server
// starts at 4 and climbs by half a limit per measured round (4, 6, 9, 13: about 45
// POSTs), and over a 5 ms path 4 connections already carry ~50 MB/s of 64 KiB files.
const defaultNearWait = 2 * time.Millisecond

// adaptState is the controller's state between two decisions.
type adaptState struct {
	limit int     // POSTs allowed at once now
	prev  int     // the limit before the last step up
	best  float64 // the best throughput measured (bytes/s); 0 = none yet
	// settled is set once a step up did not pay: the limit stays, for reprobeRounds
	// rounds (counted in held), then one step up is tried again, since one round's
	// measure on a busy machine or network can be wrong, and paths change.
	settled bool
	held    int
	// careful is set after a push back: from then on the limit climbs by one at a time.
	careful bool
}

// decide is the controller's rule, a pure function: st is the state, rate the throughput
// measured over the last round at st.limit (ignored when overloaded), overloaded whether
// the server pushed back during it.
func decide(st adaptState, ceiling int, rate float64, overloaded bool) adaptState {
	if overloaded {
		st.limit = max(1, st.limit/2)
		st.prev, st.best, st.settled, st.careful = st.limit, 0, false, true
		return st
	}
	if st.settled {
		if st.held++; st.held < reprobeRounds || st.limit >= ceiling {
			return st
		}
		// Try again from what this round measured.
		st.settled, st.held, st.best = false, 0, rate
		return grow(st, ceiling, rate)
	}
	if st.best == 0 || rate >= st.best*gainNeeded {
		return grow(st, ceiling, rate)
	}
	// The step up brought nothing: the link or the server is full. Go back and stay.
	st.limit, st.settled = st.prev, true
	return st
}

// grow takes one step up from st, remembering rate as the throughput to beat.
func grow(st adaptState, ceiling int, rate float64) adaptState {
	step := max(1, st.limit/2)
	if st.careful {
		step = 1
	}
	st.prev, st.best = st.limit, rate
	st.limit = min(ceiling, st.limit+step)
	st.settled = st.limit == st.prev // at the ceiling
	return st
}

// limiter gates a pool's POSTs by the controller's limit and measures their throughput.
// A round is measured after a warm-up of as many completions as the limit (the POSTs
// begun under the old limit finish), over the next as many completions (at least
// minRound).
type limiter struct {
	ceiling int
	now     func() time.Time

	mu       sync.Mutex
	st       adaptState
	inflight int
	wake     chan struct{} // closed when a slot may have become free
	warm     int           // completions left before measuring
	cooling  bool          // a push back was taken in this warm-up: no second one
	from     time.Time     // when the measured round began
	done     int           // completions in the measured round
	bytes    int64         // their weight
	// history is every limit taken, for the upload's record and the tests.
	history []int
}

// newLimiter makes a limiter that starts at start POSTs at once (startLimit), never more
// than ceiling.
func newLimiter(ceiling, start int) *limiter {
	ceiling = max(ceiling, 1)
	l := &limiter{ceiling: ceiling, now: time.Now, wake: make(chan struct{})}
	l.st = adaptState{limit: min(max(start, 1), ceiling)}
	l.st.prev = l.st.limit
	l.history = []int{l.st.limit}
	l.warm = l.st.limit
	return l
}

// acquire waits for a slot under the current limit.
func (l *limiter) acquire(ctx context.Context) error {
	for {
		l.mu.Lock()
		if l.inflight < l.st.limit {
			l.inflight++
			l.mu.Unlock()
			return nil
		}
		wake := l.wake
		l.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release gives a slot back; weight is the bytes the finished task carried (0 with counted
// false: a slot taken but never used).
func (l *limiter) release(weight int64, counted bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inflight--
	if counted {
		l.completed(weight)
	}
	close(l.wake)
	l.wake = make(chan struct{})
}

func (l *limiter) completed(weight int64) {
	if l.warm > 0 {
		if l.warm--; l.warm == 0 {
			l.from, l.done, l.bytes, l.cooling = l.now(), 0, 0, false
		}
		return
	}
	l.done++
	l.bytes += weight
	if l.done < max(l.st.limit, minRound) {
		return
	}
	elapsed := l.now().Sub(l.from)
	if elapsed <= 0 {
		elapsed = time.Nanosecond
	}
	l.apply(decide(l.st, l.ceiling, float64(l.bytes)/elapsed.Seconds(), false))
}

// overloaded is the server pushing back. Only the first push back of a round counts: the
// POSTs already in flight meet the same overload, and halving once per round is enough.
func (l *limiter) overloaded() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cooling {
		return // the POSTs in flight at the last push back are still finishing
	}
	l.apply(decide(l.st, l.ceiling, 0, true))
	l.cooling = true
}

// apply takes a new state and starts a new round.
func (l *limiter) apply(st adaptState) {
	if st.limit != l.st.limit {
		l.history = append(l.history, st.limit)
	}
	l.st = st
	l.warm = max(st.limit, 1)
	close(l.wake)
	l.wake = make(chan struct{})
}

// limits returns every limit the upload has taken, in order.
func (l *limiter) limits() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]int(nil), l.history...)
}

// pushedBack reports whether err is the server saying it has too much to do: 429 or 503,
// a connection refused or reset, a stall. Such an error slows the upload down.
func pushedBack(err error) bool {
	var de *DrSumError
	var re *ReplyError
	var ce *ConnError
	switch {
	case errors.As(err, &de):
		return de.Status == http.StatusTooManyRequests || de.Status == http.StatusServiceUnavailable
	case errors.As(err, &re):
		return re.Status == http.StatusTooManyRequests || re.Status == http.StatusServiceUnavailable
	case errors.As(err, &ce):
		return ce.Transient()
	}
	return false
}

// startLimit is how many POSTs at once an upload starts with: nearStartConcurrency when
// its first answer came within near of the body's end (known false: no answer measured,
// as for an upload that continues a job), startConcurrency otherwise.
func startLimit(firstWait time.Duration, known bool, near time.Duration) int {
	if known && firstWait < near {
		return nearStartConcurrency
	}
	return startConcurrency
}

// answered notes how long the server took to start a good answer (2xx, neither early nor
// after an interim 1xx) after the transport's last read of the body. The first such
// measure is kept: the POST that opened the job or Dr.Sum's first file, which runs alone
// before the limiter it sets up is made. (An upload that continues a job makes its
// limiter before any answer: it starts at startConcurrency.)
func (r *run) answered(wait time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.waitKnown {
		r.firstWait, r.waitKnown = wait, true
	}
}

// limiter returns the run's limiter, made on first use: one per upload, so that what it
// learnt about the server holds for all of the upload's POSTs.
func (r *run) limiter() *limiter {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lim == nil {
		r.lim = newLimiter(r.c.Concurrency, startLimit(r.firstWait, r.waitKnown, r.c.nearWait))
	}
	return r.lim
}

// start is the limit the limiter started at.
func (l *limiter) start() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.history[0]
}

// slowDown is a push back met by one of the run's POSTs.
func (r *run) slowDown() {
	r.mu.Lock()
	lim := r.lim
	r.mu.Unlock()
	if lim != nil { // the first POST goes alone, before any limiter
		lim.overloaded()
	}
}
