// Package ui is Hoist's window: Fyne widgets only. It never makes a network call itself;
// what needs the network or the disk (uploads, Test connection, the admin calls, the
// keychain, presets, native pickers) comes in through the small interfaces below, which
// the composition root (app/desktop) implements.
package ui

import (
	"context"
	"errors"

	"hoist/app/session"
	"hoist/uploader"
)

// Conn is what a call to a server needs: where, who, for which company.
type Conn struct {
	Endpoint    uploader.Endpoint
	Credentials uploader.Credentials
	Company     string
}

// Remote makes the calls of Test connection and of the admin view.
type Remote interface {
	Test(ctx context.Context, c Conn) (uploader.Verdict, error)
	ActiveJobs(ctx context.Context, c Conn) ([]uploader.ActiveJob, uploader.Exchange, error)
	JobLog(ctx context.Context, c Conn, jobHandle string) ([]uploader.JobLog, uploader.Exchange, error)
}

// ProfileStore keeps connection profiles.
type ProfileStore interface {
	Profiles() ([]Profile, error)
	// PutProfile stores p, replacing the profile called oldName ("" for a new one).
	PutProfile(oldName string, p Profile) error
	DeleteProfile(name string) error
	DefaultProfile() string
	SetDefaultProfile(name string) error
}

// ErrNoPassword is returned by Secrets.Password when none is stored.
var ErrNoPassword = errors.New("no password saved")

// Secrets keeps passwords in the OS keychain.
type Secrets interface {
	// Available reports whether a keychain can be used on this computer.
	Available() bool
	Password(p Profile) (string, error) // ErrNoPassword when none is saved
	SetPassword(p Profile, password string) error
	ForgetPassword(p Profile) error
}

// PresetStore keeps presets of upload options as JSON files the CLI reads too.
type PresetStore interface {
	Presets() ([]string, error)
	LoadPreset(name string) (uploader.Options, error)
	SavePreset(name string, o uploader.Options) error
	RenamePreset(oldName, newName string) error
	DeletePreset(name string) error
	// PresetPath is the file of a preset, for `hoist upload --preset FILE`.
	PresetPath(name string) string
}

// ErrPickerCancelled is returned by Pickers when the person closed the dialog.
var ErrPickerCancelled = errors.New("cancelled")

// Pickers are the operating system's file dialogs. They block; the window calls them
// from a goroutine.
type Pickers interface {
	OpenFiles() ([]string, error)
	OpenFolder() (string, error)
	SaveFile(title, suggestedName string) (string, error)
}

// Builtin is a connection that exists without configuration, such as the Local sandbox.
type Builtin struct {
	Profile  Profile
	Password string // demo credentials; never a real one
	// Banner is shown while it is the chosen connection.
	Banner string
}

// Deps is everything the window needs from outside.
type Deps struct {
	Queue    *session.Queue
	Remote   Remote
	Profiles ProfileStore
	Secrets  Secrets
	Presets  PresetStore
	Pickers  Pickers
	Builtins []Builtin
}
