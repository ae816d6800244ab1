// Package store holds what Hoist keeps between runs: the user's config folder, connection
// profiles, the keychain-backed credential store, presets of upload options (JSON files
// the CLI reads too), and the upload queue and job history that survive a restart. The
// queue files hold the session's own model, session.Snapshot (QueueStore is the
// session's Store); files of the first versions are still read. It has no GUI import, so
// the GUI and the pure-Go command line share it. No password is ever written to the
// config folder: passwords live in the OS keychain, or for one session in memory.
package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"hoist/internal/words"
)

// ConfigDirEnv overrides the config folder (tests, scripts, portable installs).
const ConfigDirEnv = "HOIST_CONFIG_DIR"

// Permissions of what Hoist writes: only the user may read its settings and queue.
const (
	dirPerm  = 0o700
	filePerm = 0o600
)

// DefaultDir is $HOIST_CONFIG_DIR, or the OS config folder + "Hoist" (for example
// ~/.config/Hoist, ~/Library/Application Support/Hoist, %AppData%\Hoist).
func DefaultDir() (string, error) {
	if d := os.Getenv(ConfigDirEnv); d != "" {
		return filepath.Abs(d)
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fail("store.dir.unknown", words.A{"Env": ConfigDirEnv, "Reason": err}, err)
	}
	return filepath.Join(base, "Hoist"), nil
}

// Config is the user's config folder and the stores kept in it.
type Config struct {
	Dir         string
	Profiles    *Profiles
	Presets     *Presets
	Queue       *QueueStore
	Credentials *Credentials
}

// Open prepares the config folder dir ("" = DefaultDir) and the stores in it.
func Open(dir string) (*Config, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, fail("store.dir.not_created", words.A{"Path": dir, "Reason": err}, err)
	}
	return &Config{
		Dir:         dir,
		Profiles:    &Profiles{Dir: dir},
		Presets:     &Presets{Dir: filepath.Join(dir, "presets")},
		Queue:       &QueueStore{Dir: dir},
		Credentials: &Credentials{},
	}, nil
}

// resolveDir returns dir, or DefaultDir when dir is empty, so that every store works with
// only its Dir field set.
func resolveDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDir()
}

// writeFileAtomic replaces path with data so that a crash leaves either the old or the new
// file, never half of one: write a temporary file beside it, flush it to disk, rename.
func writeFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		if _, err := w.Write(data); err != nil {
			return fail("store.write.failed", words.A{"Path": path, "Reason": err}, err)
		}
		return nil
	})
}

// writeAtomic is writeFileAtomic for a file written piece by piece by write, which is
// never whole in memory. When write fails, the temporary file is removed, path is left as
// it was, and write's error is returned as it is (errSameContent included).
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return fail("store.dir.not_created", words.A{"Path": dir, "Reason": err}, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail("store.write.failed", words.A{"Path": dir, "Reason": err}, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(filePerm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail("store.write.not_protected", words.A{"Path": f.Name(), "Reason": err}, err)
	}
	if err := write(f); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fail("store.write.failed", words.A{"Path": path, "Reason": err}, err)
	}
	if err := f.Close(); err != nil {
		return fail("store.write.failed", words.A{"Path": path, "Reason": err}, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fail("store.write.not_replaced", words.A{"Path": path, "Reason": err}, err)
	}
	return nil
}
