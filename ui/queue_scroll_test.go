package ui

import (
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// unscrolledMin is the least size of the window if the queue tab did not scroll: what
// it needs to show everything at once. The tests of the usual screens hold it to the
// screen's size, so that the scroll stays a last resort.
// The window's size is the screen's: what lies around the tab is what it takes there.
func unscrolledMin(w *Window) fyne.Size {
	w.Win.Content().Refresh() // lays the window out again: a banner that went leaves its room
	m := w.Win.Content().MinSize()
	if w.Tabs.SelectedIndex() == tabQueue {
		// Without the window's padding, as MinSize of its content does not count it.
		around := w.Win.Content().Size().Height - w.queueScroll.Size().Height
		m.Height = max(m.Height, around+w.queueScroll.Content.MinSize().Height)
	}
	return m
}

// When all the queue tab can show at once needs more height than an 800×600 screen has
// (an earlier run's files offered, a connection asking for its password with the
// keychain's note, the line saying what to fix, counts on two lines), the tab scrolls:
// the window stays the screen's size and the overall bar and the counts are reached by
// scrolling down. Before, the window grew past the screen's bottom edge, with them.
func TestQueueTabScrollsWhenTheScreenIsTooShort(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
		// A connection whose password is asked for: the keychain has none.
		office := store.Profile{Name: "Production", Service: uploader.Scene7, Region: uploader.RegionEMEA, User: "marketing@example.com", Company: "c|1"}
		if err := e.cfg.Profiles.Save("", office); err != nil {
			t.Fatal(err)
		}
		// No keychain: its note takes two lines.
		keyring.MockInitWithError(errors.New("no Secret Service"))
		e.w.Dest.reload(office.Name)
		e.w.Dest.Choose(office.Name)
		dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", ".DS_Store": "x"})
		e.q.Restore(session.Snapshot{Rows: []session.Saved{
			{Path: filepath.Join(dir, "a.jpg"), Rel: "a.jpg", Size: 1, State: session.Done, Outcome: session.FailedInScene7, Said: "not a JPEG", JobHandle: "h|1"},
			{Path: filepath.Join(dir, "b.jpg"), Rel: "b.jpg", Size: 1, State: session.Queued},
			{Path: filepath.Join(dir, ".DS_Store"), Rel: ".DS_Store", Size: 1, State: session.Failed, Reason: "It failed."},
		}})
		e.w.OfferResume(Resume{Waiting: 1, Profile: office.Name, Company: "c|1"})
		status, _ := processedText(session.Processed{Ready: 28, Warnings: 1, Failed: 3, Replaced: 1,
			Message: words.N("session.processed.ready", 33, words.A{"Ready": 28})}, session.Summary{Failed: 1})
		e.w.Queue.SetStatusThenRetry(status)
		e.w.Tabs.SelectIndex(tabQueue)
		e.w.Win.Resize(MinWindow)
		if !e.w.Dest.pwBox.Visible() || !e.w.ResumeOffered() {
			t.Fatalf("the test needs the password and the offer shown: %v, %v", e.w.Dest.pwBox.Visible(), e.w.ResumeOffered())
		}
		if m := e.w.Win.Content().MinSize(); m.Height > MinWindow.Height {
			t.Fatalf("the window needs %.0f of height", m.Height)
		}
		if need := unscrolledMin(e.w).Height; code != "en" && need <= MinWindow.Height {
			t.Fatalf("the test needs a queue tab taller than the screen; it needs %.0f", need)
		}
		e.w.Win.Resize(MinWindow)
		e.w.queueScroll.ScrollToBottom()
		abs := func(o fyne.CanvasObject) fyne.Position {
			return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		}
		bottom := abs(e.w.queueScroll).Y + e.w.queueScroll.Size().Height
		for _, o := range []struct {
			name string
			o    fyne.CanvasObject
		}{{"the overall bar", e.w.Queue.overall}, {"the counts", e.w.Queue.summary}} {
			if end := abs(o.o).Y + o.o.Size().Height; end > bottom+1 || abs(o.o).Y < abs(e.w.queueScroll).Y {
				t.Errorf("scrolled down, %s spans %.0f to %.0f, the tab shows up to %.0f", o.name, abs(o.o).Y, end, bottom)
			}
		}
		if h := e.w.Queue.list.Size().Height; h < e.w.Queue.list.MinSize().Height {
			t.Errorf("the list has %.0f of height, less than a row", h)
		}
		// The wheel over the folder or the password field scrolls the tab (wheel.go), when
		// it has somewhere to go.
		for _, f := range []*widget.Entry{e.w.Dest.folder, e.w.Dest.password} {
			if e.w.queueScroll.Content.MinSize().Height <= e.w.queueScroll.Size().Height {
				break
			}
			e.w.queueScroll.ScrollToTop()
			test.Scroll(e.w.Win.Canvas(), abs(f).Add(fyne.NewPos(5, 5)), 0, -30)
			if e.w.queueScroll.Offset.Y == 0 {
				t.Errorf("the wheel over the %s field left the tab at its top", f.PlaceHolder)
			}
		}
	})
}
