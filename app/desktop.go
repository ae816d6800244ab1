// Package app is the composition root of Hoist's window, the only package main calls: it
// creates the Fyne app, starts the Local sandbox in-process, opens the stores (settings,
// keychain, queue), builds the upload engine and session, and hands them all to the ui
// package's window.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/assets"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/ui"
	"hoist/uploader"
)

// AppID identifies Hoist to the OS (preferences, notifications); FyneApp.toml says the same.
const AppID = "io.hoist.app"

// DemoFilesEnv preloads the queue with files and folders (separated like PATH), for demos
// and screenshots.
const DemoFilesEnv = "HOIST_DEMO_FILES"

// Desktop is the running composition: the window and what it was built from.
type Desktop struct {
	Window  *ui.Window
	Queue   *session.Queue
	Config  *store.Config
	Sandbox *sandbox.Running
	// prefs are the window's preferences in Config.Dir (see prefs.go).
	prefs *store.Prefs
	// launches takes the paths of later launches (see instance.go); nil without one.
	launches *launchListener
	trace    *trace // nil unless $HOIST_TRACE is set (see trace.go)
}

// Options choose where Build keeps its files.
type Options struct {
	ConfigDir string // "" = store.DefaultDir (or $HOIST_CONFIG_DIR)
	// Async runs the window's background work (see ui.Deps.Async); nil = goroutines.
	Async func(func())
	// Launches, when this process is the one window (see oneInstance), brings the paths
	// of later launches to this window; Close closes it.
	Launches *launchListener
	// SandboxProcessing is how long the Local sandbox processes a job after its upload
	// (sandbox.Config.ProcessingTime); Run uses sandbox.DemoProcessingTime, tests 0.
	SandboxProcessing time.Duration
	// trace notes the window's milestones for a measurement; nil notes nothing.
	trace *trace
	// uploads stands in for the engine's uploads in tests that must know when the
	// session's goroutine stops touching the widgets; nil = the engine's client.
	uploads session.Uploader
}

// Build wires everything into a window of a, whose preferences it keeps in the config
// folder (withPrefs). Close releases it.
func Build(a fyne.App, opt Options) (*Desktop, error) {
	cfg, err := store.Open(opt.ConfigDir)
	if err != nil {
		return nil, err
	}
	h := withPrefs(a, cfg.Dir, ownConfigDir(opt.ConfigDir))
	a = h
	sb, err := sandbox.Start(sandbox.Config{Dir: filepath.Join(cfg.Dir, "sandbox"), ProcessingTime: opt.SandboxProcessing}, "")
	if err != nil {
		return nil, words.Fail("app.sandbox.not_started", words.A{"Reason": err}, err)
	}
	client := uploader.NewClient()
	// The follow-up reads each Scene7 job's log once Scene7 is done with it; ServerLog
	// stays for a session built without one.
	var uploads session.Uploader = client
	if opt.uploads != nil {
		uploads = opt.uploads
	}
	q := session.New(session.Config{Uploader: uploads, Follower: client, Store: cfg.Queue, ServerLog: serverLog(client)})
	dt := &Desktop{Queue: q, Config: cfg, Sandbox: sb, prefs: h.prefs.store, trace: opt.trace}

	win := a.NewWindow("Hoist")
	dt.Window = ui.New(a, win, ui.Deps{
		Queue: q, Remote: remote{http: client.HTTP}, Profiles: cfg.Profiles, Secrets: cfg.Credentials,
		Presets: cfg.Presets, Pickers: &nativePickers{}, SandboxURL: sb.URL, Async: opt.Async,
		Bandwidth: client.Bandwidth, History: cfg.Queue.History,
	})
	if dt.trace != nil {
		dt.Window.OnAdded = func(added, skipped int) { dt.trace.event(traceListed, int64(added+skipped)) }
	}
	if h.trouble != nil {
		// Said before resume's news of the queue, which matter more and replace it.
		fyne.LogError("reading the window's settings", h.trouble)
		dt.Window.Queue.SetStatus(words.Error(h.trouble))
		h.trouble = nil
	}
	dt.resume()
	win.SetCloseIntercept(dt.closing)
	if opt.Launches != nil {
		dt.launches = opt.Launches
		dt.launches.deliverTo(dt.launched)
	}
	return dt, nil
}

// launched takes the paths of a later launch: they join the queue, and the window comes
// to the front.
func (dt *Desktop) launched(paths []string) {
	dt.trace.event(tracePaths, int64(len(paths)))
	fyne.Do(func() {
		dt.Window.Win.RequestFocus()
		dt.Window.AddPaths(paths)
	})
}

// serverLog reads the server's log of a Scene7 job once it has ended.
func serverLog(client *uploader.Client) session.ServerLog {
	return func(ctx context.Context, c uploader.Conn, handle string) ([]uploader.JobLog, error) {
		api := &uploader.API{HTTP: client.HTTP, Conn: c}
		logs, _, err := api.JobLog(ctx, handle)
		return logs, err
	}
}

// resume puts back what an earlier run did not finish and offers it.
func (dt *Desktop) resume() {
	snap, err := dt.Config.Queue.Restore(time.Now())
	if err != nil {
		dt.Window.Queue.SetStatus(savedQueueTrouble(err))
	}
	if len(snap.Rows) == 0 {
		return
	}
	waiting := dt.Queue.Restore(snap) // with the job, unless Restore found it expired
	t := snap.Last
	dt.resumeFollowUps(t)
	dt.Window.OfferResume(ui.Resume{Waiting: waiting, Profile: t.Profile, Company: t.Company, DestFolder: t.DestFolder, Options: &t.Options})
}

