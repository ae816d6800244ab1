package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// fixedWidth lays out one object at a fixed width (and its own height), so that the
// columns of list rows line up whatever their text.
type fixedWidth struct{ width float32 }

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.width, h)
}

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func withWidth(w float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(fixedWidth{w}, o)
}

// showIf shows or hides o, then lays out again the container it sits in, so that
// nothing overlaps the space it takes or leaves gaps where it was: Fyne re-lays out a
// container when its size needs change, which a child's visibility alone does not signal.
func showIf(o fyne.CanvasObject, visible bool, in *fyne.Container) {
	if visible == o.Visible() {
		return
	}
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
	if in != nil {
		in.Refresh()
	}
}
