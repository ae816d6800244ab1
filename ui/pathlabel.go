package ui

import (
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pathLabel shows a slash-separated path on one line. When it does not fit, the folders
// are shortened in the middle and the file name is kept: "campaign/…/hero-banner.jpg".
// Only a file name too long on its own is cut, in its middle, keeping its extension.
type pathLabel struct {
	widget.Label
	full  string
	plain bool // SetPlain: text that is not a path, cut at its end when too long
}

func newPathLabel() *pathLabel {
	l := &pathLabel{}
	l.Truncation = fyne.TextTruncateEllipsis // the last resort, and a small MinSize
	l.ExtendBaseWidget(l)
	return l
}

// SetPath shows p, shortened to the label's width.
func (l *pathLabel) SetPath(p string) {
	if p == l.full && !l.plain {
		return
	}
	l.full, l.plain = p, false
	l.fit(l.Size().Width)
}

// SetPlain shows s as a label does, for a pathLabel that is a table's cell in a column of
// other words.
func (l *pathLabel) SetPlain(s string) {
	l.full, l.plain = s, true
	l.SetText(s)
}

// Path is the whole path.
func (l *pathLabel) Path() string { return l.full }

func (l *pathLabel) Resize(s fyne.Size) {
	if s.Width != l.Size().Width {
		l.fit(s.Width)
	}
	l.Label.Resize(s)
}

func (l *pathLabel) fit(width float32) {
	if l.plain {
		return
	}
	room := width - 2*theme.InnerPadding()
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	size := theme.SizeForWidget(name, l)
	style := l.TextStyle
	text := shortenPath(l.full, func(s string) bool {
		return width <= 0 || fyne.MeasureText(s, size, style).Width <= room
	})
	if text != l.Text {
		l.SetText(text)
	}
}

// shortenPath returns p, or the longest shortening of it that fits: first folders
// dropped from the middle, then only "…/name", then the name cut in its middle.
func shortenPath(p string, fits func(string) bool) string {
	if fits(p) {
		return p
	}
	dir, name := path.Split(p)
	dirs := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	if dir != "" {
		// Keep as many leading and trailing folders as fit, leading ones first.
		for keep := len(dirs) - 1; keep >= 1; keep-- {
			head := (keep + 1) / 2
			tail := keep - head
			parts := append(append(append([]string{}, dirs[:head]...), "…"), dirs[len(dirs)-tail:]...)
			if s := strings.Join(parts, "/") + "/" + name; fits(s) {
				return s
			}
		}
		if s := "…/" + name; fits(s) {
			return s
		}
	}
	prefix := ""
	if dir != "" {
		prefix = "…/"
	}
	// The name alone is too long: cut its middle, keeping more of its end, where numbers
	// and the extension tell files apart.
	r := []rune(name)
	for cut := 1; cut < len(r); cut++ {
		keep := len(r) - cut
		head := keep * 2 / 5
		s := prefix + string(r[:head]) + "…" + string(r[len(r)-(keep-head):])
		if fits(s) {
			return s
		}
	}
	return prefix + "…"
}
