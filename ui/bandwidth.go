package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoist/uploader"
)

// prefBandwidth keeps the upload speed limit between runs, as ParseRate reads it.
const prefBandwidth = "bandwidthLimit"

// bandwidthField is the upload speed limit of Upload options › Advanced: the same words
// as the CLI's --bwlimit. A valid entry applies at once, also to a running upload (the
// engine's limiter is shared by all its POSTs); an invalid one says what to write and
// leaves the limit as it was.
type bandwidthField struct {
	Entry   *widget.Entry
	Hint    *widget.Label
	Content fyne.CanvasObject
	bw      *uploader.Bandwidth
	save    func(string)
}

const bandwidthHint = "Empty: no limit. e.g. 20M or 500k bytes per second, all files together."

func newBandwidthField(bw *uploader.Bandwidth, save func(string)) *bandwidthField {
	f := &bandwidthField{Entry: widget.NewEntry(), Hint: widget.NewLabel(bandwidthHint), bw: bw, save: save}
	f.Entry.SetPlaceHolder("Leave empty for no limit")
	f.Hint.Wrapping = fyne.TextWrapWord
	f.Entry.OnChanged = f.changed
	f.Content = container.NewVBox(widget.NewForm(widget.NewFormItem("Upload speed limit", f.Entry)), f.Hint)
	return f
}

// set shows a saved limit and applies it, without saving it again.
func (f *bandwidthField) set(text string) {
	save := f.save
	f.save = nil
	f.Entry.SetText(text)
	f.save = save
}

func (f *bandwidthField) changed(text string) {
	r, err := uploader.ParseRate(text)
	if err != nil {
		f.Hint.SetText("The speed limit " + err.Error() + "; the limit in force is unchanged.")
		return
	}
	f.Hint.SetText(bandwidthHint)
	if f.bw != nil {
		f.bw.SetLimit(r)
	}
	if f.save != nil {
		f.save(text)
	}
}
