package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
)

// PrefLanguage is the language chosen in the window ("" follows the system). The app reads
// it at start, before any widget is built, since every label is written once, when made.
const PrefLanguage = "language"

// languageChoice lets people pick the language Hoist speaks, or follow the system's. The
// choice takes effect at the next start; the note under the list says so in the language
// chosen, so that someone who cannot read the current one still understands it.
func languageChoice(prefs fyne.Preferences) fyne.CanvasObject {
	codes := []string{""}
	options := []string{words.T("settings.language.system", words.A{"Name": languageName(words.System(nil))})}
	for _, l := range words.Languages {
		codes = append(codes, l.Code)
		options = append(options, l.Name)
	}
	note := widget.NewLabel("")
	note.Wrapping = fyne.TextWrapWord
	note.Hide() // an empty line would push the Admin tab's content down
	sel := widget.NewSelect(options, nil)
	saved := prefs.String(PrefLanguage)
	for i, c := range codes {
		if c == saved {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		code := codes[sel.SelectedIndex()]
		prefs.SetString(PrefLanguage, code)
		note.SetText("")
		if next := words.Choose(code, nil); next != words.Current() {
			note.SetText(words.In(next, "settings.language.restart", nil))
		}
		note.Show()
		if note.Text == "" {
			note.Hide()
		}
	}
	// The list is as wide as its longest choice, so that the one shown is never cut.
	width := float32(0)
	for _, o := range options {
		width = max(width, choiceWidth(o))
	}
	width += theme.IconInlineSize() + 2*theme.InnerPadding()
	return container.NewBorder(nil, note, widget.NewLabel(words.T("settings.language", nil)), nil, withWidth(width, sel))
}

// choiceWidth is textWidth without drawing wide characters: measuring 日本語 loads the
// system's fallback font for them (~20 MiB, at every start, in every language), for a
// choice that is rarely the longest. A wide character is one em in those fonts, so it
// is counted as the text size; a test holds that against the measured width.
func choiceWidth(s string) float32 {
	narrow := make([]rune, 0, len(s))
	wide := 0
	for _, r := range s {
		if isWide(r) {
			wide++
		} else {
			narrow = append(narrow, r)
		}
	}
	return textWidth(string(narrow), fyne.TextStyle{}) + float32(wide)*theme.TextSize()
}

func languageName(code string) string {
	for _, l := range words.Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return code
}
