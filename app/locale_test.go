package app

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestFixLocaleQuietsFyne(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want map[string]string // after fixLocale
	}{
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": "C.UTF-8", "LC_MESSAGES": "C"}},
		{"LC_ALL=C.UTF-8", map[string]string{"LC_ALL": "C.UTF-8"}, map[string]string{"LC_ALL": "", "LC_CTYPE": "C.UTF-8", "LANG": "C.UTF-8", "LC_MESSAGES": "C"}},
		{"a real locale stays", map[string]string{"LANG": "fr_FR.UTF-8"}, map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": ""}},
		{"LC_MESSAGES wins over LANG", map[string]string{"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C.UTF-8"}, map[string]string{"LC_MESSAGES": "ja_JP.UTF-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "LC_CTYPE"} {
				t.Setenv(k, c.env[k])
				if c.env[k] == "" {
					os.Unsetenv(k)
				}
			}
			fixLocale()
			for k, v := range c.want {
				if got := os.Getenv(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			var buf bytes.Buffer
			log.SetOutput(&buf)
			defer log.SetOutput(os.Stderr)
			lang.SystemLocale()
			if strings.Contains(buf.String(), "Error parsing user locale") {
				t.Errorf("Fyne still logs: %s", buf.String())
			}
		})
	}
}
