package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"hoist/internal/words"
	"hoist/uploader"
)

// The Admin tab fits a 1024×640 screen, and 800×600: active jobs and a job's log each
// have a tab; the list, and the table with the log's lines, keep at least a few rows; and
// when the request and answer are opened (Details) the tab scrolls instead of pushing the
// window past the screen.

// The Admin tab's inner tabs, in order.
const (
	adminTabJobs = iota
	adminTabLog
)

// The least heights of the active jobs' list (four rows) and of the table with the log's
// lines below it (a title and three rows, and four lines): what an 800×600 window has
// room for in French and Japanese, whose banner takes two lines there.
const (
	adminListHeight = 4 * 40
	adminLogHeight  = 240
)

// atLeastHeight lays out one object over the whole space and asks for at least h.
type atLeastHeight struct{ h float32 }

func (l atLeastHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(m.Width, max(m.Height, l.h))
}

func (l atLeastHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

func atLeast(h float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(atLeastHeight{h}, o)
}

// scrolled lets a tab's content scroll when it needs more height than the window has.
func scrolled(o fyne.CanvasObject) *container.Scroll { return container.NewVScroll(o) }

// fillLastColumn gives the outcome table's last column (Scene7's words, the longest) the
// width the first two leave.
type fillLastColumn struct{ t *outcomeTable }

func (l fillLastColumn) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l fillLastColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := columnWidths()
	w[2] = max(w[2], size.Width-w[0]-w[1]-2*theme.Padding()-theme.ScrollBarSize())
	for i := range w {
		if w[i] != l.t.widths[i] {
			l.t.widths[i] = w[i]
			l.t.table.SetColumnWidth(i, w[i])
		}
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// columnWidths are the outcome table's least widths: each column as wide as its title,
// and the outcomes' column as its longest word, in the language shown (French and
// Japanese ones are longer). They are measured at layout, once the theme's sizes apply.
func columnWidths() [len(outcomeColumns)]float32 {
	bold := fyne.TextStyle{Bold: true}
	w := outcomeColumns
	for i, id := range []string{"admin.outcomes.file", "admin.outcomes.outcome", "admin.outcomes.message"} {
		w[i] = max(w[i], textWidth(words.T(id, nil), bold))
	}
	for _, o := range []uploader.Outcome{uploader.Processed, uploader.Warnings, uploader.Failed, uploader.NoWord, uploader.Replaced} {
		w[1] = max(w[1], textWidth(outcomeWord(o), fyne.TextStyle{}))
	}
	return w
}

// textWidth is the width a label needs to show s whole: its text and its padding on
// both sides, and a padding more for the cell or the list's frame around it.
func textWidth(s string, style fyne.TextStyle) float32 {
	return fyne.MeasureText(s, theme.TextSize(), style).Width + 2*theme.InnerPadding() + theme.Padding()
}
