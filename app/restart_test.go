package app

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
	"hoist/ui"
	"hoist/uploader"
)

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSpace(b))
}

// reopen closes dt as quitting does and builds the window again on the same config folder.
// A fresh fyne app has empty preferences, so what comes back comes from the saved queue.
func reopen(t *testing.T, dt *Desktop, cfgDir string, a fyne.App) *Desktop {
	t.Helper()
	if err := dt.Queue.Flush(); err != nil {
		t.Fatal(err)
	}
	dt.Close()
	next, err := Build(a, Options{ConfigDir: cfgDir, Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { next.Close() })
	return next
}

// Files added and left without uploading come back with exactly the connection and
// options they were waiting with, ready to go; forgetting them keeps those settings.
func TestRestartRestoresTheQueueWithItsSettings(t *testing.T) {
	for _, tt := range []struct {
		name  string
		edit  func(dt *Desktop)
		check func(t *testing.T, dt *Desktop)
	}{
		{"defaults", func(*Desktop) {}, func(t *testing.T, dt *Desktop) {
			if !dt.Window.Options.Input("overwrite").(*widget.Check).Checked {
				t.Error("Replace files came back off")
			}
			if s := dt.Window.Options.Input("emailSetting").(*widget.Select).Selected; s != ui.ChoiceLabel("emailSetting", string(uploader.EmailNone)) {
				t.Errorf("the e-mail choice shows %q", s)
			}
		}},
		{"changed", func(dt *Desktop) {
			of := dt.Window.Options
			test.Tap(of.Input("overwrite").(*widget.Check))
			of.Input("emailSetting").(*widget.Select).SetSelected(ui.ChoiceLabel("emailSetting", "ErrorAndWarning"))
			dt.Window.Dest.SetFolder("campaigns/spring")
		}, func(t *testing.T, dt *Desktop) {
			if dt.Window.Options.Input("overwrite").(*widget.Check).Checked {
				t.Error("Replace files came back on")
			}
			if got := dt.Queue.Snapshot().Last.DestFolder; got != "campaigns/spring" {
				t.Errorf("destination folder %q", got)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first, cfgDir, dir := twoFiles(t)
			tt.edit(first)
			first.Queue.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")})
			want := jsonOf(t, first.Window.Options.Options())
			wantProfile := first.Queue.Snapshot().Last.Profile

			second := reopen(t, first, cfgDir, test.NewTempApp(t))
			if got := jsonOf(t, second.Window.Options.Options()); got != want {
				t.Errorf("options after the restart\n got %s\nwant %s", got, want)
			}
			if got := second.Queue.Snapshot().Last.Profile; got != wantProfile {
				t.Errorf("connection %q, want %q", got, wantProfile)
			}
			tt.check(t, second)
			if n := second.Queue.Totals().Count(session.Queued); n != 2 || !second.Window.ResumeOffered() {
				t.Fatalf("%d files queued again, offered %v", n, second.Window.ResumeOffered())
			}
			if second.Window.Queue.Upload.Disabled() {
				t.Errorf("Upload is blocked after the restart")
			}

			// Forget them: the files go, the settings stay, the offer goes.
			second.Queue.ForgetRestored()
			if got := jsonOf(t, second.Window.Options.Options()); got != want {
				t.Errorf("options after Forget them\n got %s\nwant %s", got, want)
			}
			if second.Window.ResumeOffered() {
				t.Error("the offer stays with no file left to resume")
			}
		})
	}
}

// The options on screen come back at the next start even with an empty queue.
func TestRestartKeepsTheOptionsWithoutAQueue(t *testing.T) {
	keyring.MockInit()
	cfgDir := t.TempDir()
	a := test.NewTempApp(t)
	first, err := Build(a, Options{ConfigDir: cfgDir, Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(first.Window.Options.Input("createMask").(*widget.Check))
	want := jsonOf(t, first.Window.Options.Options())
	second := reopen(t, first, cfgDir, a) // the same app: its preferences are kept
	if got := jsonOf(t, second.Window.Options.Options()); got != want {
		t.Errorf("options after the restart\n got %s\nwant %s", got, want)
	}
}

// Upload them sends the restored files where they were going.
func TestUploadAfterARestart(t *testing.T) {
	keyring.MockInit()
	cfgDir := t.TempDir()
	dir := tree(t, map[string]string{"a.jpg": "a"})
	first, err := Build(test.NewTempApp(t), Options{ConfigDir: cfgDir, Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	first.Queue.Add([]string{filepath.Join(dir, "a.jpg")})
	second := reopen(t, first, cfgDir, test.NewTempApp(t))
	if sum := upload(t, second); sum.Done != 1 || sum.Err != nil {
		t.Fatalf("summary %+v", sum)
	}
	if second.Window.ResumeOffered() {
		t.Error("the offer stays after the files were uploaded")
	}
}

// A file opened with Hoist at the start that an earlier run had left queued is the
// person's choice now: Forget them takes the other restored files off and keeps it.
func TestForgetThemKeepsAFileOpenedAgain(t *testing.T) {
	first, cfgDir, dir := twoFiles(t)
	first.Queue.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")})
	second := reopen(t, first, cfgDir, test.NewTempApp(t))
	second.Window.AddPaths([]string{filepath.Join(dir, "b.jpg")}) // as Run does with its launch paths
	if !second.Window.ResumeOffered() {
		t.Fatal("no offer after the restart")
	}
	var forget *widget.Button
	for _, o := range test.LaidOutObjects(second.Window.Win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Forget them" {
			forget = b
		}
	}
	if forget == nil {
		t.Fatal("no Forget them button")
	}
	test.Tap(forget)
	rows := second.Queue.Rows()
	if len(rows) != 1 || filepath.Base(rows[0].Path) != "b.jpg" || rows[0].State != session.Queued {
		t.Fatalf("after Forget them: %+v", rows)
	}
}

// twoFiles builds the window on a fresh configuration folder (the keychain mocked) beside
// a folder holding a.jpg and b.jpg: the first run of a restart test.
func twoFiles(t *testing.T) (first *Desktop, cfgDir, dir string) {
	t.Helper()
	keyring.MockInit()
	cfgDir = t.TempDir()
	dir = tree(t, map[string]string{"a.jpg": "a", "b.jpg": "b"})
	first, err := Build(test.NewTempApp(t), Options{ConfigDir: cfgDir, Async: inline})
	if err != nil {
		t.Fatal(err)
	}
	return first, cfgDir, dir
}
