package uploader

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"testing/synctest"
	"time"
)

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{Attempts: 8, Base: 500 * time.Millisecond, Max: 30 * time.Second}
	want := []time.Duration{0, 500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for n := 0; n < len(want); n++ {
		if got := p.Bound(n); got != want[n] {
			t.Errorf("Bound(%d) = %v, want %v", n, got, want[n])
		}
		for range 200 {
			if d := p.Backoff(n); d < 0 || d > want[n] {
				t.Fatalf("Backoff(%d) = %v outside [0, %v]", n, d, want[n])
			}
		}
	}
	// Full jitter: waits spread over the range rather than sitting at the bound.
	low := 0
	for range 1000 {
		if p.Backoff(3) < p.Bound(3)/2 {
			low++
		}
	}
	if low < 300 || low > 700 {
		t.Errorf("%d of 1000 waits below half the bound, want about 500", low)
	}
	if DefaultRetryPolicy().Attempts != DefaultAttempts || (RetryPolicy{}).Bound(3) != 0 {
		t.Error("defaults or zero policy")
	}
}

func TestTransientClassification(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&ReplyError{Status: 500, Snippet: "<html>"}, true},
		{&ReplyError{Status: 200, Snippet: "garbage"}, true},
		{&ReplyError{Status: 404}, false},
		{&Fault{Kind: AuthenticationFault, Code: CodeInvalidCredentials}, false},
		{&Fault{Kind: IpsApiFault, Code: CodeException}, false},
		{&ConnError{Err: io.ErrUnexpectedEOF}, true},
		{&ConnError{Err: errStalled, Stalled: time.Second}, true},
		{&ConnError{Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}, true},
		{&ConnError{Err: fmt.Errorf("tls: %w", x509.UnknownAuthorityError{})}, false},
		{&ConnError{Err: &tls.CertificateVerificationError{Err: x509.HostnameError{Host: "a.example"}}}, false},
		{&ConnError{Err: x509.CertificateInvalidError{Reason: x509.Expired}}, false},
		{&ConnError{Err: &net.DNSError{Name: "nowhere.invalid", IsNotFound: true}}, false},
		{&ConnError{Err: &net.DNSError{Name: "busy.example", IsTemporary: true}}, true},
		{&FileError{Rel: "a", Err: ErrFileGone}, false},
		{&DrSumError{Status: 503}, true},
		{&DrSumError{Status: 500, Codes: []string{DrSumInvalidSettingJSON}}, false},
		{&DrSumError{Status: 500, Codes: []string{DrSumIOError}}, true},
		{&DrSumError{Status: 409, Codes: []string{DrSumFileAlreadyExists}}, false},
		{&DrSumError{Status: 401}, false},
		{fmt.Errorf("wrapped: %w", io.ErrUnexpectedEOF), true},
		{context.Canceled, false},
		{errors.New("anything else"), false},
	}
	for _, c := range cases {
		if got := transient(c.err); got != c.want {
			t.Errorf("transient(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// TestRetryDo runs on synctest's fake clock: the default policy's real waits (seconds)
// pass at once and are measured exactly.
func TestRetryDo(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := DefaultRetryPolicy()
		always := func(error, int) bool { return true }
		var at []time.Time
		retries := 0
		err := p.do(context.Background(), func(int) error { at = append(at, time.Now()); return io.ErrUnexpectedEOF }, always, func(int, error) { retries++ })
		if !errors.Is(err, io.ErrUnexpectedEOF) || len(at) != p.Attempts || retries != p.Attempts-1 {
			t.Fatalf("err %v calls %d retries %d, want the last error after %d calls", err, len(at), retries, p.Attempts)
		}
		for n := 1; n < len(at); n++ { // each wait within its bound: 0.5 s, 1 s, 2 s, 4 s
			if gap := at[n].Sub(at[n-1]); gap < 0 || gap > p.Bound(n) {
				t.Errorf("wait before try %d: %v, bound %v", n+1, gap, p.Bound(n))
			}
		}
		calls := 0
		permanent := errors.New("no")
		start := time.Now()
		err = p.do(context.Background(), func(int) error { calls++; return permanent }, func(error, int) bool { return false }, nil)
		if err != permanent || calls != 1 || time.Since(start) != 0 {
			t.Fatalf("permanent error: err %v after %d calls and %v", err, calls, time.Since(start))
		}
		calls = 0
		err = p.do(context.Background(), func(a int) error {
			calls++
			if a < 3 {
				return io.ErrUnexpectedEOF
			}
			return nil
		}, always, nil)
		if err != nil || calls != 3 {
			t.Fatalf("recovering: err %v after %d calls", err, calls)
		}
		ctx, cancel := context.WithCancel(context.Background())
		slow := RetryPolicy{Attempts: 5, Base: time.Hour, Max: time.Hour}
		calls = 0
		err = slow.do(ctx, func(int) error { calls++; cancel(); return io.ErrUnexpectedEOF }, always, nil)
		if calls != 1 || err == nil {
			t.Fatalf("cancelled: %d calls, err %v", calls, err)
		}
		// Cancelled a minute into waits of up to an hour: do returns then, not later (unless
		// all four random waits were shorter than a minute together: about 1 in 10^7).
		ctx, cancel = context.WithCancel(context.Background())
		defer cancel()
		start = time.Now()
		go func() { time.Sleep(time.Minute); cancel() }()
		if err := slow.do(ctx, func(int) error { return io.ErrUnexpectedEOF }, always, nil); err == nil {
			t.Fatal("no error after cancellation")
		}
		if d := time.Since(start); d != time.Minute {
			t.Fatalf("do returned %v after the start, want the minute of the cancellation", d)
		}
	})
}
