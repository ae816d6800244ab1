package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// The mouse wheel over a one-line field scrolls the form around it, in the upload options
// and the connection editor, at 1024×640: Fyne's entry took the wheel and the form stopped
// under the pointer. (The queue's fields: TestQueueTabScrollsWhenTheScreenIsTooShort.)
func TestWheelOverAFieldScrollsTheForm(t *testing.T) {
	speaking(t, "en")
	e := newTestEnv(t)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	for i := range e.w.Options.sections.Items {
		e.w.Options.sections.Open(i) // the crop fields are in a section
	}
	for _, c := range []struct {
		name   string
		tab    int
		scroll *container.Scroll
		field  fyne.CanvasObject
	}{
		{"options: a number", tabOptions, e.w.Options.wheel.scroll.(*container.Scroll), e.w.Options.fields["manualCropOptions.left"].input.(*numberEntry)},
		{"options: the company", tabOptions, e.w.Options.wheel.scroll.(*container.Scroll), e.w.Dest.company},
		{"options: the bandwidth", tabOptions, e.w.Options.wheel.scroll.(*container.Scroll), e.w.Bandwidth.Entry},
		{"connections: the user", tabConnections, e.w.Connections.wheel.scroll.(*container.Scroll), e.w.Connections.editor.user},
	} {
		e.w.Tabs.SelectIndex(c.tab)
		// Bring the field into view with the scroller itself, then wheel over it.
		c.scroll.ScrollToTop()
		for last := float32(-1); !onScreen(e.w.Win.Canvas(), c.field) && c.scroll.Offset.Y != last; {
			last = c.scroll.Offset.Y
			c.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}})
		}
		if !onScreen(e.w.Win.Canvas(), c.field) {
			t.Fatalf("%s: the field never came into view", c.name)
		}
		// Up when the form can go up (the field may be at its bottom), else down.
		before, dy := c.scroll.Offset.Y, float32(-30)
		if before > 0 {
			dy = 30
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.field).Add(fyne.NewPos(5, 5))
		test.Scroll(e.w.Win.Canvas(), pos, 0, dy)
		if c.scroll.Offset.Y == before {
			t.Errorf("%s: the wheel over the field left the form at %.0f", c.name, before)
		}
	}
}

// The layer takes the wheel and nothing else, so that Fyne gives every other event of the
// pointer and the keyboard to the field below it (the deepest object that wants it).
func TestWheelLayerTakesOnlyTheWheel(t *testing.T) {
	var l any = newWheelLayer(&wheelTarget{})
	if _, ok := l.(fyne.Scrollable); !ok {
		t.Fatal("the layer does not take the wheel")
	}
	for name, takes := range map[string]bool{
		"tap":           is[fyne.Tappable](l),
		"double tap":    is[fyne.DoubleTappable](l),
		"secondary tap": is[fyne.SecondaryTappable](l),
		"drag":          is[fyne.Draggable](l),
		"focus":         is[fyne.Focusable](l),
		"mouse button":  is[desktop.Mouseable](l),
		"hover":         is[desktop.Hoverable](l),
		"cursor":        is[desktop.Cursorable](l),
	} {
		if takes {
			t.Errorf("the layer takes the %s from the field below it", name)
		}
	}
}

func is[T any](v any) bool { _, ok := v.(T); return ok }

// onScreen reports whether o lies inside the canvas (not scrolled out of its top or bottom).
func onScreen(c fyne.Canvas, o fyne.CanvasObject) bool {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Y > 100 && p.Y+o.Size().Height < c.Size().Height-20
}
