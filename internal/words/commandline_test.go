package words

import (
	"slices"
	"strings"
	"testing"
)

// windowWords name the window's controls: its switches, its connection settings, its
// queue.
var windowWords = map[string][]string{
	"en": {"Turn on", "turn on", "Overwrite", "following links", "connection settings", "add it again", "retype the folder", "CA certificate file"},
	"fr": {"Activez", "activez", "Remplacer les fichiers", "suivi des liens", "réglages de la connexion", "ajoutez-le", "retapez le nom", "certificat d’autorité (CA) de la connexion"},
	"ja": {"オンに", "「同じ名前", "リンクをたどる設定", "接続の設定", "追加して", "フォルダー名を", "「CA 証明書ファイル」"},
}

// Each command-line variant exists in every language with its sentence's placeholders,
// names no control of the window, and is said only once the command line asked for variants; the window's
// sentence stays as it is.
func TestCommandLineVariantsNameFlags(t *testing.T) {
	defer CommandLine(false)
	defer Use(Use("en"))
	for _, lang := range []string{"en", "fr", "ja"} {
		Use(lang)
		for id, v := range commandLineVariants {
			CommandLine(false)
			window := T(id, nil)
			raw := rawMessage(t, lang, id)
			CommandLine(true)
			cli := T(id, nil)
			if cli == window || cli == v || window == id {
				t.Errorf("%s %s: the command line says %q, the window %q", lang, id, cli, window)
			}
			if !slices.ContainsFunc(windowWords[lang], func(w string) bool { return strings.Contains(window, w) }) {
				t.Errorf("%s %s: the window's sentence names none of its controls that the test knows: %q", lang, id, window)
			}
			for _, w := range windowWords[lang] {
				if strings.Contains(cli, w) {
					t.Errorf("%s %s: the command line's variant names the window's %q: %q", lang, id, w, cli)
				}
			}
			if got, want := placeholders(rawMessage(t, lang, v)), placeholders(raw); !slices.Equal(got, want) {
				t.Errorf("%s %s: the variant's placeholders are %q, the sentence's %q", lang, id, got, want)
			}
		}
	}
}

// rawMessage is id's text as written in its message file, placeholders unfilled.
func rawMessage(t *testing.T, lang, id string) string {
	t.Helper()
	c := loadCatalog(lang)
	i, ok := c.index[id]
	if !ok {
		t.Fatalf("%s: no message %s", lang, id)
	}
	return c.entries[i].text
}
