package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An option given by a flag is named by its flag, and its allowed values are the ones
// typed after it (as --help lists them), not the window's labels, in every language.
func TestOptionFlagProblemsListTheValuesToType(t *testing.T) {
	r := startSandbox(t)
	file := filepath.Join(t.TempDir(), "a.jpg")
	writeTree(t, filepath.Dir(file), map[string]string{"a.jpg": "a"})
	values := "None, JobCompletion, Error, ErrorAndWarning, All"
	for lang, wants := range map[string][]string{
		"en": {"--email-setting cannot be “Sometimes”: use one of " + values + ".", "LEFT of --crop must be between 0 and"},
		"fr": {"--email-setting ne peut pas valoir «\u00a0Sometimes\u00a0»\u00a0: choisissez parmi " + values + ".", "LEFT de --crop doit être compris entre 0 et"},
		"ja": {"--email-setting に「Sometimes」は指定できません。" + values + " のいずれかを指定してください。", "--crop の LEFT は 0〜"},
	} {
		args := append(append([]string{"upload", "--lang", lang}, scene7Args(r)...), "--email-setting", "Sometimes", "--crop=-1,0,0,0", file)
		out := hoist(t, invocation{env: demoEnv}, args...)
		if out.code != exitUsage {
			t.Fatalf("%s: exit %d, want 2\nstderr:\n%s", lang, out.code, out.stderr)
		}
		mustContain(t, lang+" stderr", out.stderr, wants...)
		for _, label := range []string{"E-mail me", "M’envoyer", "メール通知：", "Left (pixels)", "Gauche", "左"} {
			if strings.Contains(out.stderr, label) {
				t.Errorf("%s: stderr names the window's label %q:\n%s", lang, label, out.stderr)
			}
		}
	}
	if n := len(r.Requests()); n != 0 {
		t.Errorf("the sandbox received %d requests, want none", n)
	}
}
