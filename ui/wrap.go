package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/width"
)

// lineWrap works out how tall a word-wrapped log label (logStyle) is at a width, so that a
// list can give each row the height its text needs (Fyne's list rows are one height
// unless told otherwise). Monospace makes it exact: every character is as wide.
type lineWrap struct {
	width float32 // the list's width; 0 before it is laid out (one line each)
}

func (w lineWrap) style() (float32, fyne.TextStyle) {
	return theme.TextSize(), fyne.TextStyle{Monospace: true}
}

// logStyle is how a log line is drawn: monospaced, so its columns line up, unless it has
// an East Asian wide character. Fyne draws those from a fallback font, and in a
// monospaced line that pushes the whole line down inside its own text box, so the
// bottoms of p, g and j were cut off in every mixed Japanese line; in the regular style it
// draws them whole.
func logStyle(text string) fyne.TextStyle {
	for _, r := range text {
		if isWide(r) {
			return fyne.TextStyle{}
		}
	}
	return fyne.TextStyle{Monospace: true}
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
	if s := logStyle(text); !s.Monospace {
		// Proportional: each rune as wide as Fyne measures it in that style.
		widths := map[rune]float32{}
		lines := wrapCount(text, room, func(r rune) float32 {
			cw, ok := widths[r]
			if !ok {
				cw = fyne.MeasureText(string(r), size, s).Width
				widths[r] = cw
			}
			return cw
		})
		// A line with a fallback font's characters is taller than a line of letters.
		return float32(lines)*fyne.MeasureText("M日", size, s).Height + 2*theme.InnerPadding()
	}
	// A Japanese or Chinese character comes from a fallback font and is wider than the
	// monospaced letters: counted as one letter, a Japanese line was clipped.
	wide := max(fyne.MeasureText("日", size, style).Width, m.Width)
	lines := wrapCount(text, room, func(r rune) float32 {
		if isWide(r) {
			return wide
		}
		return m.Width
	})
	return w.oneLine() + float32(lines-1)*m.Height
}

// wrappedLines counts the lines of text wrapped at words into lines of perLine columns (a
// word longer than a line is broken), as Fyne's TextWrapWord does; an East Asian wide
// character takes two columns.
func wrappedLines(text string, perLine int) int {
	return wrapCount(text, float32(max(perLine, 1)), func(r rune) float32 {
		if isWide(r) {
			return 2
		}
		return 1
	})
}

// wrapCount counts the lines of text wrapped at spaces into lines of room, each rune as
// wide as runeWidth says, the way Fyne's TextWrapWord wraps: every space takes its room
// (a log line lines up its columns with runs of spaces) except the one a line breaks at,
// and a word longer than a line is broken between runes.
func wrapCount(text string, room float32, runeWidth func(rune) float32) int {
	space := runeWidth(' ')
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		x := float32(0)
		for i, word := range strings.Split(para, " ") {
			n := float32(0)
			for _, r := range word {
				n += runeWidth(r)
			}
			sp := space
			if i == 0 {
				sp = 0
			}
			switch {
			case x+sp+n <= room:
				x += sp + n
				continue
			case x > 0 || i == 0:
				if x > 0 {
					lines++ // the line breaks at this space
				}
				x = 0
			}
			for _, r := range word {
				rw := runeWidth(r)
				if x > 0 && x+rw > room {
					lines++
					x = 0
				}
				x += rw
			}
		}
	}
	return lines
}

// isWide reports an East Asian wide or full-width character (kanji, kana, full-width
// punctuation), which takes about two letters' room.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
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
