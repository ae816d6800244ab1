package uploader

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
)

// handlerTransport hands each request to a handler (the sandbox's) in-process: inside a
// synctest bubble both sides then run on the bubble's fake clock, so waits (backoff,
// stalls, idle expiry) are measured exactly and nothing really sleeps. Like net/http's
// transport, it reports a request whose context ended, or whose handler aborted, as an
// error rather than as the empty answer the handler left.
type handlerTransport struct{ h http.Handler }

// errAborted is what a handler that panicked with http.ErrAbortHandler gives: no answer.
var errAborted = errors.New("the server closed the connection without an answer")

func (t handlerTransport) RoundTrip(r *http.Request) (resp *http.Response, err error) {
	if r.Body != nil {
		defer r.Body.Close()
	}
	sr := r.Clone(r.Context())
	sr.RemoteAddr, sr.RequestURI = "127.0.0.1:40000", r.URL.RequestURI()
	if sr.Body == nil {
		sr.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				panic(v)
			}
			resp, err = nil, errAborted
		}
	}()
	t.h.ServeHTTP(rec, sr)
	if err := context.Cause(r.Context()); err != nil {
		return nil, err
	}
	return rec.Result(), nil
}
