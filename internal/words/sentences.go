package words

// Sentences puts sentences one after the other as the language does (a space between them
// in English and French, none in Japanese: 「保存しました。パスワードは…」), leaving out
// empty ones. Code that strung sentences together with " " put a space after 。.
func Sentences(sentences ...string) string {
	out := ""
	for _, s := range sentences {
		switch {
		case s == "":
		case out == "":
			out = s
		default:
			out = T("session.join", A{"First": out, "Next": s})
		}
	}
	return out
}
