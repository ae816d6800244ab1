package ui

import (
	"hoist/internal/testfs"

	"context"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/uploader"
)

// testEnv is a window on the test driver, with the real app stores in a temporary
// folder, a mock keychain, and fakes for the network and the file dialogs.
type testEnv struct {
	w      *Window
	cfg    *store.Config
	q      *session.Queue
	remote *fakeRemote
	pick   *fakePickers
	// timers holds the window's timers (the Connections editor's pause before it asks
	// the keychain): a test fires them, none waits on the clock.
	timers *fakeTimers
}

func newTestEnv(t testing.TB) *testEnv { return newTestEnvWith(t, noUploads{}) }

// newTestEnvWith is newTestEnv with eng as the upload engine.
func newTestEnvWith(t testing.TB, eng session.Uploader) *testEnv {
	t.Helper()
	return newTestEnvConfig(t, session.Config{Uploader: eng})
}

// newTestEnvConfig is newTestEnv with the session made from sc (its engine, follower…).
func newTestEnvConfig(t testing.TB, sc session.Config) *testEnv {
	t.Helper()
	keyring.MockInit()
	a := test.NewTempApp(t)
	cfg, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{cfg: cfg, remote: &fakeRemote{}, pick: &fakePickers{}}
	e.q = session.New(sc)
	win := a.NewWindow("Hoist")
	e.w = New(a, win, Deps{Queue: e.q, Remote: e.remote, Profiles: cfg.Profiles, Secrets: cfg.Credentials,
		Presets: cfg.Presets, Pickers: e.pick, SandboxURL: "http://127.0.0.1:9", Async: func(f func()) { f() }})
	e.timers = &fakeTimers{}
	e.w.Connections.pw.after = e.timers.after
	win.Resize(DefaultSize)
	return e
}

// noUploads refuses every upload: the UI tests never send anything (package app's tests
// upload to a real sandbox).
type noUploads struct{}

func (noUploads) Upload(context.Context, uploader.Request, func(uploader.Event)) (*uploader.Result, error) {
	return nil, &uploader.SettingsError{Problems: []uploader.SettingsProblem{uploader.NeedHTTPClient}} // this test does not upload
}

type fakeRemote struct {
	mu      sync.Mutex
	verdict uploader.Verdict
	got     []uploader.Conn
	logs    []uploader.JobLog // JobLog's answer when set
}

func (f *fakeRemote) Test(_ context.Context, c uploader.Conn) (uploader.Verdict, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, c)
	return f.verdict, nil
}

func (f *fakeRemote) ActiveJobs(_ context.Context, c uploader.Conn) ([]uploader.ActiveJob, uploader.Exchange, error) {
	return []uploader.ActiveJob{{Name: "spring", State: "Running", JobHandle: "h|1", Progress: 40}}, uploader.Exchange{Operation: "getActiveJobs", URL: c.Endpoint.APIURL}, nil
}

func (f *fakeRemote) JobLog(_ context.Context, c uploader.Conn, handle string) ([]uploader.JobLog, uploader.Exchange, error) {
	if f.logs != nil {
		return f.logs, uploader.Exchange{}, nil
	}
	return []uploader.JobLog{{JobName: "spring", JobHandle: handle, FileSuccessCount: 1, TotalFileCount: 1,
		Details: []uploader.LogDetail{{LogType: "Info", AssetName: "a.jpg", LogMessage: "File uploaded"}}}}, uploader.Exchange{}, nil
}

type fakePickers struct {
	files  []string
	folder string
	save   string
}

func (f *fakePickers) OpenFiles() ([]string, error) {
	if f.files == nil {
		return nil, ErrPickerCancelled
	}
	return f.files, nil
}

func (f *fakePickers) OpenFolder() (string, error) {
	if f.folder == "" {
		return "", ErrPickerCancelled
	}
	return f.folder, nil
}

func (f *fakePickers) SaveFile(string, string) (string, error) {
	if f.save == "" {
		return "", ErrPickerCancelled
	}
	return f.save, nil
}

func files(t testing.TB, tree map[string]string) string { return testfs.Tree(t, tree) }

func fileURIs(paths ...string) []fyne.URI {
	out := make([]fyne.URI, len(paths))
	for i, p := range paths {
		out[i] = storage.NewFileURI(p)
	}
	return out
}

func scene7Profile(name string) store.Profile {
	return store.Profile{Name: name, Service: uploader.Scene7, Region: uploader.RegionNA, User: "anna@brand.example", Company: "c|77"}
}
