package ui

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// OptionsForm edits the UploadPostJob. It is built entirely from uploader.Fields: the
// Publishing group is shown at once, every other group is a section of an accordion.
// Values go through Options.Set, inline errors come from Options.FieldProblem (and from
// text that is not a number at all, which Options cannot hold).
type OptionsForm struct {
	// wheel takes the mouse wheel over the one-line fields to the options' scroller,
	// which the window sets (wheel.go).
	wheel   wheelTarget
	opts    uploader.Options
	bad     map[string]string // path → what is wrong with text typed in a number field
	fields  map[string]*optField
	order   []*optField
	loading bool
	service uploader.Service
	// drsumOverwrite is the overwrite of Dr.Sum connections, kept apart from the Scene7
	// options (presets default to true): off until chosen, as the Dr.Sum API's default,
	// because a silent replace on a BI server loses data.
	drsumOverwrite bool

	// OnChanged is called after every change of a value.
	OnChanged func()

	common    *fyne.Container
	sections  *widget.Accordion
	items     map[string]*widget.AccordionItem
	drsumNote *widget.Label
	box       *fyne.Container
	Content   fyne.CanvasObject
}

// NewOptionsForm builds the form showing o.
func NewOptionsForm(o uploader.Options) *OptionsForm {
	of := &OptionsForm{bad: map[string]string{}, fields: map[string]*optField{}, items: map[string]*widget.AccordionItem{}, service: uploader.Scene7}
	groups := map[string]*fyne.Container{}
	for _, g := range uploader.Groups {
		groups[g] = container.NewVBox()
	}
	for _, f := range uploader.Fields {
		fl := newOptField(f, of)
		fl.parent = of.parentBlock(f.Path)
		of.fields[f.Path] = fl
		of.order = append(of.order, fl)
		if fl.parent != "" {
			of.fields[fl.parent].children.Add(fl.box)
		} else {
			groups[f.Group].Add(fl.box)
		}
	}
	of.common = groups[uploader.Groups[0]]
	of.sections = widget.NewAccordion()
	of.sections.MultiOpen = true
	for _, g := range uploader.Groups[1:] {
		item := widget.NewAccordionItem(words.OptionGroup(g), groups[g])
		of.items[g] = item
		of.sections.Append(item)
	}
	of.drsumNote = helpLabel(words.T("optionsform.drsum_note", nil))
	of.drsumNote.Hide()
	of.box = container.NewVBox(of.common, of.drsumNote, of.sections)
	of.Content = of.box
	of.SetOptions(o)
	return of
}

// parentBlock is the innermost block that contains path.
func (of *OptionsForm) parentBlock(path string) string {
	best := ""
	for p, fl := range of.fields {
		if fl.f.Kind == uploader.KindBlock && strings.HasPrefix(path, p+".") && len(p) > len(best) {
			best = p
		}
	}
	return best
}

// SetOptions shows o, replacing every value (loading a preset).
func (of *OptionsForm) SetOptions(o uploader.Options) {
	of.opts = cloneOptions(o)
	clear(of.bad)
	of.loadAll()
	of.refresh()
}

// Options returns a copy of the options as they stand, safe to hand to an upload while
// the form goes on changing.
func (of *OptionsForm) Options() uploader.Options { return cloneOptions(of.opts) }

// ForUpload is Options for the chosen service: for Dr.Sum, with Dr.Sum's own overwrite.
func (of *OptionsForm) ForUpload() uploader.Options {
	o := of.Options()
	if of.service == uploader.DrSum {
		o.Overwrite = of.drsumOverwrite
	}
	return o
}

// SetService shows the Scene7 options, or for Dr.Sum only the one that applies. It does
// not call OnChanged: the caller is reacting to a change already.
func (of *OptionsForm) SetService(s uploader.Service) {
	if s == of.service {
		return
	}
	of.service = s
	for _, fl := range of.order {
		if fl.f.Group == uploader.Groups[0] && fl.f.Path != "overwrite" {
			showIf(fl.box, s != uploader.DrSum, of.common)
		}
	}
	if s == uploader.DrSum {
		of.sections.Hide()
		of.drsumNote.Show()
	} else {
		of.sections.Show()
		of.drsumNote.Hide()
	}
	of.loadAll() // the overwrite box shows the service's own value
	of.common.Refresh()
	of.box.Refresh()
	of.show()
}

func (of *OptionsForm) loadAll() {
	of.loading = true
	defer func() { of.loading = false }()
	for _, fl := range of.order {
		if v, err := of.opts.Get(fl.f.Path); err == nil {
			fl.load(v)
		}
	}
	if fl := of.fields["overwrite"]; fl != nil && of.service == uploader.DrSum {
		fl.load(of.drsumOverwrite)
	}
}

