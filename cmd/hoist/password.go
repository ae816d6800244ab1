package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"hoist/app/store"
)

// maxPasswordLine bounds what --password-stdin reads, so that piping a file by mistake
// does not read the whole file.
const maxPasswordLine = 4 << 10

// errNoPassword is wrapped when no source gave a password (exit 2).
var errNoPassword = errors.New("no password")

// password finds the password of cn: --password-stdin, else HOIST_PASSWORD, else the OS
// keychain entry saved for this service, server and user. It is never taken from argv and
// never printed.
func (c *cli) password(cf *connFlags, cn conn) (string, error) {
	if cf.passwordStdin {
		return c.readPassword()
	}
	if p := c.getenv("HOIST_PASSWORD"); p != "" {
		return p, nil
	}
	p, err := savedPassword(cn)
	switch {
	case errors.Is(err, store.ErrNoPassword):
		who := cn.Credentials.User
		if who == "" {
			who = "this user"
		}
		return "", fmt.Errorf("%w for %s on %s: pipe it with --password-stdin, set HOIST_PASSWORD, or save it in the keychain with 'hoist login'", errNoPassword, who, hostOf(cn.Endpoint.UploadURL))
	case err != nil:
		return "", fmt.Errorf("%w: %s; pass the password with --password-stdin or HOIST_PASSWORD", errNoPassword, keychainTrouble(err))
	}
	return p, nil
}

// savedPassword is the password kept for cn: the demo password of a Local sandbox
// profile, else the OS keychain entry for its service, host and user (the one the Hoist
// window and 'hoist login' save).
func savedPassword(cn conn) (string, error) {
	creds := &store.Credentials{}
	if cn.profile != nil && cn.profile.Sandbox {
		return creds.Password(*cn.profile)
	}
	return creds.Get(keyOf(cn))
}

// keyOf is the keychain account of cn's password. For a profile without overriding flags
// it equals store.CredentialKey of the profile, so passwords saved in the window are found.
func keyOf(cn conn) string {
	return store.KeyFor(string(cn.Endpoint.Service), cn.Endpoint.UploadURL, cn.Credentials.User)
}

// keychainTrouble says why the keychain could not be used, in the keychain's own words
// (which never contain the password).
func keychainTrouble(err error) string {
	var ku *store.KeychainUnavailableError
	if errors.As(err, &ku) && ku.Err != nil {
		return "the OS keychain could not be used (" + ku.Err.Error() + ")"
	}
	return "the OS keychain could not be used (" + err.Error() + ")"
}

// readPassword reads the first line of stdin, without its line ending. Spaces are kept:
// they may be part of the password. From a terminal it is typed without echo.
func (c *cli) readPassword() (string, error) {
	if isTerminal(c.stdin) {
		fmt.Fprint(c.stderr, "Password (not shown as you type), then Enter: ")
		pw, err := readSecret(c.stdin)
		fmt.Fprintln(c.stderr)
		switch {
		case err != nil:
			return "", fmt.Errorf("%w: reading the terminal: %v", errNoPassword, err)
		case pw == "":
			return "", fmt.Errorf("%w: no password was typed", errNoPassword)
		}
		return pw, nil
	}
	line, err := bufio.NewReaderSize(io.LimitReader(c.stdin, maxPasswordLine), maxPasswordLine).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%w: reading stdin: %v", errNoPassword, err)
	}
	if err != nil && len(line) == maxPasswordLine {
		return "", fmt.Errorf("%w: the first line of stdin is longer than %d bytes, which is not a password", errNoPassword, maxPasswordLine)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", fmt.Errorf("%w: stdin had no password on its first line; pipe it in, e.g. with printf '%%s\\n' \"$PASSWORD\"", errNoPassword)
	}
	return line, nil
}
