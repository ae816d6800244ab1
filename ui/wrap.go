package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// lineWrap works out how tall a monospaced, word-wrapped label is at a width, so that a
// list can give each row the height its text needs (Fyne's list rows are one height
// unless told otherwise). Monospace makes it exact: every character is as wide.
type lineWrap struct {
	width float32 // the list's width; 0 before it is laid out (one line each)
}

func (w lineWrap) style() (float32, fyne.TextStyle) {
	return theme.TextSize(), fyne.TextStyle{Monospace: true}
}

// oneLine is the height of a label of one line.
func (w lineWrap) oneLine() float32 {
	size, style := w.style()
	return fyne.MeasureText("M", size, style).Height + 2*theme.InnerPadding()
}

// height is the height of a label showing text.
func (w lineWrap) height(text string) float32 {
	size, style := w.style()
	m := fyne.MeasureText("M", size, style)
	room := w.width - 2*theme.InnerPadding() - theme.ScrollBarSize()
	if w.width <= 0 || m.Width <= 0 || room <= m.Width {
		return w.oneLine()
	}
	lines := wrappedLines(text, int(room/m.Width))
	return w.oneLine() + float32(lines-1)*(m.Height+theme.LineSpacing())
}

// wrappedLines counts the lines of text wrapped at words into lines of perLine characters
// (a word longer than a line is broken), as Fyne's TextWrapWord does.
func wrappedLines(text string, perLine int) int {
	if perLine < 1 {
		perLine = 1
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		col := 0
		for _, word := range strings.Fields(para) {
			n := len([]rune(word))
			switch {
			case col == 0:
			case col+1+n <= perLine:
				col++ // the space before the word
			default:
				lines++
				col = 0
			}
			for n > perLine-col {
				n -= perLine - col
				lines++
				col = 0
			}
			col += n
		}
	}
	return lines
}

// onWidth calls changed whenever its one object is laid out at a new width, then lays it
// out at its own size.
type onWidth struct {
	width   float32
	changed func(width float32)
}

func (l *onWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (l *onWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.width {
		l.width = size.Width
		l.changed(size.Width)
	}
}
