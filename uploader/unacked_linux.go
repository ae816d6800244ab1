package uploader

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// unsentOrUnacked is how many bytes written to the connection its peer has not
// acknowledged yet (SIOCOUTQ, which Linux names TIOCOUTQ for sockets); ok is false when
// the connection cannot tell.
func unsentOrUnacked(c syscall.Conn) (n int, ok bool) {
	rc, err := c.SyscallConn()
	if err != nil {
		return 0, false
	}
	var ierr error
	if err := rc.Control(func(fd uintptr) { n, ierr = unix.IoctlGetInt(int(fd), unix.TIOCOUTQ) }); err != nil || ierr != nil {
		return 0, false
	}
	return n, true
}
