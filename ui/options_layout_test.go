package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// An inline error pushes the fields below it down instead of covering them.
func TestInlineErrorDoesNotCoverTheNextField(t *testing.T) {
	e := newTestEnv(t)
	e.w.Tabs.SelectIndex(tabOptions)
	of := e.w.Options
	for i, item := range of.sections.Items {
		if item == of.items["Sharpening"] {
			of.sections.Open(i)
		}
	}
	test.Tap(of.Input("unsharpMaskOptions").(*widget.Check))
	amount := of.Input("unsharpMaskOptions.amount").(*numberEntry)
	radius := of.Input("unsharpMaskOptions.radius").(*numberEntry)
	abs := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	before := abs(radius).Y
	amount.SetText("")
	test.Type(amount, "7")
	label := of.fields["unsharpMaskOptions.amount"].errLabel
	if !label.Visible() {
		t.Fatal("no inline error shown")
	}
	if bottom := abs(label).Y + label.Size().Height; abs(radius).Y < bottom || abs(radius).Y <= before {
		t.Fatalf("the next field starts at %v, under an error ending at %v (was at %v)", abs(radius).Y, bottom, before)
	}
}
