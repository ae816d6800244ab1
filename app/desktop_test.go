package app

import (
	"hoist/internal/testfs"

	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/sandbox"
	"hoist/ui"
)

// inline runs the window's background work at once: the test driver's fyne.Do runs work
// on the caller's goroutine, so widgets must not be reached from two goroutines at once.
func inline(f func()) { f() }

func build(t *testing.T) *Desktop { t.Helper(); return buildWith(t, Options{}) }

// buildWith is build with opt's test seams (its ConfigDir and Async are build's).
func buildWith(t *testing.T, opt Options) *Desktop {
	t.Helper()
	keyring.MockInit()
	opt.ConfigDir, opt.Async = t.TempDir(), inline
	dt, err := Build(test.NewTempApp(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dt.Close() })
	return dt
}

func tree(t *testing.T, files map[string]string) string { return testfs.Tree(t, files) }

// upload presses Upload and waits until the upload and the fetch of the server's log end.
func upload(t *testing.T, dt *Desktop) session.Summary {
	t.Helper()
	ended := make(chan session.Summary, 1)
	dt.Window.OnEnded = func(s session.Summary) { ended <- s }
	if dt.Window.Queue.Upload.Disabled() {
		t.Fatalf("Upload is disabled: %q", dt.Window.Queue.Upload.Text)
	}
	test.Tap(dt.Window.Queue.Upload)
	select {
	case s := <-ended:
		dt.Queue.Wait()
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("the upload did not end")
	}
	return session.Summary{}
}

func TestUploadToTheSandboxTakesEveryRowToDone(t *testing.T) {
	dt := build(t)
	files := map[string]string{
		"Spring/hero.jpg":             "hero image bytes",
		"Spring/img/logo <&>.png":     "logo",
		"Spring/Été 日本 \"quote\".tif": "tiff",
		"Spring/empty.psd":            "",
	}
	dir := tree(t, files)
	dt.Window.Dest.SetFolder("campaigns/spring")
	if added, _ := dt.Queue.Add([]string{filepath.Join(dir, "Spring")}); added != len(files) {
		t.Fatalf("added %d files", added)
	}
	sum := upload(t, dt)
	if sum.Err != nil || sum.Done != len(files) || sum.Failed != 0 {
		t.Fatalf("summary = %+v", sum)
	}
	for _, r := range dt.Queue.Rows() {
		if r.State != session.Done {
			t.Errorf("%s ended %s: %s", r.Rel, r.State, r.Reason)
		}
	}
	for rel, body := range files {
		p := dt.Sandbox.Scene7File(sandbox.DemoCompany, "campaigns/spring/"+rel)
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, []byte(body)) {
			t.Errorf("%s on the sandbox's disk: %q, %v", rel, got, err)
		}
	}
	// The server's job log was fetched once the job ended.
	server := 0
	for _, e := range dt.Queue.Log(0) {
		if e.Source == session.Server {
			server++
		}
	}
	if server == 0 {
		t.Error("no line of the server's job log in the job log")
	}
	// The queue went to the history: nothing is offered at the next start.
	if err := dt.Queue.Flush(); err != nil { // what quitting does; the save may still be pending
		t.Fatal(err)
	}
	if snap, err := dt.Config.Queue.Restore(time.Now()); err != nil || len(snap.Rows) != 0 {
		t.Errorf("saved files after a complete upload: %d, %v", len(snap.Rows), err)
	}
}

func TestUploadToTheDrSumSandbox(t *testing.T) {
	dt := build(t)
	dir := tree(t, map[string]string{"Q3/report.pdf": "pdf"})
	dt.Window.Dest.Choose(store.SandboxDrSumProfile)
	dt.Queue.Add([]string{filepath.Join(dir, "Q3")})
	if sum := upload(t, dt); sum.Done != 1 {
		t.Fatalf("summary = %+v", sum)
	}
	if got, err := os.ReadFile(dt.Sandbox.DrSumFile(store.SandboxDrSumFolder+"/Q3", "report.pdf")); err != nil || string(got) != "pdf" {
		t.Fatalf("on disk: %q, %v", got, err)
	}
}

func TestPresetSavedInTheWindowLoadsInTheCLI(t *testing.T) {
	dt := build(t)
	of := dt.Window.Options
	test.Tap(of.Input("manualCropOptions").(*widget.Check))
	of.Input("manualCropOptions.top").(interface{ SetText(string) }).SetText("25")
	test.Tap(of.Input("createMask").(*widget.Check))
	of.Input("emailSetting").(*widget.Select).SetSelected(ui.ChoiceLabel("emailSetting", "ErrorAndWarning"))
	path, err := dt.Window.Presets.Save("Spring heroes")
	if err != nil {
		t.Fatal(err)
	}
	p, err := store.LoadPreset(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(of.Options())
	got, _ := json.Marshal(p.Options)
	if !bytes.Equal(got, want) || p.Name != "Spring heroes" {
		t.Fatalf("the CLI reads %s (%q)\nthe window has %s", got, p.Name, want)
	}
	if p.Options.ManualCrop == nil || p.Options.ManualCrop.Top != 25 || !p.Options.CreateMask {
		t.Errorf("options = %+v", p.Options)
	}
}

func TestUnfinishedFilesAreOfferedAtTheNextStart(t *testing.T) {
	first, cfgDir, dir := twoFiles(t)
	first.Queue.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")})
	second := reopen(t, first, cfgDir, test.NewTempApp(t))
	if n := second.Queue.Totals().Count(session.Queued); n != 2 {
		t.Fatalf("%d files queued again", n)
	}
	if !second.Window.ResumeOffered() {
		t.Fatal("the unfinished files are not offered")
	}
}
