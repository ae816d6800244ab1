package main

import (
	"os"

	"golang.org/x/term"
)

// fder is what a stream needs to be asked whether it is a terminal: *os.File has it.
type fder interface{ Fd() uintptr }

// isTerminal reports whether f is an interactive terminal. It asks the terminal itself
// (golang.org/x/term: ioctl on Unix, GetConsoleMode on Windows) rather than looking for a
// character device, because on Windows NUL is a character device and is not a terminal.
func isTerminal(f any) bool {
	file, ok := f.(fder)
	return ok && term.IsTerminal(int(file.Fd()))
}

// liveTerminal reports whether errw can show the live bar: a terminal that understands the
// carriage return and erase-line sequences. On Windows that needs virtual-terminal
// processing, turned on here; an old console that refuses it gets plain lines instead.
func liveTerminal(errw any, getenv func(string) string) bool {
	if !isTerminal(errw) || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := errw.(*os.File)
	return ok && enableVirtualTerminal(f)
}

// readSecret reads one line from the terminal f without echoing it, so that the password
// is not on the screen (nor in a screen recording or a shared terminal's scrollback).
func readSecret(f any) (string, error) {
	b, err := term.ReadPassword(int(f.(fder).Fd()))
	return string(b), err
}
