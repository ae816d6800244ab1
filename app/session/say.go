package session

import "hoist/internal/words"

// join puts sentences one after the other as the language does (a space between them in
// English and French, none in Japanese), leaving out empty ones.
func join(sentences ...string) string {
	out := ""
	for _, s := range sentences {
		switch {
		case s == "":
		case out == "":
			out = s
		default:
			out = words.T("session.join", words.A{"First": out, "Next": s})
		}
	}
	return out
}
