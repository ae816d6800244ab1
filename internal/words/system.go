package words

import "strings"

// envLanguages reads the POSIX locale variables as gettext does: the first of LC_ALL,
// LC_MESSAGES and LANG that is set names the locale; LANGUAGE, a colon-separated list of
// preferences, comes first unless that locale is C or POSIX (which means "untranslated").
// ok is false when none is set, so the caller can ask the system another way.
func envLanguages(getenv func(string) string) (langs []string, ok bool) {
	loc := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(name); loc != "" {
			break
		}
	}
	if isCLocale(loc) {
		return nil, true
	}
	if list := getenv("LANGUAGE"); list != "" {
		langs = strings.Split(list, ":")
	}
	if loc != "" {
		langs = append(langs, loc)
	}
	return langs, len(langs) > 0
}

// isCLocale reports the POSIX locale, under any of its names ("C", "POSIX", "C.UTF-8").
func isCLocale(v string) bool {
	if i := strings.IndexByte(v, '.'); i >= 0 {
		v = v[:i]
	}
	return v == "C" || v == "POSIX"
}

// parseAppleLanguages reads the output of `defaults read -g AppleLanguages`, a property
// list array such as ("fr-FR", en).
func parseAppleLanguages(out string) []string {
	return strings.FieldsFunc(out, func(r rune) bool { return strings.ContainsRune("(),\n\t \"", r) })
}
