// Package ui is Hoist's window: Fyne widgets only. It never makes a network call itself:
// uploads run in the session (app/session), whose Observer the window follows; what else
// needs the network or the disk (Test connection and the admin calls, each given an
// uploader.Conn; the keychain, presets, native pickers) comes in through the small
// interfaces below, which the composition root (package app) implements.
package ui

import (
	"context"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/uploader"
)

// Remote makes the calls of Test connection and of the admin view.
type Remote interface {
	Test(ctx context.Context, c uploader.Conn) (uploader.Verdict, error)
	ActiveJobs(ctx context.Context, c uploader.Conn) ([]uploader.ActiveJob, uploader.Exchange, error)
	JobLog(ctx context.Context, c uploader.Conn, jobHandle string) ([]uploader.JobLog, uploader.Exchange, error)
}

// ProfileStore keeps connection profiles (*store.Profiles is one). List gives the
// built-in Local sandbox connections first.
type ProfileStore interface {
	List() ([]store.Profile, error)
	// Save creates a profile (original "") or replaces the one called original.
	Save(original string, p store.Profile) error
	Duplicate(name string) (store.Profile, error)
	Delete(name string) error
	Default() (store.Profile, error)
	SetDefault(name string) error
}

// Secrets keeps passwords (*store.Credentials is one): in the OS keychain, or in memory for
// this session when the keychain cannot be used.
type Secrets interface {
	// Password errors wrap store.ErrNoPassword when none is saved.
	Password(p store.Profile) (string, error)
	// Set saves to the keychain; a *store.KeychainUnavailableError with SessionOnly means
	// the password was kept for this session instead.
	Set(key, password string) error
	SetSession(key, password string)
	SessionOnly(key string) bool
	Forget(key string) error
}

// PresetStore keeps presets of upload options as JSON files that
// `hoist upload --preset FILE` reads too;
// *store.Presets is one.
type PresetStore interface {
	List() ([]store.Preset, error)
	Load(name string) (store.Preset, error)
	Save(p store.Preset) error
	// Path is the file of a preset.
	Path(name string) (string, error)
	Rename(from, to string) error
	Delete(name string) error
}

// ErrPickerCancelled is returned by Pickers when the person closed the dialog. Nobody
// reads it: the window does nothing when a dialog was closed, so it has no sentence.
var ErrPickerCancelled error = pickerCancelled{}

type pickerCancelled struct{}

func (pickerCancelled) Error() string { return "picker: closed without a choice" }

// Pickers are the operating system's file dialogs. They block; the window calls them
// from a goroutine.
type Pickers interface {
	OpenFiles() ([]string, error)
	OpenFolder() (string, error)
	SaveFile(title, suggestedName string) (string, error)
}

// Deps is everything the window needs from outside.
type Deps struct {
	Queue    *session.Queue
	Remote   Remote
	Profiles ProfileStore
	Secrets  Secrets
	Presets  PresetStore
	Pickers  Pickers
	// SandboxURL is the running Local sandbox's base URL, for the built-in connections.
	SandboxURL string
	// Async runs background work; nil runs it on a new goroutine. Tests run it at once,
	// because the test driver's fyne.Do does not hand work to one thread as apps do.
	Async func(func())
	// Bandwidth is the uploads' speed limit, which the Advanced options set; nil hides
	// nothing but limits nothing.
	Bandwidth *uploader.Bandwidth
	// History lists the uploads of earlier runs, oldest first (store.QueueStore.History),
	// which Admin's job log offers by name; nil offers none.
	History func() ([]store.HistoryEntry, error)
}

// run starts work that may block (the keychain, the network, file dialogs, walking
// folders) off Fyne's thread; the work hands its results back with fyne.Do.
func (d Deps) run(f func()) {
	if d.Async != nil {
		d.Async(f)
		return
	}
	go f()
}
