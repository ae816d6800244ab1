package uploader

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// busyFirst answers the first upload POSTs of the upload with status and a Retry-After
// of after, then lets the sandbox answer; it notes when each upload POST came.
type busyFirst struct {
	next   http.RoundTripper
	status int
	after  string
	times  int
	mu     sync.Mutex
	at     []time.Time
}

func (b *busyFirst) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(r.URL.Path, Scene7UploadPath) && !strings.HasSuffix(r.URL.Path, DrSumUploadPath) {
		return b.next.RoundTrip(r)
	}
	b.mu.Lock()
	b.at = append(b.at, time.Now())
	n := len(b.at)
	b.mu.Unlock()
	if n > b.times {
		return b.next.RoundTrip(r)
	}
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
	h := http.Header{"Retry-After": {b.after}}
	return &http.Response{StatusCode: b.status, Header: h, Body: http.NoBody, Request: r}, nil
}

// A busy server (503) or one throttling (429) that asks for a wait in Retry-After gets
// it before the next try, in seconds or as a date, within the policy's cap: without it
// the five tries of the backoff alone (under 8 s together) failed the upload while the
// server had asked for 20 s.
func TestRetryAfterIsWaited(t *testing.T) {
	for _, c := range []struct {
		name    string
		service Service
		status  int
		after   func(now time.Time) string
		min     time.Duration
		max     time.Duration
	}{
		{"503 seconds", Scene7, http.StatusServiceUnavailable, func(time.Time) string { return "20" }, 20 * time.Second, 21 * time.Second},
		{"429 date", Scene7, http.StatusTooManyRequests, func(now time.Time) string { return now.Add(25 * time.Second).UTC().Format(http.TimeFormat) }, 24 * time.Second, 26 * time.Second},
		{"503 a day, capped", Scene7, http.StatusServiceUnavailable, func(time.Time) string { return "86400" }, DefaultBackoffMax, DefaultBackoffMax + time.Second},
		{"drsum 503", DrSum, http.StatusServiceUnavailable, func(time.Time) string { return "20" }, 20 * time.Second, 21 * time.Second},
		{"500 ignores it", Scene7, http.StatusInternalServerError, func(time.Time) string { return "20" }, 0, DefaultBackoffBase},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var b *busyFirst
				res, _, _, err := officeUpload(t, c.service, sandbox.Faults{}, func(h http.Handler) http.RoundTripper {
					b = &busyFirst{next: ctxTransport{h}, status: c.status, after: c.after(time.Now()), times: 1}
					return b
				})
				if err != nil || res.Count(StateDone) != 3 {
					t.Fatalf("err %v, %d of 3 done", err, res.Count(StateDone))
				}
				if gap := b.at[1].Sub(b.at[0]); gap < c.min || gap > c.max {
					t.Errorf("second try %v after the first, want %v to %v", gap, c.min, c.max)
				}
			})
		})
	}
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		status int
		value  string
		want   time.Duration
	}{
		{503, "7", 7 * time.Second},
		{429, " 3 ", 3 * time.Second},
		{503, now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{503, now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{503, "-5", 0},
		{503, "soon", 0},
		{503, "", 0},
		{503, "99999999999999999", 24 * time.Hour},
		{500, "7", 0},
		{302, "7", 0},
	} {
		resp := &http.Response{StatusCode: c.status, Header: http.Header{}}
		if c.value != "" {
			resp.Header.Set("Retry-After", c.value)
		}
		if got := retryAfter(resp, now); got != c.want {
			t.Errorf("%d Retry-After %q: %v, want %v", c.status, c.value, got, c.want)
		}
	}
}
