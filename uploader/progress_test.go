package uploader

import (
	"testing"
	"time"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newFakeClock() *fakeClock           { return &fakeClock{t: time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)} }
func noReport(figures)                   {}

func TestAccountingETAUnknownThenSteady(t *testing.T) {
	clk := newFakeClock()
	a := newAccounting([]int64{10_000_000, 5_000_000}, clk.now)
	if fg := a.file(0); fg.eta >= 0 || fg.jobETA >= 0 || fg.speed != 0 {
		t.Fatalf("before any byte: eta %v jobETA %v speed %v, want unknown", fg.eta, fg.jobETA, fg.speed)
	}
	// 1 MB/s on file 0 in steps of 100 kB every 100 ms.
	var pos int64
	for range 30 {
		clk.add(100 * time.Millisecond)
		pos += 100_000
		a.set(0, pos, noReport)
	}
	fg := a.file(0)
	if fg.speed < 0.95e6 || fg.speed > 1.05e6 {
		t.Fatalf("speed %.0f B/s, want about 1e6", fg.speed)
	}
	wantETA := time.Duration(float64(10_000_000-pos) / fg.speed * float64(time.Second))
	if fg.eta != wantETA || fg.eta < 6*time.Second || fg.eta > 8*time.Second {
		t.Fatalf("file ETA %v, want about 7s (%v)", fg.eta, wantETA)
	}
	if fg.jobSent != pos || fg.jobSize != 15_000_000 {
		t.Fatalf("job %d/%d, want %d/15000000", fg.jobSent, fg.jobSize, pos)
	}
	// A stall does not make the ETA jump: the average only moves at window ends.
	clk.add(200 * time.Millisecond)
	a.set(0, pos, noReport)
	if got := a.file(0).eta; got != fg.eta {
		t.Fatalf("ETA moved from %v to %v within one window", fg.eta, got)
	}
}

// The first sample of a steady rate is that rate: the bytes of the first report moved
// before it, in a time not known, and are not counted in the first window.
func TestAccountingFirstSampleIsTheRate(t *testing.T) {
	clk := newFakeClock()
	a := newAccounting([]int64{10_000_000}, clk.now)
	var pos int64
	for range 6 { // 100 kB every 100 ms, as a body read paced by --bwlimit is
		clk.add(100 * time.Millisecond)
		pos += 100_000
		a.set(0, pos, noReport)
	}
	if fg := a.file(0); fg.speed < 0.99e6 || fg.speed > 1.01e6 || fg.jobSpeed != fg.speed {
		t.Fatalf("first sample: file %.0f B/s, job %.0f B/s, want 1e6 both", fg.speed, fg.jobSpeed)
	}
}

func TestAccountingThrottlesAndAlwaysReportsTheEnd(t *testing.T) {
	clk := newFakeClock()
	a := newAccounting([]int64{1000}, clk.now)
	reports := 0
	count := func(figures) { reports++ }
	for pos := int64(1); pos < 1000; pos++ {
		clk.add(time.Millisecond)
		a.set(0, pos, count)
	}
	// 999 ms of updates: at most one report per 100 ms.
	if reports > 10 || reports < 9 {
		t.Fatalf("%d reports for 999 updates over 999 ms, want 9 or 10", reports)
	}
	before := reports
	a.set(0, 1000, count)
	if reports != before+1 {
		t.Fatal("the final position was not reported")
	}
}

func TestAccountingRetryAndDropKeepTotalsConsistent(t *testing.T) {
	clk := newFakeClock()
	a := newAccounting([]int64{100, 200, 300}, clk.now)
	a.set(0, 60, noReport)
	a.set(1, 200, noReport)
	a.reset(0) // file 0 is sent again
	if fg := a.file(0); fg.sent != 0 || fg.jobSent != 200 {
		t.Fatalf("after reset: sent %d job %d", fg.sent, fg.jobSent)
	}
	a.set(0, 40, noReport)
	a.done(0)
	fg := a.drop(2)
	if fg.jobSize != 300 || fg.jobSent != 300 {
		t.Fatalf("after done(0), drop(2): job %d/%d, want 300/300", fg.jobSent, fg.jobSize)
	}
	a.set(2, 10, noReport) // a late report of a dropped file changes nothing
	if fg := a.file(-1); fg.jobSent != 300 {
		t.Fatalf("dropped file still counted: %d", fg.jobSent)
	}
}
