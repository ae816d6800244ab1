package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"

	"hoist/ui"
)

// Fyne does not say which screen a window is on or how large it is. GLFW, which Fyne's
// desktop driver runs on, does: Hoist asks it directly for the primary monitor, the one a
// new window opens on, and its work area (without task bars and panels). This must run on
// the main thread once GLFW is initialised: in the app's OnStarted.

// primaryScreen describes the primary monitor in pixels, or ok false when there is none.
func primaryScreen() (key string, work [2]int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return "", work, false
	}
	mode := m.GetVideoMode()
	if mode == nil {
		return "", work, false
	}
	// The key is the screen's name and resolution: its work area changes with its panels.
	key = fmt.Sprintf("%s-%dx%d", m.GetName(), mode.Width, mode.Height)
	w, h := mode.Width, mode.Height
	if _, _, ww, wh := m.GetWorkarea(); ww > 0 && wh > 0 {
		w, h = ww, wh
	}
	return key, [2]int{w, h}, true
}

// fitToScreen sizes the window for the primary screen once it exists (its scale is known
// then). Call it from OnStarted.
func fitToScreen(win *ui.Window) {
	key, px, ok := primaryScreen()
	if !ok {
		return
	}
	fyne.Do(func() { // after the window is created, so its canvas knows its scale
		scale := win.Win.Canvas().Scale()
		if scale <= 0 {
			scale = 1
		}
		win.FitScreen(ui.Screen{Key: key, Work: fyne.NewSize(float32(px[0])/scale, float32(px[1])/scale)})
	})
}
