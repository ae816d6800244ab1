package words

import (
	"slices"
	"testing"
)

func TestSupported(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "FR": "fr", "fr_FR.UTF-8": "fr", "fr-CA": "fr", "ja_JP.eucJP": "ja", "ja-JP": "ja",
		"en_GB.UTF-8": "en", "de_DE@euro": "", "C": "", "C.UTF-8": "", "POSIX": "", "": "", "??": "",
	} {
		if got := Supported(in); got != want {
			t.Errorf("Supported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChoose(t *testing.T) {
	cases := []struct {
		name     string
		explicit string
		env      map[string]string
		want     string
	}{
		{"explicit wins", "ja", map[string]string{EnvVar: "fr", "LANG": "fr_FR.UTF-8"}, "ja"},
		{"HOIST_LANG over the system", "", map[string]string{EnvVar: "ja", "LANG": "fr_FR.UTF-8"}, "ja"},
		{"an unknown explicit value is ignored", "xx", map[string]string{"LANG": "fr_FR.UTF-8"}, "fr"},
		{"LANG", "", map[string]string{"LANG": "ja_JP.UTF-8"}, "ja"},
		{"LC_ALL over LANG", "", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, "fr"},
		{"LC_MESSAGES over LANG", "", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "ja_JP.UTF-8"}, "fr"},
		{"LANGUAGE lists preferences", "", map[string]string{"LANGUAGE": "de:ja", "LANG": "de_DE.UTF-8"}, "ja"},
		{"C means untranslated", "", map[string]string{"LANGUAGE": "fr", "LANG": "C.UTF-8"}, "en"},
		{"an unsupported system language", "", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			getenv := func(k string) string { return c.env[k] }
			if got := Choose(c.explicit, getenv); got != c.want {
				t.Errorf("Choose(%q) = %q, want %q", c.explicit, got, c.want)
			}
		})
	}
}

func TestUseFallsBackToEnglish(t *testing.T) {
	defer Use(Current())
	if got := Use("de"); got != "en" || Current() != "en" {
		t.Errorf("Use(de) = %q, current %q", got, Current())
	}
	if got := Use("ja_JP.UTF-8"); got != "ja" {
		t.Errorf("Use(ja_JP.UTF-8) = %q", got)
	}
}

func TestParseAppleLanguages(t *testing.T) {
	got := parseAppleLanguages("(\n    \"fr-FR\",\n    en,\n    \"ja-JP\"\n)\n")
	if want := []string{"fr-FR", "en", "ja-JP"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
