//go:build !linux && !darwin

package uploader

import "syscall"

// unsentOrUnacked cannot tell here (Windows has no simple count of a socket's
// unacknowledged bytes): an answer is then judged early only while the body is still
// being taken (answer.go).
func unsentOrUnacked(syscall.Conn) (int, bool) { return 0, false }