// changed stores a value chosen in a check box, choice or handle list.
func (of *OptionsForm) changed(fl *optField, v any) {
	if of.loading {
		return
	}
	if b, ok := v.(bool); ok && of.service == uploader.DrSum && fl.f.Path == "overwrite" {
		of.drsumOverwrite = b
		of.refresh()
		return
	}
	delete(of.bad, fl.f.Path)
	if err := of.opts.Set(fl.f.Path, v); err != nil {
		of.bad[fl.f.Path] = err.Error()
	}
	if fl.f.Kind == uploader.KindBlock {
		// Switched on: its fields show their starting values. Off: their errors no longer count.
		for p := range of.bad {
			if strings.HasPrefix(p, fl.f.Path+".") {
				delete(of.bad, p)
			}
		}
		of.loadAll()
	}
	of.refresh()
}

// typed stores the text of a number or text field.
func (of *OptionsForm) typed(fl *optField, s string) {
	if of.loading {
		return
	}
	delete(of.bad, fl.f.Path)
	switch fl.f.Kind {
	case uploader.KindInt, uploader.KindFloat:
		v, msg := parseNumber(fl.f, s)
		if msg != "" {
			of.bad[fl.f.Path] = msg
			break
		}
		if err := of.opts.Set(fl.f.Path, v); err != nil {
			of.bad[fl.f.Path] = err.Error()
		}
	default:
		if err := of.opts.Set(fl.f.Path, strings.TrimSpace(s)); err != nil {
			of.bad[fl.f.Path] = err.Error()
		}
	}
	of.refresh()
}

// active reports whether every block around fl is switched on, i.e. whether it is sent.
func (of *OptionsForm) active(fl *optField) bool {
	for p := fl.parent; p != ""; p = of.fields[p].parent {
		if on, _ := of.opts.Get(p); on != true {
			return false
		}
	}
	return true
}

// Problem is the sentence shown under the field at path, "" when it is fine.
func (of *OptionsForm) Problem(path string) string {
	fl, ok := of.fields[path]
	if !ok || !of.active(fl) || !of.applies(fl) {
		return ""
	}
	if msg, ok := of.bad[path]; ok {
		return msg
	}
	return words.OptionProblem(of.opts.FieldProblem(path))
}

func (of *OptionsForm) applies(fl *optField) bool {
	return of.service != uploader.DrSum || fl.f.Path == "overwrite"
}

// Problems lists every sentence of the form, in the order of the fields.
func (of *OptionsForm) Problems() []string {
	var out []string
	for _, fl := range of.order {
		if msg := of.Problem(fl.f.Path); msg != "" {
			out = append(out, msg)
		}
	}
	if len(out) == 0 && of.service != uploader.DrSum {
		if err := of.opts.Validate(); err != nil {
			out = append(out, words.Error(err))
		}
	}
	return out
}

// Valid reports whether the options can be sent.
func (of *OptionsForm) Valid() bool { return len(of.Problems()) == 0 }

// refresh shows the state of every field and tells OnChanged.
func (of *OptionsForm) refresh() {
	of.show()
	if of.OnChanged != nil {
		of.OnChanged()
	}
}

// show shows each field's error, enables the fields of blocks that are on, and names in
// each section's title what is switched on in it.
func (of *OptionsForm) show() {
	on := map[string][]string{}
	for _, fl := range of.order {
		msg := of.Problem(fl.f.Path)
		if fl.errLabel.Text != msg {
			fl.errLabel.SetText(msg)
		}
		showIf(fl.errLabel, msg != "", fl.box)
		if of.active(fl) {
			fl.input.Enable()
		} else {
			fl.input.Disable()
		}
		if fl.f.Kind == uploader.KindBlock && fl.parent == "" {
			if v, _ := of.opts.Get(fl.f.Path); v == true {
				on[fl.f.Group] = append(on[fl.f.Group], words.OptionLabel(fl.f.Path))
			}
		}
	}
	for g, item := range of.items {
		title := words.OptionGroup(g)
		if names := on[g]; len(names) > 0 {
			title = words.T("optionsform.section_on", words.A{"Group": title, "On": strings.Join(names, words.T("optionsform.list_separator", nil))})
		}
		item.Title = title
	}
	of.sections.Refresh()
	of.common.Refresh()
}

// Input returns the input widget of a field (for tests and focus).
func (of *OptionsForm) Input(path string) fyne.CanvasObject {
	if fl, ok := of.fields[path]; ok {
		return fl.input.(fyne.CanvasObject)
	}
	return nil
}

// ErrorText is the sentence shown under a field.
func (of *OptionsForm) ErrorText(path string) string {
	if fl, ok := of.fields[path]; ok && !fl.errLabel.Hidden {
		return fl.errLabel.Text
	}
	return ""
}

// cloneOptions copies o deeply: Options holds pointers, and a running upload must not
// see later edits. JSON is the presets' own format, so the copy is exact.
func cloneOptions(o uploader.Options) uploader.Options {
	data, err := json.Marshal(o)
	if err != nil {
		panic(err) // a programming error: Options always marshals
	}
	var out uploader.Options
	if err := json.Unmarshal(data, &out); err != nil {
		panic(err)
	}
	return out
}
