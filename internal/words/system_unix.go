//go:build !windows && !darwin

package words

func systemLanguages(getenv func(string) string) []string {
	langs, _ := envLanguages(getenv)
	return langs
}
