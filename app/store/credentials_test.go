package store

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hoist/uploader"
)

// fakeKeyring lets a test choose what the keychain answers.
type fakeKeyring struct {
	mu    sync.Mutex
	store map[string]string
	err   error         // returned by every call when set
	block chan struct{} // when set, calls wait for it to close
}

func (f *fakeKeyring) wait() error {
	if f.block != nil {
		<-f.block
	}
	return f.err
}

func (f *fakeKeyring) Set(service, user, pw string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store == nil {
		f.store = map[string]string{}
	}
	f.store[service+"/"+user] = pw
	return nil
}

func (f *fakeKeyring) Get(service, user string) (string, error) {
	if err := f.wait(); err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if pw, ok := f.store[service+"/"+user]; ok {
		return pw, nil
	}
	return "", keyring.ErrNotFound
}

func (f *fakeKeyring) Delete(service, user string) error {
	if err := f.wait(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.store[service+"/"+user]; !ok {
		return keyring.ErrNotFound
	}
	delete(f.store, service+"/"+user)
	return nil
}

func (f *fakeKeyring) DeleteAll(string) error { return f.wait() }

// errNoSecretService is the kind of error go-keyring returns without a Secret Service.
var errNoSecretService = errors.New("the name org.freedesktop.secrets was not provided by any .service files")

func TestCredentialsSaveReplaceForget(t *testing.T) {
	keyring.MockInit()
	c := &Credentials{}
	key := KeyFor("scene7", "https://s7sps1ssl.scene7.com/scene7/UploadFile", "demo@x")
	if _, err := c.Get(key); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Get before Set: %v", err)
	}
	for _, pw := range []string{"first", "sécond 秘密 \"<&>\""} {
		if err := c.Set(key, pw); err != nil {
			t.Fatal(err)
		}
		if got, err := c.Get(key); err != nil || got != pw {
			t.Fatalf("Get = %q, %v; want %q", got, err, pw)
		}
		// It is in the keychain itself, under Hoist's service name.
		if got, err := keyring.Get(KeychainService, key); err != nil || got != pw {
			t.Fatalf("keychain holds %q, %v", got, err)
		}
	}
	if c.SessionOnly(key) {
		t.Fatal("a password saved in the keychain is marked session-only")
	}
	if err := c.Forget(key); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(key); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Get after Forget: %v", err)
	}
	if err := c.Forget(key); err != nil {
		t.Fatalf("forgetting twice: %v", err)
	}
	if err := c.Set(key, ""); err == nil {
		t.Fatal("an empty password was saved")
	}
}

func TestCredentialsKeychainUnavailable(t *testing.T) {
	errs := []error{errNoSecretService, keyring.ErrUnsupportedPlatform, errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'")}
	for _, cause := range errs {
		t.Run(cause.Error(), func(t *testing.T) {
			keyring.MockInitWithError(cause)
			c := &Credentials{}
			key := "scene7 host u"
			var ku *KeychainUnavailableError
			if _, err := c.Get(key); !errors.As(err, &ku) || ku.SessionOnly || errors.Is(err, ErrNoPassword) {
				t.Fatalf("Get: %v", err)
			}
			if !strings.Contains(ku.Sentence(), "this session only") || !errors.Is(ku, cause) {
				t.Fatalf("sentence %q / cause lost", ku.Sentence())
			}
			err := c.Set(key, "s3cret")
			if !errors.As(err, &ku) || !ku.SessionOnly || !strings.Contains(err.Error(), "for this session only") {
				t.Fatalf("Set: %v", err)
			}
			if strings.Contains(err.Error(), "s3cret") || strings.Contains(ku.Sentence(), "s3cret") {
				t.Fatal("the error shows the password")
			}
			if got, err := c.Get(key); err != nil || got != "s3cret" || !c.SessionOnly(key) {
				t.Fatalf("session password: %q, %v", got, err)
			}
			if err := c.Forget(key); !errors.As(err, &ku) || ku.Op != "forget" {
				t.Fatalf("Forget: %v", err)
			}
			if c.SessionOnly(key) {
				t.Fatal("Forget kept the session password")
			}
		})
	}
	keyring.MockInit()
}

func TestCredentialsKeychainBackAfterSession(t *testing.T) {
	fake := &fakeKeyring{err: errNoSecretService}
	c := &Credentials{backend: fake}
	if err := c.Set("k", "one"); err == nil {
		t.Fatal("Set with no keychain reported success")
	}
	fake.err = nil // the keychain was unlocked
	if err := c.Set("k", "two"); err != nil {
		t.Fatal(err)
	}
	if c.SessionOnly("k") {
		t.Fatal("the old session password shadows the keychain")
	}
	if got, _ := c.Get("k"); got != "two" {
		t.Fatalf("Get = %q", got)
	}
}

func TestCredentialsKeychainTimeout(t *testing.T) {
	fake := &fakeKeyring{block: make(chan struct{})}
	defer close(fake.block)
	c := &Credentials{backend: fake, Timeout: 10 * time.Millisecond}
	var ku *KeychainUnavailableError
	if _, err := c.Get("k"); !errors.As(err, &ku) || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("Get on a hung keychain: %v", err)
	}
	if err := c.Set("k", "pw"); !errors.As(err, &ku) || !ku.SessionOnly {
		t.Fatalf("Set on a hung keychain: %v", err)
	}
	if got, err := c.Get("k"); err != nil || got != "pw" {
		t.Fatalf("session fallback: %q, %v", got, err)
	}
}

func TestCredentialsTooLong(t *testing.T) {
	c := &Credentials{backend: &fakeKeyring{err: keyring.ErrSetDataTooBig}}
	err := c.Set("k", strings.Repeat("x", 5000))
	if !errors.Is(err, ErrPasswordTooLong) || c.SessionOnly("k") {
		t.Fatalf("too long: %v", err)
	}
}

func TestCredentialsRedactEchoedPassword(t *testing.T) {
	c := &Credentials{backend: &fakeKeyring{err: errors.New("security: bad input add-generic-password -w hunter2")}}
	err := c.Set("k", "hunter2")
	var ku *KeychainUnavailableError
	if !errors.As(err, &ku) || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error shows the password: %v", err)
	}
}

func TestCredentialsSandboxPassword(t *testing.T) {
	// The sandbox never asks the keychain, even a broken one.
	c := &Credentials{backend: &fakeKeyring{err: errNoSecretService}}
	for _, tt := range []struct {
		p    Profile
		want string
	}{
		{BuiltinProfiles()[0], SandboxPassword},
		{BuiltinProfiles()[1], SandboxDrSumPassword},
	} {
		if got, err := c.Password(tt.p); err != nil || got != tt.want {
			t.Errorf("Password(%s) = %q, %v", tt.p.Name, got, err)
		}
	}
	p := Profile{Name: "P", Service: uploader.Scene7, Region: uploader.RegionNA, User: "u"}
	c.SetSession(CredentialKey(p), "typed")
	if got, err := c.Password(p); err != nil || got != "typed" {
		t.Fatalf("Password(real profile) = %q, %v", got, err)
	}
}
