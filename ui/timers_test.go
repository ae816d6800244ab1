package ui

import "time"

// fakeTimers stands for time.AfterFunc (afterFunc): a timer runs when the test calls
// fire, on the test's goroutine, never by itself.
type fakeTimers struct {
	waiting []*fakeTimer
}

type fakeTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

func (c *fakeTimers) after(d time.Duration, f func()) func() bool {
	t := &fakeTimer{d: d, f: f}
	c.waiting = append(c.waiting, t)
	return func() bool {
		was := !t.stopped
		t.stopped = true
		return was
	}
}

// pending is the number of timers started and neither stopped nor fired.
func (c *fakeTimers) pending() int {
	n := 0
	for _, t := range c.waiting {
		if !t.stopped {
			n++
		}
	}
	return n
}

// fire runs every timer that was neither stopped nor fired, as if their time had come.
func (c *fakeTimers) fire() {
	ts := c.waiting
	c.waiting = nil
	for _, t := range ts {
		if !t.stopped {
			t.stopped = true
			t.f()
		}
	}
}
