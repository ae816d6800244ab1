package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
)

// chooseRemove opens the Remove button's menu as a click does and clicks item in it.
func chooseRemove(t testing.TB, v *QueueView, item *fyne.MenuItem) {
	t.Helper()
	if v.Remove.Disabled() || item.Disabled {
		t.Fatalf("%q cannot be chosen (Remove disabled %v)", item.Label, v.Remove.Disabled())
	}
	test.Tap(v.Remove)
	c := fyne.CurrentApp().Driver().CanvasForObject(v.Remove)
	menu := c.Overlays().Top()
	if menu == nil {
		t.Fatal("Remove opened no menu")
	}
	// The menu's item is the innermost tappable object that shows the label.
	var hit fyne.Tappable
	for _, o := range test.LaidOutObjects(menu) {
		tap, ok := o.(fyne.Tappable)
		if !ok || !o.Visible() {
			continue
		}
		for _, x := range test.LaidOutObjects(o) {
			if txt, ok := x.(*canvas.Text); ok && txt.Text == item.Label {
				hit = tap
			}
		}
	}
	if hit == nil {
		t.Fatalf("the menu has no %q", item.Label)
	}
	test.Tap(hit)
	if c.Overlays().Top() != nil {
		t.Errorf("the menu is still open after %q", item.Label)
	}
}

// The toolbar takes one line in a 1024-pixel window in every language, in its widest
// state too (Resume instead of Pause, Retry selected instead of Retry failed), and its
// Remove menu offers the three ways of taking files off the list.
func TestToolbarTakesOneLineAt1024(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		restoredRows(t, e, session.Done, session.Queued, session.Failed, session.Skipped)
		e.w.Win.Resize(fyne.NewSize(1024, 640))
		q := e.w.Queue
		toolbar := q.top.Objects[0].(*fyne.Container)
		for _, widest := range []bool{false, true} {
			if widest {
				q.Pause.SetText(words.T("queue.resume", nil))
				q.Retry.SetText(words.T("queue.retry_selected", nil))
				e.w.Win.Content().Refresh()
			}
			e.w.Win.Resize(fyne.NewSize(1024, 640))
			var line float32
			for _, b := range toolbar.Objects {
				line = max(line, b.MinSize().Height)
				if b.Visible() && b.Position().Y != 0 {
					t.Errorf("widest %v: a button is on a second line at %v", widest, b.Position())
				}
			}
			if h := toolbar.Size().Height; h > line {
				t.Errorf("widest %v: the toolbar is %v high, one line is %v", widest, h, line)
			}
			if right := toolbar.Objects[len(toolbar.Objects)-1]; right.Position().X+right.Size().Width > toolbar.Size().Width {
				t.Errorf("widest %v: Remove ends at %v, past the toolbar's %v", widest, right.Position().X+right.Size().Width, toolbar.Size().Width)
			}
		}
		// Every action is still there, in the menu, and says whether it can be used.
		if q.Remove.Disabled() || !q.RemoveSelectedItem.Disabled || q.RemoveAllItem.Disabled || q.ClearItem.Disabled {
			t.Errorf("Remove disabled %v; items disabled: selected %v, all %v, finished %v", q.Remove.Disabled(),
				q.RemoveSelectedItem.Disabled, q.RemoveAllItem.Disabled, q.ClearItem.Disabled)
		}
		chooseRemove(t, q, q.ClearItem)
		if n := e.q.Len(); n != 2 {
			t.Errorf("%d rows after Clear finished, want the queued and the failed one", n)
		}
	})
}
