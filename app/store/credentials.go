package store

import (
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"hoist/internal/words"
	"hoist/uploader"
)

// KeychainService is the service name of Hoist's entries in the OS keychain.
const KeychainService = "Hoist"

// DefaultKeychainTimeout bounds one keychain call. On Linux a locked keyring shows an
// unlock prompt and the call waits for it; without any prompter it would wait forever,
// so after this long Hoist treats the keychain as unavailable.
const DefaultKeychainTimeout = time.Minute

// ErrNoPassword is wrapped when no password is saved for a key (the keychain works).
var ErrNoPassword = words.Sentinel("store.keychain.no_password")

// ErrPasswordTooLong is wrapped when the keychain refuses a password for its size.
var ErrPasswordTooLong = words.Sentinel("store.keychain.too_long")

// KeychainUnavailableError says that the OS keychain could not be used: missing (Linux
// without a Secret Service), locked, refused, or not answering. Err is the keychain's own
// error, which never contains the password.
type KeychainUnavailableError struct {
	Op string // "save", "read" or "forget"
	// SessionOnly is true when the password was kept in memory for this session instead.
	SessionOnly bool
	Err         error
}

// Error is the sentence with the keychain's own words after it, for logs and the
// command line (they never contain the password).
func (e *KeychainUnavailableError) Error() string {
	if e.Err == nil {
		return words.Error(e)
	}
	return words.T("store.keychain.with_cause", words.A{"Sentence": words.Error(e), "Cause": e.Err.Error()})
}

// Words says what happened for people, with what to do, for words.Error.
func (e *KeychainUnavailableError) Words() words.Message {
	switch {
	case e.SessionOnly:
		return words.Msg("store.keychain.session_only", nil)
	case e.Op == "forget":
		return words.Msg("store.keychain.not_forgotten", nil)
	}
	return words.Msg("store.keychain.unavailable", nil)
}

// Sentence is words.Error(e), for the callers that still ask the error itself.
func (e *KeychainUnavailableError) Sentence() string { return words.Error(e) }

func (e *KeychainUnavailableError) Unwrap() error { return e.Err }

// Credentials stores passwords in the OS keychain (through go-keyring: macOS Keychain,
// Windows Credential Manager, Secret Service on Linux) under KeychainService, one entry per
// key (see CredentialKey and KeyFor). When the keychain is unavailable, passwords are kept in
// memory for this session only. The zero value is ready to use.
type Credentials struct {
	// Timeout bounds each keychain call; 0 means DefaultKeychainTimeout.
	Timeout time.Duration

	mu      sync.Mutex
	session map[string]string
	backend keyring.Keyring // nil = go-keyring's OS provider; tests replace it
}

// osKeyring calls go-keyring's package functions, whose provider keyring.MockInit replaces.
type osKeyring struct{}

func (osKeyring) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}
func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }
func (osKeyring) DeleteAll(service string) error           { return keyring.DeleteAll(service) }

// call runs one keychain operation within the timeout. A call that times out keeps running
// in the background (go-keyring cannot be interrupted); its late result is dropped.
func (c *Credentials) call(op func(keyring.Keyring) (string, error)) (string, error) {
	kr := c.backend
	if kr == nil {
		kr = osKeyring{}
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultKeychainTimeout
	}
	type result struct {
		s   string
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := op(kr)
		done <- result{s, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.s, r.err
	case <-timer.C:
		return "", fail("store.keychain.no_answer", words.A{"Duration": words.Duration(timeout)}, nil)
	}
}

// classify tells go-keyring's "not found" and "too big" apart from everything else, which
// means the keychain itself could not be used (D-Bus or Secret Service missing, a locked
// or refused keychain, an unsupported platform, no answer).
func classify(op, key string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return caseOf(ErrNoPassword, "store.keychain.no_password_for", words.A{"Key": key})
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return caseOf(ErrPasswordTooLong, "store.keychain.too_long_for", words.A{"Key": key})
	}
	return &KeychainUnavailableError{Op: op, Err: err}
}

// Get returns the password for key: the one given for this session if any, else the
// keychain's. Errors: ErrNoPassword (wrapped) when none is saved, *KeychainUnavailableError
// when the keychain cannot be used and no session password was given.
func (c *Credentials) Get(key string) (string, error) {
	c.mu.Lock()
	pw, ok := c.session[key]
	c.mu.Unlock()
	if ok {
		return pw, nil
	}
	pw, err := c.call(func(kr keyring.Keyring) (string, error) { return kr.Get(KeychainService, key) })
	if err != nil {
		return "", classify("read", key, err)
	}
	return pw, nil
}

// Set saves (or replaces) the password for key in the keychain. When the keychain is
// unavailable the password is kept for this session instead and the error is a
// *KeychainUnavailableError with SessionOnly set: the password can be used, and the
// error's sentence tells the person it will not be remembered.
func (c *Credentials) Set(key, password string) error {
	if password == "" {
		return fail("store.keychain.empty_password", nil, nil)
	}
	_, err := c.call(func(kr keyring.Keyring) (string, error) { return "", kr.Set(KeychainService, key, password) })
	err = classify("save", key, redact(err, password))
	var unavailable *KeychainUnavailableError
	switch {
	case err == nil:
		c.dropSession(key) // the keychain is now the one place it lives
		return nil
	case errors.As(err, &unavailable):
		c.SetSession(key, password)
		unavailable.SessionOnly = true
		return unavailable
	}
	return err
}

// SetSession keeps a password in memory for this session only, never in the keychain.
func (c *Credentials) SetSession(key, password string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		c.session = make(map[string]string)
	}
	c.session[key] = password
}

// SessionOnly reports whether key's password is one kept in memory for this session.
func (c *Credentials) SessionOnly(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.session[key]
	return ok
}

func (c *Credentials) dropSession(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.session, key)
}

// Forget removes the password for key from this session and from the keychain. Forgetting
// a password that was never saved is not an error.
func (c *Credentials) Forget(key string) error {
	c.dropSession(key)
	_, err := c.call(func(kr keyring.Keyring) (string, error) { return "", kr.Delete(KeychainService, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return classify("forget", key, err)
}

// Password returns the password of a profile: the demo password for the Local sandbox
// (never in the keychain), otherwise Get(CredentialKey(p)).
func (c *Credentials) Password(p Profile) (string, error) {
	if p.Sandbox {
		if p.Service == uploader.DrSum {
			return SandboxDrSumPassword, nil
		}
		return SandboxPassword, nil
	}
	return c.Get(CredentialKey(p))
}

// redact keeps a password out of an error text, should a keychain ever echo its input.
func redact(err error, password string) error {
	if err == nil || password == "" || !strings.Contains(err.Error(), password) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), password, "*"), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Unwrap keeps errors.Is working on the original error (its text is never shown).
func (e *redactedError) Unwrap() error { return e.err }
