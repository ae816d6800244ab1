package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/uploader"
)

// The queue tab stays inside the window at 800×600 and at 1024×640 in every language,
// whichever connection is chosen: the window needs no more height than it has, no object
// of the tab (the connection and folder row, the connection's notes and password, the
// options line, the toolbar, the rows, the bar and the counts) reaches past its right
// edge, the chosen connection's name is whole and every empty field shows its grey hint
// whole. French at 800 px pushed the folder field's hint past the edge, cut after
// "dossier racin"; a connection showing its notes needed up to 634 of height.
func TestQueueTabInsideSmallWindows(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) // the real sizes
		restoredRows(t, e, session.Done, session.Queued, session.Failed, session.Skipped)
		// A connection that shows every note: where it goes, plain http, no saved password.
		office := store.Profile{Name: "Intranet Dr.Sum — spring campaigns", Service: uploader.DrSum, User: "apiuser01",
			UploadURL: "http://drsum.intra.example/api/v1.0/file/upload", AllowInsecureHTTP: true}
		if err := e.cfg.Profiles.Save("", office); err != nil {
			t.Fatal(err)
		}
		e.w.Dest.reload("")
		e.w.Tabs.SelectIndex(tabQueue)
		tab := e.w.Tabs.Items[tabQueue].Content
		for _, screen := range []fyne.Size{MinWindow, {Width: 1024, Height: 640}} {
			e.w.Win.Resize(screen)
			// Each connection chosen in the window at that size, as a person does.
			for _, conn := range []struct{ name, folder string }{
				{store.SandboxProfile, ""},      // the Scene7 hint
				{store.SandboxDrSumProfile, ""}, // the Dr.Sum hint
				{office.Name, "/filer/campaigns/spring-2026"},
				{office.Name, ""}, // every note at once, and the blocker saying the folder is needed
				{store.SandboxProfile, ""},
			} {
				e.w.Dest.Choose(conn.name)
				e.w.Dest.SetFolder(conn.folder)
				where := fmt.Sprintf("%s (folder %q), %v", conn.name, conn.folder, screen)
				if e.w.Dest.pwBox.Visible() != (conn.name == office.Name) || e.w.Dest.insecure.Visible() != (conn.name == office.Name) {
					t.Fatalf("%s: password shown %v, insecure note shown %v", where, e.w.Dest.pwBox.Visible(), e.w.Dest.insecure.Visible())
				}
				if m := unscrolledMin(e.w); m.Height > screen.Height {
					t.Errorf("%s: the window needs %.0f of height", where, m.Height)
				}
				seen := 0
				eachShown(tab, fyne.CurrentApp().Driver().AbsolutePositionForObject(tab).Subtract(tab.Position()), func(o fyne.CanvasObject, at fyne.Position) {
					seen++
					if right := at.X + o.Size().Width; at.X < 0 || right > screen.Width {
						t.Errorf("%s: %s spans x %.0f to %.0f, outside the window", where, describeObject(o), at.X, right)
					}
					if sel, ok := o.(*widget.Select); ok {
						need := textWidth(sel.Selected, fyne.TextStyle{}) + theme.IconInlineSize()
						if sel.Size().Width < need {
							t.Errorf("%s: the list shows %q in %.0f, it needs %.0f", where, sel.Selected, sel.Size().Width, need)
						}
					}
					if en, ok := o.(*widget.Entry); ok && en.Text == "" {
						need := fyne.MeasureText(en.PlaceHolder, theme.TextSize(), en.TextStyle).Width + 2*theme.InnerPadding()
						if en.Size().Width < need {
							t.Errorf("%s: the hint %q needs %.0f, its field is %.0f wide", where, en.PlaceHolder, need, en.Size().Width)
						}
					}
				})
				if seen < 50 {
					t.Fatalf("%s: only %d objects shown in the queue tab", where, seen)
				}
			}
		}
	})
}

// eachShown calls f with every object shown in o and o itself, at its place in the window
// (parent is where o's parent is). A field's typed value longer than the field scrolls in
// it, as people expect, so what is inside an entry with text is not visited; its hint,
// when it is empty, is.
func eachShown(o fyne.CanvasObject, parent fyne.Position, f func(fyne.CanvasObject, fyne.Position)) {
	if !o.Visible() {
		return
	}
	at := parent.Add(o.Position())
	f(o, at)
	var inside []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		inside = x.Objects
	case *widget.Entry:
		if x.Text == "" {
			inside = test.WidgetRenderer(x).Objects()
		}
	case fyne.Widget:
		inside = test.WidgetRenderer(x).Objects()
	}
	for _, c := range inside {
		eachShown(c, at, f)
	}
}

// describeObject names o for a failure message: its type and the words it shows.
func describeObject(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("label %q", x.Text)
	case *widget.Button:
		return fmt.Sprintf("button %q", x.Text)
	case *widget.Entry:
		return fmt.Sprintf("field %q (hint %q)", x.Text, x.PlaceHolder)
	case *widget.RichText:
		return fmt.Sprintf("rich text %q", x.String())
	case *canvas.Text:
		return fmt.Sprintf("text %q", x.Text)
	}
	return fmt.Sprintf("%T", o)
}
