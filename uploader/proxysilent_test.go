package uploader

import (
	"context"
	"io"
	"net"
	"net/url"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// silentPipe is a proxy at the far end of a pipe that takes the connection and reads
// whatever comes, first answering with hello when it is not nil, and never says more.
func silentPipe(hello []byte) net.Conn {
	near, far := net.Pipe()
	go func() {
		if hello != nil {
			var greeting [3]byte // SOCKS5: VER 5, one method, no login
			if _, err := io.ReadFull(far, greeting[:]); err != nil {
				return
			}
			_, _ = far.Write(hello)
		}
		_, _ = io.Copy(io.Discard, far) // until the client hangs up
	}()
	return near
}

// A SOCKS proxy silent from the start, one that picks the method and then never answers
// CONNECT, and an https proxy silent in its TLS handshake are each given up after
// proxyAnswerTimeout: the next entry (directly) is used, and the next dial goes there at
// once. net/http dials without a deadline, so without that bound the chain would wait for
// good. In a bubble: net.Pipe's deadlines run on its clock, no time passes for real.
func TestProxyChainSilentSOCKSAndHTTPS(t *testing.T) {
	for _, k := range []struct {
		name, proxy string
		hello       []byte
	}{
		{"SOCKS5 silent", "socks5://silent.corp:1080", nil},
		{"SOCKS5 silent after the method", "socks5://silent.corp:1080", []byte{5, 0}},
		{"HTTPS silent in TLS", "https://silent.corp:8443", nil},
	} {
		for _, tunnel := range []bool{true, false} {
			synctest.Test(t, func(t *testing.T) {
				r := NewProxyResolver(nil)
				silent := mustURL(t, k.proxy)
				c := &proxyChain{target: "s7g10.scene7.com:443", tunnel: tunnel, entries: []*url.URL{silent, nil}, base: ProxyRoute{Source: ProxyAutoConfig}}
				var dialed []string
				inner := func(_ context.Context, _, addr string) (net.Conn, error) {
					dialed = append(dialed, addr)
					if addr == silent.Host {
						return silentPipe(k.hello), nil
					}
					near, far := net.Pipe() // the server, reached directly
					go func() { _, _ = io.Copy(io.Discard, far) }()
					return near, nil
				}
				for i, want := range []time.Duration{proxyAnswerTimeout, 0} {
					start := time.Now()
					conn, err := r.dialChain(context.Background(), "tcp", c, inner)
					if err != nil {
						t.Fatalf("%s (tunnel %v), dial %d: %v", k.name, tunnel, i, err)
					}
					conn.Close()
					if waited := time.Since(start); waited != want {
						t.Errorf("%s (tunnel %v), dial %d: waited %v, want %v", k.name, tunnel, i, waited, want)
					}
				}
				if !slices.Equal(dialed, []string{silent.Host, c.target, c.target}) {
					t.Errorf("%s (tunnel %v): dialed %v", k.name, tunnel, dialed)
				}
				if got := r.chainRoute(c); !got.Equal(ProxyRoute{Source: ProxyAutoConfig, Skipped: []string{k.proxy}}) {
					t.Errorf("%s (tunnel %v): route %+v", k.name, tunnel, got)
				}
			})
		}
	}
}

// A dial whose context ends while the proxy is silent stops at once with the context's
// error and does not pass on to the next entry, for SOCKS and https proxies as for http.
func TestProxyChainSilentProxyCancelled(t *testing.T) {
	for _, p := range []string{"socks5://silent.corp:1080", "https://silent.corp:8443", "http://silent.corp:8080"} {
		synctest.Test(t, func(t *testing.T) {
			r := NewProxyResolver(nil)
			silent := mustURL(t, p)
			c := &proxyChain{target: "s7g10.scene7.com:443", tunnel: true, entries: []*url.URL{silent, nil}}
			var dialed []string
			inner := func(_ context.Context, _, addr string) (net.Conn, error) {
				dialed = append(dialed, addr)
				return silentPipe(nil), nil
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			start := time.Now()
			conn, err := r.dialChain(ctx, "tcp", c, inner)
			if conn != nil {
				conn.Close()
			}
			if err == nil || time.Since(start) != time.Second || !slices.Equal(dialed, []string{silent.Host}) {
				t.Errorf("%s: error %v after %v, dialed %v: want the context's end after 1s, the proxy alone dialed", p, err, time.Since(start), dialed)
			}
		})
	}
}
