package ui

import (
	"testing"

	"hoist/internal/words/wordcheck"
)

// Every sentence people read comes from the message files (package words): no file of
// the window writes one in Go code.
func TestSentencesComeFromTheMessageFiles(t *testing.T) {
	wordcheck.Check(t, ".", nil)
}
