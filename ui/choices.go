package ui

import (
	"hoist/internal/words"
	"hoist/uploader"
)

// Choice labels: what a dropdown of the upload options shows for each value that is sent.
// The values themselves (uploader.Fields' Choices) are Adobe's names and are what goes in
// the request; people read words (assets/messages/options.LANG.json), and each field
// names the value sent under its dropdown. A value without words is shown as it is, so a
// value added to the table is never hidden.

// ChoiceLabel is what the dropdown of the option at path shows for value.
func ChoiceLabel(path, value string) string { return words.OptionChoice(path, value) }

// choiceValue is the value behind a label of field f, and whether there is one.
func choiceValue(f uploader.Field, label string) (string, bool) {
	for _, v := range f.Choices {
		if ChoiceLabel(f.Path, v) == label {
			return v, true
		}
	}
	return "", false
}
