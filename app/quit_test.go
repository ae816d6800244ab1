package app

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// heldUploads is an engine whose uploads wait, before any event, until cancelled: the
// test driver runs fyne.Do on the session's goroutine, so a test may touch the widgets
// only once that goroutine is known to wait (entered), not while events still arrive.
type heldUploads struct{ entered chan struct{} }

func (h heldUploads) Upload(ctx context.Context, req uploader.Request, _ func(uploader.Event)) (*uploader.Result, error) {
	close(h.entered)
	<-ctx.Done()
	return nil, ctx.Err()
}

// Closing the window mid-upload asks first, with buttons that say what they do (Quit,
// Keep uploading), not Yes and No; Keep uploading leaves the upload running.
func TestQuittingMidUploadNamesTheChoices(t *testing.T) {
	held := heldUploads{entered: make(chan struct{})}
	dt := buildWith(t, Options{uploads: held})
	dt.Window.AddPaths([]string{tree(t, map[string]string{"c/a.jpg": "a"}) + "/c"})
	test.Tap(dt.Window.Queue.Upload)
	<-held.entered
	if !dt.Queue.Running() {
		t.Fatal("the upload is not running")
	}
	dt.closing()
	top := dt.Window.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question before quitting mid-upload")
	}
	buttons := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && o.Visible() {
			buttons[b.Text] = b
		}
	}
	names := []string{}
	for n := range buttons {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, id := range []string{"app.quit.confirm", "app.quit.keep"} {
		if buttons[words.T(id, nil)] == nil {
			t.Errorf("no button %q among %q", words.T(id, nil), names)
		}
	}
	if keep := buttons[words.T("app.quit.keep", nil)]; keep != nil {
		test.Tap(keep)
		if !dt.Queue.Running() || dt.Window.Win.Canvas().Overlays().Top() != nil {
			t.Error("Keep uploading should close the question and leave the upload running")
		}
	}
	dt.Queue.Cancel()
	dt.Queue.Wait()
}
