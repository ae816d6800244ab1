package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"hoist/app/session"
	"hoist/internal/words"
)

// Choosing a row shows its details under the list without making the window taller than
// a small screen, even with both banners (the Local sandbox and files left by an earlier
// run) and a reason of several lines: the overall bar and the counts stay inside the
// window, the list keeps at least a row, and the reason scrolls in the pane. Before, the
// pane took its whole height: at 800×600 (and at 1024×640 in Japanese) the window grew
// past the screen and the bar and the counts went off its bottom.
func TestQueueDetailsInsideSmallWindows(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) // the real sizes
		dir := files(t, map[string]string{"campagne/a.jpg": "a", "campagne/b.jpg": "b", "campagne/c.jpg": "c"})
		long := strings.Repeat(words.T("session.reason.cancelled_in_flight", nil)+" ", 6)
		var saved []session.Saved
		for _, n := range []string{"a.jpg", "b.jpg", "c.jpg"} {
			saved = append(saved, session.Saved{Path: filepath.Join(dir, "campagne", n), Rel: "campagne/" + n, Size: 5, State: session.Failed, Reason: long})
		}
		saved[2].State = session.Queued
		e.q.Restore(session.Snapshot{Rows: saved})
		e.w.OfferResume(Resume{Waiting: 1})
		if !e.w.banner.Visible() || !e.w.ResumeOffered() {
			t.Fatalf("the test needs both banners: sandbox %v, resume %v", e.w.banner.Visible(), e.w.ResumeOffered())
		}
		e.w.Tabs.SelectIndex(tabQueue)
		for _, screen := range []fyne.Size{MinWindow, {Width: 1024, Height: 640}} {
			e.w.Win.Resize(screen)
			e.w.Queue.Select(0, 0)
			if !e.w.Queue.details.Content.Visible() {
				t.Fatalf("%v: no details for the chosen row", screen)
			}
			if m := unscrolledMin(e.w); m.Height > screen.Height {
				t.Errorf("%v: the window needs %.0f of height", screen, m.Height)
			}
			e.w.Win.Resize(screen) // as the real window, which keeps the screen's size
			abs := func(o fyne.CanvasObject) fyne.Position {
				return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
			}
			for _, o := range []struct {
				name string
				o    fyne.CanvasObject
			}{{"the overall bar", e.w.Queue.overall}, {"the counts", e.w.Queue.summary}, {"the details", e.w.Queue.details.Content}} {
				if end := abs(o.o).Y + o.o.Size().Height; end > e.w.Win.Canvas().Size().Height {
					t.Errorf("%v: %s end at %.0f, below the window's %.0f", screen, o.name, end, e.w.Win.Canvas().Size().Height)
				}
			}
			list := e.w.Queue.list
			if h, row := list.Size().Height, list.MinSize().Height; h < row {
				t.Errorf("%v: the list has %.0f of height, less than a row (%.0f)", screen, h, row)
			}
			pane := e.w.Queue.details
			if pane.Content.Size().Height < pane.head.MinSize().Height+pane.reason.MinSize().Height/4 {
				t.Errorf("%v: the details have %.0f of height, too little to read the reason", screen, pane.Content.Size().Height)
			}
			if abs(pane.Content).Y < abs(list).Y+list.Size().Height {
				t.Errorf("%v: the details start at %.0f, over the list ending at %.0f", screen, abs(pane.Content).Y, abs(list).Y+list.Size().Height)
			}
			e.w.Queue.clearSelection()
		}
	})
}

// A short reason gets the height it needs, no scroll: the pane is not capped when there
// is room.
func TestQueueDetailsTakeWhatTheyNeed(t *testing.T) {
	e := newTestEnv(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	restoredRows(t, e, session.Failed, session.Done)
	e.w.Win.Resize(fyne.NewSize(1366, 768))
	e.w.Queue.Select(0, 0)
	pane := e.w.Queue.details
	need := pane.height(pane.Content.Size().Width)
	if got := pane.Content.Size().Height; got < need-1 {
		t.Errorf("the details have %.0f of height, they need %.0f", got, need)
	}
}

// The details of a cancelled file and of a file Scene7 could not process do not say the
// same thing twice: the row's own sentence says what happened (or, from Scene7, to fix the
// file and upload it again), and what follows adds what it does not say, naming the Retry
// button once, as it reads.
func TestDetailsDoNotRepeatTheAdvice(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		dir := files(t, map[string]string{"a.jpg": "a", "b.pdf": "b"})
		cancelled := words.Msg("session.reason.cancelled_in_flight", nil)
		e.q.Restore(session.Snapshot{Rows: []session.Saved{
			{Path: filepath.Join(dir, "a.jpg"), Rel: "a.jpg", Size: 1, State: session.Cancelled, Why: &cancelled},
			{Path: filepath.Join(dir, "b.pdf"), Rel: "b.pdf", Size: 1, State: session.Done, Outcome: session.FailedInScene7,
				Said: "b.pdf could not be processed: the file is not a PDF document", JobHandle: "h|1"},
		}})
		retry, selected := words.T("queue.retry_failed", nil), words.T("queue.retry_selected", nil)
		for i, want := range []string{
			words.T("details.todo.cancelled", words.A{"Button": selected,
				"Remove": words.T("queue.remove", nil), "RemoveSelected": words.T("queue.remove_selected", nil)}),
			words.T("details.todo.failed_in_scene7.add_again", nil),
		} {
			e.w.Queue.Select(i, 0)
			text := e.w.Queue.details.reason.Text
			if !strings.Contains(text, want) {
				t.Errorf("row %d: %q does not end with %q", i, text, want)
			}
			// Either label counts: the session's sentence once said "Press Retry failed"
			// before the advice's "press Retry selected".
			if n := strings.Count(text, retry) + strings.Count(text, selected); n > 1 {
				t.Errorf("row %d names the Retry button %d times: %q", i, n, text)
			}
			if old := words.T("details.todo.failed_in_scene7", nil); strings.Contains(text, old) {
				t.Errorf("row %d repeats the advice (%s): %q", i, old, text)
			}
		}
	})
}

// The row a person clicks stays in sight once its details take room from the list: the
// last row of a long list was hidden under the pane that shows it.
func TestChosenRowStaysInSightAboveItsDetails(t *testing.T) {
	e := newTestEnv(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	states := make([]session.State, 12)
	for i := range states {
		states[i] = session.Failed
	}
	restoredRows(t, e, states...)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	list := e.w.Queue.List()
	last := len(states) - 1
	list.ScrollToBottom()
	list.Select(last) // as a click does
	if !e.w.Queue.details.Content.Visible() {
		t.Fatal("no details for the chosen row")
	}
	rowH := list.MinSize().Height + theme.Padding() // a row and its separator
	top := float32(last) * rowH
	if off := list.GetScrollOffset(); top+rowH-theme.Padding() > off+list.Size().Height+1 || top < off-1 {
		t.Errorf("row %d spans %.0f to %.0f, the list shows %.0f to %.0f", last, top, top+rowH, off, off+list.Size().Height)
	}
}
