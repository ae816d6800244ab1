package uploader

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"time"
)

// VerdictKind is what Test connection found; package words says it to people.
type VerdictKind int

const (
	// VerdictFailed: the server refused (an IPS fault, a proxy's login demand), or no
	// verdict could be reached; Err says which.
	VerdictFailed           VerdictKind = iota
	VerdictAccepted                     // Scene7: checkLogin accepted User (for Company when set)
	VerdictRejected                     // Scene7: checkLogin did not accept the user, password or company
	VerdictDrSumAccepted                // Dr.Sum: the server checked User's credentials, then refused the empty request
	VerdictDrSumRejected                // Dr.Sum: 401 or 403
	VerdictDrSumNoCode                  // Dr.Sum: a 400 without a Dr.Sum error code (maybe not a Dr.Sum server)
	VerdictDrSumNotFound                // Dr.Sum: 404, no upload service at the URL
	VerdictDrSumServerError             // Dr.Sum: 5xx (Status)
	VerdictDrSumUnexpected              // Dr.Sum: any other status (Status)
)

// Verdict is the outcome of Test connection, typed (package words says it to people), with
// the exchange behind it.
type Verdict struct {
	OK   bool
	Kind VerdictKind
	// User and Company are the ones tested.
	User, Company string
	// Status is the HTTP status of the answer that decided (Dr.Sum).
	Status int
	// Err is why the verdict is VerdictFailed: the server's refusal, typed (an IPS fault, a
	// *ProxyAuthError for a proxy's 407), or why no verdict could be reached.
	Err      error
	Exchange Exchange
	// Proxy is the proxy the test went through (without credentials), "" when direct.
	// Route says also which setting chose it (README "Works at the office"), for the
	// window and the CLI to say in their words.
	Proxy string
	Route ProxyRoute
}

// withProxy tells which proxy the test went through.
func withProxy(v Verdict, client *http.Client, target string) Verdict {
	v.Route = RouteFor(client, target)
	v.Proxy = v.Route.Proxy
	return v
}

// TestConnection checks that the endpoint answers and accepts the credentials, without
// uploading anything. Scene7: the SOAP checkLogin operation, for the company. Dr.Sum: an
// upload request without a file, which the server refuses after checking the credentials
// (401 for wrong ones, 400 "file missing" for right ones), so nothing is written.
// The error is non-nil only when no verdict could be reached (the server was not reached or
// gave an answer Hoist cannot read); it is then in Verdict.Err too.
func TestConnection(ctx context.Context, client *http.Client, c Conn) (Verdict, error) {
	client, err := httpFor(client, c.Network)
	if err != nil {
		return Verdict{Err: err}, err
	}
	c.Network = Network{} // applied: API.call need not derive again
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
	v := Verdict{Exchange: ex, User: c.Credentials.User, Company: c.Company}
	switch {
	case err != nil:
		v.Kind, v.Err = VerdictFailed, err
		var f *Fault
		if errors.As(err, &f) {
			v.Err = f // the server answered: a verdict, not a failure to test
			return v, nil
		}
		return v, err
	case valid:
		v.OK, v.Kind = true, VerdictAccepted
	default:
		v.Kind = VerdictRejected
	}
	return v, nil
}

// drSumProbeDir is a dest_dir for the test request; the request has no file, so nothing is
// written wherever it points.
const drSumProbeDir = "/"

func testDrSum(ctx context.Context, client *http.Client, ep Endpoint, cred Credentials) (Verdict, error) {
	v := Verdict{Exchange: Exchange{Operation: "file upload (test without a file)", URL: ep.UploadURL}, User: cred.User}
	if err := CheckURL(ep.UploadURL, ep.AllowInsecureHTTP); err != nil {
		v.Err = err
		return v, err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("dest_dir", drSumProbeDir)
	_ = mw.Close()
	tctx, connected := connTrace(ctx)
	req, err := http.NewRequestWithContext(tctx, http.MethodPost, ep.UploadURL, bytes.NewReader(body.Bytes()))
	if err != nil {
		v.Err = err
		return v, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.SetBasicAuth(cred.User, cred.Password)
	// The request as it went on the wire (HTTP, not words), the password masked.
	v.Exchange.Request = "POST " + ep.UploadURL + "\nAuthorization: Basic base64(" + cred.User + ":*)\nContent-Type: " +
		mw.FormDataContentType() + "\n\n" + body.String()
	if client == nil {
		client = http.DefaultClient
	}
	start := time.Now()
	resp, err := client.Do(req)
	v.Exchange.Duration = time.Since(start)
	if err != nil {
		err = namedProxy(client, req, err, connected.Load())
		v.Err = err
		return v, err
	}
	defer resp.Body.Close()
	var answer bytes.Buffer
	_, _ = answer.ReadFrom(http.MaxBytesReader(nil, resp.Body, maxReply))
	v.Exchange.Status, v.Exchange.Response, v.Exchange.TLS = resp.StatusCode, answer.String(), certInfo(resp)
	v.Status = resp.StatusCode
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		v.Kind = VerdictDrSumRejected
	case resp.StatusCode == http.StatusBadRequest:
		// Only Dr.Sum's own parameter codes prove that the credentials passed and that the
		// server is Dr.Sum; a proxy's or another server's 400 proves nothing.
		var de *DrSumError
		if _, err := drsumAnswer(resp.StatusCode, answer.Bytes()); errors.As(err, &de) && len(de.Codes) > 0 {
			v.OK, v.Kind = true, VerdictDrSumAccepted
		} else {
			v.Kind = VerdictDrSumNoCode
		}
	case resp.StatusCode == http.StatusProxyAuthRequired:
		v.Kind, v.Err = VerdictFailed, proxyLoginAnswer(client, req, resp.StatusCode)
		if v.Err == nil {
			v.Err = &ReplyError{Status: resp.StatusCode}
		}
	case resp.StatusCode == http.StatusNotFound:
		v.Kind = VerdictDrSumNotFound
	case resp.StatusCode >= 500:
		v.Kind = VerdictDrSumServerError
	default:
		v.Kind = VerdictDrSumUnexpected
	}
	return v, nil
}
