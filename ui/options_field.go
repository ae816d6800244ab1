package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// optField is the widgets of one uploader.Fields entry: an input chosen by the field's
// kind, its help, and the sentence that says what is wrong with it.
type optField struct {
	f        uploader.Field
	parent   string // the block it sits in, "" at the top of its group
	input    fyne.Disableable
	load     func(v any) // shows a value of the option in the input
	errLabel *widget.Label
	sentAs   *widget.Label // choices: the value sent, under the dropdown of labels
	box      *fyne.Container
	children *fyne.Container // blocks: the fields inside, indented
}

func newOptField(f uploader.Field, form *OptionsForm) *optField {
	fl := &optField{f: f}
	fl.errLabel = widget.NewLabel("")
	fl.errLabel.Importance = widget.DangerImportance
	fl.errLabel.Wrapping = fyne.TextWrapWord
	fl.errLabel.Hide()

	var parts []fyne.CanvasObject
	label := words.OptionLabel(f.Path)
	switch f.Kind {
	case uploader.KindBlock, uploader.KindBool:
		if f.Kind == uploader.KindBlock {
			label = words.T("optionsform.use", words.A{"Label": label})
		}
		c := widget.NewCheck(label, func(b bool) { form.changed(fl, b) })
		fl.input, fl.load = c, func(v any) { c.SetChecked(v.(bool)) }
		parts = append(parts, c)
	case uploader.KindChoice:
		// People choose among labels; the value sent is named under the dropdown.
		var labels []string
		serverDefault := words.T("optionsform.server_default", nil)
		if !f.Required {
			labels = append(labels, serverDefault)
		}
		for _, v := range f.Choices {
			labels = append(labels, ChoiceLabel(f.Path, v))
		}
		sent := helpLabel("")
		fl.sentAs = sent
		showSent := func(v string) {
			if v == "" {
				sent.SetText(words.T("optionsform.sent_nothing", nil))
			} else {
				sent.SetText(words.T("optionsform.sent_as", words.A{"Value": v}))
			}
		}
		s := widget.NewSelect(labels, func(label string) {
			v, _ := choiceValue(f, label) // serverDefault has none: ""
			showSent(v)
			form.changed(fl, v)
		})
		fl.input = s
		fl.load = func(v any) {
			showSent(v.(string))
			switch {
			case v.(string) == "" && !f.Required:
				s.SetSelected(serverDefault)
			case v.(string) == "":
				s.ClearSelected() // SetSelected would keep showing the last value
			default:
				s.SetSelected(ChoiceLabel(f.Path, v.(string)))
			}
		}
		parts = append(parts, fieldLabel(label), s, sent)
	case uploader.KindHandles:
		e := widget.NewMultiLineEntry()
		e.SetMinRowsVisible(3)
		e.SetPlaceHolder(words.T("optionsform.handles_placeholder", nil))
		e.OnChanged = func(s string) { form.changed(fl, strings.Split(s, "\n")) }
		fl.input, fl.load = e, func(v any) { e.SetText(strings.Join(v.([]string), "\n")) }
		parts = append(parts, fieldLabel(label), e)
	default: // numbers and text
		var e *widget.Entry
		var input interface {
			fyne.Disableable
			fyne.CanvasObject
		}
		if f.Kind == uploader.KindInt || f.Kind == uploader.KindFloat {
			n := newNumberEntry() // selects its number when come into, to be typed over
			e, input = &n.Entry, n
		} else {
			e = widget.NewEntry()
			input = e
		}
		e.OnChanged = func(s string) { form.typed(fl, s) }
		fl.input, fl.load = input, func(v any) { e.SetText(formatValue(v)) }
		parts = append(parts, fieldLabel(label), form.wheel.over(input))
	}
	if help := helpOf(f); help != "" {
		parts = append(parts, helpLabel(help))
	}
	parts = append(parts, fl.errLabel)
	if f.Kind == uploader.KindBlock {
		fl.children = container.NewVBox()
		// Indented under the block's check box, at the full width that is left.
		indent := container.New(fixedSize{fyne.NewSize(theme.Padding()*5, 0)})
		parts = append(parts, container.NewBorder(nil, nil, indent, nil, fl.children))
	}
	fl.box = container.NewVBox(parts...)
	return fl
}

func fieldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

// exactLabel shows protocol text exactly as sent or received (requests, answers): in a
// fixed-width font, selectable to copy a part, broken anywhere so that a long value still
// fits the width.
func exactLabel() *widget.Label {
	l := widget.NewLabel("")
	l.TextStyle.Monospace = true
	l.Selectable = true
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// setExact shows text in an exactLabel: monospaced, unless the text has East Asian wide
// characters (the Japanese words around a request: "パート", "操作"), which Fyne draws
// from a fallback font that, in a monospaced line, pushes the line down onto the next one
// and cuts its p, g and y (logStyle).
func setExact(l *widget.Label, text string) {
	l.TextStyle = logStyle(text)
	l.SetText(text)
}

func helpLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// helpOf is the field's help, plus a caution for the blocks Adobe does not document.
func helpOf(f uploader.Field) string {
	help := words.OptionHelp(f.Path)
	if f.Kind == uploader.KindBlock && f.Unverified {
		help = joinSentences(help, words.OptionUnverified()) // no space after 。 in Japanese
	}
	return help
}

func formatValue(v any) string {
	switch x := v.(type) {
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// parseNumber reads what was typed in a number field, or returns the sentence that says
// what is wrong with it. A comma is read as a decimal point, as many people type it.
func parseNumber(f uploader.Field, s string) (any, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		if f.Required {
			return nil, words.T("optionsform.need_number", words.A{"Label": words.OptionLabel(f.Path)})
		}
		s = "0"
	}
	if f.Kind == uploader.KindInt {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, words.T("optionsform.whole_number", words.A{"Label": words.OptionLabel(f.Path), "Text": s})
		}
		return n, ""
	}
	x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return nil, words.T("optionsform.number", words.A{"Label": words.OptionLabel(f.Path), "Text": s})
	}
	return x, ""
}
