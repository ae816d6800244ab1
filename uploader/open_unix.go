//go:build unix

package uploader

import (
	"io"
	"io/fs"
	"syscall"
)

// bodyFile is a file a body reader streams, held as a bare descriptor. os.Open would
// register it with Go's network poller (four fcntl calls and an epoll_ctl that fails for
// regular files), and even os.NewFile costs an fcntl, an *os.File with its cleanup, and an
// os.FileInfo per Stat: for thousands of small files these were a measurable share of an
// upload's CPU time (bench/README.md). Regular files never block, so the poller brings
// nothing; the reads, the fstat and the close are the system calls alone.
type bodyFile struct {
	fd   int
	path string // for the errors, as os.File writes them
}

// openBodyFile opens path for reading. O_NONBLOCK because the file may have been swapped
// for a named pipe since it was looked at: a blocking open would wait for a writer, past
// the stall watchdog and any cancel; this one returns at once, and the type check after
// it refuses the pipe. Regular files ignore the flag.
func openBodyFile(path string) (bodyFile, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return bodyFile{}, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return bodyFile{fd: fd, path: path}, nil
	}
}

// Read reads as os.File.Read does: io.EOF at the end, errors as *fs.PathError.
func (f bodyFile) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, p)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.path, Err: err}
		}
		if n == 0 && len(p) > 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}

// stat reports the open file's size and whether it is a regular file.
func (f bodyFile) stat() (size int64, regular bool, err error) {
	var st syscall.Stat_t
	for {
		err := syscall.Fstat(f.fd, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, false, &fs.PathError{Op: "stat", Path: f.path, Err: err}
		}
		return st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG, nil
	}
}

// Close closes the descriptor. A close error after reading says nothing about what was read.
func (f bodyFile) Close() { _ = syscall.Close(f.fd) }

// statPath reports the size of the file at path (links followed, as os.Stat does) and
// whether it is a regular file, without the os.FileInfo os.Stat allocates.
func statPath(path string) (size int64, regular bool, err error) {
	var st syscall.Stat_t
	for {
		err := syscall.Stat(path, &st)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, false, &fs.PathError{Op: "stat", Path: path, Err: err}
		}
		return st.Size, st.Mode&syscall.S_IFMT == syscall.S_IFREG, nil
	}
}

// checkReadable opens and closes a file, as the walk does to leave out what cannot be
// read: the body's own open (bare system calls, O_NONBLOCK), since wrapping the descriptor
// in an *os.File costs an fcntl and the os.File bookkeeping, a tenth of a 100,000-file walk
// (bench/README.md).
func checkReadable(path string) error {
	f, err := openBodyFile(path)
	if err != nil {
		return err
	}
	f.Close() // a close error after a read-only open says nothing about whether it can be read
	return nil
}
