package app

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"hoist/internal/words"
	"hoist/ui"
)

// The window speaks one language: package words and Fyne's own words agree, whether it
// comes from the system, from HOIST_LANG or from the window's setting.
func TestSpeakAlignsFyneWithTheChosenLanguage(t *testing.T) {
	defer words.Use(words.Current())
	cases := []struct {
		name, pref string
		env        map[string]string
		want       string
		cancel     string // Fyne's own word, from its bundled translations
	}{
		{"system", "", map[string]string{"LANG": "fr_FR.UTF-8"}, "fr", "Annuler"},
		{"HOIST_LANG", "", map[string]string{"LANG": "fr_FR.UTF-8", words.EnvVar: "ja"}, "ja", "キャンセル"},
		{"setting over the system", "ja", map[string]string{"LANG": "en_US.UTF-8"}, "ja", "キャンセル"},
		{"C locale", "fr", map[string]string{"LANG": "C.UTF-8"}, "fr", "Annuler"},
		{"unsupported system language", "", map[string]string{"LANG": "de_DE.UTF-8"}, "en", "Cancel"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", words.EnvVar} {
				t.Setenv(k, c.env[k])
				if c.env[k] == "" {
					os.Unsetenv(k)
				}
			}
			a := test.NewTempApp(t)
			a.Preferences().SetString(ui.PrefLanguage, c.pref)
			fixLocale()
			if got := speak(a); got != c.want || words.Current() != c.want {
				t.Fatalf("speak = %q, words speaks %q; want %q", got, words.Current(), c.want)
			}
			if got := lang.L("Cancel"); got != c.cancel {
				t.Errorf("Fyne's Cancel = %q, want %q", got, c.cancel)
			}
			if got, want := lang.X("settings.language", "?"), words.T("settings.language", nil); got != want {
				t.Errorf("Fyne reads the message files as %q, words as %q", got, want)
			}
		})
	}
}
