package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
)

// The queue's toolbar keeps to one line on a 1024-pixel screen in every language: French
// and Japanese labels are longer than English ones, and nine buttons took two lines there
// (one row of the list fewer). The three ways of taking files off the list, which are
// used less than the others, share one button, Remove, whose menu offers them; each says
// whether it can be used now, and the Delete key still removes the selected rows.

// shortcutDelete is shown beside Remove selected in the menu (the key itself is handled
// by the list and the window: keys.go).
var shortcutDelete = &desktop.CustomShortcut{KeyName: fyne.KeyDelete}

// newRemoveMenu makes the Remove button and the items of its menu.
func (v *QueueView) newRemoveMenu() {
	v.RemoveSelectedItem = fyne.NewMenuItemWithIcon(words.T("queue.remove_selected", nil), theme.DeleteIcon(), v.RemoveSelected)
	v.RemoveSelectedItem.Shortcut = shortcutDelete
	v.RemoveAllItem = fyne.NewMenuItemWithIcon(words.T("queue.remove_all", nil), theme.ContentClearIcon(), v.removeAll)
	v.ClearItem = fyne.NewMenuItemWithIcon(words.T("queue.clear_finished", nil), theme.ConfirmIcon(), v.clearFinished)
	v.Remove = widget.NewButtonWithIcon(words.T("queue.remove", nil), theme.MenuDropDownIcon(), v.showRemoveMenu)
	v.Remove.IconPlacement = widget.ButtonIconTrailingText
}

// showRemoveMenu opens the Remove button's menu under it.
func (v *QueueView) showRemoveMenu() {
	c := fyne.CurrentApp().Driver().CanvasForObject(v.Remove)
	if c == nil {
		return
	}
	menu := fyne.NewMenu("", v.RemoveSelectedItem, v.RemoveAllItem, v.ClearItem)
	widget.ShowPopUpMenuAtRelativePosition(menu, c, fyne.NewPos(0, v.Remove.Size().Height), v.Remove)
}

// enableRemoveMenu says which of the menu's items can be used, and enables the button
// when one of them can.
func (v *QueueView) enableRemoveMenu(selected, all, finished bool) {
	v.RemoveSelectedItem.Disabled, v.RemoveAllItem.Disabled, v.ClearItem.Disabled = !selected, !all, !finished
	enable(v.Remove, selected || all || finished)
}

func (v *QueueView) clearFinished() {
	n := v.q.ClearFinished()
	v.clearSelection()
	v.SetStatus(words.N("queue.cleared", n, nil))
}
