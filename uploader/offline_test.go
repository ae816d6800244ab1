package uploader

import (
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"
)

// An offline laptop (or one behind a proxy it must use) fails to look up Scene7's hosts
// or to route at all: that is worded as a network problem, never as a server that does
// not exist; a custom host the name server does not know is still "does not exist".
func TestOfflineIsANetworkProblem(t *testing.T) {
	dial := func(errno syscall.Errno) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", errno)}
	}
	cases := []struct {
		name    string
		err     error
		offline bool
		want    string
	}{
		{"Scene7 host not found", &net.DNSError{Err: "no such host", Name: "s7sps3ssl-staging.scene7.com", IsNotFound: true},
			true, "This computer is offline or cannot reach Scene7 – check your network or proxy."},
		{"name server unreachable", &net.DNSError{Err: "dial udp 127.0.0.53:53: connect: network is unreachable", Name: "dms.example.com", IsTemporary: true},
			true, "This computer is offline or cannot reach dms.example.com – check your network or proxy."},
		{"no route", dial(syscall.ENETUNREACH), true, "This computer is offline or cannot reach the server – check your network or proxy."},
		{"host unreachable", dial(syscall.EHOSTUNREACH), true, "offline"},
		{"refused", dial(syscall.ECONNREFUSED), false, ""},
	}
	if hasNetwork() {
		cases = append(cases, struct {
			name    string
			err     error
			offline bool
			want    string
		}{"custom host not found", &net.DNSError{Err: "no such host", Name: "drsum.nowhere.example", IsNotFound: true},
			false, "The server drsum.nowhere.example does not exist. Check the connection's URL."})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Offline(c.err); got != c.offline {
				t.Fatalf("Offline = %v, want %v", got, c.offline)
			}
			if got := Offline(&ConnError{Err: fmt.Errorf("post: %w", c.err)}); got != c.offline {
				t.Errorf("Offline of the wrapped error = %v, want %v (words words it by Offline)", got, c.offline)
			}
		})
	}
}
