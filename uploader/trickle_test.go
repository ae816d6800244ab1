package uploader

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// trickling answers every upload POST with a 200 whose body never ends: a space every
// 5 s, as a broken proxy or a server keeping a connection alive might. The SOAP API
// answers.
type trickling struct{ next http.RoundTripper }

func (tr trickling) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(r.URL.Path, Scene7UploadPath) && !strings.HasSuffix(r.URL.Path, DrSumUploadPath) {
		return tr.next.RoundTrip(r)
	}
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"text/xml"}},
		Body: io.NopCloser(&spaces{ctx: r.Context()}), Request: r}, nil
}

type spaces struct{ ctx context.Context }

func (s *spaces) Read(p []byte) (int, error) {
	select {
	case <-s.ctx.Done():
		return 0, s.ctx.Err()
	case <-time.After(5 * time.Second):
	}
	p[0] = ' '
	return 1, nil
}

// An answer that begins and then trickles a byte now and then counts as a stall once it
// has not ended within the stall timeout: the upload fails within minutes, as on a
// silent server. Each byte counted as progress before, so the upload waited for the 1 MiB
// the answer may hold, two months at this pace.
func TestTricklingAnswerIsAStall(t *testing.T) {
	for _, service := range []Service{Scene7, DrSum} {
		t.Run(string(service), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
				defer cancel()
				done := make(chan struct{})
				var res *Result
				var elapsed time.Duration
				var err error
				go func() {
					defer close(done)
					res, elapsed, _, err = officeUpload(t, service, sandbox.Faults{}, func(h http.Handler) http.RoundTripper {
						return trickling{next: ctxTransport{h}}
					})
				}()
				select {
				case <-done:
				case <-ctx.Done():
					t.Fatal("the upload still waited for the trickling answer after an hour")
				}
				var ce *ConnError
				if !errors.As(err, &ce) || ce.Stalled == 0 {
					t.Fatalf("err = %v, want a stall", err)
				}
				if elapsed >= 3*time.Minute {
					t.Errorf("failed after %v, want under 3 minutes", elapsed)
				}
				if res.Count(StateDone) != 0 {
					t.Errorf("%d files done", res.Count(StateDone))
				}
			})
		})
	}
}
