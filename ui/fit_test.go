package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The window asks for no more room than a 1024×640 screen, nor than 800×600, whichever tab
// is shown: nothing is pushed off-screen.
func TestWindowFitsSmallScreens(t *testing.T) {
	e := newTestEnv(t)
	e.w.AddPaths([]string{files(t, map[string]string{"c/spring/hero-banner-spring-collection-landscape-1.jpg": "a", "c/b.jpg": "b"}) + "/c"})
	for _, screen := range []fyne.Size{{Width: 1024, Height: 640}, MinWindow} {
		e.w.Win.Resize(screen)
		for i, tab := range e.w.Tabs.Items {
			e.w.Tabs.SelectIndex(i)
			if m := e.w.Win.Content().MinSize(); m.Width > screen.Width || m.Height > screen.Height {
				t.Errorf("%v, tab %s: the window needs at least %v", screen, tab.Text, m)
				for _, o := range []struct {
					name string
					o    fyne.CanvasObject
				}{{"header", e.w.header}, {"tab", tab.Content}, {"dest", e.w.Dest.Content}, {"queue", e.w.Queue.Content}} {
					t.Logf("  %s: %v", o.name, o.o.MinSize())
				}
			}
		}
	}
}

// At 1024×640 the banner's "Add a connection" and the connection editor's Test connection
// are inside the window.
func TestConnectionButtonsReachableAt1024(t *testing.T) {
	e := newTestEnv(t)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	var add *widget.Button
	for _, o := range test.LaidOutObjects(e.w.banner) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Add a connection" {
			add = b
		}
	}
	if add == nil {
		t.Fatal("no Add a connection button in the sandbox banner")
	}
	inside := func(name string, o fyne.CanvasObject) {
		t.Helper()
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if !o.Visible() || o.Size().Width == 0 || p.X < 0 || p.X+o.Size().Width > 1024 || p.Y+o.Size().Height > 640 {
			t.Errorf("%s at %v size %v: not inside 1024×640", name, p, o.Size())
		}
	}
	inside("Add a connection", add)
	test.Tap(add)
	if e.w.Tabs.SelectedIndex() != tabConnections {
		t.Fatalf("Add a connection opened tab %d", e.w.Tabs.SelectedIndex())
	}
	inside("Test connection", e.w.Connections.test)
}
