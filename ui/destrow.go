package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// destRow lays out the queue's connection and destination folder, each label before its
// field: on one line, the folder taking the width left, when the line holds the chosen
// connection's name and the folder's grey hint whole; else the folder on a line of its
// own under the connection, the two labels in a column. At 800 px the French hint
// ("Saisissez un dossier, ou laissez vide pour le dossier racine") needed more than one
// line leaves, and a cut instruction cannot be read; a typed folder longer than the field
// scrolls in it, as entries do.
//
// Its objects are the connection's label, list and button, then the folder's label and
// entry, then the note saying where the connection goes (hidden for the sandbox). The note
// sits beside the button when the folder has a line of its own and the note fits there,
// else on a line under the rest: at 800 px a connection that also shows its plain-http
// warning and its password needed more height than the window has.
//
// Whether it takes two lines depends on its width, which Fyne's MinSize is not told: a
// widthFirst around the container it sits in passes the width down first.
type destRow struct {
	conn   *widget.Select
	folder *widget.Entry
	manage fyne.CanvasObject // the button after the list
	where  *widget.Label
	width  float32 // the width it is laid out at; 0 before the first layout
}

// connLeast is the connection list's width when its name is short: the same place for
// the folder whichever short name is chosen.
const connLeast = 200

func (r *destRow) takeWidth(w float32) { r.width = w }

// connNeed is the connection list's width that shows the chosen name (or the hint) whole.
func (r *destRow) connNeed() float32 {
	shown := r.conn.Selected
	if shown == "" {
		shown = r.conn.PlaceHolder
	}
	return max(connLeast, textWidth(shown, fyne.TextStyle{})+theme.IconInlineSize()+2*theme.InnerPadding())
}

// folderNeed is the folder field's width that shows its hint whole.
func (r *destRow) folderNeed() float32 {
	hint := fyne.MeasureText(r.folder.PlaceHolder, theme.TextSize(), r.folder.TextStyle).Width
	return max(r.folder.MinSize().Width, hint+2*theme.InnerPadding()+2*theme.InputBorderSize())
}

// oneLine says whether width holds everything on one line, whole.
func (r *destRow) oneLine(objs []fyne.CanvasObject, width float32) bool {
	pad := theme.Padding()
	fixed := 4 * pad
	for _, o := range []fyne.CanvasObject{objs[0], objs[2], objs[3]} {
		fixed += o.MinSize().Width
	}
	return width <= 0 || width-fixed >= r.connNeed()+r.folderNeed()
}

// lineHeight is the height of the line that holds objs.
func lineHeight(objs ...fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (r *destRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	label := max(objs[0].MinSize().Width, objs[3].MinSize().Width)
	conn := label + pad + connLeast + pad + objs[2].MinSize().Width
	w := max(conn, label+pad+objs[4].MinSize().Width)
	h1, h2 := lineHeight(objs[:3]...), lineHeight(objs[3:5]...)
	h := h1 + pad + h2
	one := r.oneLine(objs, r.width)
	if one {
		h = max(h1, h2)
	}
	if r.where.Visible() && (one || !r.whereBeside(label, r.width)) {
		h += pad + r.where.MinSize().Height
	}
	return fyne.NewSize(w, h)
}

// whereBeside says whether the note fits on the connection's line, after the button,
// when the folder has a line of its own.
func (r *destRow) whereBeside(label, width float32) bool {
	pad := theme.Padding()
	used := label + pad + r.connWidth(label, width) + pad + r.manage.MinSize().Width + pad
	need := fyne.MeasureText(r.where.Text, theme.Size(r.where.SizeName), r.where.TextStyle).Width + 2*theme.InnerPadding()
	return width > 0 && width-used >= need
}

// connWidth is the list's width when the folder has a line of its own.
func (r *destRow) connWidth(label, width float32) float32 {
	return max(connLeast, min(r.connNeed(), width-label-r.manage.MinSize().Width-2*theme.Padding()))
}

func (r *destRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	r.width = size.Width
	pad := theme.Padding()
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	below := func(y float32) { // the note on a line of its own
		place(r.where, 0, y, size.Width, r.where.MinSize().Height)
		place(r.where, 0, y, size.Width, r.where.MinSize().Height) // its height once wrapped at that width
	}
	gear := objs[2].MinSize().Width
	if r.oneLine(objs, size.Width) {
		h := lineHeight(objs[:5]...)
		x := float32(0)
		for i, o := range objs[:4] {
			w := o.MinSize().Width
			if i == 1 {
				w = r.connNeed()
			}
			place(o, x, 0, w, h)
			x += w + pad
		}
		place(objs[4], x, 0, max(size.Width-x, 0), h)
		below(h + pad)
		return
	}
	label := max(objs[0].MinSize().Width, objs[3].MinSize().Width)
	h1, h2 := lineHeight(objs[:3]...), lineHeight(objs[3:5]...)
	conn := r.connWidth(label, size.Width)
	place(objs[0], 0, 0, label, h1)
	place(objs[1], label+pad, 0, conn, h1)
	place(objs[2], label+pad+conn+pad, 0, gear, h1)
	place(objs[3], 0, h1+pad, label, h2)
	place(objs[4], label+pad, h1+pad, max(size.Width-label-pad, 0), h2)
	if x := label + pad + conn + pad + gear + pad; r.whereBeside(label, size.Width) {
		mh := r.where.MinSize().Height
		place(r.where, x, (h1-mh)/2, size.Width-x, mh)
	} else {
		below(h1 + pad + h2 + pad)
	}
}
