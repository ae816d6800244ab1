//go:build unix

package uploader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// errNotPlain says a path its folder lists is not a regular file (a folder, a link, a
// special file, or a file replaced by one since): the walk then looks at it by path.
var errNotPlain = errors.New("not a regular file")

// folder is an open folder whose files the walk looks at: they are opened relative to it
// (openat), so the kernel does not look up the folder's whole path again for each file.
type folder struct {
	f  *os.File
	fd int // f's descriptor, taken once: File.Fd has work of its own
}

// openFolder opens a folder and lists its names, sorted (as os.ReadDir). Names alone: the
// look at each (lookAll) tells what it is, and os's DirEntry per name was ~80 bytes more
// per file, 160 KB of a 2,000-file walk (bench/README.md).
func openFolder(p string) (folder, []string, error) {
	f, err := os.Open(p)
	if err != nil {
		return folder{}, nil, err
	}
	names, err := f.Readdirnames(-1)
	if err != nil {
		_ = f.Close() // the listing's error is the one that says what went wrong
		return folder{}, nil, err
	}
	slices.Sort(names)
	return folder{f: f, fd: int(f.Fd())}, names, nil
}

// close lets the folder go; a close error on a folder opened for reading says nothing.
func (d folder) close() { _ = d.f.Close() }

// lookAt is the walk's look at a path its folder lists (dir is the folder's path, for
// errors): its size and identity from an lstat relative to the folder (fstatat,
// AT_SYMLINK_NOFOLLOW: a link, a folder, a pipe or a socket is errNotPlain, looked at
// without being opened or followed), then, for a regular file, whether this user may read it
// (its permission bits, or when they refuse, faccessat: R_OK as the effective user;
// readableByBits). One lookup of the name for most files, two at most, and no open: an open
// and its close cost as much again here (2,000 files: open + fstat + close 16 ms, fstatat +
// faccessat 10.5 ms, fstatat alone 6.3 ms; bench/README.md), and on a network share an open
// can be a round trip of its own. What the permission bits allow but an open still refuses
// (a security module's rule, a file a share has locked) fails when the body opens the file,
// for that file alone (fresh.go).
func (d folder) lookAt(dir, name string) (size int64, id fileID, err error) {
	var st unix.Stat_t
	for {
		err = unix.Fstatat(d.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW)
		if err != unix.EINTR {
			break
		}
	}
	switch {
	case err != nil:
		return 0, fileID{}, &fs.PathError{Op: "lstat", Path: filepath.Join(dir, name), Err: err}
	case st.Mode&unix.S_IFMT != unix.S_IFREG:
		return 0, fileID{}, errNotPlain
	}
	if !readableByBits(st.Uid, uint32(st.Mode), euid) { // Mode is 16 bits on macOS
		for {
			err = unix.Faccessat(d.fd, name, unix.R_OK, unix.AT_EACCESS)
			if err != unix.EINTR {
				break
			}
		}
		if err != nil {
			return 0, fileID{}, &fs.PathError{Op: "open", Path: filepath.Join(dir, name), Err: err}
		}
	}
	return st.Size, fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, nil
}

// euid is the user the walk asks about: Hoist never changes it.
var euid = os.Geteuid()

// readableByBits reports whether the permission bits (mode) of a file owned by owner alone
// say that the user uid may read it: the owner's read bit when the file is theirs, and
// otherwise both the group's and the others' (either class may be the user's, and a group
// without read refuses its members even when others may read). Nearly every file of a drop
// is one of these, and then the walk asks the kernel nothing more: 2,000 faccessat calls
// were ~40 % of the look's system-call time (bench/README.md, session 10). When the bits
// say no the kernel is asked (faccessat), because an access control list (macOS shared
// folders, POSIX ACLs) may still grant this user the file, and root may read anything. What
// the bits allow and an ACL or a security module still refuses fails when the body opens
// the file, for that file alone, as it already did for security modules.
func readableByBits(owner, mode uint32, uid int) bool {
	if int(owner) == uid {
		return mode&unix.S_IRUSR != 0
	}
	const both = unix.S_IRGRP | unix.S_IROTH
	return mode&both == both
}
