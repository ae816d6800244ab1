package words

import (
	"slices"
	"strings"
	"testing"
)

// Each command-line variant exists in every language with its sentence's placeholders,
// names a flag, and is said only once the command line asked for variants; the window's
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
			if !strings.Contains(cli, "--") {
				t.Errorf("%s %s: the command line's variant names no flag: %q", lang, id, cli)
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
