package sandbox

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"
)

// Faults are the network and server failures the sandbox can inject, counted over POSTs
// to the upload endpoints (Scene7 UploadFile and Dr.Sum upload, one counter); 0 = off.
// When one request is due for several, the first in field order wins.
type Faults struct {
	DropEvery     int // every Nth request: read part of the body, then drop the connection
	Error500Every int // every Nth request: answer 500 with an HTML error page
	GarbageEvery  int // every Nth request: answer 200 with a body that is not XML
	// every Nth request: answer 503 Service Unavailable without handling it, as an
	// overloaded server or its gateway does (a client should slow down and retry)
	Busy503Every int
	// every Nth request: handle it, then wait StallFor before answering (or until the
	// client gives up). The request takes effect: a client that times out and retries
	// meets its own earlier upload, as with a slow real server.
	StallEvery int
	StallFor   time.Duration

	// every Nth request: a Scene7 POST is read and checked, then refused with
	// ipsApiFault 30003 (invalid request XML), as the service refuses a request it
	// cannot parse; every POST of the same shape would get it. Dr.Sum is not affected.
	RequestFaultEvery int
	// every Nth request: every running Scene7 job expires first (as after its idle
	// timeout), then the request is handled; a jobHandle POST meets an expired job.
	ExpireEvery int
	// every Nth request: answer 200 with an HTML sign-in page, as a proxy or a captive
	// portal does, without handling the request.
	HTMLPageEvery int
	// every Nth request whose body is larger than earlyAfter: answer what success looks
	// like (Scene7 an uploadPostReturn, Dr.Sum an empty 200) after reading only the start
	// of the body. Nothing is stored: the answer is a lie a client must not believe.
	EarlyAnswerEvery int
	// RefuseFile: a Scene7 file part of this name (its fileName or Content-Disposition
	// filename) gets ipsApiFault 30001 naming it, whatever else its POST carries, as
	// the service refuses one file it cannot take. The POST stores nothing.
	RefuseFile string

	DrSumBrokenSettings bool // Dr.Sum answers 500 INVALID_SETTING_JSON
	DrSumIOError        bool // Dr.Sum answers 500 IO_ERROR when it would write the file
}

// SetFaults replaces the injected faults and restarts the request counter, so that
// "every Nth" counts from this call.
func (s *Server) SetFaults(f Faults) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faults = f
	s.faultCount = 0
}

func (s *Server) currentFaults() Faults {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	return s.faults
}

type injection int

const (
	injectNone injection = iota
	injectDrop
	injectError500
	injectGarbage
	injectBusy503
	injectStall
	injectRequestFault
	injectExpire
	injectHTMLPage
	injectEarlyAnswer
)

// dropAfter bounds how much of the body is read before a dropped connection.
const dropAfter = 256 << 10

// nextInjection counts an upload POST and says what, if anything, happens to it.
func (s *Server) nextInjection() (injection, time.Duration) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	s.faultCount++
	n, f := s.faultCount, s.faults
	every := func(k int) bool { return k > 0 && n%k == 0 }
	switch {
	case every(f.DropEvery):
		return injectDrop, 0
	case every(f.Error500Every):
		return injectError500, 0
	case every(f.GarbageEvery):
		return injectGarbage, 0
	case every(f.Busy503Every):
		return injectBusy503, 0
	case every(f.StallEvery) && f.StallFor > 0:
		return injectStall, f.StallFor
	case every(f.RequestFaultEvery):
		return injectRequestFault, 0
	case every(f.ExpireEvery):
		return injectExpire, 0
	case every(f.HTMLPageEvery):
		return injectHTMLPage, 0
	case every(f.EarlyAnswerEvery):
		return injectEarlyAnswer, 0
	}
	return injectNone, 0
}

// inject answers a request with a drop, an error page or garbage instead of handling it.
func (s *Server) inject(w http.ResponseWriter, r *http.Request, rec *Request, inj injection) {
	switch inj {
	case injectDrop:
		rec.Fault = "injected: connection dropped"
		n := int64(dropAfter)
		if r.ContentLength > 0 && r.ContentLength/2 < n {
			n = r.ContentLength / 2
		}
		_, _ = io.CopyN(io.Discard, r.Body, n)
		s.record(rec)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			// Not hijackable (HTTP/2, a test recorder): abort the response instead.
			panic(http.ErrAbortHandler)
		}
		_ = conn.Close()
		return
	case injectError500:
		s.answerInjected(w, r, rec, "injected: HTTP 500", htmlReply(http.StatusInternalServerError, "Internal Server Error",
			"The server encountered an internal error that prevented it from fulfilling this request."))
	case injectGarbage:
		// Labelled XML on purpose: a client must judge the body, not the header.
		s.answerInjected(w, r, rec, "injected: garbage", reply{http.StatusOK, http.Header{"Content-Type": {xmlContentType}},
			[]byte("Service Temporarily Unavailable -- please retry {garbage injected by the Hoist sandbox}\x00")})
	case injectBusy503:
		s.answerInjected(w, r, rec, "injected: HTTP 503", htmlReply(http.StatusServiceUnavailable, "Service Unavailable",
			"The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later."))
	case injectHTMLPage:
		s.answerInjected(w, r, rec, "injected: HTML page", reply{http.StatusOK, http.Header{"Content-Type": {"text/html;charset=utf-8"}}, []byte(signInPage)})
	}
}

