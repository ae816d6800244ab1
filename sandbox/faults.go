package sandbox

import (
	"io"
	"net/http"
	"time"
)

// Faults are the network and server failures the sandbox can inject, counted over POSTs
// to the upload endpoints (Scene7 UploadFile and Dr.Sum upload, one counter); 0 = off.
// When one request is due for several, the first in field order wins.
type Faults struct {
	DropEvery     int // every Nth request: read part of the body, then drop the connection
	Error500Every int // every Nth request: answer 500 with an HTML error page
	GarbageEvery  int // every Nth request: answer 200 with a body that is not XML
	// every Nth request: handle it, then wait StallFor before answering (or until the
	// client gives up). The request takes effect: a client that times out and retries
	// meets its own earlier upload, as with a slow real server.
	StallEvery int
	StallFor   time.Duration

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
	injectStall
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
	case every(f.StallEvery) && f.StallFor > 0:
		return injectStall, f.StallFor
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
		rec.Fault = "injected: HTTP 500"
		drain(r.Body)
		rp := htmlReply(http.StatusInternalServerError, "Internal Server Error",
			"The server encountered an internal error that prevented it from fulfilling this request.")
		rec.Status = rp.status
		s.record(rec)
		writeReply(w, rp)
	case injectGarbage:
		rec.Fault = "injected: garbage"
		drain(r.Body)
		// Labelled XML on purpose: a client must judge the body, not the header.
		rp := reply{http.StatusOK, http.Header{"Content-Type": {xmlContentType}},
			[]byte("Service Temporarily Unavailable -- please retry {garbage injected by the Hoist sandbox}\x00")}
		rec.Status = rp.status
		s.record(rec)
		writeReply(w, rp)
	}
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
