package main

import (
	"runtime"
	"sync"
)

// procs counts the uploads running on one processor in this process: the command line
// runs one, its tests several at once, and the last to end restores the default.
var procs struct {
	sync.Mutex
	n int
}

// oneProcessor runs the goroutines of an upload, from its walk to its last answer, on one
// processor (runtime.GOMAXPROCS(1)) until the returned func is called. An upload is input
// and output: the kernel opens, reads and sends the files, and the Go code per byte is
// small. With more processors the runtime hands every goroutine the network wakes (each
// POST's writer and reader, the events) to another thread, and keeps threads spinning to
// look for such work: on 2,000 × 64 KiB over loopback that was ~1,060 context switches
// against curl's ~500, and 15–23 % more CPU time for the same wall time (bench/README.md,
// CPU against curl). The walk loses nothing either: its opens are system calls, which
// run on other threads while they last (BenchmarkWalkHundredThousandFiles: 0.80 s on one
// processor, 0.84 s on two). One core encrypts TLS far faster than any uplink sends
// (crypto/tls's AES-GCM: 4.3 GB/s for 8 KiB records on one core of the benchmark
// machine). A GOMAXPROCS the user set is left alone.
//
// The switch stops the world and hands the span caches of the processor it removes back
// to the heap's span sets, whose blocks are fresh pages: the more that processor has
// allocated, the more it costs, so runUpload makes it before anything else (before its
// flags load the sentences, a one-file upload took ~2 ms less CPU: 42.6 → 40.5 ms,
// medians of 40 alternated runs).
func oneProcessor(getenv func(string) string) (restore func()) {
	if getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	procs.Lock()
	if procs.n == 0 {
		runtime.GOMAXPROCS(1)
	}
	procs.n++
	procs.Unlock()
	return sync.OnceFunc(func() {
		procs.Lock()
		defer procs.Unlock()
		if procs.n--; procs.n == 0 {
			// The runtime's own value, which it then keeps up to date with the CPU limit
			// again (setting one turns that off).
			runtime.SetDefaultGOMAXPROCS()
		}
	})
}
