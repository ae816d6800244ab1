//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the whole test process has used (user + system, every thread):
// on a machine shared with other work it measures what a benchmark costs, where wall time
// also measures the others.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
