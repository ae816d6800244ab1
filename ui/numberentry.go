package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// numberEntry is the one-line field of a number option. Coming into it, by a click or by
// Tab, selects the number it shows, so that what is typed replaces it: a crop field
// showing 0 read "015" once 15 was typed after a click, which it then sent as 15.
type numberEntry struct {
	widget.Entry
	focused bool
}

func newNumberEntry() *numberEntry {
	e := &numberEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained selects the number when the field is reached by Tab; a click then puts the
// cursor where it landed, and MouseDown selects it again. A window back in front gives
// its field the focus again (Fyne tells it FocusLost when the window goes to the back):
// the number is left as it was, the cursor where it was put.
func (e *numberEntry) FocusGained() {
	first := !e.focused && !returningToFront
	e.focused = true
	e.Entry.FocusGained()
	if first {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// returningToFront is set while the app comes back to the front (Window.EnteredForeground),
// before its window's focused object is told FocusGained. Read and written on Fyne's thread.
var returningToFront bool

func (e *numberEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
}

// MouseDown selects the number on the click that comes into the field; later clicks
// place the cursor as in any field, to change one digit.
func (e *numberEntry) MouseDown(m *desktop.MouseEvent) {
	first := !e.focused
	e.Entry.MouseDown(m)
	if first && m.Button == desktop.MouseButtonPrimary {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
