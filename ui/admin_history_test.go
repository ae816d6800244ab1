package ui

import (
	"errors"
	"testing"
	"time"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
)

// The uploads of earlier runs are offered by name in the job log's list, for the chosen
// connection only, the latest first, with the day they ended: after a restart a finished
// upload could be found only by pasting its handle.
func TestAdminOffersEarlierUploads(t *testing.T) {
	e := newTestEnv(t)
	a := e.w.Admin
	day := time.Date(2026, 11, 30, 16, 5, 0, 0, time.Local)
	a.history = func() ([]store.HistoryEntry, error) {
		return []store.HistoryEntry{
			{Profile: store.SandboxProfile, JobName: "spring-1", JobHandle: "h|1", Finished: day},
			{Profile: "Production", JobName: "elsewhere", JobHandle: "h|2", Finished: day},
			{Profile: store.SandboxProfile, JobName: "no-handle", Finished: day}, // nothing reached Scene7
			{Profile: store.SandboxProfile, JobName: "spring-2", JobHandle: "h|3", Finished: day.Add(time.Hour)},
		}, nil
	}
	e.w.Dest.Choose(store.SandboxDrSumProfile) // another connection, then back: the list is made again
	e.w.Dest.Choose(store.SandboxProfile)
	want := []string{
		words.T("admin.job.uploaded_on", words.A{"Name": "spring-2", "When": words.DateTime(day.Add(time.Hour))}),
		words.T("admin.job.uploaded_on", words.A{"Name": "spring-1", "When": words.DateTime(day)}),
	}
	if len(a.pick.Options) != 2 || a.pick.Options[0] != want[0] || a.pick.Options[1] != want[1] {
		t.Fatalf("jobs offered: %q, want %q", a.pick.Options, want)
	}
	// Picking a job reads its log at once.
	a.pick.SetSelected(want[1])
	if a.handle.Text != "h|1" {
		t.Fatalf("picking the earlier upload put %q in the handle", a.handle.Text)
	}
	if a.logText.Text == "" {
		t.Error("picking the earlier upload did not read its log")
	}
	// This session's upload comes first; an earlier one already listed is not listed twice.
	e.w.ended(session.Summary{JobName: "spring-2", Handles: []string{"h|3"}})
	// An upload that ends is chosen, without asking the server for its log yet.
	a.logText.SetText("")
	e.w.ended(session.Summary{JobName: "hoist-now", Handles: []string{"h|9"}})
	if len(a.pick.Options) != 3 || a.pick.Options[0] != "hoist-now · uploaded now" || a.handle.Text != "h|9" || a.logText.Text != "" {
		t.Errorf("after an upload: %q, handle %q, log %q", a.pick.Options, a.handle.Text, a.logText.Text)
	}

	// A history that cannot be read offers nothing and breaks nothing.
	a.history = func() ([]store.HistoryEntry, error) { return nil, errors.New("unreadable") }
	e.w.Dest.Choose(store.SandboxDrSumProfile)
	e.w.Dest.Choose(store.SandboxProfile)
	if len(a.pick.Options) != 0 {
		t.Errorf("with an unreadable history: %q", a.pick.Options)
	}
}
