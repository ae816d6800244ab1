package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// halfBad uploads every file but those named "bad…", which fail with a long sentence.
type halfBad struct{}

const badReason = "The file is no longer there (moved, renamed or deleted since it was added). Put it back, or remove it from the list, then press Retry failed to send the others."

func (halfBad) Upload(_ context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	res := &uploader.Result{JobName: req.JobName}
	var size int64
	for _, it := range req.Items {
		size += it.Size
	}
	for i, it := range req.Items {
		ev := uploader.Event{Item: i, Rel: it.Rel, Size: it.Size, JobSize: size, ETA: -1, JobETA: -1, Attempt: 1}
		ev.Kind = uploader.FileStarted
		on(ev)
		fr := uploader.FileResult{Rel: it.Rel, State: uploader.StateDone}
		if strings.HasPrefix(filepath.Base(it.Rel), "bad") {
			ev.Kind, ev.Err = uploader.FileFailed, errors.New(badReason)
			fr.State = uploader.StateFailed
		} else {
			ev.Kind, ev.Sent = uploader.FileDone, it.Size
		}
		on(ev)
		res.Files = append(res.Files, fr)
	}
	on(uploader.Event{Kind: uploader.JobEnded, Item: -1, Tally: &uploader.Tally{Files: len(req.Items)}})
	return res, nil
}

func uploadHalfBad(t *testing.T) *testEnv {
	t.Helper()
	e := newTestEnvWith(t, halfBad{})
	dir := files(t, map[string]string{"c/ok-1.jpg": "1234", "c/deep/folder/bad-2.jpg": "12", "c/ok-3.jpg": "1234", "c/Thumbs.db": "x"})
	e.w.AddPaths([]string{filepath.Join(dir, "c")})
	e.w.Upload()
	e.q.Wait()
	e.w.ref.flush()
	return e
}

// A reason too long for its row is read whole in the details pane, with what to do; the
// pane goes with the selection.
func TestChosenRowShowsItsWholeReason(t *testing.T) {
	e := uploadHalfBad(t)
	v := e.w.Queue
	bad := -1
	for i, r := range e.q.Rows() {
		if r.State == session.Failed {
			bad = i
		}
	}
	if bad < 0 {
		t.Fatalf("no failed row: %+v", e.q.Rows())
	}
	if v.details.Content.Visible() {
		t.Fatal("details shown with nothing chosen")
	}
	v.Select(bad, 0)
	if !v.details.Content.Visible() {
		t.Fatal("choosing a row shows no details")
	}
	if got := v.details.reason.Text; !strings.Contains(got, badReason) || !strings.Contains(got, "Retry failed") {
		t.Errorf("details say %q", got)
	}
	if v.details.path.Text != "c/deep/folder/bad-2.jpg" || v.details.reason.Wrapping != fyne.TextWrapWord {
		t.Errorf("path %q, wrapping %v", v.details.path.Text, v.details.reason.Wrapping)
	}
	v.clearSelection()
	if v.details.Content.Visible() {
		t.Error("the details stay without a chosen row")
	}
}

// "Show problems only" lists the failed and skipped files and nothing else; off, all.
func TestShowProblemsOnly(t *testing.T) {
	e := uploadHalfBad(t)
	v := e.w.Queue
	if !strings.HasSuffix(v.ProblemsOnly.Text, "(2)") {
		t.Errorf("the filter says %q, want 2 problems (1 failed, 1 skipped)", v.ProblemsOnly.Text)
	}
	test.Tap(v.ProblemsOnly)
	if n := v.list.Length(); n != 2 {
		t.Fatalf("%d rows with the filter on", n)
	}
	for id := range 2 {
		if r, _ := e.q.Row(v.rowAt(id)); r.State != session.Failed && r.State != session.Skipped {
			t.Errorf("the filter lists %s (%s)", r.Rel, r.State)
		}
	}
	// Choosing a filtered row chooses that file, not the row of the same number.
	v.list.Select(0)
	sel := v.Selected()
	if r, _ := e.q.Row(sel[0]); len(sel) != 1 || !r.NeedsALook() {
		t.Errorf("chose %v", sel)
	}
	test.Tap(v.ProblemsOnly)
	if n := v.list.Length(); n != 4 {
		t.Errorf("%d rows with the filter off, want 4", n)
	}
}

// The overall bar and the line under it add up; finished rows show a state, not a bar.
func TestProgressAddsUp(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Queue
	if v.overall.Visible() || v.overall.Value != 0 {
		t.Errorf("an empty queue shows a bar at %v", v.overall.Value)
	}
	e = uploadHalfBad(t)
	v = e.w.Queue
	// 2 of 3 files (the skipped one leaves the count), 8 of 10 bytes.
	if !strings.HasPrefix(v.summary.Text, "2 of 3 files done · 8 bytes of 10 bytes") {
		t.Errorf("summary %q", v.summary.Text)
	}
	if v.overall.Value != 0.8 {
		t.Errorf("bar at %v, want 0.8", v.overall.Value)
	}
	for _, o := range test.LaidOutObjects(v.list) {
		if r, ok := o.(*queueRow); ok && r.Visible() && r.name.Path() != "" && r.barBox.Visible() {
			t.Errorf("%s (%s) shows a bar", r.name.Path(), r.detail.Text)
		}
	}
}

// A row waits until its bytes start to go out, then says so.
func TestRowWaitsUntilItsBytesGo(t *testing.T) {
	row := session.Row{Rel: "a.jpg", Size: 100, State: session.Queued, ETA: -1}
	if got := detailText(row); got != "Waiting" {
		t.Errorf("queued: %q", got)
	}
	row.State, row.Sent = session.Sending, 100
	if got := detailText(row); got != "Sent; waiting for the server to confirm" {
		t.Errorf("all bytes sent: %q", got)
	}
}

// The details' advice names the Retry button as it reads while the row is chosen: Retry
// selected, not Retry failed, which it no longer says.
func TestDetailsNameTheRetryButtonAsItReads(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "c.jpg": "c"})
		byYou := words.Msg("session.reason.cancelled_by_you", nil)
		e.q.Restore(session.Snapshot{Rows: []session.Saved{
			{Path: filepath.Join(dir, "a.jpg"), Rel: "a.jpg", Size: 1, State: session.Failed, Reason: "The server refused it."},
			{Path: filepath.Join(dir, "b.jpg"), Rel: "b.jpg", Size: 1, State: session.Cancelled, Why: &byYou},
			{Path: filepath.Join(dir, "c.jpg"), Rel: "c.jpg", Size: 1, State: session.Cancelled},
		}})
		v := e.w.Queue
		failed := words.T("queue.retry_failed", nil)
		for i := range 3 {
			v.Select(i, 0)
			label, text := v.Retry.Text, v.details.reason.Text
			if label != words.T("queue.retry_selected", nil) {
				t.Fatalf("row %d chosen: the button reads %q", i, label)
			}
			if !strings.Contains(text, label) || strings.Contains(text, failed) {
				t.Errorf("row %d: the button reads %q, the details say %q", i, label, text)
			}
		}
	})
}
