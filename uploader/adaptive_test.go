package uploader

import (
	"context"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestDecide(t *testing.T) {
	fresh := adaptState{limit: 8, prev: 8}
	cases := []struct {
		name       string
		st         adaptState
		ceiling    int
		rate       float64
		overloaded bool
		want       adaptState
	}{
		{"first round steps up by half", fresh, 32, 100, false, adaptState{limit: 12, prev: 8, best: 100}},
		{"a gain steps up again", adaptState{limit: 12, prev: 8, best: 100}, 32, 150, false, adaptState{limit: 18, prev: 12, best: 150}},
		{"a small gain is noise: back and stay", adaptState{limit: 12, prev: 8, best: 100}, 32, 105, false, adaptState{limit: 8, prev: 8, best: 100, settled: true}},
		{"a loss: back and stay", adaptState{limit: 18, prev: 12, best: 150}, 32, 140, false, adaptState{limit: 12, prev: 12, best: 150, settled: true}},
		{"the ceiling bounds a step", adaptState{limit: 27, prev: 18, best: 200}, 32, 300, false, adaptState{limit: 32, prev: 27, best: 300}},
		{"at the ceiling it stays", adaptState{limit: 32, prev: 27, best: 300}, 32, 400, false, adaptState{limit: 32, prev: 32, best: 400, settled: true}},
		{"a ceiling below the start", adaptState{limit: 4, prev: 4}, 4, 50, false, adaptState{limit: 4, prev: 4, best: 50, settled: true}},
		{"settled ignores gains", adaptState{limit: 12, prev: 12, best: 150, settled: true}, 32, 1000, false, adaptState{limit: 12, prev: 12, best: 150, settled: true, held: 1}},
		{"settled tries again after a while", adaptState{limit: 12, prev: 12, best: 150, settled: true, held: reprobeRounds - 1}, 32, 140, false, adaptState{limit: 18, prev: 12, best: 140}},
		{"settled at the ceiling stays", adaptState{limit: 32, prev: 32, best: 150, settled: true, held: reprobeRounds - 1}, 32, 140, false, adaptState{limit: 32, prev: 32, best: 150, settled: true, held: reprobeRounds}},
		{"a push back halves", adaptState{limit: 18, prev: 12, best: 150}, 32, 0, true, adaptState{limit: 9, prev: 9, careful: true}},
		{"a push back wakes a settled limit", adaptState{limit: 12, prev: 12, best: 150, settled: true}, 32, 0, true, adaptState{limit: 6, prev: 6, careful: true}},
		{"never below one", adaptState{limit: 1, prev: 1}, 32, 0, true, adaptState{limit: 1, prev: 1, careful: true}},
		{"after a push back it climbs by one", adaptState{limit: 9, prev: 9, careful: true}, 32, 80, false, adaptState{limit: 10, prev: 9, best: 80, careful: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := decide(c.st, c.ceiling, c.rate, c.overloaded); got != c.want {
				t.Errorf("decide(%+v, %d, %g, %v) = %+v, want %+v", c.st, c.ceiling, c.rate, c.overloaded, got, c.want)
			}
		})
	}
}

// simulate runs n tasks of 64 KiB through pool with ceiling, each taking latency(inflight)
// on the fake clock; it returns the limits taken and the most tasks seen in flight.
func simulate(t *testing.T, n, ceiling int, task func(lim *limiter, inflight int) time.Duration) (limits []int, peak int) {
	t.Helper()
	synctest.Test(t, func(t *testing.T) {
		lim := newLimiter(ceiling, startConcurrency)
		var mu sync.Mutex
		inflight := 0
		tasks := make([]int, n)
		err := pool(t.Context(), lim, tasks, func(int) int64 { return 64 << 10 }, func(ctx context.Context, _ int) error {
			mu.Lock()
			inflight++
			now := inflight
			peak = max(peak, now)
			mu.Unlock()
			time.Sleep(task(lim, now))
			mu.Lock()
			inflight--
			mu.Unlock()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		limits = lim.limits()
		t.Logf("limits %v, peak %d", limits, peak)
	})
	return limits, peak
}

func TestLimiterGrowsWhileLatencyBound(t *testing.T) {
	// Every POST waits a round trip whatever else is in flight: more at once is faster.
	limits, peak := simulate(t, 2000, 32, func(*limiter, int) time.Duration { return 80 * time.Millisecond })
	if limits[0] != startConcurrency || limits[len(limits)-1] != 32 || peak != 32 {
		t.Errorf("limits %v, peak %d in flight: want a climb from %d to the ceiling 32", limits, peak, startConcurrency)
	}
}

func TestLimiterHoldsWhenTheLinkIsFull(t *testing.T) {
	// A shared link: each POST takes as long as there are POSTs sharing it, so the
	// throughput is the same at any concurrency; a step up gains nothing.
	limits, peak := simulate(t, 2000, 32, func(_ *limiter, inflight int) time.Duration {
		return time.Duration(inflight) * 10 * time.Millisecond
	})
	for i, l := range limits {
		if want := []int{12, 18}[i%2]; l != want || peak > 18 {
			t.Fatalf("limits %v, peak %d in flight: want 12, then 18 tried and left, again after a while", limits, peak)
		}
	}
	if len(limits) < 4 {
		t.Errorf("limits %v: a settled limit is tried again after %d rounds", limits, reprobeRounds)
	}
}

func TestLimiterBacksOffWhenTheServerPushesBack(t *testing.T) {
	// A small server: more than 10 POSTs at once and it answers 503, which the POST
	// meets and retries after a round trip.
	limits, _ := simulate(t, 2000, 32, func(lim *limiter, inflight int) time.Duration {
		if inflight > 10 {
			lim.overloaded()
			return 160 * time.Millisecond
		}
		return 80 * time.Millisecond
	})
	halved := false
	for i := 1; i < len(limits); i++ {
		switch d := limits[i] - limits[i-1]; {
		case limits[i] == max(1, limits[i-1]/2):
			halved = true
		case halved && d != 1 && limits[i] > limits[i-1]:
			t.Errorf("limits %v: after a push back the limit climbs by one, not %+d", limits, d)
		}
	}
	if !halved {
		t.Errorf("limits %v: no halving though the server pushed back", limits)
	}
	if top := slices.Max(limits[1:]); top > 12 {
		t.Errorf("limits %v: reached %d against a server that refuses more than 10", limits, top)
	}
}

func TestLimiterCeilingIsHard(t *testing.T) {
	limits, peak := simulate(t, 500, 3, func(*limiter, int) time.Duration { return 80 * time.Millisecond })
	if peak > 3 || slices.Max(limits) > 3 {
		t.Errorf("limits %v, peak %d in flight: the ceiling 3 was passed", limits, peak)
	}
}

func TestPushedBack(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&DrSumError{Status: 503}, true},
		{&DrSumError{Status: 429}, true},
		{&DrSumError{Status: 500}, false},
		{&ReplyError{Status: 503}, true},
		{&ReplyError{Status: 502}, false},
		{&ConnError{Err: context.DeadlineExceeded, Stalled: time.Minute}, true},
		{&FileError{}, false},
	} {
		if got := pushedBack(c.err); got != c.want {
			t.Errorf("pushedBack(%#v) = %v, want %v", c.err, got, c.want)
		}
	}
}

func TestStartLimit(t *testing.T) {
	for _, c := range []struct {
		wait  time.Duration
		known bool
		want  int
	}{
		{0, false, startConcurrency}, // no answer measured: a continued job
		{200 * time.Microsecond, true, nearStartConcurrency},
		{defaultNearWait - 1, true, nearStartConcurrency},
		{defaultNearWait, true, startConcurrency},
		{80 * time.Millisecond, true, startConcurrency},
	} {
		if got := startLimit(c.wait, c.known, defaultNearWait); got != c.want {
			t.Errorf("startLimit(%v, %v) = %d, want %d", c.wait, c.known, got, c.want)
		}
	}
}
