package app

import (
	"errors"
	"os/exec"
	"path/filepath"

	"github.com/ncruces/zenity"
	"github.com/sqweek/dialog"

	"hoist/internal/words"
	"hoist/ui"
)

// nativePickers are the operating system's own file dialogs (sqweek/dialog, and zenity
// where several files are picked at once): Finder's on macOS, Explorer's on Windows, GTK's
// on Linux.
type nativePickers struct{ lastDir string }

func (p *nativePickers) OpenFiles() ([]string, error) {
	// sqweek/dialog picks one file per dialog; zenity's picker takes many at once (the
	// system's own dialog on Windows and macOS, the zenity/qarma helper on Linux).
	paths, err := zenity.SelectFileMultiple(zenity.Title(words.T("app.pick.files", nil)), zenity.Filename(p.startDir()))
	if errors.Is(err, exec.ErrNotFound) {
		// A Linux desktop without the helper: sqweek/dialog's GTK picker, one file.
		var path string
		path, err = p.start(dialog.File().Title(words.T("app.pick.file", nil))).Load()
		paths = []string{path}
	}
	if err != nil {
		return nil, picked(err)
	}
	if len(paths) == 0 {
		return nil, ui.ErrPickerCancelled
	}
	p.lastDir = filepath.Dir(paths[0])
	return paths, nil
}

// startDir is where zenity's picker opens: the folder last picked from (a trailing
// separator tells zenity it is a folder, not a file name to suggest).
func (p *nativePickers) startDir() string {
	if p.lastDir == "" {
		return ""
	}
	return p.lastDir + string(filepath.Separator)
}

func (p *nativePickers) OpenFolder() (string, error) {
	b := dialog.Directory().Title(words.T("app.pick.folder", nil))
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
		b = b.Filter(words.T("app.pick.csv", nil), "csv")
	case ".txt":
		b = b.Filter(words.T("app.pick.text", nil), "txt")
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
	if errors.Is(err, dialog.ErrCancelled) || errors.Is(err, zenity.ErrCanceled) {
		return ui.ErrPickerCancelled
	}
	return err
}
