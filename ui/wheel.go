package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's one-line Entry keeps a scroller of its own, to slide long text sideways, and that
// scroller takes every mouse wheel event under the pointer while moving nothing up or
// down: a scrolling form stopped whenever the pointer came over one of its fields (the
// options are three screens long at 1024×640). A wheelLayer lies over such fields, or
// over a whole form that has no other scroller inside, and hands the wheel to the form's
// scroller. It takes nothing else: Fyne gives a tap, a drag, the hover cursor and the
// keyboard to the deepest object that wants them, which is the field below; only the
// wheel, which goes to the last scrollable object found under the pointer, stops at the
// layer. What is given up is sliding a field's long text with a trackpad; the cursor keys
// still move through it.

// wheelTarget is the scroller a form's wheel layers hand the wheel to, set once the form
// is in it (nil until then: the layers do nothing).
type wheelTarget struct{ scroll fyne.Scrollable }

// over lays a wheel layer over a one-line entry.
func (t *wheelTarget) over(e fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(e, newWheelLayer(t))
}

// scrolled puts form in a vertical scroller under one wheel layer, for a form with no
// scroller of its own inside (no multi-line entry, no list), and makes it t's target.
func (t *wheelTarget) scrolled(form fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(container.NewStack(form, newWheelLayer(t)))
	t.scroll = s
	return s
}

type wheelLayer struct {
	widget.BaseWidget
	to *wheelTarget
}

func newWheelLayer(to *wheelTarget) *wheelLayer {
	l := &wheelLayer{to: to}
	l.ExtendBaseWidget(l)
	return l
}

func (l *wheelLayer) Scrolled(ev *fyne.ScrollEvent) {
	if l.to.scroll != nil {
		l.to.scroll.Scrolled(ev)
	}
}

func (l *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
