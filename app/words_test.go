package app

import (
	"testing"

	"hoist/internal/words/wordcheck"
)

// Every sentence people read comes from the message files (package words): none is
// written in the Go code of this package.
func TestSentencesComeFromTheMessageFiles(t *testing.T) {
	wordcheck.Check(t, ".", nil)
}
