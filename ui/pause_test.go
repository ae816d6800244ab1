package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/uploader"
)

// pausableUploads plays the engine for Pause and Resume: the first upload has its first
// file accepted in job h-1, then waits until it is stopped, and leaves the job open when
// the cause is a pause; later uploads accept every file. It goes on only when the test
// lets it through gate (after a tap has returned): the test driver runs fyne.Do on the
// engine's goroutine, which must not touch the widgets while a tap still does.
type pausableUploads struct {
	mu      sync.Mutex
	reqs    []uploader.Request
	started chan struct{}
	gate    chan struct{}
}

func (p *pausableUploads) Upload(ctx context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	<-p.gate
	p.mu.Lock()
	p.reqs = append(p.reqs, req)
	first := len(p.reqs) == 1
	p.mu.Unlock()
	res := &uploader.Result{JobName: "job-1", Jobs: []uploader.JobRef{{Name: "job-1", Handle: "h-1"}}}
	ev := func(kind uploader.EventKind, i int, err error) {
		on(uploader.Event{Kind: kind, Item: i, Rel: req.Items[i].Rel, Size: req.Items[i].Size, JobName: "job-1", JobHandle: "h-1", ETA: -1, JobETA: -1, Err: err})
	}
	for i := range req.Items {
		if first && i == 1 {
			ev(uploader.FileStarted, i, nil)
			close(p.started)
			<-ctx.Done()
			<-p.gate
			err := fmt.Errorf("%w: %w", uploader.ErrCancelled, ctx.Err())
			for j := i; j < len(req.Items); j++ {
				ev(uploader.FileCancelled, j, err)
				res.Files = append(res.Files, uploader.FileResult{Rel: req.Items[j].Rel, State: uploader.StateCancelled, Err: err})
			}
			res.Jobs[0].Ended = !errors.Is(context.Cause(ctx), uploader.ErrPaused)
			return res, err
		}
		ev(uploader.FileStarted, i, nil)
		ev(uploader.FileDone, i, nil)
		res.Files = append(res.Files, uploader.FileResult{Rel: req.Items[i].Rel, State: uploader.StateDone, JobHandle: "h-1"})
	}
	res.Jobs[0].Ended = true
	return res, nil
}

func TestPauseAndResumeButtons(t *testing.T) {
	eng := &pausableUploads{started: make(chan struct{}), gate: make(chan struct{})}
	e := newTestEnvWith(t, eng)
	ended := make(chan session.Summary, 2)
	e.w.OnEnded = func(s session.Summary) { ended <- s }
	waitEnded := func() session.Summary {
		t.Helper()
		select {
		case s := <-ended:
			return s
		case <-time.After(10 * time.Second):
			t.Fatal("the upload did not end")
		}
		return session.Summary{}
	}
	dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "c.jpg": "c"})
	e.q.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg"), filepath.Join(dir, "c.jpg")})
	q := e.w.Queue
	if !q.Pause.Disabled() {
		t.Fatal("Pause is enabled with no upload running")
	}
	test.Tap(q.Upload)
	eng.gate <- struct{}{}
	<-eng.started
	if q.Pause.Disabled() || q.Pause.Text != "Pause" {
		t.Fatalf("while uploading the button reads %q (disabled %v)", q.Pause.Text, q.Pause.Disabled())
	}
	if !q.RemoveAllItem.Disabled {
		t.Error("Remove all is enabled while every file is being uploaded")
	}
	test.AssertNotificationSent(t, nil, func() {
		test.Tap(q.Pause)
		eng.gate <- struct{}{}
		if s := waitEnded(); !s.Paused {
			t.Fatalf("summary %+v", s)
		}
	})
	if q.Pause.Disabled() || q.Pause.Text != "Resume" || q.CancelAll.Disabled() || q.RemoveAllItem.Disabled {
		t.Fatalf("after Pause the button reads %q (disabled %v), Cancel disabled %v", q.Pause.Text, q.Pause.Disabled(), q.CancelAll.Disabled())
	}
	if q.Pause.Importance != widget.HighImportance || q.Upload.Importance == widget.HighImportance {
		t.Errorf("while paused the blue button should be Resume, not Upload (importance %v, %v)", q.Pause.Importance, q.Upload.Importance)
	}
	if s := q.status.Text; !strings.HasPrefix(s, "Paused: 2 files not sent yet.") || !strings.Contains(s, "job-1") {
		t.Errorf("status %q", s)
	}
	if rows := shownRows(q); !strings.HasPrefix(rows["b.jpg"], "Paused") {
		t.Errorf("b.jpg reads %q", rows["b.jpg"])
	}

	test.Tap(q.Pause) // now Resume
	eng.gate <- struct{}{}
	if q.Upload.Importance != widget.HighImportance || q.Pause.Importance == widget.HighImportance {
		t.Errorf("once resumed the blue button should be Upload again (importance %v, %v)", q.Upload.Importance, q.Pause.Importance)
	}
	// The whole upload's figures: the file sent before the pause counts.
	if s := waitEnded(); s.Done != 3 || s.Err != nil || q.status.Text != "3 of 3 files uploaded." {
		t.Fatalf("summary after Resume %+v, status %q", s, q.status.Text)
	}
	eng.mu.Lock()
	again := eng.reqs[1]
	eng.mu.Unlock()
	if again.JobHandle != "h-1" || len(again.Items) != 2 {
		t.Errorf("Resume sent %d files to job %q, want 2 to h-1", len(again.Items), again.JobHandle)
	}
	if !q.Pause.Disabled() || q.Pause.Text != "Pause" {
		t.Errorf("after the upload the button reads %q (disabled %v)", q.Pause.Text, q.Pause.Disabled())
	}
}
