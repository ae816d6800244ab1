package store

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// TestPasswordNeverOnDisk runs what the GUI does around an upload (save a profile, save its
// password, run the queue to the end, save a preset), with a working keychain and then a
// missing one, and then looks for the passwords in every file of the config folder and in
// every message the run produced (what a log would have held).
func TestPasswordNeverOnDisk(t *testing.T) {
	secrets := []string{"canary-Ω-4f1c9e-keychain", "canary-Ω-77ab02-session"}
	cfg, err := Open(filepath.Join(t.TempDir(), "Hoist"))
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	note := func(err error) {
		if err != nil {
			log.WriteString(err.Error() + "\n" + words.Error(err) + "\n")
		}
	}
	for i, pw := range secrets {
		keyring.MockInit()
		if i == 1 {
			keyring.MockInitWithError(errors.New("the name org.freedesktop.secrets was not provided by any .service files"))
		}
		p := Profile{Name: "Prod " + string(rune('A'+i)), Service: uploader.Scene7, Region: uploader.RegionNA, Company: "c|1", User: "ops@example.com"}
		if err := cfg.Profiles.Save("", p); err != nil {
			t.Fatal(err)
		}
		note(cfg.Profiles.SetDefault(p.Name))
		key := CredentialKey(p)
		note(cfg.Credentials.Set(key, pw))
		got, err := cfg.Credentials.Password(p)
		note(err)
		if got != pw {
			t.Fatalf("password of %s not usable: %v", p.Name, err)
		}
		// The engine's credentials print as user:* wherever they end up.
		log.WriteString(uploader.Credentials{User: p.User, Password: got}.String() + "\n")

		// The session's snapshot carries the password it uploaded with; the file must not.
		snap := sampleSnapshot()
		snap.Last.Profile, snap.Last.Credentials = p.Name, uploader.Credentials{User: p.User, Password: pw}
		note(cfg.Queue.SaveQueue(snap))
		for f := range snap.Rows[:len(snap.Rows)-1] {
			snap.Rows[f].State = session.Done
			snap.LastPost = t0.Add(time.Duration(f) * time.Second)
			note(cfg.Queue.SaveQueue(snap))
		}
		scanDir(t, cfg.Dir, secrets) // the journal of a running upload too
		snap.Rows[len(snap.Rows)-1].State = session.Done
		note(cfg.Queue.SaveQueue(snap)) // to the history
		note(cfg.Presets.Save(Preset{Name: "Preset " + p.Name, Options: richOptions()}))
		_, err = cfg.Credentials.Get(KeyFor("scene7", "https://other.example.com", "nobody"))
		note(err)
		note(cfg.Credentials.Forget(key))
	}
	keyring.MockInit()
	if log.Len() == 0 {
		t.Fatal("the run produced no messages to check")
	}

	if files := scanDir(t, cfg.Dir, secrets); files < 3 {
		t.Fatalf("only %d files in the config folder: the flow did not run", files)
	}
	checkNoSecret(t, "messages", log.Bytes(), secrets)
}

// scanDir checks every file under dir and returns how many there are.
func scanDir(t *testing.T, dir string, secrets []string) int {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		checkNoSecret(t, path, data, secrets)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func checkNoSecret(t *testing.T, where string, data []byte, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		for _, form := range []string{s, base64.StdEncoding.EncodeToString([]byte(s))} {
			if bytes.Contains(data, []byte(form)) {
				t.Errorf("%s contains a password", where)
			}
		}
	}
}
