//go:build unix

package uploader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// fileID is a file's identity: two paths with the same device and inode number are the
// same file. It is what os.SameFile compares, kept in 16 bytes instead of a whole
// os.FileInfo per file (100,000 of them for a large drop).
type fileID struct{ dev, ino uint64 }

// idOf is the identity of a file described by os.Stat or os.Lstat (whose Sys is the
// syscall package's Stat_t, not x/sys/unix's).
func idOf(fi os.FileInfo) fileID {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		// Not from the operating system (no such FileInfo reaches the walk): no identity
		// it could share with another file.
		return fileID{}
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}
}

func (a fileID) same(b fileID) bool { return a != fileID{} && a == b }

// errNotPlain says a path ReadDir listed as a regular file is no longer one (replaced by a
// link, a folder or a special file since): the walk then looks at it again by path.
var errNotPlain = errors.New("not a regular file any more")

// folder is an open folder whose files the walk looks at: they are opened relative to it
// (openat), so the kernel does not look up the folder's whole path again for each file.
type folder struct {
	f  *os.File
	fd int // f's descriptor, taken once: File.Fd has work of its own
}

// openFolder opens a folder and lists it, sorted by name (as os.ReadDir).
func openFolder(p string) (folder, []fs.DirEntry, error) {
	f, err := os.Open(p)
	if err != nil {
		return folder{}, nil, err
	}
	entries, err := f.ReadDir(-1)
	if err != nil {
		_ = f.Close() // the listing's error is the one that says what went wrong
		return folder{}, nil, err
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return folder{f: f, fd: int(f.Fd())}, entries, nil
}

// close lets the folder go; a close error on a folder opened for reading says nothing.
func (d folder) close() { _ = d.f.Close() }

// openStat opens the file name of the folder (dir is the folder's path, for errors), takes
// its size and identity from the open descriptor and closes it: the one open the walk needs
// anyway to know the file can be read, instead of an lstat by path plus that open (the walk
// of a large drop is mostly these system calls, bench/README.md). O_NOFOLLOW: a link put in
// the file's place is not followed here but looked at as a link; O_NONBLOCK: a pipe put in
// its place does not block the walk.
func (d folder) openStat(dir, name string) (size int64, id fileID, err error) {
	var fd int
	for {
		fd, err = unix.Openat(d.fd, name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_NOCTTY, 0)
		if err != unix.EINTR {
			break
		}
	}
	switch {
	case err == unix.ELOOP || err == unix.EMLINK || err == unix.ENXIO:
		// A link (ELOOP; EMLINK on the BSDs) or a socket (ENXIO).
		return 0, fileID{}, errNotPlain
	case err != nil:
		return 0, fileID{}, &fs.PathError{Op: "open", Path: filepath.Join(dir, name), Err: err}
	}
	var st unix.Stat_t
	for {
		err = unix.Fstat(fd, &st)
		if err != unix.EINTR {
			break
		}
	}
	// A close error after a read-only open says nothing about whether the file can be read.
	_ = unix.Close(fd)
	switch {
	case err != nil:
		return 0, fileID{}, &fs.PathError{Op: "fstat", Path: filepath.Join(dir, name), Err: err}
	case st.Mode&unix.S_IFMT != unix.S_IFREG:
		return 0, fileID{}, errNotPlain
	}
	return st.Size, fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, nil
}
