package uploader

import (
	"context"
	"errors"
	"sync"
	"time"
)

// jobPhase is where the Scene7 job of an upload stands. Concurrent POSTs share one
// jobState; a POST that finds the job in a passing phase (opening, checking, renewing)
// waits for the next change, or for its context to end.
type jobPhase int

const (
	phaseNone     jobPhase = iota // no job yet: the first POST with files opens one
	phaseOpening                  // a POST is opening the first job
	phaseOpen                     // the handle takes POSTs
	phaseChecking                 // a POST of this job met a fault: getActiveJobs is asked whether the job lives
	phaseGone                     // the job takes no more files (expired, unknown, too idle): the next POST opens another
	phaseRenewing                 // a POST is opening the job that replaces a gone one
	phaseEnded                    // the job accepted endJob
	// phaseStopped: the job takes no more files and the upload already went on in a new
	// job once: no POST is sent any more (JobGoneError)
	phaseStopped
)

func (p jobPhase) String() string {
	return [...]string{"none", "opening", "open", "checking", "gone", "renewing", "ended", "stopped"}[p]
}

// passing reports the phases that end on their own: a POST waits them out.
func (p jobPhase) passing() bool {
	return p == phaseOpening || p == phaseChecking || p == phaseRenewing
}

// jobLiveness is what is known of a job after a fault on one of its POSTs.
type jobLiveness int

const (
	liveNone    jobLiveness = iota // the POST opened no job (it carried jobName): nothing to ask
	liveAlive                      // getActiveJobs lists it as active
	liveGone                       // getActiveJobs does not list it: expired, ended or unknown
	liveUnknown                    // the API could not be asked or did not answer
	// liveAssumed: the API could not say, and the upload already went on in a new job
	// once: the job is taken to live, the fault to be about this POST.
	liveAssumed
	// liveStopped: the job is gone and the upload already went on in a new job once.
	liveStopped
)

// errJobStopped is acquire's answer once the job is stopped (phaseStopped).
var errJobStopped = errors.New("the upload job stopped taking files a second time")

// ticket is what a POST is allowed to do: carry handle, or open a job.
type ticket struct {
	handle  string // the job to post to; "" when opening
	gen     int    // which job (jobState.gen) the ticket is for
	opening bool
	// replaces is the handle of the gone job an opening POST replaces ("" for the first),
	// and why the way it went.
	replaces string
	why      goneReason
}

// goneReason says why a job is no longer used.
type goneReason int

const (
	goneUnknown  goneReason = iota // the job stopped accepting files; the API could not say more
	goneInactive                   // getActiveJobs no longer lists it
	goneIdle                       // too idle to use (JobTooIdle)
)

// jobState is the state machine of one upload's Scene7 job(s).
type jobState struct {
	expiry time.Duration // the server's idle expiry (Client.JobIdleTimeout)

	mu       sync.Mutex
	phase    jobPhase
	handle   string // the current job's, "" before the first job
	gen      int    // jobs opened so far
	why      goneReason
	lastPost time.Time
	inflight int
	changed  chan struct{} // closed at every change of phase, then replaced
	// abandoned are handles given up without knowing whether the job lives (the API
	// could not tell): they are ended at the end of the upload.
	abandoned []string
	// continued is set once a job was judged gone (or unknown) and a new one is to take
	// the files: that happens once per upload, so that a server whose jobs keep dying
	// costs a bounded number of POSTs, not a new job (or a POST per file) each time.
	// A job given up for being too idle (goneIdle) does not count: nothing failed.
	continued bool
}

func newJobState(expiry time.Duration) *jobState {
	return &jobState{expiry: expiry, changed: make(chan struct{})}
}

// setLocked changes the phase and wakes every waiting POST. Caller holds s.mu.
func (s *jobState) setLocked(p jobPhase) {
	s.phase = p
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until the phase changes or ctx ends. Caller holds s.mu; wait releases it.
func (s *jobState) wait(ctx context.Context) error {
	ch := s.changed
	s.mu.Unlock()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-ch:
		return nil
	}
}

// resume takes over a job an earlier upload left open.
func (s *jobState) resume(handle string, lastPost time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handle, s.gen, s.lastPost = handle, 1, lastPost
	s.setLocked(phaseOpen)
}

