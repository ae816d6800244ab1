package words

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/url"
	"strings"
	"syscall"

	"hoist/uploader"
)

// The network's errors: a request that got no answer (*uploader.ConnError), the standard
// library's network and TLS errors that reach people on their own (Test connection, the
// SOAP calls), a proxy that wants a login, a CA file that cannot be used.

func connError(err error) (string, bool) {
	var ce *uploader.ConnError
	if !errors.As(err, &ce) {
		return "", false
	}
	var dnsErr *net.DNSError
	isDNS := errors.As(ce.Err, &dnsErr)
	switch {
	case errors.As(ce.Err, new(*uploader.ProxyAuthError)):
		return proxyLogin(ce.Err)
	case ce.Stalled > 0:
		return T("err.conn.stalled", A{"Wait": Duration(ce.Stalled)}), true
	case uploader.BadCertificate(ce.Err):
		// Named, with the advice for a private CA: an intranet server's certificate is
		// the usual reason, and the CA file its remedy.
		if host := requestHost(ce.Err); host != "" {
			return T("err.conn.certificate.host", A{"Host": host}), true
		}
		return T("err.conn.certificate", nil), true
	case uploader.Offline(ce.Err):
		host := ""
		if isDNS {
			host = dnsErr.Name
		}
		return offline(host), true
	case isDNS && dnsErr.IsNotFound:
		return T("err.no_such_host", A{"Host": dnsErr.Name}), true
	case errors.Is(ce.Err, io.ErrUnexpectedEOF), errors.Is(ce.Err, io.EOF),
		errors.Is(ce.Err, syscall.ECONNRESET), errors.Is(ce.Err, syscall.EPIPE):
		return T("err.conn.closed", nil), true
	}
	// The standard library's failures (a server that refuses connections, a timeout):
	// the same sentences as Test connection's, naming the server.
	if s, ok := netError(ce.Err); ok {
		return s, true
	}
	// Anything else keeps its technical text out of the sentence: the --json stream and
	// the log have it.
	if host := requestHost(ce.Err); host != "" {
		return T("err.conn.failed", A{"Host": host}), true
	}
	return T("err.conn.failed.server", nil), true
}

// offline is what to say when uploader.Offline: host is the server Hoist tried, "" when
// unknown.
func offline(host string) string {
	switch {
	case uploader.AdobeHost(host):
		return T("err.offline.scene7", nil)
	case host != "":
		return T("err.offline", A{"Host": host})
	}
	return T("err.offline.server", nil)
}

// netError words the standard library's network and TLS errors, naming the server from
// the request's URL when there is one.
func netError(err error) (string, bool) {
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
	)
	host := requestHost(err)
	// named picks the sentence that names the host, or the one about "the server".
	named := func(id string) string {
		if host == "" {
			return T(id+".server", nil)
		}
		return T(id, A{"Host": host})
	}
	switch {
	case uploader.BadCertificate(err):
		return named("err.net.certificate"), true
	case errors.Is(err, context.Canceled):
		return T("err.cancelled", nil), true
	case uploader.Offline(err):
		return offline(hostOnly(host)), true
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return named("err.net.timeout"), true
	case errors.As(err, &dnsErr):
		return T("err.no_such_host", A{"Host": dnsErr.Name}), true
	case tlsFailure(err):
		return named("err.net.tls"), true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return named("err.net.dial"), true
	case errors.As(err, &opErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return named("err.net.dropped"), true
	case errors.As(err, new(*url.Error)) && !errors.Is(err, uploader.ErrInsecureURL):
		// A request that got no answer for a reason of net/http's own: said without its
		// text, which the --json stream and the log keep.
		return named("err.conn.failed"), true
	}
	return "", false
}

// tlsFailure reports a secure connection that could not be set up for another reason
// than the certificate: a TLS alert from the other side or this one, an answer that is
// not TLS at all. net/http reports a server that answers https in plain http only by this
// text, which it has kept since Go 1.6.
func tlsFailure(err error) bool {
	var (
		opErr  *net.OpError
		record tls.RecordHeaderError
	)
	return errors.As(err, &opErr) && (opErr.Op == "remote error" || opErr.Op == "local error") ||
		errors.As(err, &record) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client")
}

// requestHost is the host:port of the request err is about (its *url.Error), "" when
// unknown.
func requestHost(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		if u, perr := url.Parse(urlErr.URL); perr == nil {
			return u.Host
		}
	}
	return ""
}

// hostOnly drops the port of host:port.
func hostOnly(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		return h
	}
	return host
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func caFile(err error) (string, bool) {
	var ce *uploader.CAFileError
	if !errors.As(err, &ce) {
		return "", false
	}
	switch {
	case errors.Is(ce.Err, uploader.ErrNoCertificate):
		return T("err.ca_file.no_certificate", A{"Path": ce.Path}), true
	case errors.Is(ce.Err, fs.ErrNotExist):
		return T("err.ca_file.missing", A{"Path": ce.Path}), true
	}
	return T("err.ca_file.unusable", A{"Path": ce.Path, "Reason": osReason(ce.Err)}), true
}

// osReason is the operating system's own words without the path, which the sentence
// already names.
func osReason(err error) string {
	if err == nil {
		return ""
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimSpace(err.Error())
}
