package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// prefBandwidth keeps the upload speed limit between runs, as ParseRate reads it.
const prefBandwidth = "bandwidthLimit"

// bandwidthField is the upload speed limit of Upload options › Sending: the same words
// as the CLI's --bwlimit. A valid entry applies at once, also to a running upload (the
// engine's limiter is shared by all its POSTs); an invalid one says what to write and
// leaves the limit as it was.
type bandwidthField struct {
	Entry   *widget.Entry
	Hint    *widget.Label
	Content fyne.CanvasObject
	// wheel takes the mouse wheel over the entry to the scroller around it (wheel.go).
	wheel wheelTarget
	bw    *uploader.Bandwidth
	save  func(string)
}

func newBandwidthField(bw *uploader.Bandwidth, save func(string)) *bandwidthField {
	f := &bandwidthField{Entry: widget.NewEntry(), Hint: widget.NewLabel(words.T("bandwidth.hint", nil)), bw: bw, save: save}
	f.Entry.SetPlaceHolder(words.T("bandwidth.placeholder", nil))
	f.Hint.Wrapping = fyne.TextWrapWord
	f.Entry.OnChanged = f.changed
	f.Content = container.NewVBox(widget.NewForm(widget.NewFormItem(words.T("bandwidth.label", nil), f.wheel.over(f.Entry))), f.Hint)
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
		f.Hint.SetText(words.T("bandwidth.refused", words.A{"Problem": words.Error(err)}))
		return
	}
	f.Hint.SetText(words.T("bandwidth.hint", nil))
	if f.bw != nil {
		f.bw.SetLimit(r)
	}
	if f.save != nil {
		f.save(text)
	}
}
