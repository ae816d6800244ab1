package app

import (
	"errors"
	"path/filepath"

	"github.com/sqweek/dialog"

	"hoist/ui"
)

// nativePickers are the operating system's own file dialogs (sqweek/dialog): Finder's on
// macOS, Explorer's on Windows, GTK's on Linux.
type nativePickers struct{ lastDir string }

func (p *nativePickers) OpenFiles() ([]string, error) {
	// sqweek/dialog picks one file per dialog; several files come by dropping or by
	// adding their folder.
	path, err := p.start(dialog.File().Title("Add a file to upload")).Load()
	if err != nil {
		return nil, picked(err)
	}
	p.lastDir = filepath.Dir(path)
	return []string{path}, nil
}

func (p *nativePickers) OpenFolder() (string, error) {
	b := dialog.Directory().Title("Add a folder to upload")
	if p.lastDir != "" {
		b = b.SetStartDir(p.lastDir)
	}
	dir, err := b.Browse()
	if err != nil {
		return "", picked(err)
	}
	p.lastDir = filepath.Dir(dir)
	return dir, nil
}

func (p *nativePickers) SaveFile(title, suggested string) (string, error) {
	b := p.start(dialog.File().Title(title)).SetStartFile(suggested)
	switch filepath.Ext(suggested) {
	case ".csv":
		b = b.Filter("CSV (spreadsheets)", "csv")
	case ".txt":
		b = b.Filter("Text", "txt")
	}
	path, err := b.Save()
	return path, picked(err)
}

func (p *nativePickers) start(b *dialog.FileBuilder) *dialog.FileBuilder {
	if p.lastDir != "" {
		b = b.SetStartDir(p.lastDir)
	}
	return b
}

func picked(err error) error {
	if errors.Is(err, dialog.ErrCancelled) {
		return ui.ErrPickerCancelled
	}
	return err
}
