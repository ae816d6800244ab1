package words

import "golang.org/x/sys/windows"

// systemLanguages is the user's display language list (Settings › Time & language), which
// is what Windows itself speaks to the user; the POSIX variables are not Windows' own and
// are often set to English by developer tools, so they are not read here.
func systemLanguages(_ func(string) string) []string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return nil
	}
	return langs
}
