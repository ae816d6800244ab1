package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/go-gl/glfw/v3.4/glfw"

	"hoist/ui"
)

// Fyne does not say which screen a window is on, where it is, or how large the screens
// are. GLFW, which Fyne's desktop driver runs on, lists the screens; the window's position
// comes from the operating system through the native handle Fyne does give (windowPos, one
// file per system). All of it must run on the main thread once GLFW is initialised: in the
// app's OnStarted, in the close intercept.
//
// The window opens on the screen under the place it had when it was last closed, when that
// screen is still connected, else on the screen the window manager put it on; it takes the
// size last used on that screen (ui.Window.FitScreen).

// prefPlace keeps where the window was when it closed: "x,y,w,h" in desktop coordinates.
const prefPlace = "window.place"

// rect is a rectangle of the desktop in GLFW's coordinates for screens and window
// positions (pixels on Windows and X11, points on macOS; y grows downwards).
type rect struct{ x, y, w, h int }

func (r rect) String() string { return fmt.Sprintf("%d,%d,%d,%d", r.x, r.y, r.w, r.h) }

func parseRect(s string) (rect, bool) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return rect{}, false
	}
	var n [4]int
	for i, p := range f {
		v, err := strconv.Atoi(p)
		if err != nil {
			return rect{}, false
		}
		n[i] = v
	}
	r := rect{n[0], n[1], n[2], n[3]}
	return r, r.w > 0 && r.h > 0
}

// overlap is the area r and o share.
func (r rect) overlap(o rect) int {
	w := min(r.x+r.w, o.x+o.w) - max(r.x, o.x)
	h := min(r.y+r.h, o.y+o.h) - max(r.y, o.y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// monitor is one screen: its name, its whole area and its work area (without panels,
// docks and task bars).
type monitor struct {
	name       string
	area, work rect
}

// key names the screen to remember a size for it: its name and resolution (not its work
// area, which changes with its panels).
func (m monitor) key() string { return fmt.Sprintf("%s-%dx%d", m.name, m.area.w, m.area.h) }

// monitorUnder is the screen holding the most of r, or ok false when r is on none.
func monitorUnder(ms []monitor, r rect) (m monitor, ok bool) {
	most := 0
	for _, c := range ms {
		if a := c.area.overlap(r); a > most {
			m, most = c, a
		}
	}
	return m, most > 0
}

// openOn chooses the screen the window opens on (ms lists the primary first): the one
// under the place it was closed at, when that place is still on a connected screen; else
// the one under the window now (where the window manager put it); else the primary.
// keep says whether the window goes back to its saved place.
func openOn(ms []monitor, saved rect, savedOK bool, now rect, nowOK bool) (m monitor, keep bool) {
	if savedOK {
		if m, ok := monitorUnder(ms, saved); ok {
			return m, true
		}
	}
	if nowOK {
		if m, ok := monitorUnder(ms, now); ok {
			return m, false
		}
	}
	return ms[0], false
}

// placeIn is where a window of w×h goes in work: at (x, y) moved the least that keeps it
// inside (its top-left corner first, when it is larger).
func placeIn(work rect, x, y, w, h int) (int, int) {
	x = max(min(x, work.x+work.w-w), work.x)
	y = max(min(y, work.y+work.h-h), work.y)
	return x, y
}

// centreIn is where a window of w×h goes to be in the middle of work.
func centreIn(work rect, w, h int) (int, int) {
	return placeIn(work, work.x+(work.w-w)/2, work.y+(work.h-h)/2, w, h)
}

// monitors lists the screens, the primary first (main thread).
func monitors() []monitor {
	var out []monitor
	primary := glfw.GetPrimaryMonitor()
	for _, m := range glfw.GetMonitors() {
		mode := m.GetVideoMode()
		if mode == nil {
			continue // disconnected meanwhile
		}
		x, y := m.GetPos()
		area := rect{x, y, mode.Width, mode.Height}
		work := area
		if wx, wy, ww, wh := m.GetWorkarea(); ww > 0 && wh > 0 {
			work = rect{wx, wy, ww, wh}
		}
		s := monitor{name: m.GetName(), area: area, work: work}
		if m == primary {
			out = append([]monitor{s}, out...)
		} else {
			out = append(out, s)
		}
	}
	return out
}

// windowRect is where win is now, in desktop coordinates (main thread).
func windowRect(win fyne.Window) (rect, bool) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return rect{}, false
	}
	var x, y int
	found := false
	nw.RunNative(func(ctx any) { x, y, found = windowPos(ctx) })
	if !found {
		return rect{}, false
	}
	w, h := pixels(win, win.Canvas().Size())
	return rect{x, y, w, h}, true
}

// pixels is size in the desktop's units on win's screen.
func pixels(win fyne.Window, size fyne.Size) (int, int) {
	scale := win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	return int(size.Width * scale), int(size.Height * scale)
}

// fitToScreen sizes and places the window for the screen it opens on (see openOn), once it
// exists. Call it from OnStarted.
func fitToScreen(win *ui.Window) {
	ms := monitors()
	if len(ms) == 0 {
		return
	}
	prefs := win.App.Preferences()
	saved, savedOK := parseRect(prefs.String(prefPlace))
	now, nowOK := windowRect(win.Win)
	m, keep := openOn(ms, saved, savedOK, now, nowOK)
	dw, movable := win.Win.(desktop.Window)
	if keep && movable {
		dw.RequestPosition(saved.x, saved.y) // first, so that Fyne takes that screen's scale
	}
	fyne.Do(func() { // after the move, so the canvas knows the scale of its screen
		scale := win.Win.Canvas().Scale()
		if scale <= 0 {
			scale = 1
		}
		s := ui.Screen{Key: m.key(), Work: fyne.NewSize(float32(m.work.w)/scale, float32(m.work.h)/scale)}
		if movable {
			s.Place = func(size fyne.Size) {
				w, h := pixels(win.Win, size)
				x, y := centreIn(m.work, w, h)
				if keep {
					x, y = placeIn(m.work, saved.x, saved.y, w, h)
				}
				dw.RequestPosition(x, y)
			}
		}
		win.FitScreen(s)
	})
}

// savePlace keeps where the window is, for the next start (main thread, before closing).
func savePlace(win *ui.Window) {
	if r, ok := windowRect(win.Win); ok && r.w >= 100 && r.h >= 100 { // not minimised
		win.App.Preferences().SetString(prefPlace, r.String())
	}
}
