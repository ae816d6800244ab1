package uploader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Verdict is the outcome of Test connection, in words for people, with the exchange behind it.
type Verdict struct {
	OK       bool
	Sentence string
	Exchange Exchange
	// Proxy is the proxy the test went through (without credentials), "" when direct; the
	// sentence says it too. Route says also which setting chose it (README "Works at the
	// office"), for the window and the CLI to say in their words.
	Proxy string
	Route ProxyRoute
	// Refusal is the server's refusal when it answered with one (an IPS fault), typed, so
	// that a caller can word it in the user's language.
	Refusal error
}

// withProxy tells which proxy the test went through.
func withProxy(v Verdict, client *http.Client, target string) Verdict {
	v.Route = RouteFor(client, target)
	if v.Proxy = v.Route.Proxy; v.Proxy != "" {
		v.Sentence += " (Through the proxy " + v.Proxy + ".)"
	}
	return v
}

// TestConnection checks that the endpoint answers and accepts the credentials, without
// uploading anything. Scene7: the SOAP checkLogin operation, for the company. Dr.Sum: an
// upload request without a file, which the server refuses after checking the credentials
// (401 for wrong ones, 400 "file missing" for right ones), so nothing is written.
// The error is non-nil only when no verdict could be reached (the server was not reached or
// gave an answer Hoist cannot read); its sentence is then in Verdict.Sentence too.
func TestConnection(ctx context.Context, client *http.Client, c Conn) (Verdict, error) {
	v, err := testConnection(ctx, client, c)
	target := c.Endpoint.UploadURL
	if c.Endpoint.Service == Scene7 && c.Endpoint.APIURL != "" {
		target = c.Endpoint.APIURL
	}
	return withProxy(v, client, target), err
}

func testConnection(ctx context.Context, client *http.Client, c Conn) (Verdict, error) {
	if c.Endpoint.Service == DrSum {
		return testDrSum(ctx, client, c.Endpoint, c.Credentials)
	}
	api := &API{HTTP: client, Conn: c}
	valid, ex, err := api.CheckLogin(ctx)
	company, cred := c.Company, c.Credentials
	v := Verdict{Exchange: ex}
	switch {
	case err != nil:
		var f *Fault
		if errors.As(err, &f) {
			v.Sentence, v.Refusal = f.Sentence(), f // the server answered: a verdict, not a failure to test
			return v, nil
		}
		v.Sentence = Sentence(err)
		return v, err
	case valid && company != "":
		v.OK, v.Sentence = true, fmt.Sprintf("Connected. The user %s may upload to company %s.", cred.User, company)
	case valid:
		v.OK, v.Sentence = true, fmt.Sprintf("Connected. The user name and password of %s were accepted.", cred.User)
	default:
		v.Sentence = "The server was reached, but the user name, password or company handle was not accepted. Check all three."
	}
	return v, nil
}

// drSumProbeDir is a dest_dir for the test request; the request has no file, so nothing is
// written wherever it points.
const drSumProbeDir = "/"

func testDrSum(ctx context.Context, client *http.Client, ep Endpoint, cred Credentials) (Verdict, error) {
	v := Verdict{Exchange: Exchange{Operation: "file upload (test without a file)", URL: ep.UploadURL}}
	if err := CheckURL(ep.UploadURL, ep.AllowInsecureHTTP); err != nil {
		v.Sentence = Sentence(err)
		return v, err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("dest_dir", drSumProbeDir)
	_ = mw.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.UploadURL, bytes.NewReader(body.Bytes()))
	if err != nil {
		v.Sentence = Sentence(err)
		return v, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.SetBasicAuth(cred.User, cred.Password)
	v.Exchange.Request = fmt.Sprintf("POST %s\nAuthorization: Basic base64(%s:*)\nContent-Type: %s\n\n%s", ep.UploadURL, cred.User, mw.FormDataContentType(), body.String())
	if client == nil {
		client = http.DefaultClient
	}
	start := time.Now()
	resp, err := client.Do(req)
	v.Exchange.Duration = time.Since(start)
	if err != nil {
		v.Sentence = Sentence(err)
		return v, err
	}
	defer resp.Body.Close()
	var answer bytes.Buffer
	_, _ = answer.ReadFrom(http.MaxBytesReader(nil, resp.Body, maxReply))
	v.Exchange.Status, v.Exchange.Response, v.Exchange.TLS = resp.StatusCode, answer.String(), certInfo(resp)
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		v.Sentence = "The server was reached, but the user name or password was not accepted. Check them, and that the user is set as a Web API execution user in Dr.Sum's Web Console."
	case resp.StatusCode == http.StatusBadRequest:
		// Only Dr.Sum's own parameter codes prove that the credentials passed and that the
		// server is Dr.Sum; a proxy's or another server's 400 proves nothing.
		var de *DrSumError
		if _, err := drsumAnswer(resp.StatusCode, answer.Bytes()); errors.As(err, &de) && len(de.Codes) > 0 {
			v.OK, v.Sentence = true, fmt.Sprintf("Connected. The user %s was accepted by the Dr.Sum server (checked with a request that writes nothing).", cred.User)
		} else {
			v.Sentence = "The server refused the test request (HTTP 400) without a Dr.Sum error code. Check that the URL points to a Dr.Sum Cloud Hub server: it ends in /api/v1.0/file/upload."
		}
	case resp.StatusCode == http.StatusProxyAuthRequired:
		v.Sentence = (&ReplyError{Status: resp.StatusCode}).Sentence()
	case resp.StatusCode == http.StatusNotFound:
		v.Sentence = "The server has no Dr.Sum upload service at this address (HTTP 404). Check the URL: it ends in /api/v1.0/file/upload."
	case resp.StatusCode >= 500:
		v.Sentence = fmt.Sprintf("The Dr.Sum server reported a problem of its own (HTTP %d). Ask its administrator to check the server's settings and logs.", resp.StatusCode)
	default:
		v.Sentence = fmt.Sprintf("The server gave an unexpected answer (HTTP %d). Check that the URL points to a Dr.Sum Cloud Hub server.", resp.StatusCode)
	}
	return v, nil
}

// netSentence explains errors of the network and of TLS, which reach people through
// Sentence when no protocol-level explanation applies.
func netSentence(err error) (string, bool) {
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
		urlErr *url.Error
	)
	host := ""
	if errors.As(err, &urlErr) {
		if u, perr := url.Parse(urlErr.URL); perr == nil {
			host = u.Host
		}
	}
	if host == "" {
		host = "the server"
	}
	switch {
	case BadCertificate(err):
		return fmt.Sprintf("The certificate of %s could not be verified, so Hoist did not send your password. Check the address; if it is right, ask your IT team about the certificate.", host), true
	case errors.Is(err, context.Canceled):
		return "Cancelled.", true
	case Offline(err):
		return offlineSentence(strings.TrimPrefix(hostOnly(host), "the server")), true
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return fmt.Sprintf("%s did not answer in time. Check your network connection and try again.", capitalise(host)), true
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("The server %s does not exist. Check the connection's URL.", dnsErr.Name), true
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Sprintf("Hoist could not connect to %s. Check the address, and that the server is running and reachable from this computer.", host), true
	case errors.As(err, &opErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Sprintf("The connection to %s was dropped. Hoist retries such failures; if it keeps happening, check your network.", host), true
	}
	return "", false
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

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
