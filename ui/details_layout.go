package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// detailsBelow lays out the queue's list with the chosen file's details under it. The
// details take the height they need, as long as the list keeps a row: beyond, their
// sentence scrolls in the pane. Laid out at their full height, a long reason in French or
// Japanese made the window taller than a 1024×640 or 800×600 screen, which pushed the
// overall bar and the counts off its bottom and left one row of the list.
type detailsBelow struct{ d *rowDetails }

func (l detailsBelow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	list := objs[0].MinSize()
	if !l.d.Content.Visible() {
		return list
	}
	pane := l.d.Content.MinSize() // the path and one scroll's worth of the sentence
	return fyne.NewSize(max(list.Width, pane.Width), list.Height+theme.Padding()+pane.Height)
}

func (l detailsBelow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	list := objs[0]
	list.Move(fyne.NewPos(0, 0))
	if !l.d.Content.Visible() {
		list.Resize(size)
		return
	}
	pad := theme.Padding()
	least := l.d.Content.MinSize().Height
	h := max(least, min(l.d.height(size.Width), size.Height-pad-list.MinSize().Height))
	list.Resize(fyne.NewSize(size.Width, size.Height-pad-h))
	l.d.Content.Move(fyne.NewPos(0, size.Height-h))
	l.d.Content.Resize(fyne.NewSize(size.Width, h))
}

// height is what the pane needs at width to show everything without scrolling. The
// sentence wraps, so its height is read once it has that width.
func (d *rowDetails) height(width float32) float32 {
	d.body.Resize(fyne.NewSize(width, d.body.MinSize().Height))
	top := d.head.MinSize().Height + theme.Padding() + 1 // the separator above the path
	return top + theme.Padding() + d.body.MinSize().Height
}
