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
		"bandwidth.go":          5,
		"connections.go":        15,
		"connections_editor.go": 5,
		"destination.go":        7,
		"exchange.go":           8,
		"format.go":             5,
		"joblog.go":             13,
		"presets.go":            16,
		"preview.go":            9,
		"profile.go":            7,
	})
}
