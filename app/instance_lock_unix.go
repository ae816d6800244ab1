//go:build darwin || linux || freebsd || openbsd || netbsd || dragonfly

package app

import (
	"errors"
	"os"
	"syscall"

	"hoist/internal/words"
)

// lockExclusive takes f's exclusive lock without waiting, or returns errRunning when
// another open file holds it. flock locks belong to the open file, so two opens in one
// process exclude each other as two processes do; the lock goes when f is closed.
func lockExclusive(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errRunning
	}
	if err != nil {
		return words.Fail("launch.lock", words.A{"Path": f.Name(), "Reason": err}, err)
	}
	return nil
}
