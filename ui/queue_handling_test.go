package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
)

// restoredRows fills the queue with files in the given states, as a restart would.
func restoredRows(t *testing.T, e *testEnv, states ...session.State) []string {
	t.Helper()
	var names []string
	tree := map[string]string{}
	for i := range states {
		n := string(rune('a'+i)) + ".jpg"
		names = append(names, n)
		tree[n] = n
	}
	dir := files(t, tree)
	var saved []session.Saved
	for i, st := range states {
		saved = append(saved, session.Saved{Path: filepath.Join(dir, names[i]), Rel: names[i], Size: 5, State: st, Reason: "It failed."})
	}
	e.q.Restore(session.Snapshot{Rows: saved})
	return names
}

func rels(q *session.Queue) []string {
	var out []string
	for _, r := range q.Rows() {
		out = append(out, r.Rel)
	}
	return out
}

func TestAddFilesTakesManyFilesAtOnce(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "b.png": "b", "c.tif": "c"})
	e.pick.files = []string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.png"), filepath.Join(dir, "c.tif")}
	test.Tap(e.w.Queue.AddFiles)
	if n := e.q.Totals().Count(session.Queued); n != 3 {
		t.Fatalf("%d files queued, want 3", n)
	}
}

// Click, Shift-click and Ctrl-click select rows as in a file manager; Remove and Retry act
// on the selection.
func TestSelectSeveralRowsToRemoveOrRetry(t *testing.T) {
	eng := &countUploads{}
	e := newTestEnvWith(t, eng)
	restoredRows(t, e, session.Failed, session.Failed, session.Queued, session.Failed, session.Done)
	q := e.w.Queue
	if !q.RemoveSelectedItem.Disabled {
		t.Fatal("Remove selected is enabled with nothing selected")
	}
	q.List().Select(0) // a plain click
	q.Select(3, fyne.KeyModifierShift)
	if got := q.Selected(); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Fatalf("Shift-click selected %v", got)
	}
	q.Select(1, fyne.KeyModifierControl)
	if got := q.Selected(); !slices.Equal(got, []int{0, 2, 3}) {
		t.Fatalf("Ctrl-click left %v", got)
	}
	if shown := selectedShown(q); !slices.Equal(shown, []string{"a.jpg", "c.jpg", "d.jpg"}) {
		t.Errorf("rows drawn as selected: %v", shown)
	}
	if q.Retry.Text != "Retry selected" || q.Retry.Disabled() {
		t.Fatalf("Retry reads %q (disabled %v)", q.Retry.Text, q.Retry.Disabled())
	}
	test.Tap(q.Retry)
	e.q.Wait()
	req := eng.last.Load()
	if req == nil {
		t.Fatal("Retry selected sent nothing")
	}
	var sent []string
	for _, it := range req.Items {
		sent = append(sent, it.Rel)
	}
	// The selected failed files, and the one that was waiting anyway; not b.jpg.
	if !slices.Equal(sent, []string{"a.jpg", "c.jpg", "d.jpg"}) {
		t.Errorf("Retry selected sent %v", sent)
	}

	q.List().Select(4)
	q.Select(1, fyne.KeyModifierControl)
	chooseRemove(t, q, q.RemoveSelectedItem)
	if got := rels(e.q); !slices.Equal(got, []string{"a.jpg", "c.jpg", "d.jpg"}) {
		t.Errorf("after Remove: %v", got)
	}
	if len(q.Selected()) != 0 || !q.RemoveSelectedItem.Disabled {
		t.Errorf("selection after Remove: %v", q.Selected())
	}
	if s := q.status.Text; s != "2 files taken off the queue." {
		t.Errorf("status %q", s)
	}
}

func selectedShown(v *QueueView) []string {
	var out []string
	for _, o := range test.LaidOutObjects(v.list) {
		if r, ok := o.(*queueRow); ok && r.Visible() && r.bg.Visible() {
			out = append(out, r.name.Text)
		}
	}
	slices.Sort(out)
	return out
}

func TestRemoveAllAndClearFinished(t *testing.T) {
	e := newTestEnv(t)
	restoredRows(t, e, session.Done, session.Queued, session.Failed, session.Skipped)
	q := e.w.Queue
	chooseRemove(t, q, q.ClearItem)
	if got := rels(e.q); !slices.Equal(got, []string{"b.jpg", "c.jpg"}) {
		t.Fatalf("after Clear finished: %v", got)
	}
	chooseRemove(t, q, q.RemoveAllItem)
	if e.q.Len() != 0 || !q.RemoveAllItem.Disabled {
		t.Fatalf("after Remove all: %v (button disabled %v)", rels(e.q), q.RemoveAllItem.Disabled)
	}
	if s := q.status.Text; s != "2 files taken off the queue." {
		t.Errorf("status %q", s)
	}
}

func TestKeyboard(t *testing.T) {
	eng := &countUploads{}
	e := newTestEnvWith(t, eng)
	c := e.w.Win.Canvas()
	dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b"})

	// Ctrl+O: Add files…
	e.pick.files = []string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")}
	e.w.TypedShortcut(shortcutAddFiles)
	if e.q.Len() != 2 {
		t.Fatalf("Ctrl+O added %d files", e.q.Len())
	}

	// Delete, with the list focused (a row was clicked) and with nothing focused.
	e.w.Queue.List().Select(0)
	c.Focus(e.w.Queue.list)
	e.w.Queue.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := rels(e.q); !slices.Equal(got, []string{"b.jpg"}) {
		t.Fatalf("after Delete in the list: %v", got)
	}
	c.Unfocus()
	e.w.Queue.List().Select(0)
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if e.q.Len() != 0 {
		t.Fatalf("after Delete: %v", rels(e.q))
	}

	// Ctrl+Enter: Upload.
	e.q.Add([]string{filepath.Join(dir, "a.jpg")})
	e.w.TypedShortcut(shortcutUpload)
	e.q.Wait()
	if eng.calls.Load() != 1 {
		t.Fatalf("Ctrl+Enter started %d uploads", eng.calls.Load())
	}
	if s := e.w.Queue.status.Text; !strings.HasPrefix(s, "The upload did not start.") {
		t.Errorf("status %q", s) // the test engine refuses every upload
	}
}

// The status line's advice to retry names the Retry button as it reads: "Retry failed",
// then "Retry selected" once a row is chosen, and "Retry failed" again when none is (it
// said "press Retry failed" beside a button reading "Retry selected").
func TestStatusRetryAdviceFollowsTheButton(t *testing.T) {
	speaking(t, "en")
	e := newTestEnvWith(t, &countUploads{})
	restoredRows(t, e, session.Failed, session.Done)
	q := e.w.Queue
	q.SetStatusThenRetry("1 failed.")
	for _, step := range []struct {
		do     func()
		button string
	}{
		{func() {}, "Retry failed"},
		{func() { q.List().Select(0) }, "Retry selected"},
		{func() { q.Select(0, fyne.KeyModifierControl) }, "Retry failed"},
	} {
		step.do()
		if q.Retry.Text != step.button {
			t.Fatalf("the button reads %q, want %q", q.Retry.Text, step.button)
		}
		if want := "1 failed. See why in the list, then press " + step.button + "."; q.status.Text != want {
			t.Errorf("status %q, want %q", q.status.Text, want)
		}
	}
	q.SetStatus("Done.")
	if q.status.Text != "Done." {
		t.Errorf("a plain status %q kept the advice", q.status.Text)
	}
}
