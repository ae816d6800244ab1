package main

import (
	"errors"
	"io"
	"sync"
	"syscall"

	"hoist/internal/words"
)

// Every writer of this command drops its write errors: a closed stdout (hoist upload |
// head -1) is no reason to stop an upload half-way. But output that goes to a file on a
// full disk (hoist upload --json > upload.jsonl, hoist job-log --csv > outcomes.csv) is
// lost the same way, and a script that sees exit status 0 would read an incomplete file
// as the whole record. watchedOutput notes such a failure, and the command then says so
// and exits 1 (outputChecked). A reader that went away (EPIPE) chose to read no more: that
// is no failure.
type watchedOutput struct {
	w    io.Writer
	mu   sync.Mutex
	lost error // the first write error that is not EPIPE
}

func (o *watchedOutput) Write(b []byte) (int, error) {
	n, err := o.w.Write(b)
	if err != nil && !errors.Is(err, syscall.EPIPE) {
		o.mu.Lock()
		if o.lost == nil {
			o.lost = err
		}
		o.mu.Unlock()
	}
	return n, err
}

// Fd is the stream's, so that a terminal is still told from a file or a pipe; a stream
// without one (a test's buffer) is no terminal.
func (o *watchedOutput) Fd() uintptr {
	if f, ok := o.w.(fder); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

func (o *watchedOutput) failed() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.lost
}

// outputChecked is code, or exitFailed with a sentence on stderr when the output could
// not all be written.
func (c *cli) outputChecked(code int, out *watchedOutput) int {
	err := out.failed()
	if err == nil {
		return code
	}
	id := "cli.output.lost"
	if errors.Is(err, syscall.ENOSPC) {
		id = "cli.output.lost.full"
	}
	c.complain(c.command, words.T(id, nil))
	if code == exitOK {
		return exitFailed
	}
	return code
}
