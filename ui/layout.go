package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// setWrapped sets the text of a word-wrapped label that spans the width of the container
// in, and lays in out again when the label's height changes. Fyne measures a label that
// was never laid out as one line per paragraph (it has no width yet): a first sentence of
// two lines, which a Japanese one often is, would then cover what is below it. So the
// label gets in's width before it is measured.
func setWrapped(l *widget.Label, text string, in *fyne.Container) {
	before := l.MinSize().Height
	l.SetText(text)
	if w := in.Size().Width; w > 0 && l.Size().Width != w {
		l.Resize(fyne.NewSize(w, l.MinSize().Height))
	}
	if l.Visible() && l.MinSize().Height != before {
		in.Refresh()
	}
}

// flow lays out objects left to right and starts a new line when the next one does not
// fit, so that a toolbar asks for no more width than its widest button. Its height
// depends on its width, which Fyne's MinSize is not told: a widthFirst around the
// container it sits in passes the width down before the layout asks.
type flow struct{ width float32 }

func (f *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	if f.width <= 0 {
		// Not laid out yet: ask for one line, not for a column of buttons, which would make
		// the window tall before it knows its width.
		return fyne.NewSize(w, f.place(objs, 1e6, false))
	}
	return fyne.NewSize(w, f.place(objs, max(f.width, w), false))
}

func (f *flow) takeWidth(w float32) { f.width = w }

func (f *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

// place puts objs in lines of at most width (moving them when move is set) and returns
// the height used.
func (f *flow) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, line := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, line = 0, y+line+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		line = max(line, m.Height)
	}
	return y + line
}

// widthFirst lays out its one object at its own size, after telling the layouts inside it
// whose height depends on their width (a flow, the destination's row) how wide they will
// be, so that they answer MinSize with the height they really need.
type widthFirst struct{ flows []widthTaker }

// widthTaker is a layout told its width before its MinSize is asked.
type widthTaker interface{ takeWidth(w float32) }

func (l widthFirst) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (l widthFirst) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, f := range l.flows {
		f.takeWidth(size.Width)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
