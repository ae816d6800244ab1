package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
)

// After the upload the window follows the job: each row ends ready, with warnings, or
// failed in Scene7, and what counts as done is what is ready.
func TestWindowFollowsScene7Processing(t *testing.T) {
	dt := build(t)
	dir := tree(t, map[string]string{"c/hero.jpg": "\xFF\xD8\xFFjpeg", "c/poster.psb": "8BPS", "c/notes.xyz": "x"})
	if added, _ := dt.Queue.Add([]string{filepath.Join(dir, "c")}); added != 3 {
		t.Fatalf("added %d", added)
	}
	sum := upload(t, dt)
	if sum.Done != 3 || sum.Following != 3 {
		t.Fatalf("summary %+v", sum)
	}
	want := map[string]session.Outcome{"c/hero.jpg": session.Ready, "c/poster.psb": session.FailedInScene7, "c/notes.xyz": session.ReadyWarnings}
	for _, r := range dt.Queue.Rows() {
		if r.Outcome != want[r.Rel] {
			t.Errorf("%s: %v %q", r.Rel, r.Outcome, r.OutcomeText)
		}
	}
	if done, of := dt.Queue.Totals().Files(); done != 2 || of != 3 {
		t.Errorf("%d of %d done", done, of)
	}
}

// Closed while Scene7 was processing: the next start follows the same job handles again.
// (The embedded sandbox forgets its jobs when it stops, so the job is unknown by then and
// Scene7 has no word about the files; what is tested is that they are asked about.)
func TestWindowResumesFollowUpsAfterARestart(t *testing.T) {
	keyring.MockInit()
	cfgDir := t.TempDir()
	a := test.NewTempApp(t)
	first, err := Build(a, Options{ConfigDir: cfgDir, Async: inline, SandboxProcessing: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	dir := tree(t, map[string]string{"c/a.jpg": "\xFF\xD8\xFFa", "c/b.jpg": "\xFF\xD8\xFFb"})
	first.Queue.Add([]string{filepath.Join(dir, "c")})
	ended := make(chan session.Summary, 1)
	first.Window.OnEnded = func(s session.Summary) { ended <- s }
	first.Window.Upload()
	if s := <-ended; s.Following != 2 {
		t.Fatalf("summary %+v", s)
	}
	next := reopen(t, first, cfgDir, test.NewTempApp(t))
	next.Queue.Wait()
	for _, r := range next.Queue.Rows() {
		if r.Outcome != session.NoWordFromScene7 || r.JobHandle == "" {
			t.Errorf("%s after the restart: %v (job %q)", r.Rel, r.Outcome, r.JobHandle)
		}
	}
}
