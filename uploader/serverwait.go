package uploader

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// A server that is busy or throttling (503, 429) may say how long to wait before the
// next try in its Retry-After header, in seconds or as a date (RFC 9110 §10.2.3). Retrying
// sooner, as the backoff alone would (its first waits are under a second), only meets the
// same refusal: five tries then fail an upload within seconds while the front end asked
// for a few more. The policy waits at least what was asked, within its cap (Max), so a
// server asking for hours cannot hold an upload that long.

// askedWait is an answer's Retry-After, for the retry policy: *ReplyError, *DrSumError.
type askedWait interface{ askedWait() time.Duration }

// serverWait is the wait err's answer asked for, 0 when none.
func serverWait(err error) time.Duration {
	var a askedWait
	if errors.As(err, &a) {
		return a.askedWait()
	}
	return 0
}

// retryAfter reads the Retry-After of a 429 or 503 answer received at now; 0 when it has
// none, another status, or a value that is not a number of seconds nor a date.
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, int64(24*time.Hour/time.Second))) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}
