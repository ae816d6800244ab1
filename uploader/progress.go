package uploader

import (
	"math"
	"sync"
	"time"
)

// Progress accounting: every file's position and the job's totals come from the same
// counters, so they always add up; speed is an exponentially weighted moving average
// sampled over short windows, and the ETA is "unknown" until there is an average.

const (
	// speedWindow is how long bytes are counted before the average takes a sample: long
	// enough to smooth socket-buffer bursts, short enough to follow a changing link.
	speedWindow = 500 * time.Millisecond
	// speedWeight is the weight of the newest sample; 0.3 settles within a few seconds
	// without making the ETA jump at every window.
	speedWeight = 0.3
	// progressEvery is the least time between two FileProgress events of one file, so
	// that consumers redraw at a human pace whatever the transfer speed.
	progressEvery = 100 * time.Millisecond
)

// ewma is a moving average of a byte rate.
type ewma struct {
	rate       float64 // bytes/s; valid when sampled
	sampled    bool
	windowFrom time.Time
	windowN    int64
}

// add counts n bytes moved at now, taking a sample when the window is over.
func (e *ewma) add(n int64, now time.Time) {
	if e.windowFrom.IsZero() {
		// The first bytes seen moved before now, over a time not known: the window starts
		// here, without them. Counted in, they made the first sample one read too high,
		// and the average with it for seconds: under --bwlimit 1M the speed read 1.22 MB/s
		// for a limit of 1.05 and was still 1.06 five seconds later.
		e.windowFrom = now
		return
	}
	e.windowN += n
	dt := now.Sub(e.windowFrom)
	if dt < speedWindow {
		return
	}
	r := float64(e.windowN) / dt.Seconds()
	if e.sampled {
		e.rate = speedWeight*r + (1-speedWeight)*e.rate
	} else {
		e.rate, e.sampled = r, true
	}
	e.windowFrom, e.windowN = now, 0
}

// eta is the time to move remaining bytes at the average rate, -1 when unknown.
func (e *ewma) eta(remaining int64) time.Duration {
	if remaining <= 0 {
		return 0
	}
	if !e.sampled || e.rate <= 0 {
		return -1
	}
	s := float64(remaining) / e.rate
	if s > math.MaxInt64/float64(time.Second) {
		return -1
	}
	return time.Duration(s * float64(time.Second))
}

func (e *ewma) speed() float64 {
	if !e.sampled {
		return 0
	}
	return e.rate
}

type fileAccount struct {
	sent, size int64
	gone       bool // failed, skipped or cancelled: out of the job's totals
	lastEvent  time.Time
	speed      ewma
}

// accounting holds the byte counters of one upload.
type accounting struct {
	mu      sync.Mutex
	now     func() time.Time
	files   []fileAccount
	jobSent int64
	jobSize int64
	speed   ewma
}

func newAccounting(sizes []int64, now func() time.Time) *accounting {
	if now == nil {
		now = time.Now
	}
	a := &accounting{now: now, files: make([]fileAccount, len(sizes))}
	for i, s := range sizes {
		a.files[i].size = s
		a.jobSize += s
	}
	return a
}

// Figures are one file's and the job's numbers at one moment.
type figures struct {
	sent, size, jobSent, jobSize int64
	speed, jobSpeed              float64
	eta, jobETA                  time.Duration
}

// set records that item's body reader is at pos. A position lower than before means the
// file is being sent again (a retry): the counters go back, the speed does not count it.
// When a FileProgress event is due (throttled, always at the end of the file) it calls
// report, under the lock so that events leave in the order of the counters.
func (a *accounting) set(item int, pos int64, report func(figures)) {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := &a.files[item]
	now := a.now()
	if f.gone {
		return
	}
	if d := pos - f.sent; d > 0 {
		f.speed.add(d, now)
		a.speed.add(d, now)
	}
	a.jobSent += pos - f.sent
	f.sent = pos
	if pos == f.size || now.Sub(f.lastEvent) >= progressEvery {
		f.lastEvent = now
		report(a.figuresLocked(item))
	}
}

// reset puts a file back to nothing sent, before it is sent again.
func (a *accounting) reset(item int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := &a.files[item]
	if !f.gone {
		a.jobSent -= f.sent
		f.sent = 0
	}
}

// done marks a file accepted: all its bytes count, whatever the reader last reported.
func (a *accounting) done(item int) figures {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := &a.files[item]
	if !f.gone {
		a.jobSent += f.size - f.sent
		f.sent = f.size
	}
	return a.figuresLocked(item)
}

// drop takes a file that will not be uploaded out of the job's totals.
func (a *accounting) drop(item int) figures {
	a.mu.Lock()
	defer a.mu.Unlock()
	f := &a.files[item]
	if !f.gone {
		a.jobSent -= f.sent
		a.jobSize -= f.size
		f.gone = true
	}
	return a.figuresLocked(item)
}

// file returns the current figures of item, or of the job alone when item is -1.
func (a *accounting) file(item int) figures {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.figuresLocked(item)
}

func (a *accounting) figuresLocked(item int) figures {
	fg := figures{jobSent: a.jobSent, jobSize: a.jobSize, jobSpeed: a.speed.speed(), jobETA: a.speed.eta(a.jobSize - a.jobSent)}
	if item < 0 {
		fg.speed, fg.eta = fg.jobSpeed, fg.jobETA
		return fg
	}
	return a.files[item].figures(fg)
}

// figures are the file's own figures beside the job's (job's file fields are replaced).
func (f *fileAccount) figures(job figures) figures {
	job.sent, job.size = f.sent, f.size
	job.speed, job.eta = f.speed.speed(), f.speed.eta(f.size-f.sent)
	return job
}

// fill copies figures into an event.
func (fg figures) fill(ev *Event) {
	ev.Sent, ev.Size, ev.JobSent, ev.JobSize = fg.sent, fg.size, fg.jobSent, fg.jobSize
	ev.Speed, ev.ETA, ev.JobSpeed, ev.JobETA = fg.speed, fg.eta, fg.jobSpeed, fg.jobETA
}
