// Command hoist is the command-line twin of the Hoist window: it uploads files and folders
// to Adobe Scene7 / Dynamic Media Classic or to a Dr.Sum Cloud Hub server, checks
// credentials, lists jobs and job logs, and runs the Local sandbox. It is pure Go (no cgo,
// no Fyne) so that it builds for any platform with CGO_ENABLED=0.
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// A closed stdout or stderr (hoist upload --json | head -n 1) must not kill an upload
	// half-way with SIGPIPE and leave its Scene7 job open: with the signal ignored, writes
	// to the closed pipe fail instead, and every writer of this command drops such errors.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
