package uploader

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// ctxTransport is handlerTransport that fails like a real transport when the request's
// context ends before the handler answers: the client then gets no answer at all.
type ctxTransport struct{ h http.Handler }

func (t ctxTransport) RoundTrip(r *http.Request) (resp *http.Response, err error) {
	defer func() {
		// The sandbox aborts the answer of a client that went away, as net/http lets it.
		if p := recover(); p != nil && p != http.ErrAbortHandler {
			panic(p)
		}
		if r.Context().Err() != nil {
			resp, err = nil, r.Context().Err()
		}
	}()
	return handlerTransport(t).RoundTrip(r)
}

// network plays this computer's network: while it is down, every request fails to
// connect, as after waking from sleep before Wi-Fi is back.
type network struct {
	next      http.RoundTripper
	mu        sync.Mutex
	downUntil time.Time
	downAfter int // the network goes down for downFor after this many requests
	downFor   time.Duration
	n         int
}

func (nw *network) RoundTrip(r *http.Request) (*http.Response, error) {
	nw.mu.Lock()
	nw.n++
	if nw.n == nw.downAfter+1 {
		nw.downUntil = time.Now().Add(nw.downFor)
	}
	down := time.Now().Before(nw.downUntil)
	nw.mu.Unlock()
	if down {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	}
	return nw.next.RoundTrip(r)
}

// officeUpload uploads three files, one per POST, to an in-process sandbox through
// transport (given the sandbox), with the default client otherwise.
func officeUpload(t *testing.T, service Service, faults sandbox.Faults, transport func(http.Handler) http.RoundTripper) (*Result, time.Duration, *sandbox.Server, error) {
	t.Helper()
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.SetFaults(faults)
	dir := t.TempDir()
	for i := range 3 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.jpg", i)), []byte(fmt.Sprintf("\xFF\xD8\xFF%d", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := Walk([]string{dir})
	c := NewClient(func(c *Client) {
		c.HTTP = &http.Client{Transport: transport(s)}
		c.BatchFiles, c.Concurrency = 1, 1
	})
	path := Scene7UploadPath
	if service == DrSum {
		path = DrSumUploadPath
	}
	ep, err := CustomEndpoint(service, "http://127.0.0.1:9"+path, "", false)
	if err != nil {
		t.Fatal(err)
	}
	req := Request{Conn: Conn{Endpoint: ep, Credentials: Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword},
		Company: sandbox.DemoCompany}, DestFolder: "office", Options: DefaultOptions(), Items: items}
	if service == DrSum {
		req.Credentials = Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}
		req.DestFolder = sandbox.DrSumRoot + "/office"
		req.Options = Options{}
	}
	start := time.Now()
	res, err := c.Upload(t.Context(), req, nil)
	return res, time.Since(start), s, err
}

// A server that takes requests and never answers (the sandbox's stall injection, on
// every request, the job look-ups included) fails the upload with one sentence within
// 3 minutes: 3 stalls of 30 s, two look-ups of 30 s, the backoff.
func TestSilentServerFailsWithinThreeMinutes(t *testing.T) {
	for _, service := range []Service{Scene7, DrSum} {
		t.Run(string(service), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				res, elapsed, _, err := officeUpload(t, service, sandbox.Faults{StallEvery: 1, StallFor: time.Hour},
					func(h http.Handler) http.RoundTripper { return ctxTransport{h} })
				var ce *ConnError
				if !errors.As(err, &ce) || ce.Stalled != DefaultResponseTimeout {
					t.Fatalf("err = %v, want a stall of %v", err, DefaultResponseTimeout)
				}
				if elapsed < DefaultStalls*DefaultResponseTimeout || elapsed >= 3*time.Minute {
					t.Errorf("failed after %v, want at least %v and under 3 minutes", elapsed, DefaultStalls*DefaultResponseTimeout)
				}
				if res.Count(StateDone) != 0 {
					t.Errorf("%d files done on a silent server", res.Count(StateDone))
				}
			})
		})
	}
}

// The network goes down after the job's first POST for 90 s (under DefaultOffline): the
// upload waits, then continues the same job, and every file arrives.
func TestNetworkComesBackAndTheJobContinues(t *testing.T) {
	for _, service := range []Service{Scene7, DrSum} {
		t.Run(string(service), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var nw *network
				res, elapsed, s, err := officeUpload(t, service, sandbox.Faults{}, func(h http.Handler) http.RoundTripper {
					nw = &network{next: ctxTransport{h}, downAfter: 1, downFor: 90 * time.Second}
					return nw
				})
				if err != nil {
					t.Fatalf("%v", err)
				}
				if res.Count(StateDone) != 3 {
					t.Fatalf("%d of 3 files done: %+v", res.Count(StateDone), res.Files)
				}
				if elapsed < 90*time.Second || elapsed > 90*time.Second+offlineProbe {
					t.Errorf("done after %v, want within %v of the network's return at 90s", elapsed, offlineProbe)
				}
				if service == Scene7 {
					if len(res.Jobs) != 1 || !res.Jobs[0].Ended || len(s.Jobs()) != 1 {
						t.Errorf("jobs %+v, sandbox %+v: want the one job, continued and ended", res.Jobs, s.Jobs())
					}
				}
			})
		})
	}
}

// A network that stays down fails the upload after DefaultOffline, saying so.
func TestNetworkDownTooLongFails(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		res, elapsed, _, err := officeUpload(t, Scene7, sandbox.Faults{}, func(h http.Handler) http.RoundTripper {
			return &network{next: ctxTransport{h}, downAfter: 1, downFor: time.Hour}
		})
		if err == nil || !networkDown(err) {
			t.Fatalf("err = %v, want the network's failure", err)
		}
		if elapsed < DefaultOffline || elapsed > DefaultOffline+offlineProbe+endTimeout {
			t.Errorf("failed after %v, want %v (and the job's end tried briefly)", elapsed, DefaultOffline)
		}
		if res.Count(StateDone) != 1 {
			t.Errorf("%d files done, want the first", res.Count(StateDone))
		}
	})
}
