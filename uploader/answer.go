package uploader

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"strings"
)

// Success means success (docs/protocol.md §Job life cycle, §Dr.Sum upload): a Scene7 POST
// succeeded only when its answer is an uploadPostReturn with a job handle, a Dr.Sum one
// only when its answer is 200 or 201 with an empty body, and neither when the answer came
// before the request body was fully sent (taken by the transport, and acknowledged by
// the peer where the system can tell: Linux and macOS).

// ReplyKind says how an answer differs from what the protocol says.
type ReplyKind int

const (
	ReplyNotUnderstood  ReplyKind = iota // neither the service's answer nor one of its faults
	ReplyHTML                            // an HTML page: a proxy, a captive portal, a login page, another web server
	ReplyUnexpectedBody                  // Dr.Sum: a success status with a body, or a success status Dr.Sum does not use
	ReplyEarly                           // the answer came before the request body was fully sent
)

func (k ReplyKind) String() string {
	return [...]string{"not understood", "HTML page", "unexpected body", "early answer"}[k]
}

// looksHTML reports an answer that is a web page, by its type or its first tag.
func looksHTML(contentType string, body []byte) bool {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// judged completes an error from reading an answer with what the exchange knows: which
// server answered, the type of its body, and whether it answered too early. A success
// that came before the body was fully sent becomes a ReplyEarly.
func (ex exchange) judged(err error) error {
	var re *ReplyError
	var de *DrSumError
	if errors.As(err, &de) {
		de.RetryAfter, de.Host, de.Location = ex.retryAfter, ex.host, ex.location
	}
	if errors.As(err, &re) {
		re.Host, re.ContentType, re.Location, re.RetryAfter = ex.host, ex.contentType, ex.location, ex.retryAfter
		if re.Kind != ReplyEarly && looksHTML(ex.contentType, ex.reply) {
			re.Kind = ReplyHTML
		}
		return err
	}
	if err == nil && ex.early {
		return &ReplyError{Kind: ReplyEarly, Status: ex.status, Host: ex.host, ContentType: ex.contentType, Snippet: snippet(ex.reply)}
	}
	return err
}

// drsumSuccess reports whether a Dr.Sum answer is a success as the API defines it: 200 (written)
// or 201 (replaced) with an empty body. Any other 2xx, or a 2xx with a body, is a
// ReplyError: a proxy's page, a login page or another server, never Dr.Sum's own answer.
func drsumSuccess(status int, body []byte) (replaced bool, err error) {
	if (status == http.StatusOK || status == http.StatusCreated) && len(strings.TrimSpace(string(body))) == 0 {
		return status == http.StatusCreated, nil
	}
	kind := ReplyUnexpectedBody
	if looksHTML("", body) {
		kind = ReplyHTML
	}
	return false, &ReplyError{Kind: kind, Status: status, Snippet: snippet(body)}
}
