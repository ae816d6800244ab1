package app

import (
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// TraceEnv names a file the window appends timestamped milestones to, for measuring it
// from outside (bench/window.sh: 100,000 files handed to the real window under Xvfb). It
// is a measurement aid, off unless set; nothing in it is meant for people.
const TraceEnv = "HOIST_TRACE"

// lagEvery is how often the trace asks Fyne's thread to run a function and notes how long
// it waited: the window's responsiveness, as a person who clicks would feel it.
const lagEvery = 10 * time.Millisecond

// Trace lines are "UNIX_NANOSECONDS EVENT VALUE", one per line, for scripts:
//
//	started 0         the window is shown
//	paths_in N        a later launch handed N paths to the window
//	listed N          Fyne's thread has the list refreshed with the N files (added and
//	                  skipped) of a drop, pick or launch, and shows its status line; the
//	                  next frame draws them
//	ui_lag_us N       a function given to fyne.Do ran N µs after it was given
//
// The events are the keys below; they are not words for people.
const (
	traceStarted = "started"
	tracePaths   = "paths_in"
	traceListed  = "listed"
	traceLag     = "ui_lag_us"
)

// trace writes the lines; a nil *trace writes nothing, so the window calls it unconditionally.
type trace struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
	now func() time.Time
}

// openTrace opens the file $HOIST_TRACE names for appending; nil when it is not set or
// cannot be opened (the window then runs as usual, and says why in the log).
func openTrace() *trace {
	path := os.Getenv(TraceEnv)
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		fyne.LogError("opening the trace file", err)
		return nil
	}
	return newTrace(f)
}

func newTrace(w io.Writer) *trace { return &trace{w: w, now: time.Now} }

// event writes one line now; one Write per line, so that a reader never sees half of one.
func (t *trace) event(name string, value int64) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	b := strconv.AppendInt(t.buf[:0], t.now().UnixNano(), 10)
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, value, 10)
	b = append(b, '\n')
	t.buf = b
	_, _ = t.w.Write(b)
}

// sampleLag gives do (fyne.Do in the window) a function every lagEvery, waits until it
// has run and notes how long that took, until stop is closed. One at a time: a stall of
// the thread is one long sample, not a pile of them.
func (t *trace) sampleLag(do func(func()), stop <-chan struct{}) {
	if t == nil {
		return
	}
	tick := time.NewTicker(lagEvery)
	defer tick.Stop()
	ran := make(chan time.Duration, 1)
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		given := time.Now()
		do(func() { ran <- time.Since(given) })
		select {
		case <-stop:
			return
		case d := <-ran:
			t.event(traceLag, d.Microseconds())
		}
	}
}
