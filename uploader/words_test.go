package uploader

import (
	"testing"

	"hoist/internal/words/wordcheck"
)

// The engine writes no sentence for people: its errors and events are typed, and package
// words says them (words.Error, words.Event…). The text of its errors is for developers
// and logs (wordcheck.CheckLibrary leaves it out).
func TestNoSentenceInTheEngine(t *testing.T) {
	wordcheck.CheckLibrary(t, ".", map[string]int{})
}
