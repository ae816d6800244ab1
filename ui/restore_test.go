package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/uploader"
)

// countUploads refuses every upload as noUploads does, and counts the calls.
type countUploads struct {
	calls atomic.Int32
	last  atomic.Pointer[uploader.Request]
}

func (c *countUploads) Upload(ctx context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	c.calls.Add(1)
	c.last.Store(&req)
	return noUploads{}.Upload(ctx, req, on)
}

// Options that cannot be sent block "Upload them" as they block Upload: nothing starts,
// the line above the queue says what to fix, and the offer stays.
func TestUploadThemChecksTheOptionsFirst(t *testing.T) {
	eng := &countUploads{}
	e := newTestEnvWith(t, eng)
	dir := files(t, map[string]string{"a.jpg": "a"})
	e.q.Add([]string{filepath.Join(dir, "a.jpg")})
	bad := uploader.DefaultOptions()
	bad.EmailSetting = ""
	e.w.OfferResume(Resume{Waiting: 1, Options: &bad})
	if s := e.w.Options.Input("emailSetting").(*widget.Select).Selected; s != "" {
		t.Errorf("the e-mail choice shows %q while the option is empty", s)
	}
	if !e.w.resumeUpload.Disabled() || !e.w.Queue.Upload.Disabled() {
		t.Error("Upload them or Upload is enabled with invalid options")
	}
	e.w.Upload() // as Ctrl+Enter would
	e.q.Wait()
	if n := eng.calls.Load(); n != 0 {
		t.Fatalf("the engine was called %d times", n)
	}
	if !e.w.ResumeOffered() {
		t.Error("the offer went although nothing was sent")
	}
	if b := e.w.Queue.blocker.Text; !strings.Contains(b, "E-mail") {
		t.Errorf("the blocker says %q", b)
	}

	// Fixed: Upload them is ready.
	e.w.Options.Input("emailSetting").(*widget.Select).SetSelected(ChoiceLabel("emailSetting", string(uploader.EmailNone)))
	if e.w.resumeUpload.Disabled() || e.w.Queue.Upload.Disabled() {
		t.Errorf("still blocked: %q", e.w.Queue.blocker.Text)
	}
}

// An upload the engine refuses before sending anything sends no desktop notification; its
// reason is a sentence, and goes once the settings change.
func TestNothingSentNoNotification(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a"})
	e.q.Add([]string{filepath.Join(dir, "a.jpg")})
	test.AssertNotificationSent(t, nil, func() {
		e.w.Upload()
		e.q.Wait()
	})
	s := e.w.Queue.status.Text
	if !strings.HasPrefix(s, "The upload did not start. Before uploading") || !strings.HasSuffix(s, ".") {
		t.Errorf("status = %q", s)
	}
	e.w.Dest.SetFolder("elsewhere")
	if e.w.Queue.status.Visible() {
		t.Errorf("the status line stays after the settings changed: %q", e.w.Queue.status.Text)
	}
}

// Forget them takes the restored files off, keeps a file added since (it was not offered),
// and leaves the options as they were restored.
func TestForgetThemKeepsTheOptions(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "new.jpg": "n"})
	e.q.Restore(session.Snapshot{Rows: []session.Saved{
		{Path: filepath.Join(dir, "a.jpg"), Rel: "a.jpg", Size: 1, State: session.Queued},
		{Path: filepath.Join(dir, "b.jpg"), Rel: "b.jpg", Size: 1, State: session.Queued}}})
	e.q.Add([]string{filepath.Join(dir, "new.jpg")})
	o := uploader.DefaultOptions()
	o.Overwrite, o.EmailSetting = false, uploader.EmailSetting("ErrorAndWarning")
	e.w.OfferResume(Resume{Waiting: 2, Options: &o})
	var forget *widget.Button
	for _, obj := range test.LaidOutObjects(e.w.resume) {
		if b, ok := obj.(*widget.Button); ok && b.Text == "Forget them" {
			forget = b
		}
	}
	test.Tap(forget)
	if r, _ := e.q.Row(0); e.q.Len() != 1 || r.Rel != "new.jpg" || e.w.ResumeOffered() {
		t.Fatalf("%d rows left (first %q), offered %v", e.q.Len(), r.Rel, e.w.ResumeOffered())
	}
	if got := e.w.Options.Options(); !sameOptions(got, o) {
		t.Errorf("options after Forget them: %+v", got)
	}
	if e.w.Options.Input("overwrite").(*widget.Check).Checked {
		t.Error("Replace files shows on")
	}
}

// Upload them ends the offer for good: the files it offered are files like any other, so
// a Forget them afterwards (the upload stopped, the files wait again) takes none off.
func TestUploadThemEndsTheOffer(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a"})
	e.q.Restore(session.Snapshot{Rows: []session.Saved{
		{Path: filepath.Join(dir, "a.jpg"), Rel: "a.jpg", Size: 1, State: session.Queued}}})
	e.w.OfferResume(Resume{Waiting: 1})
	var upload *widget.Button
	for _, obj := range test.LaidOutObjects(e.w.resume) {
		if b, ok := obj.(*widget.Button); ok && b.Text == "Upload them" {
			upload = b
		}
	}
	test.Tap(upload)
	e.q.Wait()
	if e.w.ResumeOffered() {
		t.Fatal("the offer stays after Upload them")
	}
	if n := e.q.ForgetRestored(); n != 0 || e.q.Len() != 1 {
		t.Fatalf("ForgetRestored after Upload them took %d off, %d rows left", n, e.q.Len())
	}
}
