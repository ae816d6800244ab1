package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
)

func TestSaveOutcomesAsCSV(t *testing.T) {
	e := newTestEnv(t)
	p := scene7Profile("Brand NA")
	p.PublishBase = "https://s7d9.scene7.com/is/image/Acme/"
	if err := e.cfg.Profiles.Save("", p); err != nil {
		t.Fatal(err)
	}
	e.w.Dest.reload("Brand NA")
	btn := e.w.Log.saveOutcomesBtn
	dir := files(t, map[string]string{"c/hero 1.jpg": "x", "c/p.psb": "x", "c/x.jpg": "x", "c/new.jpg": "x", "c/later.jpg": "x"})
	in := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

	// Nothing Scene7 has finished with yet: nothing to save.
	e.q.Restore(session.Snapshot{Rows: []session.Saved{
		{Path: in("c/new.jpg"), Rel: "c/new.jpg", Size: 1, State: session.Queued},
		{Path: in("c/later.jpg"), Rel: "c/later.jpg", Size: 1, State: session.Done, JobHandle: "h|1", Outcome: session.Processing},
	}})
	if !btn.Disabled() {
		t.Fatal("Save outcomes is enabled before Scene7 said anything about a file")
	}
	e.q.Restore(session.Snapshot{Rows: []session.Saved{
		{Path: in("c/hero 1.jpg"), Rel: "c/hero 1.jpg", Size: 1, State: session.Done, JobHandle: "h|1", Outcome: session.Ready, AssetID: "hero 1"},
		{Path: in("c/p.psb"), Rel: "c/p.psb", Size: 1, State: session.Done, JobHandle: "h|1", Outcome: session.FailedInScene7, AssetID: "p",
			Said: "PSB files are not supported, \"p.psb\""},
		{Path: in("c/x.jpg"), Rel: "c/x.jpg", Size: 1, State: session.Done, JobHandle: "h|1", Outcome: session.NoWordFromScene7, AssetID: "x"},
	}})
	if btn.Disabled() {
		t.Fatal("Save outcomes is disabled with three outcomes")
	}

	// Cancelled in the file dialog: nothing written, nothing said.
	test.Tap(btn)
	if e.w.Log.status.Visible() {
		t.Errorf("status after a cancelled dialog: %q", e.w.Log.status.Text)
	}

	e.pick.save = filepath.Join(t.TempDir(), "outcomes.csv")
	test.Tap(btn)
	got, err := os.ReadFile(e.pick.save)
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFfile,asset ID,outcome,message,link,replaced by\n" +
		"c/hero 1.jpg,hero 1,processed,,https://s7d9.scene7.com/is/image/Acme/hero%201,\n" +
		"c/p.psb,p,failed,\"PSB files are not supported, \"\"p.psb\"\"\",,\n" +
		"c/x.jpg,x,no word,,,\n"
	if string(got) != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	if s := e.w.Log.status.Text; !strings.Contains(s, e.pick.save) || strings.Contains(s, words.WherePublishBase()) {
		t.Errorf("status = %q", s)
	}

	// Without a published base: no links, and the status line says where to find it.
	p.PublishBase = ""
	if err := e.cfg.Profiles.Save("Brand NA", p); err != nil {
		t.Fatal(err)
	}
	e.w.Dest.reload("Brand NA")
	test.Tap(btn)
	got, err = os.ReadFile(e.pick.save)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(want, "https://s7d9.scene7.com/is/image/Acme/hero%201", "", 1); string(got) != want {
		t.Errorf("CSV without a base:\n%s\nwant:\n%s", got, want)
	}
	if s := e.w.Log.status.Text; !strings.Contains(s, e.pick.save) || !strings.Contains(s, words.WherePublishBase()) {
		t.Errorf("status without a base = %q", s)
	}

	// A folder that cannot be written to: the sentence says what to do.
	e.pick.save = filepath.Join(t.TempDir(), "no such folder", "outcomes.csv")
	test.Tap(btn)
	if s := e.w.Log.status.Text; !strings.Contains(s, "could not be saved") {
		t.Errorf("status after a failed save = %q", s)
	}

	// Rows removed: nothing left to save.
	e.q.RemoveAll()
	if !btn.Disabled() {
		t.Error("Save outcomes stays enabled on an empty queue")
	}
}