// answerInjected reads the request body away and answers rp in the place of the service,
// recording the request as the injected fault it met.
func (s *Server) answerInjected(w http.ResponseWriter, r *http.Request, rec *Request, fault string, rp reply) {
	rec.Fault = fault
	drain(r.Body)
	rec.Status = rp.status
	s.record(rec)
	writeReply(w, rp)
}

// signInPage is what a proxy or captive portal answers in the place of the real server.
const signInPage = `<!DOCTYPE html>
<html><head><title>Sign in</title></head>
<body><h1>Sign in to continue</h1><p>This network requires you to sign in before you can use the Internet.</p>
<form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form>
<!-- injected by the Hoist sandbox --></body></html>
`

// earlyAfter is how much of a body the sandbox reads before an early answer. A body not
// larger than this is handled normally: it would have been read whole anyway.
const earlyAfter = 64 << 10

var jobHandleElement = lazyRegexp(`<(?:\w+:)?jobHandle>([^<]*)</`)

// answerEarly answers a POST as if it had succeeded after reading only its start, then
// leaves the rest unread (net/http closes the connection), and reports true. A small body
// is put back and false returned, to be handled normally: there is nothing left to answer
// early about.
func (s *Server) answerEarly(w http.ResponseWriter, r *http.Request, rec *Request) bool {
	head := make([]byte, earlyAfter)
	n, _ := io.ReadFull(r.Body, head)
	head = head[:n]
	if n < earlyAfter || r.ContentLength == int64(n) {
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
		return false
	}
	rec.Fault = "injected: answered before reading the body"
	rp := reply{status: http.StatusOK, header: http.Header{}}
	if r.URL.Path == Scene7UploadPath {
		handle := "j|" + strings.TrimPrefix(DemoCompany, "c|") + "||early-answer|0"
		if m := jobHandleElement().FindSubmatch(head); m != nil {
			handle = string(m[1])
		}
		rp = xmlReply(http.StatusOK, xmlDecl+`<uploadPostReturn xmlns="`+nsIPS2014+`"><jobHandle>`+handle+`</jobHandle></uploadPostReturn>`)
	}
	rec.Status = rp.status
	s.record(rec)
	writeReply(w, rp)
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
	// Neither read the rest nor close at once: closing a connection with unread data
	// resets it, and the client might lose the answer along with the rest of its upload.
	// Waiting without reading keeps the client's body where it is until it has seen the
	// answer and given up on the connection.
	t := time.NewTimer(earlyLinger)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	}
	return true
}

// earlyLinger is how long an early answer's connection is kept without reading.
const earlyLinger = time.Second

// injectedFault is the fault a Scene7 POST that was read without fault gets instead of
// being committed: the request-level fault of RequestFaultEvery, or the file-level one of
// RefuseFile. nil: handle it normally.
func (s *Server) injectedFault(u *uploadPost, inj injection) *ipsFault {
	if inj == injectRequestFault {
		return apiFault(codeInvalidRequestXML, "Invalid request XML: Unexpected subelement {%s}uploadPostParam (injected by the sandbox: every POST of this shape gets it)", nsIPS2014)
	}
	if name := s.currentFaults().RefuseFile; name != "" {
		for _, f := range u.rec.Files {
			if f.FileName == name || u.params.fileName == name {
				return apiFault(codeInvalidParameter, "Invalid parameter: the file %q cannot be processed (refused by the sandbox, --refuse-file)", name)
			}
		}
	}
	return nil
}

// stall waits before a handled request is answered. It returns false when the client
// went away or the sandbox is closing first; the caller then sends no answer at all.
func (s *Server) stall(r *http.Request, rec *Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		rec.Fault = appendFault(rec.Fault, "injected: stalled "+d.String())
		return true
	case <-r.Context().Done():
		rec.Fault = appendFault(rec.Fault, "injected: stalled; the client gave up")
		return false
	}
}

func appendFault(have, add string) string {
	if have == "" {
		return add
	}
	return have + "; " + add
}

func writeReply(w http.ResponseWriter, rp reply) {
	for k, v := range rp.header {
		w.Header()[k] = v
	}
	w.WriteHeader(rp.status)
	_, _ = w.Write(rp.body)
}
