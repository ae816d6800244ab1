package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
)

// shownRows returns the queue rows the list has drawn, by their text.
func shownRows(v *QueueView) map[string]string {
	out := map[string]string{}
	for _, o := range test.LaidOutObjects(v.list) {
		if r, ok := o.(*queueRow); ok && r.Visible() && r.name.Path() != "" {
			out[r.name.Path()] = r.detail.Text
		}
	}
	return out
}

func TestDroppingFilesFillsTheQueue(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{
		"Spring/hero.jpg":      "jpeg",
		"Spring/img/logo.png":  "png",
		"Spring/.DS_Store":     "x",
		"Spring/Été « 1 ».tif": "tif",
	})
	if e.w.Queue.drop.Hidden {
		t.Fatal("the drop zone is hidden while the queue is empty")
	}
	e.w.Drop(fileURIs(filepath.Join(dir, "Spring"), filepath.Join(dir, "Spring", "hero.jpg")))
	if n := e.q.Len(); n != 4 {
		t.Fatalf("queue has %d rows, want 4 (3 files, 1 skipped)", n)
	}
	if got := e.w.Queue.list.Length(); got != 4 {
		t.Fatalf("list length %d", got)
	}
	if !e.w.Queue.drop.Hidden {
		t.Error("the drop zone still covers the list")
	}
	rows := shownRows(e.w.Queue)
	if rows["Spring/hero.jpg"] != "Waiting" || rows["Spring/Été « 1 ».tif"] == "" {
		t.Errorf("rows shown = %v", rows)
	}
	if d := rows["Spring/.DS_Store"]; !strings.HasPrefix(d, "Skipped: ") {
		t.Errorf("skipped row says %q", d)
	}
	if s := e.w.Queue.status.Text; s != "3 files added; 1 file skipped (the list says why)." {
		t.Errorf("status = %q", s)
	}
	if !strings.HasPrefix(e.w.Queue.summary.Text, "0 of 3 files done") {
		t.Errorf("summary = %q", e.w.Queue.summary.Text)
	}
	if e.w.Queue.Upload.Disabled() {
		t.Errorf("Upload is disabled on the sandbox with queued files: %q", e.w.Queue.blocker.Text)
	}

	// The same files dropped again are not listed twice.
	e.w.Drop(fileURIs(filepath.Join(dir, "Spring")))
	if n := e.q.Len(); n != 4 {
		t.Fatalf("after a second drop the queue has %d rows", n)
	}
	if s := e.w.Queue.status.Text; !strings.Contains(s, "already in the queue") {
		t.Errorf("status after the second drop = %q", s)
	}
}

func TestAddFilesAndFolderUseThePickers(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "f/b.jpg": "b"})
	e.w.AddFiles() // cancelled: nothing happens
	if e.q.Len() != 0 {
		t.Fatal("a cancelled picker added files")
	}
	e.pick.files = []string{filepath.Join(dir, "a.jpg")}
	e.pick.folder = filepath.Join(dir, "f")
	test.Tap(e.w.Queue.AddFiles)
	test.Tap(e.w.Queue.AddFolder)
	got := map[string]session.State{}
	for _, r := range e.q.Rows() {
		got[r.Rel] = r.State
	}
	if len(got) != 2 || got["a.jpg"] != session.Queued || got["f/b.jpg"] != session.Queued {
		t.Fatalf("rows = %v", got)
	}
}

func TestSandboxBannerOnFirstRun(t *testing.T) {
	e := newTestEnv(t)
	if e.w.Dest.current.Name != "Local sandbox" {
		t.Fatalf("first run chose %q", e.w.Dest.current.Name)
	}
	if e.w.banner.Hidden {
		t.Fatal("the sandbox banner is hidden on the sandbox")
	}
	if e.w.Dest.pwBox.Visible() {
		t.Error("the sandbox asks for a password")
	}
	if err := e.cfg.Profiles.Save("", scene7Profile("Brand NA")); err != nil {
		t.Fatal(err)
	}
	e.w.Dest.reload("Brand NA")
	if !e.w.banner.Hidden {
		t.Error("the sandbox banner stays on a real connection")
	}
	if !e.w.Dest.pwBox.Visible() {
		t.Error("no password field for a connection without a saved password")
	}
	if !strings.Contains(e.w.Queue.blocker.Text, "password") {
		t.Errorf("blocker = %q", e.w.Queue.blocker.Text)
	}
}

func TestSettingsPersist(t *testing.T) {
	e := newTestEnv(t)
	if err := e.cfg.Profiles.Save("", scene7Profile("Brand NA")); err != nil {
		t.Fatal(err)
	}
	e.w.Dest.reload("Brand NA")
	e.w.Dest.folder.SetText("spring/heroes")
	prefs := e.w.App.Preferences()
	if prefs.String(prefConnection) != "Brand NA" || prefs.String(prefFolder) != "spring/heroes" {
		t.Fatalf("saved %q %q", prefs.String(prefConnection), prefs.String(prefFolder))
	}
	// A second window of the same app starts where the first left off.
	w2 := New(e.w.App, e.w.App.NewWindow("Hoist"), e.w.d)
	if w2.Dest.current.Name != "Brand NA" || w2.Dest.folder.Text != "spring/heroes" {
		t.Fatalf("restored %q %q", w2.Dest.current.Name, w2.Dest.folder.Text)
	}
}

func TestAnEndedUploadIsNotifiedWithItsCounts(t *testing.T) {
	e := newTestEnv(t)
	job := e.w.Dest.job.Text
	sum := session.Summary{JobName: "spring-1", Done: 10, Failed: 2, Skipped: 1, Message: "10 of 12 files uploaded, 2 failed, 1 skipped."}
	test.AssertNotificationSent(t, fyne.NewNotification("Upload finished with problems", "10 uploaded, 2 failed, 1 skipped · job spring-1."), func() {
		e.w.ended(sum)
	})
	if e.w.Queue.status.Text != sum.Message {
		t.Errorf("status = %q", e.w.Queue.status.Text)
	}
	if e.w.Dest.job.Text == job {
		t.Error("the job name was not renewed for the next upload")
	}
}

func TestRemoveAndClearFinished(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "Thumbs.db": "x"})
	e.w.Drop(fileURIs(filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg"), filepath.Join(dir, "Thumbs.db")))
	if !e.w.Queue.RemoveSelectedItem.Disabled {
		t.Error("Remove selected is enabled with nothing selected")
	}
	e.w.Queue.list.Select(0)
	chooseRemove(t, e.w.Queue, e.w.Queue.RemoveSelectedItem)
	if e.q.Len() != 2 {
		t.Fatalf("%d rows after Remove", e.q.Len())
	}
	chooseRemove(t, e.w.Queue, e.w.Queue.ClearItem) // the skipped file is finished
	if e.q.Len() != 1 || e.w.Queue.list.Length() != 1 {
		t.Fatalf("%d rows after Clear finished", e.q.Len())
	}
	if r, _ := e.q.Row(0); r.Rel != "b.jpg" {
		t.Errorf("left %q", r.Rel)
	}
	// The ✕ on a waiting row cancels that file only.
	for _, o := range test.LaidOutObjects(e.w.Queue.list) {
		if r, ok := o.(*queueRow); ok && r.Visible() && r.name.Path() == "b.jpg" {
			test.Tap(r.cancel)
		}
	}
	if r, _ := e.q.Row(0); r.State != session.Cancelled {
		t.Errorf("after ✕ the file is %s", r.State)
	}
	if e.w.Queue.Retry.Disabled() {
		t.Error("Retry failed is off with a cancelled file")
	}
}
