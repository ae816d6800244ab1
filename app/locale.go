package app

import "os"

// fixLocale keeps Fyne from logging "Error parsing user locale C" at start. Fyne reads the
// first of LC_ALL, LC_MESSAGES and LANG that is set; "C.UTF-8" (the default of many Linux
// containers and minimal installs) is not a language tag, while plain "C" is understood
// as "no preference" and quietly gives English. Only the message language changes: the
// character set (LC_CTYPE) stays what it was.
func fixLocale() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if !isCLocale(v) {
			return
		}
		if name == "LC_ALL" {
			// LC_ALL overrides every category: spread it over them so that moving it away
			// from messages keeps the rest as it was.
			os.Unsetenv("LC_ALL")
			for _, c := range []string{"LC_CTYPE", "LC_COLLATE", "LC_NUMERIC", "LC_TIME", "LC_MONETARY"} {
				os.Setenv(c, v)
			}
			os.Setenv("LANG", v)
		}
		os.Setenv("LC_MESSAGES", "C")
		return
	}
}

// isCLocale reports the POSIX locale under a name Fyne cannot parse, such as "C.UTF-8".
func isCLocale(v string) bool {
	for _, base := range []string{"C.", "POSIX."} {
		if len(v) > len(base) && v[:len(base)] == base {
			return true
		}
	}
	return false
}
