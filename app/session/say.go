package session

import "hoist/internal/words"

// join puts sentences one after the other as the language does, leaving out empty ones.
func join(sentences ...string) string { return words.Sentences(sentences...) }
