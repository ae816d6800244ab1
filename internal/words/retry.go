package words

import (
	"errors"
	"io"
	"net"
	"net/http"

	"hoist/uploader"
)

// Retrying says what went wrong with a request that the engine is about to try again (a
// FileRetrying event): what happened and nothing more. Error's sentences are for a
// failure that stands; many of them say that Hoist already retried ("even after
// retrying") or what to do about it ("check your network, then try again"), which on a
// retry still under way contradicts the line it is on. The errors here are those the
// retry policy repeats (uploader's transient errors: a connection that failed, dropped or
// went silent, a proxy on the way, a secure connection that could not be set up, a server
// error, throttling, an answer that came early or could not be read, and Dr.Sum's IO_ERROR
// once). Go's own text is never part of the sentence, in any language: the standard
// library's failures without a type of their own (a malformed answer, an HTTP/2 stream
// reset…) read as the connection failing, and any other error as the request failing;
// the --json stream and the log keep the technical text.
func Retrying(err error) string {
	var (
		pc *uploader.ProxyChainError
		ce *uploader.ConnError
		re *uploader.ReplyError
		de *uploader.DrSumError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pc) && len(pc.Tries) > 0 && len(pc.Proxies()) == 0:
		// Directly only: the server's own failure, a network error like a ConnError's.
		return retryConn(&uploader.ConnError{Err: pc.Tries[len(pc.Tries)-1].Err})
	case errors.As(err, &pc) && len(pc.Tries) > 0, errors.As(err, new(*uploader.ProxyTunnelError)):
		return T("engine.retry.proxy", nil)
	case errors.As(err, &ce):
		return retryConn(ce)
	case errors.As(err, &de):
		if de.Has(uploader.DrSumIOError) {
			return T("engine.retry.drsum_io", nil)
		}
		return retryStatus(de.Status)
	case errors.As(err, &re):
		switch {
		case re.Kind == uploader.ReplyEarly:
			return T("engine.retry.early", nil)
		case re.Err != nil || re.Status/100 == 2:
			return T("engine.retry.unreadable", A{"Status": re.Status})
		}
		return retryStatus(re.Status)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return T("engine.retry.closed", nil)
	}
	return T("engine.retry.other", nil)
}

// retryConn words a request that got no answer to read.
func retryConn(ce *uploader.ConnError) string {
	var opErr *net.OpError
	switch {
	case ce.Stalled > 0:
		return T("engine.retry.stalled", A{"Wait": Duration(ce.Stalled)})
	case uploader.Offline(ce.Err):
		return T("engine.retry.offline", nil)
	case errors.Is(ce.Err, io.ErrUnexpectedEOF), errors.Is(ce.Err, io.EOF):
		return T("engine.retry.closed", nil)
	case isTimeout(ce.Err):
		return T("engine.retry.timeout", nil)
	case tlsFailure(ce.Err):
		// A TLS alert is a *net.OpError too: it is no cut connection.
		return T("engine.retry.tls", nil)
	case errors.As(ce.Err, &opErr) && opErr.Op == "dial":
		return T("engine.retry.dial", nil)
	case errors.As(ce.Err, &opErr):
		return T("engine.retry.closed", nil)
	}
	return T("engine.retry.failed", nil)
}

// retryStatus words a server's error status that is worth trying again.
func retryStatus(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return T("engine.retry.busy", A{"Status": status})
	case http.StatusRequestTimeout:
		return T("engine.retry.timeout_status", A{"Status": status})
	}
	return T("engine.retry.server_error", A{"Status": status})
}
