package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPty opens a pseudo-terminal pair: what the command gets as its terminal, and the
// side the test types into and reads the screen from.
func openPty(t *testing.T) (screen, tty *os.File) {
	t.Helper()
	screen, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { screen.Close() })
	if err := unix.IoctlSetPointerInt(int(screen.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(screen.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tty.Close() })
	return screen, tty
}

// The password typed at 'hoist login' on a terminal never appears on the screen, and the
// prompt says so.
func TestLoginOnATerminalDoesNotEchoThePassword(t *testing.T) {
	const secret = "s3cret-typed-pw"
	screen, tty := openPty(t)
	cmd := asCommand(t, "login", "--region", "emea", "--user", "me@example.com")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child has its own copy

	var shown bytes.Buffer
	read := make(chan error, 1)
	go func() {
		buf := make([]byte, 4096)
		typed := false
		for {
			n, err := screen.Read(buf)
			shown.Write(buf[:n])
			if !typed && strings.Contains(shown.String(), "not shown") {
				typed = true
				// Type only once the command has turned echo off, as a person would
				// after reading the prompt; typing earlier would test the race, not Hoist.
				if err := waitEchoOff(screen); err != nil {
					read <- err
					return
				}
				if _, err := screen.WriteString(secret + "\r"); err != nil {
					read <- err
					return
				}
			}
			if err != nil { // EIO once the child has exited and closed the terminal
				read <- nil
				return
			}
		}
	}()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("login: %v\nscreen:\n%s", err, shown.String())
	}
	select {
	case err := <-read:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the terminal stayed open after login exited")
	}
	screenText := shown.String()
	if strings.Contains(screenText, secret) {
		t.Fatalf("the password was echoed:\n%s", screenText)
	}
	mustContain(t, "screen", screenText, "Saved the password of me@example.com")
	if strings.Contains(screenText, "hoist login") {
		t.Errorf("the prompt of hoist login suggests running hoist login:\n%s", screenText)
	}
}

// waitEchoOff waits until the terminal's echo flag is off (the command reads a secret).
func waitEchoOff(screen *os.File) error {
	for range 500 {
		tio, err := unix.IoctlGetTermios(int(screen.Fd()), unix.TCGETS)
		if err != nil {
			return err
		}
		if tio.Lflag&unix.ECHO == 0 {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("echo stayed on for 5 s after the prompt")
}
