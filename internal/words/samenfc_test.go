package words

import (
	"strings"
	"testing"

	"hoist/uploader"
)

// Two names that differ only in Unicode form print alike: the sentence names the file by
// the path both would take (never a path on disk), names the letters written differently,
// and says which form was kept and which left out, in every language.
func TestSameNameInTwoUnicodeFormsSaysWhichWasKept(t *testing.T) {
	defer Use(Use("en"))
	const nfc, nfd = "t2/café été.jpg", "t2/cafe\u0301 e\u0301te\u0301.jpg"
	wants := map[string][2]string{ // kept, left out: in the order the sentence says them
		"en": {"the file with single characters was kept and the one with separate accent marks was left out", "the file with separate accent marks was kept and the one with single characters was left out"},
		"fr": {"le fichier aux caractères uniques a été conservé, celui aux accents séparés a été écarté", "le fichier aux accents séparés a été conservé, celui aux caractères uniques a été écarté"},
		"ja": {"1文字で書かれた方を残し、アクセント記号が別になっている方を除外しました", "アクセント記号が別になっている方を残し、1文字で書かれた方を除外しました"},
	}
	for lang, w := range wants {
		Use(lang)
		cases := []struct {
			name, sentence, want string
		}{
			{"walk, composed kept", Skip(uploader.Skipped{Kind: uploader.SkipSameNFC, Rel: nfc, Path: "/tmp/rv/" + nfd, Other: "/tmp/rv/" + nfc}), w[0]},
			{"walk, decomposed kept", Skip(uploader.Skipped{Kind: uploader.SkipSameNFC, Rel: nfc, Path: "/tmp/rv/" + nfc, Other: "/tmp/rv/" + nfd}), w[1]},
			{"files given, composed kept", Error(&uploader.NameError{Kind: uploader.NameSameAfterNFC, Rel: nfc, Other: "/drop/" + nfc}), w[0]},
			{"files given, decomposed kept", Error(&uploader.NameError{Kind: uploader.NameSameAfterNFC, Rel: nfc, Other: "/drop/" + nfd}), w[1]},
		}
		for _, c := range cases {
			for _, part := range []string{nfc, "é", c.want} {
				if !strings.Contains(c.sentence, part) {
					t.Errorf("%s %s: %q does not say %q", lang, c.name, c.sentence, part)
				}
			}
			if strings.Contains(c.sentence, "/tmp/") || strings.Contains(c.sentence, "/drop/") || strings.Contains(c.sentence, "\u0301") {
				t.Errorf("%s %s: %q names a path on disk or a raw decomposed name", lang, c.name, c.sentence)
			}
			if list := map[string]string{"en": "(“é”)", "fr": "(«\u00a0é\u00a0»)", "ja": "（「é」）"}[lang]; !strings.Contains(c.sentence, list) {
				t.Errorf("%s %s: %q does not list the letter once, as %s", lang, c.name, c.sentence, list)
			}
		}
	}
}
