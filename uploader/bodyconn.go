package uploader

import (
	"context"
	"io"
	"net"
	"sync"
	"time"
)

// Over plain http (the Local sandbox; an intranet Dr.Sum server the user allowed without
// TLS) net/http hands a request body to its connection's ReadFrom once the transport's
// buffer (net/http's 4 KiB: client.go) has gone out, and net.TCPConn copies it through a
// 32 KiB buffer: a 512 MiB file is ~16,400 reads of the file and as many writes to the
// socket, each a system call dear on a virtual machine. bodyConn copies a Hoist body in
// pieces of up to bodyCopySize instead: 512 MiB on loopback took 1.19× curl's CPU time
// (its writes are 64 KiB), and 0.79× with these pieces (bench/README.md, CPU against
// curl). Over TLS nothing here applies: tls.Conn has no ReadFrom, so io.Copy feeds it 32
// KiB at a time and it writes one record of at most 16 KiB per system call, as curl's
// OpenSSL does.

// bodyCopySize is the most bytes of a body read and written at once over plain http.
// Larger buffers measured no better (1 MiB: within noise) and cost memory per POST.
const bodyCopySize = 256 << 10

// The pieces start at minPiece, net's own size, and double while each write is quick
// (fastWrite): the stall watchdog hears of a body's progress when a piece is read, and the
// write of that piece must end before the next read, so on a slow link a large piece
// would look like a stall (256 KiB in 30 s is 8.7 KB/s). A write slower than slowWrite
// halves them again.
const (
	minPiece  = 32 << 10
	fastWrite = 20 * time.Millisecond
	slowWrite = 250 * time.Millisecond
)

// nextPiece is the size of the piece after one of size cur whose write took took.
func nextPiece(cur int, took time.Duration) int {
	switch {
	case took < fastWrite:
		return min(2*cur, bodyCopySize)
	case took > slowWrite:
		return max(cur/2, minPiece)
	}
	return cur
}

// bodyBuffers holds the copy buffers: only POSTs writing a body at that moment hold one.
var bodyBuffers = sync.Pool{New: func() any { b := make([]byte, bodyCopySize); return &b }}

// bodyConn is a TCP connection whose ReadFrom copies a Hoist request body in large pieces.
type bodyConn struct{ *net.TCPConn }

// ReadFrom is how net/http writes a body: r is the body limited to its Content-Length.
// Anything else (and a body's short tail, which the 32 KiB copy takes in one piece) goes
// to TCPConn's own ReadFrom, which may use sendfile or splice.
func (c bodyConn) ReadFrom(r io.Reader) (int64, error) {
	lr, ok := r.(*io.LimitedReader)
	if !ok || lr.N <= minPiece {
		return c.TCPConn.ReadFrom(r)
	}
	if _, ok := lr.R.(*bodyReader); !ok {
		return c.TCPConn.ReadFrom(r)
	}
	bp := bodyBuffers.Get().(*[]byte)
	defer bodyBuffers.Put(bp)
	var sent int64
	for piece := minPiece; ; {
		n, rerr := lr.Read((*bp)[:piece])
		if n > 0 {
			start := time.Now()
			k, werr := c.TCPConn.Write((*bp)[:n])
			sent += int64(k)
			if werr != nil {
				return sent, werr
			}
			piece = nextPiece(piece, time.Since(start))
		}
		switch {
		case rerr == io.EOF:
			return sent, nil
		case rerr != nil:
			return sent, rerr
		}
	}
}

// dialBody dials as net/http's default transport does (the same timeouts) and returns TCP
// connections as a bodyConn. TLS, when the URL asks for it, is layered on top by the
// transport, and proxies' CONNECT tunnels go through it unchanged.
func dialBody() func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if tc, ok := c.(*net.TCPConn); ok {
			return bodyConn{tc}, nil
		}
		return c, err
	}
}
