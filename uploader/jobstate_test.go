package uploader

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func TestJobStateOpensOnceOthersWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newJobState(JobIdleExpiry)
		first, err := s.acquire(t.Context())
		if err != nil || !first.opening {
			t.Fatalf("first ticket %+v, %v", first, err)
		}
		var got [3]ticket
		var wg sync.WaitGroup
		for k := range got {
			wg.Go(func() { got[k], _ = s.acquire(t.Context()) })
		}
		synctest.Wait() // all three are waiting for the opening POST
		if s.phase != phaseOpening {
			t.Fatalf("phase %v", s.phase)
		}
		s.opened(first, "j|1")
		wg.Wait()
		for _, tk := range got {
			if tk.opening || tk.handle != "j|1" {
				t.Fatalf("a waiting POST got %+v", tk)
			}
		}
	})
}

func TestJobStateWaitRespectsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newJobState(JobIdleExpiry)
		if _, err := s.acquire(t.Context()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		if _, err := s.acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the context's", err)
		}
	})
}

func TestJobStateFailedOpeningLetsTheNextTry(t *testing.T) {
	s := newJobState(JobIdleExpiry)
	tk, _ := s.acquire(context.Background())
	s.opened(tk, "")
	if tk2, _ := s.acquire(context.Background()); !tk2.opening || tk2.replaces != "" {
		t.Fatalf("after a failed opening: %+v", tk2)
	}
}

func TestJobStateJudgeAsksOnceForConcurrentFaults(t *testing.T) {
	for _, verdict := range []jobLiveness{liveAlive, liveGone, liveUnknown} {
		synctest.Test(t, func(t *testing.T) {
			s := newJobState(JobIdleExpiry)
			tk, _ := s.acquire(t.Context())
			s.opened(tk, "j|1")
			tk, _ = s.acquire(t.Context())
			var asked atomic.Int32
			release := make(chan struct{})
			ask := func(context.Context, string) jobLiveness {
				asked.Add(1)
				<-release
				return verdict
			}
			var got [4]jobLiveness
			var wg sync.WaitGroup
			for k := range got {
				wg.Go(func() { got[k] = s.judge(t.Context(), tk, ask) })
			}
			synctest.Wait()
			close(release)
			wg.Wait()
			if asked.Load() != 1 {
				t.Fatalf("getActiveJobs asked %d times", asked.Load())
			}
			for _, g := range got {
				if g != verdict {
					t.Fatalf("verdicts %v, want all %v", got, verdict)
				}
			}
			next, _ := s.acquire(t.Context())
			if alive := verdict == liveAlive; alive == next.opening {
				t.Fatalf("verdict %v, next ticket %+v", verdict, next)
			}
			if left := s.leftOpen(); (verdict == liveUnknown) != (len(left) == 1) {
				t.Fatalf("verdict %v abandoned %v", verdict, left)
			}
		})
	}
}

// A job judged gone (or that the API could not judge) is replaced once per upload: after
// that a gone job stops the upload (no ticket any more) and one the API could not judge is
// taken to live, so that no third job is opened. A job given up for idleness does not
// count.
func TestJobStateContinuesOncePerUpload(t *testing.T) {
	verdict := func(v jobLiveness) func(context.Context, string) jobLiveness {
		return func(context.Context, string) jobLiveness { return v }
	}
	for _, second := range []jobLiveness{liveGone, liveUnknown} {
		synctest.Test(t, func(t *testing.T) {
			s := newJobState(10 * time.Minute)
			tk, _ := s.acquire(t.Context())
			s.opened(tk, "j|1")
			time.Sleep(11 * time.Minute) // too idle: renewed without counting
			tk, _ = s.acquire(t.Context())
			s.opened(tk, "j|2")
			tk, _ = s.acquire(t.Context())
			if v := s.judge(t.Context(), tk, verdict(liveGone)); v != liveGone {
				t.Fatalf("first gone job judged %v", v)
			}
			old := tk
			tk, _ = s.acquire(t.Context())
			if !tk.opening || tk.replaces != "j|2" {
				t.Fatalf("after the first gone job: %+v", tk)
			}
			s.opened(tk, "j|3")
			if v := s.judge(t.Context(), old, verdict(liveGone)); v != liveGone {
				t.Fatalf("a late fault of the replaced job judged %v, want gone (go on in j|3)", v)
			}
			tk, _ = s.acquire(t.Context())
			if tk.opening || tk.handle != "j|3" {
				t.Fatalf("a late fault of the replaced job got %+v", tk)
			}
			v := s.judge(t.Context(), tk, verdict(second))
			next, err := s.acquire(t.Context())
			switch second {
			case liveGone:
				if v != liveStopped || !errors.Is(err, errJobStopped) || s.judge(t.Context(), tk, verdict(liveAlive)) != liveStopped {
					t.Fatalf("second gone job: judged %v, next %+v %v", v, next, err)
				}
				if _, ok := s.endable(); ok {
					t.Fatal("a gone job would be sent endJob")
				}
			case liveUnknown:
				if v != liveAssumed || err != nil || next.opening || next.handle != "j|3" || len(s.leftOpen()) != 0 {
					t.Fatalf("second unknown job: judged %v, next %+v %v", v, next, err)
				}
			}
		})
	}
}

func TestJobStateTooIdleRenews(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newJobState(10 * time.Minute)
		tk, _ := s.acquire(t.Context())
		s.opened(tk, "j|1")
		time.Sleep(9 * time.Minute) // exactly nine tenths: still usable
		if tk, _ := s.acquire(t.Context()); tk.opening {
			t.Fatal("renewed at nine tenths of the expiry")
		}
		time.Sleep(9*time.Minute + time.Second)
		tk, _ = s.acquire(t.Context())
		if !tk.opening || tk.replaces != "j|1" || tk.why != goneIdle {
			t.Fatalf("ticket %+v", tk)
		}
		if _, ok := s.endable(); ok {
			t.Fatal("an idle job would be sent endJob")
		}
	})
}

func TestJobTooIdle(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if JobTooIdle(t0, t0.Add(27*time.Minute), JobIdleExpiry) || !JobTooIdle(t0, t0.Add(27*time.Minute+time.Second), JobIdleExpiry) {
		t.Fatal("the limit is 27 of 30 minutes")
	}
	if JobTooIdle(time.Time{}, t0, JobIdleExpiry) || JobTooIdle(t0, t0.Add(time.Hour), 0) {
		t.Fatal("no last POST or no expiry is never too idle")
	}
}
