package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/app/store"
)

// A job is picked by its name from the active jobs (or this session's uploads), not
// typed as a raw handle; every field has a label.
func TestAdminPicksAJobByName(t *testing.T) {
	e := newTestEnv(t)
	a := e.w.Admin
	if !strings.Contains(a.forWhom.Text, store.SandboxProfile) {
		t.Errorf("the admin view says %q, not which connection it is for", a.forWhom.Text)
	}
	test.Tap(a.refresh)
	if len(a.pick.Options) != 1 || !strings.HasPrefix(a.pick.Options[0], "spring · Running") {
		t.Fatalf("jobs offered: %q", a.pick.Options)
	}
	a.pick.SetSelected(a.pick.Options[0])
	if a.handle.Text != "h|1" {
		t.Fatalf("picking the job put %q in the handle", a.handle.Text)
	}
	// Choosing an active job in the list reads its log, in the log's tab.
	a.handle.SetText("")
	a.jobList.Select(0)
	if a.tabs.SelectedIndex() != adminTabLog || a.handle.Text != "h|1" || !strings.Contains(a.logText.Text, "File uploaded") {
		t.Errorf("after choosing the active job: tab %d, handle %q, log %q", a.tabs.SelectedIndex(), a.handle.Text, a.logText.Text)
	}
	// An upload of this session is offered too, and chosen.
	e.w.ended(session.Summary{JobName: "hoist-now", Handles: []string{"h|9"}})
	if a.pick.Selected != "hoist-now · uploaded now" || a.handle.Text != "h|9" {
		t.Errorf("after an upload: picked %q, handle %q", a.pick.Selected, a.handle.Text)
	}
	a.tabs.SelectIndex(adminTabLog)
	for _, want := range []string{"Job", "Job handle"} {
		if !labelled(a.Content, want) {
			t.Errorf("no label %q", want)
		}
	}
	if got := a.tabs.Items[adminTabJobs].Text + " | " + a.tabs.Items[adminTabLog].Text; got != "Active jobs | Scene7 job log" {
		t.Errorf("the admin's tabs read %q", got)
	}
}

// With a Dr.Sum connection the admin view says there are no job lists, and asks the
// server nothing (no '"" is not a URL', no company handle error).
func TestAdminForDrSumSaysThereAreNoJobs(t *testing.T) {
	e := newTestEnv(t)
	e.w.Dest.Choose(store.SandboxDrSumProfile)
	a := e.w.Admin
	if !a.drsum.Visible() || a.scene7.Visible() {
		t.Fatalf("Dr.Sum: sentence shown %v, Scene7 tools shown %v", a.drsum.Visible(), a.scene7.Visible())
	}
	if !strings.Contains(a.drsum.Text, "no list of jobs") {
		t.Errorf("sentence %q", a.drsum.Text)
	}
	e.w.Dest.Choose(store.SandboxProfile)
	if a.drsum.Visible() || !a.scene7.Visible() {
		t.Error("back on Scene7 the jobs are not offered")
	}
}

// labelled reports a label with text s among the objects of o.
func labelled(o fyne.CanvasObject, s string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == s {
			return true
		}
		if l, ok := x.(*pathLabel); ok && l.Text == s {
			return true
		}
	}
	return false
}
