package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Keyboard: Delete (or Backspace) removes the selected rows, Ctrl+O (Cmd+O on macOS) adds
// files, Ctrl+Enter uploads. A text field being typed in keeps its keys.
var (
	shortcutAddFiles = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUpload   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUploadKP = &desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault}
)

func (w *Window) addShortcuts() {
	w.keys.AddShortcut(shortcutAddFiles, func(fyne.Shortcut) { w.AddFiles() })
	upload := func(fyne.Shortcut) {
		if w.Queue.Upload.Disabled() {
			w.changed() // the line above the queue says why, when a setting is missing
			return
		}
		w.Upload()
	}
	w.keys.AddShortcut(shortcutUpload, upload)
	w.keys.AddShortcut(shortcutUploadKP, upload)
	c := w.Win.Canvas()
	for _, sc := range []fyne.Shortcut{shortcutAddFiles, shortcutUpload, shortcutUploadKP} {
		c.AddShortcut(sc, w.TypedShortcut)
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { // nothing has the focus
		if isDeleteKey(ev) {
			w.Queue.RemoveSelected()
		}
	})
}

// TypedShortcut does what the window's keyboard shortcut sc does.
func (w *Window) TypedShortcut(sc fyne.Shortcut) { w.keys.TypedShortcut(sc) }

func isDeleteKey(ev *fyne.KeyEvent) bool {
	return ev.Name == fyne.KeyDelete || ev.Name == fyne.KeyBackspace
}

// queueList is the queue's list, which also takes Delete once a row was clicked (the list
// has the keyboard focus then).
type queueList struct {
	widget.List
	onDelete func()
}

func newQueueList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onDelete func()) *queueList {
	l := &queueList{onDelete: onDelete}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *queueList) TypedKey(ev *fyne.KeyEvent) {
	if isDeleteKey(ev) {
		l.onDelete()
		return
	}
	l.List.TypedKey(ev)
}
