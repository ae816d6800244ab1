package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"hoist/app/store"
	"hoist/internal/words"
)

// maxPasswordLine bounds what --password-stdin reads, so that piping a file by mistake
// does not read the whole file.
const maxPasswordLine = 4 << 10

// noPassword is why no source gave a password (exit 2), as a sentence for people.
type noPassword struct{ sentence string }

func (e *noPassword) Error() string { return e.sentence }

func noPasswordError(id string, args words.A) error {
	return &noPassword{words.T(id, args)}
}

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
		return "", noPasswordError("cli.password.none", words.A{"User": cn.Credentials.User, "Host": hostOf(cn.Endpoint.UploadURL)})
	case err != nil:
		return "", noPasswordError("cli.password.keychain", words.A{"Reason": keychainTrouble(err)})
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
		err = ku.Err
	}
	return words.T("cli.keychain.unusable", words.A{"Reason": err.Error()})
}

// readPassword reads the first line of stdin, without its line ending. Spaces are kept:
// they may be part of the password. From a terminal it is typed without echo.
func (c *cli) readPassword() (string, error) {
	if isTerminal(c.stdin) {
		fmt.Fprint(c.stderr, words.T("cli.password.prompt", nil)+" ")
		pw, err := readSecret(c.stdin)
		fmt.Fprintln(c.stderr)
		switch {
		case err != nil:
			return "", noPasswordError("cli.password.terminal", words.A{"Reason": err.Error()})
		case pw == "":
			return "", noPasswordError("cli.password.not_typed", nil)
		}
		return pw, nil
	}
	line, err := bufio.NewReaderSize(io.LimitReader(c.stdin, maxPasswordLine), maxPasswordLine).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", noPasswordError("cli.password.stdin", words.A{"Reason": err.Error()})
	}
	if err != nil && len(line) == maxPasswordLine {
		return "", noPasswordError("cli.password.too_long", words.A{"Max": maxPasswordLine})
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", noPasswordError("cli.password.empty_stdin", nil)
	}
	return line, nil
}
