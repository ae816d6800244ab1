package ui

import (
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/uploader"
)

// A caution after an option's help follows it as the language joins sentences: in
// Japanese with no space after 。 (it read 'PSD ファイルの処理方法です。 これらの設定は…').
func TestOptionHelpJoinsSentencesAsTheLanguageDoes(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		seen := 0
		for _, f := range uploader.Fields {
			if f.Kind != uploader.KindBlock || !f.Unverified {
				continue
			}
			seen++
			help := helpOf(f)
			if !strings.HasSuffix(help, words.OptionUnverified()) {
				t.Errorf("%s: %q does not end with the caution", f.Path, help)
			}
			if code == "ja" && strings.Contains(help, "。 ") {
				t.Errorf("%s: a space after 。 in %q", f.Path, help)
			}
		}
		if seen == 0 {
			t.Fatal("no option with a caution")
		}
	})
}
