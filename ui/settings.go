package ui

import (
	"encoding/json"

	"fyne.io/fyne/v2"

	"hoist/uploader"
)

// Settings kept between runs in Fyne's preferences: the last connection, its company
// and destination folder, the preset, whether links out of added folders are followed,
// and the window's size.
const (
	prefConnection = "connection"
	prefCompany    = "company"
	prefFolder     = "destFolder"
	prefPreset     = "preset"
	prefFollow     = "followLinks"
	prefOptions    = "options" // JSON, as in a preset: the options on screen, preset or not
	prefWidth      = "window.width"
	prefHeight     = "window.height"
)

// DefaultSize is the window's size on a screen large enough for it; a smaller screen gets
// its whole work area (see FitScreen).
var DefaultSize = fyne.NewSize(1280, 800)

// MinWindow is the smallest window Hoist is laid out for: every control reachable.
var MinWindow = fyne.NewSize(800, 600)

// Screen is what the windowing system says about the screen the window opens on.
type Screen struct {
	// Key names the screen (its name and resolution), to remember a size per screen.
	Key string
	// Work is the room for windows (the screen less its panels and task bars), in Fyne's
	// units (pixels divided by the window's scale).
	Work fyne.Size
	// Place, when set, puts the window on the screen once it has its size; without it the
	// window is centred.
	Place func(size fyne.Size)
}

// restore puts back the settings of the last run.
func (w *Window) restore() {
	prefs := w.App.Preferences()
	w.restoring = true
	defer func() { w.restoring = false }()
	last := prefs.String(prefConnection)
	w.Dest.reload(last)
	w.FollowLinks.SetChecked(prefs.Bool(prefFollow))
	w.Bandwidth.set(prefs.String(prefBandwidth))
	// The preset first: its folder, if it has one, gives way to the folder last on screen,
	// and its options to the options last on screen (changed since, or never a preset).
	if name := prefs.String(prefPreset); name != "" {
		_ = w.Presets.Load(name) // a preset deleted since is simply not chosen
	}
	var o uploader.Options
	if saved := prefs.String(prefOptions); saved != "" && json.Unmarshal([]byte(saved), &o) == nil {
		w.Options.SetOptions(o)
		w.keepPresetIfSame()
	}
	if last != "" && last == w.Dest.current.Name {
		if c := prefs.String(prefCompany); c != "" {
			w.Dest.company.SetText(c)
		}
		w.Dest.folder.SetText(prefs.StringWithFallback(prefFolder, w.Dest.folder.Text))
	}
	w.Win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, float64(DefaultSize.Width))),
		float32(prefs.FloatWithFallback(prefHeight, float64(DefaultSize.Height)))))
}

// saveSettings keeps the settings on screen for the next run.
func (w *Window) saveSettings() {
	if w.restoring || w.Presets == nil {
		return
	}
	prefs := w.App.Preferences()
	prefs.SetString(prefConnection, w.Dest.current.Name)
	prefs.SetString(prefCompany, w.Dest.company.Text)
	prefs.SetString(prefFolder, w.Dest.folder.Text)
	prefs.SetString(prefPreset, w.Presets.Current())
	prefs.SetBool(prefFollow, w.FollowLinks.Checked)
	if o, err := json.Marshal(w.Options.Options()); err == nil {
		prefs.SetString(prefOptions, string(o))
	}
}

// FitScreen sizes the window for screen s: the size last used on that screen, else
// DefaultSize, and never larger than its work area, then places it (s.Place) or centres it.
func (w *Window) FitScreen(s Screen) {
	w.screen = s.Key
	prefs := w.App.Preferences()
	want := DefaultSize
	if s.Key != "" {
		want = fyne.NewSize(
			float32(prefs.FloatWithFallback(prefWidth+"."+s.Key, float64(want.Width))),
			float32(prefs.FloatWithFallback(prefHeight+"."+s.Key, float64(want.Height))))
	}
	size := fitSize(want, s.Work)
	w.Win.Resize(size)
	if s.Place != nil {
		s.Place(size)
	} else {
		w.Win.CenterOnScreen()
	}
}

// fitSize is want, made no larger than work (when known), leaving room for the window's
// title bar, which the work area includes.
func fitSize(want, work fyne.Size) fyne.Size {
	const titleBar = 32
	if work.Width > 0 && work.Height > 0 {
		want.Width = min(want.Width, work.Width)
		want.Height = min(want.Height, work.Height-titleBar)
	}
	return want
}

// SaveState keeps the window's size; call it when the window closes.
func (w *Window) SaveState() {
	size := w.Win.Canvas().Size()
	if size.Width < 100 || size.Height < 100 {
		return // minimised or not shown: keep the last real size
	}
	prefs := w.App.Preferences()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
	if w.screen != "" {
		prefs.SetFloat(prefWidth+"."+w.screen, float64(size.Width))
		prefs.SetFloat(prefHeight+"."+w.screen, float64(size.Height))
	}
}
