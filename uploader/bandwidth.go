package uploader

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bandwidth caps the bytes per second that uploads send, all their POSTs together (the
// Client's body readers share it). Its limit may be changed at any time, also while an
// upload runs; the next read follows the new limit.
//
// It is a small virtual-clock bucket (GCRA) of our own rather than golang.org/x/time/rate:
// a body reader learns how many bytes it read only after reading them, and pays for
// exactly those afterwards, which may be more than any burst (rate.Limiter.WaitN refuses
// n above its burst, so reads would have to be split and guessed in advance); and a
// changed limit must apply to the waits still to come without reworking the burst.
type Bandwidth struct {
	mu    sync.Mutex
	limit int64     // bytes per second; 0 = no limit
	next  time.Time // when the bytes charged so far have all been paid for
}

// bandwidthBurst is how far behind the rate the readers may fall and catch up at once:
// enough to keep a connection busy between reads, short enough that the limit holds over
// a second. Readers away for longer (an upload starting, a POST waiting for its answer)
// start again from now, with nothing to catch up: a fresh upload sent the burst's worth on
// top of the limit's in its first half second, and its speed read 1.17× the limit.
const bandwidthBurst = 100 * time.Millisecond

// NewBandwidth returns a limit of bytesPerSecond; 0 (or less) is no limit.
func NewBandwidth(bytesPerSecond int64) *Bandwidth {
	b := &Bandwidth{}
	b.SetLimit(bytesPerSecond)
	return b
}

// SetLimit changes the limit; 0 (or less) removes it.
func (b *Bandwidth) SetLimit(bytesPerSecond int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.limit = max(bytesPerSecond, 0)
}

// Limit returns the limit in bytes per second, 0 when there is none.
func (b *Bandwidth) Limit() int64 {
	if b == nil {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.limit
}

// chunk is the most a reader should read at once under the limit: a tenth of a second's
// worth (at least 1 KiB), so that one read's wait stays short and the stall watchdog,
// touched at every read, never mistakes the limit for a silent server.
func (b *Bandwidth) chunk() int {
	l := b.Limit()
	if l <= 0 {
		return 0
	}
	return int(max(l/10, 1<<10))
}

// take charges n bytes just read and waits until the limit allows them, or ctx ends.
// Concurrent readers queue: each is charged after those before it.
func (b *Bandwidth) take(ctx context.Context, n int) error {
	if b == nil || n <= 0 {
		return nil
	}
	b.mu.Lock()
	if b.limit <= 0 {
		b.mu.Unlock()
		return nil
	}
	now := time.Now()
	if b.next.Before(now.Add(-bandwidthBurst)) {
		b.next = now // away longer than the burst: unused time is not made up
	}
	b.next = b.next.Add(time.Duration(float64(n) / float64(b.limit) * float64(time.Second)))
	wake := b.next
	b.mu.Unlock()
	d := wake.Sub(now)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// ParseRate reads a bandwidth limit in bytes per second as people write it (the CLI's
// --bwlimit, the window's setting): a number, decimals allowed, with an optional k, M or G
// (binary multiples, case-insensitive, as in rclone) and an optional B or "/s". "", "0"
// and "off" are no limit (0).
func ParseRate(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" || t == "0" || strings.EqualFold(t, "off") {
		return 0, nil
	}
	u := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "/s"), "B"), "b")
	mult := 1.0
	if u != "" {
		switch u[len(u)-1] {
		case 'k', 'K':
			mult = 1 << 10
		case 'm', 'M':
			mult = 1 << 20
		case 'g', 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			u = u[:len(u)-1]
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(u), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) || v*mult > math.MaxInt64/2 {
		return 0, &RateError{Value: s}
	}
	if r := int64(v * mult); r > 0 && r < 1<<10 {
		return 0, &RateError{Value: s, TooLow: true}
	}
	return int64(v * mult), nil
}

// RateError is a bandwidth limit ParseRate cannot read, or one below 1k (TooLow); package
// words says how to write one.
type RateError struct {
	Value  string
	TooLow bool
}

func (e *RateError) Error() string {
	if e.TooLow {
		return fmt.Sprintf("bandwidth limit %q is below 1k", e.Value)
	}
	return fmt.Sprintf("bandwidth limit %q is not a rate", e.Value)
}

// FormatRate writes a limit the way ParseRate reads it: "20M", "500k", "" for none.
func FormatRate(bytesPerSecond int64) string {
	switch r := bytesPerSecond; {
	case r <= 0:
		return ""
	case r%(1<<30) == 0:
		return strconv.FormatInt(r>>30, 10) + "G"
	case r%(1<<20) == 0:
		return strconv.FormatInt(r>>20, 10) + "M"
	case r%(1<<10) == 0:
		return strconv.FormatInt(r>>10, 10) + "k"
	}
	return strconv.FormatInt(bytesPerSecond, 10)
}
