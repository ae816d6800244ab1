package uploader

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/synctest"

	"hoist/sandbox"
)

// resetting plays a server (or a firewall before it) that resets every upload POST while
// its SOAP API answers: the client sees "connection reset by peer", and now and then, when
// the reset meets a write in flight, "use of closed network connection", which is no
// network-down failure. The job look-ups between tries go through.
type resetting struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    int
}

func (rs *resetting) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(r.URL.Path, Scene7UploadPath) && !strings.HasSuffix(r.URL.Path, DrSumUploadPath) {
		return rs.next.RoundTrip(r)
	}
	if r.Body != nil {
		r.Body.Close()
	}
	rs.mu.Lock()
	rs.n++
	n := rs.n
	rs.mu.Unlock()
	if n%20 == 0 {
		return nil, &net.OpError{Op: "write", Net: "tcp", Err: fmt.Errorf("write: %w", net.ErrClosed)}
	}
	return nil, &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}
}

// A server that resets every upload fails the upload after DefaultOffline, as a network
// that stays down does: the ordinary failures among the resets count against the tries
// and do not start the offline allowance again (which kept such an upload going for ten
// minutes and more).
func TestResettingServerFailsAfterTheOfflineAllowance(t *testing.T) {
	for _, service := range []Service{Scene7, DrSum} {
		t.Run(string(service), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				res, elapsed, _, err := officeUpload(t, service, sandbox.Faults{}, func(h http.Handler) http.RoundTripper {
					return &resetting{next: ctxTransport{h}}
				})
				if err == nil {
					t.Fatal("uploaded through a server that resets every upload")
				}
				t.Logf("failed after %v: %v", elapsed, err)
				if limit := DefaultOffline + offlineProbe + endTimeout + DefaultBackoffMax; elapsed > limit {
					t.Errorf("failed after %v, want within %v", elapsed, limit)
				}
				if res.Count(StateDone) != 0 {
					t.Errorf("%d files done", res.Count(StateDone))
				}
			})
		})
	}
}
