package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
)

// The window asks for no more room than a 1024×640 screen, nor than 800×600, whichever tab
// is shown: nothing is pushed off-screen.
func TestWindowFitsSmallScreens(t *testing.T) { eachLanguage(t, windowFitsSmallScreens) }

func windowFitsSmallScreens(t *testing.T, _ string) {
	e := newTestEnv(t)
	// The real theme's fonts and sizes, not the test theme's, which are smaller.
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	e.w.AddPaths([]string{files(t, map[string]string{"c/spring/hero-banner-spring-collection-landscape-1.jpg": "a", "c/b.jpg": "b"}) + "/c"})
	for _, screen := range []fyne.Size{{Width: 1024, Height: 640}, MinWindow} {
		e.w.Win.Resize(screen)
		for i, tab := range e.w.Tabs.Items {
			e.w.Tabs.SelectIndex(i)
			if m := unscrolledMin(e.w); m.Width > screen.Width || m.Height > screen.Height {
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
	eachLanguage(t, connectionButtonsReachableAt1024)
}

func connectionButtonsReachableAt1024(t *testing.T, _ string) {
	e := newTestEnv(t)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	var add *widget.Button
	for _, o := range test.LaidOutObjects(e.w.banner) {
		if b, ok := o.(*widget.Button); ok && b.Text == words.T("window.sandbox.add", nil) {
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

// The window takes the size last used on the screen it opens on, within its work area;
// a screen without a remembered size gets the default, as far as it fits.
func TestWindowSizeRememberedPerScreen(t *testing.T) {
	e := newTestEnv(t)
	laptop := Screen{Key: "eDP-1-1366x768", Work: fyne.NewSize(1366, 740)}
	e.w.FitScreen(laptop)
	if got := e.w.Win.Canvas().Size(); got.Width != 1280 || got.Height != 740-32 {
		t.Errorf("first time on a laptop: %v", got)
	}
	e.w.Win.Resize(fyne.NewSize(1100, 650))
	e.w.SaveState()
	big := Screen{Key: "HDMI-1-2560x1440", Work: fyne.NewSize(2560, 1400)}
	e.w.FitScreen(big)
	if got := e.w.Win.Canvas().Size(); got != DefaultSize {
		t.Errorf("a large screen: %v", got)
	}
	e.w.FitScreen(laptop)
	if got := e.w.Win.Canvas().Size(); got != fyne.NewSize(1100, 650) {
		t.Errorf("back on the laptop: %v, want the size used there", got)
	}
	small := Screen{Key: "VGA-1-1024x640", Work: fyne.NewSize(1024, 640)}
	e.w.FitScreen(small)
	if got := e.w.Win.Canvas().Size(); got.Width > 1024 || got.Height > 640 {
		t.Errorf("a 1024×640 screen: %v", got)
	}
}

// Grey example text never looks like a value: every hint in an empty field is an
// instruction ("Type…", "Choose…"), not a sample that could be taken for what is set.
func TestPlaceholdersAreInstructions(t *testing.T) {
	e := newTestEnv(t)
	ok := func(s string) bool {
		for _, p := range []string{"Type ", "Choose ", "Leave ", "Or ", "No preset", "(Select one)"} {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
		return s == "" || s == "Password"
	}
	seen := 0
	for i := range e.w.Tabs.Items {
		e.w.Tabs.SelectIndex(i)
		for _, o := range test.LaidOutObjects(e.w.Win.Content()) {
			var hint string
			switch x := o.(type) {
			case *widget.Entry:
				hint = x.PlaceHolder
			case *widget.Select:
				hint = x.PlaceHolder
			default:
				continue
			}
			seen++
			if !ok(hint) {
				t.Errorf("tab %s: a field hints %q", e.w.Tabs.Items[i].Text, hint)
			}
		}
	}
	if seen < 10 {
		t.Fatalf("only %d fields found", seen)
	}
}
