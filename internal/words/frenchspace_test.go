package words

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// French puts a no-break space (U+00A0, or the narrow U+202F) before : ; ? ! and inside
// « », so that a line never starts with the sign or leaves it alone at a line's end. A
// plain space breaks there; no space at all reads as English.

var (
	// frTyped are the spans typed or read as they are, to which French spacing does not
	// apply: `flags`, "straight-quoted" text (a JSON key, a name to type) and URLs.
	frTyped = regexp.MustCompile("`[^`\\n]*`|\"[^\"\\n]*\"|[A-Za-z][A-Za-z0-9+.-]*://[^\\s»\"]*")
	// frValue is a value filled in: a word of the sentence.
	frValue = regexp.MustCompile(`\{\{[^}]*\}\}`)
)

// httpHeaders name the lines of a request preview, which are HTTP as it is sent.
var httpHeaders = map[string]bool{"Authorization": true, "Content-Type": true, "Content-Length": true, "Content-Disposition": true}

// frenchSpacing lists where s, French, lacks its no-break space before : ; ? ! that
// follow a word of prose, or inside « ». A sign inside a token (10:00, host:port, C:\,
// ::1) is no punctuation of the sentence, nor one right after typed text ("format": …),
// after a MIME type or path (text/xml;) or after an HTTP header's name.
func frenchSpacing(s string) []string {
	m := []rune(frValue.ReplaceAllString(frTyped.ReplaceAllString(s, "\x00"), "X"))
	around := func(i int) string {
		from, to := max(0, i-20), min(len(m), i+10)
		return strings.ReplaceAll(string(m[from:to]), "\x00", "…")
	}
	nbsp := func(r rune) bool { return r == '\u00a0' || r == '\u202f' }
	var out []string
	for i, r := range m {
		switch r {
		case '«':
			if i+1 >= len(m) || !nbsp(m[i+1]) {
				out = append(out, fmt.Sprintf("no no-break space after « in %q", around(i)))
			}
			continue
		case '»':
			if i == 0 || !nbsp(m[i-1]) {
				out = append(out, fmt.Sprintf("no no-break space before » in %q", around(i)))
			}
			continue
		case ':', ';', '?', '!':
		default:
			continue
		}
		if i == 0 {
			continue
		}
		if i+1 < len(m) && !unicode.IsSpace(m[i+1]) && !strings.ContainsRune("»)]’\"'.,…", m[i+1]) {
			continue // inside a token
		}
		start := i
		for start > 0 && !unicode.IsSpace(m[start-1]) {
			start--
		}
		word, prev := string(m[start:i]), m[i-1]
		switch {
		case nbsp(prev), prev == '\n', prev == '\x00':
		case unicode.IsSpace(prev):
			out = append(out, fmt.Sprintf("a plain space before %c in %q", r, around(i)))
		case strings.ContainsRune(word, '/') || httpHeaders[word]:
		case unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune("»)]’", prev):
			out = append(out, fmt.Sprintf("no space before %c in %q", r, around(i)))
		}
	}
	return out
}

func TestFrenchSpacingCheck(t *testing.T) {
	for s, bad := range map[string]bool{
		"Le mot de passe n’a pas été enregistré\u00a0: {{.Reason}}": false,
		"Le mot de passe n’a pas été enregistré : {{.Reason}}":      true, // a plain space
		"Le mot de passe n’a pas été enregistré: {{.Reason}}":       true,
		"Supprimer «\u00a0{{.Name}}\u00a0»\u00a0?":                  false,
		"Supprimer «\u00a0{{.Name}}\u00a0»?":                        true,
		"Supprimer « {{.Name}} »\u00a0?":                            true,
		"Vraiment\u202f! Ensuite\u202f; enfin":                      false,
		"Vraiment ! Ensuite":                                        true,
		"{{.File}}\u00a0: {{.Reason}}":                              false,
		"{{.File}}: {{.Reason}}":                                    true,
		"à 10:00, sur 127.0.0.1:PORT ou [::1]:PORT":                 false,
		"utilisez https://proxy.example.com:8080/x?a=b ou C:\\ca":   false,
		"passez `--proxy HOST:PORT` ou \"format\": \"hoist\"":       false,
		"Content-Type: multipart/form-data\n(text/xml; charset=x)":  false,
		"Remarque: il faut":                                         true,
		"Usage\u00a0:\n  hoist upload DOSSIER":                      false,
	} {
		if got := frenchSpacing(s); (len(got) > 0) != bad {
			t.Errorf("frenchSpacing(%q) = %q, want a problem: %v", s, got, bad)
		}
	}
}

// Every French sentence has its no-break spaces.
func TestFrenchPunctuationHasANoBreakSpace(t *testing.T) {
	eachValue(t, "fr", func(where, s string) {
		for _, p := range frenchSpacing(s) {
			t.Errorf("%s: %s", where, p)
		}
	})
}

// eachValue calls check with every value of the language's message files, each plural form
// on its own, and where it stands (file, id and form) for the test's message.
func eachValue(t *testing.T, lang string, check func(where, s string)) {
	t.Helper()
	areas := messageAreas(t)
	for _, area := range slices.Sorted(maps.Keys(areas)) {
		msgs := areas[area][lang]
		for _, id := range slices.Sorted(maps.Keys(msgs)) {
			switch v := msgs[id].(type) {
			case string:
				check(fmt.Sprintf("%s.%s.json %q", area, lang, id), v)
			case map[string]any:
				for _, form := range slices.Sorted(maps.Keys(v)) {
					s, _ := v[form].(string)
					check(fmt.Sprintf("%s.%s.json %q (%s)", area, lang, id, form), s)
				}
			}
		}
	}
}
