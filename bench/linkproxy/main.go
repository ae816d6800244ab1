// Command linkproxy is the benchmark's network: a loopback TCP proxy that makes the path
// to the sink look like a distant link. Every byte is delayed by half the round-trip time
// in each direction, the bytes of all connections share one bandwidth cap (in each
// direction), and optionally each connection has a window: at most that many bytes of it
// in flight per direction, as a TCP window on a long path allows.
//
// It prints its URL (http://127.0.0.1:PORT) on its first line, as bench/sink does.
//
// Why our own and not Toxiproxy: the whole model is ~150 lines of the standard library,
// it needs no control API or JSON setup from a shell script, it models a bandwidth cap
// shared by all connections (Toxiproxy's bandwidth toxic limits each connection on its
// own) and it keeps bench/ free of a dependency.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	target := flag.String("to", "", "host:port to forward to (loopback only)")
	rtt := flag.Duration("rtt", 0, "round-trip time added: each direction waits half of it")
	mbit := flag.Float64("mbit", 0, "bandwidth cap in Mbit/s shared by all connections, per direction (0 = none)")
	window := flag.Int("window", 0, "per-connection bytes in flight per direction (0 = unlimited)")
	trace := flag.String("trace", "", "write the upstream bytes delivered per 100 ms and the open connections to this file")
	flag.Parse()
	for _, a := range []string{*addr, *target} {
		host, _, err := net.SplitHostPort(a)
		if err != nil || !net.ParseIP(host).IsLoopback() {
			log.Fatalf("linkproxy: %q is not a loopback host:port", a)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	up, down := newLink(*mbit), newLink(*mbit)
	if *trace != "" {
		go up.trace(*trace)
	}
	fmt.Printf("http://%s\n", ln.Addr())
	os.Stdout.Sync()
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func() {
			up.conns.Add(1)
			defer up.conns.Add(-1)
			s, err := net.Dial("tcp", *target)
			if err != nil {
				log.Print(err)
				c.Close()
				return
			}
			var wg sync.WaitGroup
			wg.Go(func() { pipe(s, c, up, *rtt/2, *window) })
			wg.Go(func() { pipe(c, s, down, *rtt/2, *window) })
			wg.Wait()
			c.Close()
			s.Close()
		}()
	}
}

// link is one direction's shared bandwidth: a clock of when it is next free.
type link struct {
	mu          sync.Mutex
	bytesPerSec float64
	free        time.Time
	// delivered and conns are for -trace: the bytes that reached the far end, and the
	// connections open.
	delivered, conns atomic.Int64
}

func newLink(mbit float64) *link { return &link{bytesPerSec: mbit * 1e6 / 8} }

// trace writes, every 100 ms while a connection is open or bytes flow, the time (Unix
// milliseconds), the bytes delivered in those 100 ms and the connections open: where an
// upload leaves the link idle (its start, the gaps between POSTs, its tail) shows there.
func (l *link) trace(name string) {
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	var last int64
	for now := range time.Tick(100 * time.Millisecond) {
		d, n := l.delivered.Load(), l.conns.Load()
		if d != last || n > 0 {
			fmt.Fprintf(f, "%d %d %d\n", now.UnixMilli(), d-last, n)
		}
		last = d
	}
}

// reserve books n bytes on the link and returns when they have left it: links serialise
// their bytes, so a chunk leaves after every chunk booked before it.
func (l *link) reserve(n int, now time.Time) time.Time {
	if l.bytesPerSec <= 0 {
		return now
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	start := now
	if l.free.After(now) {
		start = l.free
	}
	l.free = start.Add(time.Duration(float64(n) / l.bytesPerSec * float64(time.Second)))
	return l.free
}

type chunk struct {
	data []byte
	due  time.Time // when it arrives at the far end
}

// pipe copies src to dst as the link would deliver it: each chunk arrives when the link
// has carried it plus the one-way delay. window bounds the bytes sent and not yet
// acknowledged: a chunk's bytes count until its acknowledgement would be back, one more
// one-way delay after delivery, so one connection carries at most window per round trip.
func pipe(dst, src net.Conn, l *link, delay time.Duration, window int) {
	q := make(chan chunk, 4096)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	inflight := 0
	go func() {
		defer close(q)
		for {
			buf := make([]byte, 16<<10)
			if window > 0 && window < len(buf) {
				buf = buf[:window]
			}
			n, err := src.Read(buf)
			if n > 0 {
				mu.Lock()
				for window > 0 && inflight+n > window && inflight > 0 {
					cond.Wait()
				}
				inflight += n
				mu.Unlock()
				q <- chunk{data: buf[:n], due: l.reserve(n, time.Now()).Add(delay)}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range q {
		time.Sleep(time.Until(c.due))
		_, err := dst.Write(c.data)
		n := len(c.data)
		l.delivered.Add(int64(n))
		time.AfterFunc(delay, func() {
			mu.Lock()
			inflight -= n
			cond.Broadcast()
			mu.Unlock()
		})
		if err != nil {
			src.Close()
			dst.Close()
			for range q {
			}
			return
		}
	}
	// src ended: pass the half-close on so the far end sees EOF.
	if tc, ok := dst.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
	} else {
		dst.Close()
	}
}
