package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
)

// dropZone fills the queue's place while it is empty: a large target that says files
// and folders can be dropped here. Dropping works anywhere on the window; the zone is
// where people look for it.
type dropZone struct {
	widget.BaseWidget
}

func newDropZone() *dropZone {
	d := &dropZone{}
	d.ExtendBaseWidget(d)
	return d
}

func (d *dropZone) CreateRenderer() fyne.WidgetRenderer {
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeWidth = 2
	frame.CornerRadius = theme.Padding() * 3
	icon := widget.NewIcon(theme.NewPrimaryThemedResource(theme.UploadIcon()))
	title := widget.NewLabelWithStyle(words.T("queue.drop.title", nil), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	hint := widget.NewLabelWithStyle(words.T("queue.drop.hint", nil),
		fyne.TextAlignCenter, fyne.TextStyle{})
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(container.NewCenter(container.New(fixedSize{fyne.NewSize(96, 96)}, icon)), title, hint)
	r := &dropZoneRenderer{frame: frame, objects: []fyne.CanvasObject{frame, container.NewPadded(container.NewCenter(withWidth(420, body)))}}
	r.Refresh()
	return r
}

type dropZoneRenderer struct {
	frame   *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *dropZoneRenderer) Layout(size fyne.Size) {
	inset := theme.Padding() * 2
	r.frame.Move(fyne.NewPos(inset, inset))
	r.frame.Resize(size.SubtractWidthHeight(2*inset, 2*inset))
	r.objects[1].Move(fyne.NewPos(0, 0))
	r.objects[1].Resize(size)
}

func (r *dropZoneRenderer) MinSize() fyne.Size { return r.objects[1].MinSize() }

func (r *dropZoneRenderer) Refresh() {
	r.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.frame.FillColor = theme.Color(theme.ColorNameHover)
	r.frame.Refresh()
	r.objects[1].Refresh()
}

func (r *dropZoneRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *dropZoneRenderer) Destroy()                     {}

// fixedSize lays out its objects at one size.
type fixedSize struct{ size fyne.Size }

func (l fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return l.size }

func (l fixedSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}
