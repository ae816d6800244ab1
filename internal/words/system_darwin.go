package words

import "os/exec"

// systemLanguages: a terminal on macOS sets LANG from the system's settings; an app
// started from the Finder gets no variable, so the user's list of preferred languages is
// read as the system keeps it (pure Go, so the CGO_ENABLED=0 CLI does the same).
func systemLanguages(getenv func(string) string) []string {
	if langs, ok := envLanguages(getenv); ok {
		return langs
	}
	out, err := exec.Command("defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return nil
	}
	return parseAppleLanguages(string(out))
}
