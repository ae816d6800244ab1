package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/store"
	"hoist/internal/words"
)

// presetBar chooses, saves, renames and deletes presets of upload options.
type presetBar struct {
	store   PresetStore
	win     fyne.Window
	pick    *widget.Select
	rename  *widget.Button
	del     *widget.Button
	status  *widget.Label
	current string

	// get returns the options (and folder) to save; apply shows a loaded preset.
	get     func() store.Preset
	apply   func(store.Preset)
	box     *fyne.Container
	Content fyne.CanvasObject
}

func newPresetBar(store PresetStore, win fyne.Window, get func() store.Preset, apply func(store.Preset)) *presetBar {
	b := &presetBar{store: store, win: win, get: get, apply: apply}
	b.pick = widget.NewSelect(nil, func(name string) {
		if name != "" && name != b.current {
			b.Load(name)
		}
	})
	b.pick.PlaceHolder = words.T("presets.none", nil)
	save := widget.NewButtonWithIcon(words.T("presets.save", nil), theme.DocumentSaveIcon(), b.askSave)
	b.rename = widget.NewButtonWithIcon(words.T("presets.rename", nil), theme.DocumentCreateIcon(), b.askRename)
	b.del = widget.NewButtonWithIcon(words.T("presets.delete", nil), theme.DeleteIcon(), b.askDelete)
	b.status = helpLabel("")
	b.status.Hide()
	b.box = container.NewVBox(fieldLabel(words.T("presets.label", nil)), b.pick, container.NewHBox(save, b.rename, b.del), b.status)
	b.Content = b.box
	b.reload()
	return b
}

func (b *presetBar) reload() {
	presets, err := b.store.List()
	if err != nil {
		b.setStatus(everyError(err)) // the good presets are listed all the same
	}
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	b.pick.SetOptions(names)
	b.pick.Selected = b.current
	b.pick.Refresh()
	enable(b.rename, b.current != "")
	enable(b.del, b.current != "")
}

// everyError says each error of a joined one (List's, one per damaged preset file), where
// words.Error says the first: every damaged file is named, not one at a time as each is
// fixed.
func everyError(err error) string {
	var files store.FileErrors
	if !errors.As(err, &files) {
		return words.Error(err)
	}
	var out []string
	for _, e := range files {
		out = append(out, words.Error(e))
	}
	return words.Sentences(out...)
}

func (b *presetBar) setStatus(s string) {
	b.status.SetText(s)
	showIf(b.status, s != "", b.box)
}

// Current is the name of the chosen preset, "" when none.
func (b *presetBar) Current() string { return b.current }

// Load shows the preset called name.
func (b *presetBar) Load(name string) error {
	p, err := b.store.Load(name)
	if err != nil {
		b.setStatus(words.Error(err))
		b.pick.Selected = b.current
		b.pick.Refresh()
		return err
	}
	b.current = name
	b.apply(p)
	b.setStatus("")
	b.reload()
	return nil
}

// Save stores the current options as the preset called name and returns its file.
func (b *presetBar) Save(name string) (string, error) {
	p := b.get()
	p.Name = name
	if err := b.store.Save(p); err != nil {
		b.setStatus(words.Error(err))
		return "", err
	}
	path, err := b.store.Path(name)
	if err != nil {
		b.setStatus(words.Error(err))
		return "", err
	}
	b.current = name
	b.setStatus(words.T("presets.saved", words.A{"Path": path}))
	b.reload()
	return path, nil
}

// Rename gives the chosen preset a new name.
func (b *presetBar) Rename(newName string) error {
	if err := b.store.Rename(b.current, newName); err != nil {
		b.setStatus(words.Error(err))
		return err
	}
	b.current = newName
	b.setStatus("")
	b.reload()
	return nil
}

// Delete removes the chosen preset; the options on screen stay as they are.
func (b *presetBar) Delete() error {
	if err := b.store.Delete(b.current); err != nil {
		b.setStatus(words.Error(err))
		return err
	}
	b.setStatus(words.T("presets.deleted", words.A{"Name": b.current}))
	b.current = ""
	b.reload()
	return nil
}

// detach forgets the chosen preset once the options differ from it.
func (b *presetBar) detach() {
	if b.current == "" {
		return
	}
	b.current = ""
	b.reload()
}

func (b *presetBar) askSave() {
	name := widget.NewEntry()
	name.SetText(b.current)
	name.SetPlaceHolder(words.T("presets.name.placeholder", nil))
	dialog.ShowForm(words.T("presets.save.title", nil), words.T("presets.save.confirm", nil), words.T("presets.cancel", nil),
		[]*widget.FormItem{widget.NewFormItem(words.T("presets.name", nil), name)}, func(ok bool) {
			if ok {
				_, _ = b.Save(name.Text)
			}
		}, b.win)
}

func (b *presetBar) askRename() {
	name := widget.NewEntry()
	name.SetText(b.current)
	dialog.ShowForm(words.T("presets.rename.title", nil), words.T("presets.rename.confirm", nil), words.T("presets.cancel", nil),
		[]*widget.FormItem{widget.NewFormItem(words.T("presets.new_name", nil), name)}, func(ok bool) {
			if ok {
				_ = b.Rename(name.Text)
			}
		}, b.win)
}

func (b *presetBar) askDelete() {
	dialog.ShowConfirm(words.T("presets.delete.title", nil), words.T("presets.delete.ask", words.A{"Name": b.current}),
		func(ok bool) {
			if ok {
				_ = b.Delete()
			}
		}, b.win)
}
