package app

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"

	"hoist/internal/words"
)

// lockExclusive takes f's exclusive lock without waiting, or returns errRunning when
// another handle holds it. The lock belongs to the handle and goes when f is closed.
func lockExclusive(f *os.File) error {
	var ol windows.Overlapped
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errRunning
	}
	if err != nil {
		return words.Fail("launch.lock", words.A{"Path": f.Name(), "Reason": err}, err)
	}
	return nil
}
