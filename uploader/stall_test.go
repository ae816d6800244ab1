package uploader

import (
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// loseFirst plays a server that goes silent on the first request: it takes the body (and,
// with handle, lets the sandbox act on it), then never answers, until the client gives up.
// The next requests go to next. Inside a synctest bubble the wait passes on the fake
// clock, so the stall watchdog's real timeout (minutes) is tested as it is, at once.
type loseFirst struct {
	next   http.RoundTripper
	handle bool
	done   atomic.Bool
}

func (l *loseFirst) RoundTrip(r *http.Request) (*http.Response, error) {
	if !l.done.CompareAndSwap(false, true) {
		return l.next.RoundTrip(r)
	}
	if l.handle {
		if resp, err := l.next.RoundTrip(r); err == nil {
			resp.Body.Close()
		}
	} else {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	<-r.Context().Done()
	return nil, r.Context().Err()
}

// TestStallWatchdogGivesUpAfterTheResponseTimeout uploads to the in-process sandbox with
// the default client; the first request stalls. The watchdog gives up on it after exactly
// DefaultResponseTimeout and the request is retried after a backoff within its bound.
func TestStallWatchdogGivesUpAfterTheResponseTimeout(t *testing.T) {
	for _, tt := range []struct {
		name    string
		service Service
		path    string
		handle  bool   // the server acted on the request whose answer was lost
		want    string // "" = every file done; else what the failed file's error carries (after a lost answer)
	}{
		{"Scene7 silent server", Scene7, Scene7UploadPath, false, ""},
		{"Dr.Sum silent server", DrSum, DrSumUploadPath, false, ""},
		{"Dr.Sum answer lost", DrSum, DrSumUploadPath, true, DrSumFileAlreadyExists},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				s, err := sandbox.New(sandbox.Config{Dir: t.TempDir()})
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "a.jpg"), []byte("\xFF\xD8\xFFa"), 0o644); err != nil {
					t.Fatal(err)
				}
				items, _ := Walk([]string{filepath.Join(dir, "a.jpg")})
				c := NewClient(func(c *Client) {
					c.HTTP = &http.Client{Transport: &loseFirst{next: handlerTransport{s}, handle: tt.handle}}
				})
				ep, err := CustomEndpoint(tt.service, "http://127.0.0.1:9"+tt.path, "", false)
				if err != nil {
					t.Fatal(err)
				}
				req := Request{Conn: Conn{Endpoint: ep, Credentials: Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword},
					Company: sandbox.DemoCompany}, DestFolder: "stall", Options: DefaultOptions(), Items: items}
				if tt.service == DrSum {
					req.Credentials = Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}
					req.DestFolder = sandbox.DrSumRoot + "/stall"
					req.Options = Options{} // no overwrite: a file stored by the lost try is noticed
				}
				var retries []Event
				start := time.Now()
				res, err := c.Upload(t.Context(), req, func(ev Event) {
					if ev.Kind == FileRetrying {
						retries = append(retries, ev)
					}
				})
				elapsed := time.Since(start)
				if err != nil {
					t.Fatal(err)
				}
				var ce *ConnError
				if len(retries) != 1 || !errors.As(retries[0].Err, &ce) || ce.Stalled != DefaultResponseTimeout {
					t.Fatalf("retries %+v: want one, for a stall of %v", retries, DefaultResponseTimeout)
				}
				if bound := DefaultResponseTimeout + c.Retry.Bound(1); elapsed < DefaultResponseTimeout || elapsed > bound {
					t.Errorf("the upload took %v, want between %v and %v", elapsed, DefaultResponseTimeout, bound)
				}
				f := res.Files[0]
				switch {
				case tt.want == "" && f.State != StateDone:
					t.Errorf("file %v: %v", f.State, f.Err)
				case tt.want != "" && (f.State != StateFailed || !strings.Contains(f.Err.Error(), tt.want) || !errors.As(f.Err, new(*DrSumError)) || !afterLostAnswer(f.Err)):
					t.Errorf("file %v: %v, want a failure carrying %q", f.State, f.Err, tt.want)
				}
			})
		})
	}
}

func afterLostAnswer(err error) bool {
	var de *DrSumError
	return errors.As(err, &de) && de.AfterLostAnswer
}
