package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// click presses and releases the primary button at x in e, as a mouse does.
func click(e *numberEntry, x float32) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, e.Size().Height/2)}, Button: desktop.MouseButtonPrimary}
	e.MouseDown(ev)
	e.MouseUp(ev)
}

// typeFocused types s into the object the canvas has focused, as the driver does with keys.
func typeFocused(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// Coming into a number field selects its number, so that typing replaces it: a crop
// field showing 0 read "015" after a click and 15 typed. Once in it, a click places the
// cursor as in any field.
func TestANumberFieldIsReplacedByWhatIsTyped(t *testing.T) {
	test.NewTempApp(t)
	e := newNumberEntry()
	other := newNumberEntry()
	w := test.NewWindow(container.NewVBox(e, other))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 120))

	e.SetText("0")
	click(e, e.Size().Width-10) // past the 0, where the cursor would land
	typeFocused(w.Canvas(), "15")
	if e.Text != "15" {
		t.Errorf("clicked into, then 15 typed: %q", e.Text)
	}
	click(e, e.Size().Width-10) // already in it: the cursor goes after 15
	typeFocused(w.Canvas(), "0")
	if e.Text != "150" {
		t.Errorf("clicked again, then 0 typed: %q, want 150", e.Text)
	}
	// The window to the back and to the front again: Fyne tells the field FocusLost,
	// then, after the app's EnteredForeground, FocusGained. The cursor stays where it was.
	e.FocusLost()
	returningToFront = true
	e.FocusGained()
	returningToFront = false
	typeFocused(w.Canvas(), "0")
	if e.Text != "1500" {
		t.Errorf("back in front, then 0 typed: %q, want 1500", e.Text)
	}

	other.SetText("0.5")
	w.Canvas().FocusNext() // Tab from e to the next field
	if w.Canvas().Focused() != other {
		t.Fatalf("Tab focused %v", w.Canvas().Focused())
	}
	typeFocused(w.Canvas(), "1")
	if other.Text != "1" {
		t.Errorf("reached by Tab, then 1 typed: %q", other.Text)
	}
}
