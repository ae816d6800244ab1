package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// flushEvery is how long a line written to a file or a pipe may wait to be written: short
// enough for a log followed live, long enough to gather the lines of many small files.
const flushEvery = 100 * time.Millisecond

// pacedWriter gathers what an upload writes to standard output when it is a file or a
// pipe, and writes it at most flushEvery later: one system call for many lines instead of
// one per file (2,000 for 2,000 small files; bench/README.md, CPU against curl). A
// terminal is not paced (newPacedWriter), so what people watch appears at once.
type pacedWriter struct {
	mu     sync.Mutex
	buf    *bufio.Writer
	timer  *time.Timer // set while something waits to be written
	direct bool        // unpaced: every write goes out at once
}

// newPacedWriter paces w, unless it is a terminal; flush writes what waits, unpace writes
// what waits and every later line at once (both no-ops for a terminal).
func newPacedWriter(w io.Writer) (out io.Writer, flush, unpace func()) {
	if isTerminal(w) {
		return w, func() {}, func() {}
	}
	p := &pacedWriter{buf: bufio.NewWriterSize(w, 16<<10)}
	return p, p.Flush, p.unpace
}

func (p *pacedWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n, err := p.buf.Write(b)
	if p.direct {
		_ = p.buf.Flush() // dropped as in Flush
		return n, err
	}
	if p.timer == nil && p.buf.Buffered() > 0 {
		p.timer = time.AfterFunc(flushEvery, p.Flush)
	}
	return n, err
}

// unpace is for an upload being interrupted: a second Ctrl-C or a kill may end the
// process at any moment, and a line that waits then never reaches the log, though its
// file is on the server.
func (p *pacedWriter) unpace() {
	p.Flush()
	p.mu.Lock()
	p.direct = true
	p.mu.Unlock()
}

// Flush writes what waits. Errors are dropped, as every writer of this command drops
// them: a closed stdout is no reason to stop an upload.
func (p *pacedWriter) Flush() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	_ = p.buf.Flush()
}
