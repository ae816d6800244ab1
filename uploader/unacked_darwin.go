package uploader

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// unsentOrUnacked is how many bytes written to the connection are still in its send
// buffer, which keeps them until the peer acknowledges them (SO_NWRITE); ok is false
// when the connection cannot tell.
func unsentOrUnacked(c syscall.Conn) (n int, ok bool) {
	rc, err := c.SyscallConn()
	if err != nil {
		return 0, false
	}
	var gerr error
	if err := rc.Control(func(fd uintptr) { n, gerr = unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_NWRITE) }); err != nil || gerr != nil {
		return 0, false
	}
	return n, true
}
