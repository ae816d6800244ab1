package uploader

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// FaultKind names an IPS fault element.
type FaultKind string

const (
	AuthenticationFault FaultKind = "authenticationFault"
	AuthorizationFault  FaultKind = "authorizationFault"
	IpsApiFault         FaultKind = "ipsApiFault"
)

// FaultCode is the numeric code of an IPS fault.
type FaultCode int

const (
	CodeNoCredentials          FaultCode = 10000
	CodeInvalidCredentials     FaultCode = 10001
	CodeInvalidUser            FaultCode = 10002
	CodeInvalidCompany         FaultCode = 20000
	CodeInvalidRequestUsername FaultCode = 20001
	CodeInvalidRequestUser     FaultCode = 20002
	CodeNoPermission           FaultCode = 20003
	CodeNoImpersonation        FaultCode = 20004
	CodeIllegalParameterValue  FaultCode = 20005
	CodeIllegalCompany         FaultCode = 20006
	CodeIllegalRequestUser     FaultCode = 20007
	CodeIllegalAccessGroup     FaultCode = 20008
	CodeMissingPermission      FaultCode = 20009
	CodeException              FaultCode = 30000
	CodeInvalidParameter       FaultCode = 30001
	CodeMissingParameter       FaultCode = 30002
	CodeInvalidRequestXML      FaultCode = 30003
)

// Fault is an IPS fault: the server understood the request and refused it. Faults are never
// worth retrying as they are.
type Fault struct {
	Kind   FaultKind
	Code   FaultCode
	Reason string
	Status int // the HTTP status it came with (200 when faultHttpStatusCode asked for it)
}

func (f *Fault) Error() string {
	return fmt.Sprintf("%s %d: %s", f.Kind, f.Code, f.Reason)
}

// Auth reports whether the fault is about the login or its rights, which no other file of
// the job would escape either.
func (f *Fault) Auth() bool { return f.Kind == AuthenticationFault || f.Kind == AuthorizationFault }

// parseFault recognises any element named *Fault (or a SOAP 1.1 or 1.2 Fault carrying one
// in its detail) with code and reason children, in any namespace.
func parseFault(root rootElement, data []byte, status int) (*Fault, bool) {
	if !strings.HasSuffix(root.Name.Local, "Fault") {
		return nil, false
	}
	d := xml.NewDecoder(bytes.NewReader(data[root.offset:]))
	var kind, faultString string
	var code, reason *string
	var path []string
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			if strings.HasSuffix(t.Name.Local, "Fault") && t.Name.Local != "Fault" {
				kind = t.Name.Local
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if len(path) == 0 {
				continue
			}
			text := strings.TrimSpace(string(t))
			switch path[len(path)-1] {
			case "code":
				code = &text
			case "reason":
				reason = &text
			case "faultstring":
				faultString = text
			case "Text":
				// SOAP 1.2: Fault/Reason/Text holds what SOAP 1.1's faultstring does.
				if len(path) >= 2 && path[len(path)-2] == "Reason" && faultString == "" {
					faultString = text
				}
			}
		}
	}
	if kind == "" && root.Name.Local != "Fault" {
		kind = root.Name.Local
	}
	f := &Fault{Kind: FaultKind(kind), Status: status, Reason: faultString}
	if reason != nil {
		f.Reason = *reason
	}
	if code != nil {
		var n int
		if _, err := fmt.Sscanf(*code, "%d", &n); err == nil {
			f.Code = FaultCode(n)
		}
	}
	if f.Kind == "" {
		f.Kind = "soapFault"
	}
	return f, true
}

// ReplyError is an answer that is not what the protocol says: an HTML page, a proxy's
// message, garbage, an empty body, a success status with a body Dr.Sum never sends, or an
// answer that came before the request was fully sent. Kind says which (answer.go).
type ReplyError struct {
	Kind        ReplyKind
	Status      int
	Host        string // the server that answered (host:port of the request's URL), "" when unknown
	ContentType string
	Snippet     string // the start of the body, whitespace folded
	Err         error  // reading the body failed
	// Location is where a redirect (3xx) sent the request, as the server wrote it: a
	// captive portal's sign-in page, or the https address of an http URL.
	Location string
	// RetryAfter is the wait a 429 or 503 asked for (its Retry-After header), 0 when none:
	// the retry policy waits at least that long, within its cap (serverwait.go).
	RetryAfter time.Duration
	// API is set on an answer of the Scene7 SOAP API (soap.go), which is said as such,
	// not as an upload's.
	API bool
}

func (e *ReplyError) Error() string {
	msg := fmt.Sprintf("unexpected answer (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	switch e.Kind {
	case ReplyHTML:
		msg = fmt.Sprintf("an HTML page instead of an upload reply (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	case ReplyUnexpectedBody:
		msg = fmt.Sprintf("a success status with a body the service never sends (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	case ReplyEarly:
		msg = fmt.Sprintf("an answer before the request was fully sent (HTTP %d %s)", e.Status, http.StatusText(e.Status))
	}
	if e.Host != "" {
		msg += " from " + e.Host
	}
	if e.Location != "" {
		msg += " to " + e.Location
	}
	if e.Snippet != "" {
		msg += ": " + e.Snippet
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *ReplyError) Unwrap() error { return e.Err }

// Transient reports whether the same request may well succeed later: server errors,
// throttling, timeouts, a 200 whose body is not IPS XML (an overloaded front end), and an
// answer that came too early (the request is in doubt). An HTML page or a body Dr.Sum never
// sends with a success status is what a proxy, a login page or another server says every
// time: not worth repeating.
func (e *ReplyError) Transient() bool {
	switch e.Kind {
	case ReplyEarly:
		return true
	case ReplyHTML, ReplyUnexpectedBody:
		if e.Status/100 == 2 {
			return false
		}
	}
	return e.Status >= 500 || e.Status == http.StatusRequestTimeout || e.Status == http.StatusTooManyRequests ||
		e.Status/100 == 2 || e.Err != nil
}

func (e *ReplyError) askedWait() time.Duration { return e.RetryAfter }
