//go:build unix

package uploader

import (
	"io/fs"
	"os"
	"syscall"
)

// openRead opens a file for reading without registering it with Go's network poller:
// os.Open tries to (four fcntl calls and an epoll_ctl that fails for regular files), which
// for thousands of small files was a measurable share of an upload's system calls
// (bench/README.md). Regular files never block, so the poller brings nothing.
func openRead(path string) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}

// checkReadable opens and closes a file, as the walk does to leave out what cannot be
// read. It keeps to the bare system calls: wrapping the descriptor in an *os.File costs an
// fcntl and the os.File bookkeeping, a tenth of a 100,000-file walk (bench/README.md).
func checkReadable(path string) error {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "open", Path: path, Err: err}
		}
		// A close error after a read-only open says nothing about whether the file can be read.
		_ = syscall.Close(fd)
		return nil
	}
}