// savedQueueTrouble is the status shown when part of the saved queue cannot be read: the
// rest is restored, and the sentence says which file is damaged and how.
func savedQueueTrouble(err error) string {
	// Each damaged saved upload has its sentence: words.Error of the joined errors would
	// name the first alone.
	var files store.FileErrors
	if errors.As(err, &files) {
		var out []string
		for _, e := range files {
			out = append(out, words.T("app.queue.partly_unreadable", words.A{"Reason": e}))
		}
		return words.Sentences(out...)
	}
	return words.T("app.queue.partly_unreadable", words.A{"Reason": err})
}

// resumeFollowUps follows again, in the background, the jobs Scene7 was still processing
// when Hoist closed; their logs are still on the server. It runs while the window is
// built, before it shows, so asking the keychain for the password holds up nothing.
func (dt *Desktop) resumeFollowUps(t session.Target) {
	if t.Endpoint.Service != uploader.Scene7 || t.Profile == "" {
		return
	}
	pending := false
	for _, r := range dt.Queue.Rows() {
		pending = pending || r.Outcome == session.Processing
	}
	if !pending {
		return
	}
	p, err := dt.profile(t.Profile)
	if err == nil {
		t.Endpoint, err = p.Endpoint(dt.Sandbox.URL)
	}
	if err == nil {
		t.Credentials.User = p.User
		t.Credentials.Password, err = dt.Config.Credentials.Password(p)
	}
	if err != nil {
		dt.Window.Queue.SetStatus(words.T("app.followup.cannot", words.A{"Reason": words.Error(err)}))
		return
	}
	dt.Queue.ResumeFollowUps(t.Conn, t.DestFolder)
}

// profile finds a connection by name, the built-in ones included.
func (dt *Desktop) profile(name string) (store.Profile, error) {
	for _, b := range store.BuiltinProfiles() {
		if b.Name == name {
			return b, nil
		}
	}
	return dt.Config.Profiles.Get(name)
}

// closing keeps the window's size and the queue; mid-upload it asks first, since the files
// not sent yet will only go at the next start.
func (dt *Desktop) closing() {
	quit := func() {
		savePlace(dt.Window)
		dt.Window.SaveState()
		if err := dt.Queue.Flush(); err != nil {
			fyne.LogError("saving the queue", err)
		}
		dt.Window.Win.Close()
	}
	if !dt.Queue.Running() {
		quit()
		return
	}
	// The buttons say what they do: Yes and No left a new user reading the question again.
	d := dialog.NewConfirm(words.T("app.quit.title", nil), words.T("app.quit.message", nil),
		func(yes bool) {
			if yes {
				quit()
			}
		}, dt.Window.Win)
	d.SetConfirmText(words.T("app.quit.confirm", nil))
	d.SetDismissText(words.T("app.quit.keep", nil))
	d.Show()
}

// Close writes the queue now, so that no save it had scheduled writes to the config
// folder afterwards (quitting has written it already: this one is cheap), waits for the
// window's preferences to be written, then stops the listening for later launches and
// the sandbox.
func (dt *Desktop) Close() error {
	dt.Queue.StopFollowUps()
	err := errors.Join(dt.Queue.Flush(), dt.prefs.Flush())
	if dt.launches != nil {
		err = errors.Join(err, dt.launches.Close())
	}
	return errors.Join(err, dt.Sandbox.Close())
}

// Run opens Hoist's window with the files and folders of args in its queue, and returns
// when it is closed; when a Hoist window is open already, it hands args to it instead.
func Run(args []string) error {
	paths := launchPaths(args)
	launches, handed, err := claimWindow(paths)
	if handed {
		return nil
	}
	if err != nil {
		fyne.LogError("later launches will open their own window", err)
	}
	fixLocale()
	// Fyne makes its cache folder inside the user's cache folder without creating that
	// one, which a brand-new account may not have yet.
	if dir, err := os.UserCacheDir(); err == nil {
		_ = os.MkdirAll(dir, 0o700)
	}
	// With its ID, not New: the ID names Hoist's notifications, its window to a Wayland
	// desktop and Fyne's cache folder. It also has Fyne keep a folder of its own in the OS
	// config folder, which Fyne 2.8 gives no way to avoid (README "Packaging and
	// deployment", where Hoist keeps things).
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(ui.Theme()) // Fyne's, with readable colours on the light variant
	dir, err := store.DefaultDir()
	if err != nil {
		if launches != nil {
			launches.Close()
		}
		return err
	}
	h := withPrefs(a, dir, ownConfigDir("")) // before speak, which reads the language chosen
	speak(h)
	tr := openTrace()
	dt, err := Build(h, Options{Launches: launches, SandboxProcessing: sandbox.DemoProcessingTime, trace: tr})
	if err != nil {
		if launches != nil {
			launches.Close()
		}
		return err
	}
	defer dt.Close()
	stopLag := make(chan struct{})
	defer close(stopLag)
	a.Lifecycle().SetOnStarted(func() {
		fitToScreen(dt.Window)
		tr.event(traceStarted, 0)
		go tr.sampleLag(fyne.Do, stopLag)
	})
	// Back in front, the window shows the connections and their passwords as saved now:
	// they may have been changed meanwhile (a settings file copied in, hoist login).
	a.Lifecycle().SetOnEnteredForeground(dt.Window.EnteredForeground)
	openedWith.deliverTo(dt.launched)
	if demo := os.Getenv(DemoFilesEnv); demo != "" {
		paths = append(paths, filepath.SplitList(demo)...)
	}
	dt.Window.AddPaths(paths)
	dt.Window.Win.ShowAndRun()
	return nil
}

// Main runs Hoist's window and exits with a message when it cannot start.
func Main() {
	if err := Run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, words.T("app.not_started", words.A{"Reason": err}))
		os.Exit(1)
	}
}
