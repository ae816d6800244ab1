package uploader

import (
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"time"
)

const (
	// DefaultAttempts is how many times one request is tried: enough to ride out a
	// restarting front end or a Wi-Fi hiccup, few enough that a dead server is reported
	// within a minute.
	DefaultAttempts = 5
	// DefaultBackoffBase is the first wait's upper bound; it doubles at each retry.
	DefaultBackoffBase = 500 * time.Millisecond
	// DefaultBackoffMax caps one wait, so a long outage is probed at least twice a minute.
	DefaultBackoffMax = 30 * time.Second
	// DefaultStalls is how many tries of one request may stall before the request fails.
	// With the 30 s DefaultResponseTimeout, a silent server costs 3 stalls, two job
	// look-ups of at most 30 s each (job.go findJob) and at most 1.5 s of backoff: about
	// 2.5 minutes, under the 3 minutes people wait before deciding something is wrong.
	DefaultStalls = 3
	// DefaultOffline is how long a request keeps being retried while the network is down
	// (no route, a name server that cannot be asked, a connection refused or reset): a
	// laptop waking from sleep or moving to another Wi-Fi takes from a few seconds to
	// about a minute (joining, DHCP, a VPN reconnecting) before it reaches servers again;
	// twice that covers it. Longer, and people sitting in a train without network are
	// better told at once than kept waiting; the job itself stays usable for 27 minutes
	// (JobTooIdle), so a retry within 2 minutes continues the same job.
	DefaultOffline = 2 * time.Minute
	// offlineProbe caps the wait between two tries while the network is down, so that
	// the upload resumes within seconds once it is back.
	offlineProbe = 5 * time.Second
)

// RetryPolicy says how often and how patiently a request that failed for a passing reason
// is tried again. Waits are exponential with full jitter (a random wait between zero and
// the bound), so clients that failed together do not come back together.
type RetryPolicy struct {
	Attempts int           // tries of one request, the first included; 1 = never retry
	Base     time.Duration // bound of the first wait
	Max      time.Duration // cap of every wait
	// Stalls is how many tries may stall (a *ConnError with Stalled set) before the
	// request fails, when fewer than Attempts; 0 = Attempts alone counts.
	Stalls int
	// Offline is how long tries that failed because the network is down (networkDown)
	// go on, from the first of them, without counting against Attempts; they are spaced
	// by at most 5 s. 0 = they count as ordinary attempts.
	Offline time.Duration
}

// DefaultRetryPolicy returns the named defaults.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{Attempts: DefaultAttempts, Base: DefaultBackoffBase, Max: DefaultBackoffMax, Stalls: DefaultStalls, Offline: DefaultOffline}
}

// Bound is the longest wait before retry n (n = 1 after the first failure).
func (p RetryPolicy) Bound(n int) time.Duration {
	if n < 1 || p.Base <= 0 {
		return 0
	}
	d := p.Base
	for i := 1; i < n && d < p.Max; i++ {
		d *= 2
	}
	if p.Max > 0 && d > p.Max {
		d = p.Max
	}
	return d
}

// Backoff is a random wait in [0, Bound(n)].
func (p RetryPolicy) Backoff(n int) time.Duration {
	b := p.Bound(n)
	if b <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(b) + 1))
}

// do calls try until it succeeds, fails for a reason that retrying cannot fix (retryable
// says which, given the error and the attempt that failed), its budget is used up, or ctx
// ends during a wait. The budget: Attempts tries, of which at most Stalls may stall; tries
// that met a network that is down do not count while they go on for less than Offline.
// retrying is told about each retry before its wait.
func (p RetryPolicy) do(ctx context.Context, try func(attempt int) error, retryable func(err error, attempt int) bool, retrying func(attempt int, err error)) error {
	attempts := max(p.Attempts, 1)
	counted, stalls := 0, 0
	// downSince is the request's first network-down failure. An ordinary failure in
	// between does not start the allowance again: it counts against Attempts already, and
	// a server that resets every connection also shows, now and then, a failure that is
	// no network-down one ("use of closed network connection"), which would otherwise
	// keep such a request going for many times Offline.
	var downSince time.Time
	for attempt := 1; ; attempt++ {
		err := try(attempt)
		if err == nil || ctx.Err() != nil || !retryable(err, attempt) {
			return err
		}
		wait := p.Backoff(attempt)
		if asked := min(serverWait(err), cmp.Or(p.Max, DefaultBackoffMax)); asked > wait {
			wait = asked // what a busy server asked for (serverwait.go), within the cap
		}
		if p.Offline > 0 && networkDown(err) {
			if downSince.IsZero() {
				downSince = time.Now()
			}
			if time.Since(downSince) >= p.Offline {
				return err
			}
			wait = min(wait, offlineProbe)
		} else {
			counted++
			var ce *ConnError
			if errors.As(err, &ce) && ce.Stalled > 0 {
				stalls++
			}
			if counted >= attempts || (p.Stalls > 0 && stalls >= p.Stalls) {
				return err
			}
		}
		if retrying != nil {
			retrying(attempt+1, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

// ConnError is a request that got no answer to read: the connection could not be made,
// dropped in the middle, or the server stalled.
type ConnError struct {
	Err     error
	Stalled time.Duration // > 0 when Hoist gave up on a silent server after this long
}

func (e *ConnError) Error() string {
	if e.Stalled > 0 {
		return fmt.Sprintf("the server did not respond for %s", e.Stalled)
	}
	return "connection failed: " + e.Err.Error()
}

func (e *ConnError) Unwrap() error { return e.Err }

// BadCertificate reports whether err is a server certificate that could not be verified
// (unknown authority, another host's name, expired or otherwise invalid): the one
// classification of TLS failures, for retries and sentences alike.
func BadCertificate(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	return errors.As(err, &certErr) || errors.As(err, &unknownCA) || errors.As(err, &hostErr) || errors.As(err, &invalid)
}

// dnsError returns err's DNS failure, and whether the name does not exist (rather than
// the lookup failing); nil when err is no DNS failure.
func dnsError(err error) (dnsErr *net.DNSError, notFound bool) {
	if errors.As(err, &dnsErr) {
		return dnsErr, dnsErr.IsNotFound
	}
	return nil, false
}

// Transient reports whether trying again may work: everything but a certificate the
// server cannot prove, a host name that does not exist (the server's or the proxy's), and
// a proxy that wants a login or refuses the server by its rule.
func (e *ConnError) Transient() bool {
	_, notFound := dnsError(e.Err)
	return !BadCertificate(e.Err) && !notFound && !errors.As(e.Err, new(*ProxyAuthError)) &&
		!proxyNamesUnknown(e.Err) && !proxyRefusal(e.Err)
}

// transient reports whether err is a failure that the same request may not meet again.
func transient(err error) bool {
	var t interface{ Transient() bool }
	if errors.As(err, &t) {
		return t.Transient()
	}
	return errors.Is(err, io.ErrUnexpectedEOF)
}
