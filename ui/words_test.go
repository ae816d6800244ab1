package ui

import (
	"testing"

	"hoist/internal/words/wordcheck"
)

// Every sentence people read comes from the message files (package words). The files
// listed still write some in Go code, at most as many as their number: they are being
// converted, and the number only goes down.
func TestSentencesComeFromTheMessageFiles(t *testing.T) {
	wordcheck.Check(t, ".", map[string]int{
		"actions.go":            9,
		"admin.go":              13,
		"connections.go":        15,
		"connections_editor.go": 3,
		"deps.go":               1,
		"destination.go":        6,
		"dropzone.go":           2,
		"exchange.go":           8,
		"format.go":             5,
		"joblog.go":             13,
		"options_field.go":      6,
		"options_form.go":       2,
		"presets.go":            16,
		"preview.go":            9,
		"profile.go":            7,
		"queue.go":              22,
		"summary.go":            1,
		"window.go":             18,
	})
}