// acquire returns what a POST with files may do, waiting while another POST opens,
// checks or replaces the job. A POST told to open must report with opened.
func (s *jobState) acquire(ctx context.Context) (ticket, error) {
	s.mu.Lock()
	for s.phase.passing() {
		if err := s.wait(ctx); err != nil {
			return ticket{}, err
		}
		s.mu.Lock()
	}
	defer s.mu.Unlock()
	switch s.phase {
	case phaseNone:
		s.setLocked(phaseOpening)
		return ticket{opening: true, gen: s.gen}, nil
	case phaseOpen:
		if s.inflight > 0 || !JobTooIdle(s.lastPost, time.Now(), s.expiry) {
			return ticket{handle: s.handle, gen: s.gen}, nil
		}
		s.why = goneIdle
	case phaseStopped:
		return ticket{}, errJobStopped
	}
	// Gone, ended (files after the end cannot join it), or too idle: a new job.
	t := ticket{opening: true, gen: s.gen, replaces: s.handle, why: s.why}
	s.setLocked(phaseRenewing)
	return t, nil
}

// opened ends an opening POST: with the new job's handle when it succeeded, "" when it
// failed (the phase goes back to what it was, for the next POST to try).
func (s *jobState) opened(t ticket, handle string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case handle != "":
		s.handle, s.lastPost = handle, time.Now()
		s.gen++
		s.setLocked(phaseOpen)
	case t.replaces == "":
		s.setLocked(phaseNone)
	default:
		s.setLocked(phaseGone)
	}
}

// judge settles whether the job of ticket t still lives after a fault on one of its POSTs:
// the first POST to ask runs ask (getActiveJobs) while the others wait for its answer.
// A job found gone is not used again; one the API could not judge is abandoned, to be
// ended at the end of the upload in case it lives. Either makes the upload go on in a new
// job, once: after that, a gone job stops the upload (liveStopped) and one the API could
// not judge is taken to live (liveAssumed).
func (s *jobState) judge(ctx context.Context, t ticket, ask func(context.Context, string) jobLiveness) jobLiveness {
	s.mu.Lock()
	for {
		switch {
		case s.phase == phaseStopped:
			s.mu.Unlock()
			return liveStopped
		case t.gen != s.gen || s.phase == phaseGone || s.phase == phaseRenewing || s.phase == phaseEnded:
			// Already judged gone (or replaced): the files go to the next job.
			defer s.mu.Unlock()
			if s.why == goneInactive {
				return liveGone
			}
			return liveUnknown
		case s.phase == phaseChecking:
			if err := s.wait(ctx); err != nil {
				return liveUnknown
			}
			s.mu.Lock()
			if t.gen == s.gen && s.phase == phaseOpen {
				s.mu.Unlock()
				return liveAlive // judged alive while this POST waited
			}
			continue
		}
		break
	}
	handle := s.handle
	s.setLocked(phaseChecking)
	s.mu.Unlock()
	v := ask(ctx, handle)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case v == liveAlive:
		s.setLocked(phaseOpen)
	case v == liveGone && s.continued:
		s.why = goneInactive
		s.setLocked(phaseStopped)
		return liveStopped
	case v == liveGone:
		s.why, s.continued = goneInactive, true
		s.setLocked(phaseGone)
	case s.continued:
		s.setLocked(phaseOpen)
		return liveAssumed
	default:
		s.why, s.continued = goneUnknown, true
		s.abandoned = append(s.abandoned, handle)
		s.setLocked(phaseGone)
	}
	return v
}

// track counts POSTs in flight (delta +1, -1); the end of one is activity on the job.
func (s *jobState) track(delta int) {
	s.mu.Lock()
	s.inflight += delta
	s.lastPost = time.Now()
	s.mu.Unlock()
}

// markEnded records that the job of handle accepted endJob.
func (s *jobState) markEnded(handle string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if handle == s.handle && s.phase == phaseOpen {
		s.setLocked(phaseEnded)
	}
}

// exists reports whether a job was ever opened (or resumed).
func (s *jobState) exists() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handle != ""
}

// endable returns the current job's handle when it should be sent endJob: open, not
// ended, and not too idle (an idle one has expired on the server already).
func (s *jobState) endable() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ok := s.phase == phaseOpen && !JobTooIdle(s.lastPost, time.Now(), s.expiry)
	return s.handle, ok
}

// leftOpen lists the abandoned handles that may still be alive, once each.
func (s *jobState) leftOpen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.abandoned
	s.abandoned = nil
	return out
}
