package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"hoist/sandbox"
)

// spoken runs the hoist command as a child process in an environment whose only language
// settings are env's (the test's own LANG, LC_* and HOIST_LANG are left out), and returns
// its exit status and streams.
func spoken(t *testing.T, env map[string]string, stdin string, args ...string) outcome {
	t.Helper()
	cmd := asCommand(t, args...)
	var kept []string
	for _, kv := range cmd.Env {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") || name == "HOIST_LANG" || name == "HOIST_PASSWORD" {
			continue
		}
		kept = append(kept, kv)
	}
	for k, v := range env {
		kept = append(kept, k+"="+v)
	}
	cmd.Env = kept
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("hoist %q: %v", args, err)
	}
	return outcome{code, stdout.String(), stderr.String()}
}

// The language is chosen the same way in a real process: --lang, else HOIST_LANG, else the
// system's locale (LC_ALL before LANG); each way leads to French or Japanese sentences.
var languageChoices = []struct {
	name string
	lang string // the language that must come out
	env  map[string]string
	flag []string
}{
	{"--lang fr", "fr", map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"--lang", "fr"}},
	{"--lang=ja", "ja", map[string]string{"HOIST_LANG": "fr"}, []string{"--lang=ja"}},
	{"LANG=fr_FR.UTF-8", "fr", map[string]string{"LANG": "fr_FR.UTF-8"}, nil},
	{"LC_ALL=ja_JP.UTF-8", "ja", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "fr_FR.UTF-8"}, nil},
	{"HOIST_LANG=ja", "ja", map[string]string{"HOIST_LANG": "ja", "LANG": "fr_FR.UTF-8"}, nil},
	{"HOIST_LANG=fr", "fr", map[string]string{"HOIST_LANG": "fr"}, nil},
}

// A wrong password against the Local sandbox is refused in the chosen language.
func TestProcessWrongPasswordInEachLanguage(t *testing.T) {
	r := startSandbox(t)
	want := map[string][]string{
		"fr": {"hoist check-login\u00a0: Le nom d’utilisateur ou le mot de passe a été refusé."},
		"ja": {"hoist check-login: ユーザー名またはパスワードが受け付けられませんでした。"},
	}
	for _, c := range languageChoices {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{"check-login", "--password-stdin"}, scene7Args(r)...), c.flag...)
			out := spoken(t, c.env, "Not-The-Password-99\n", args...)
			if out.code != exitFailed {
				t.Fatalf("exit %d, want 1; stderr:\n%s", out.code, out.stderr)
			}
			mustContain(t, "stderr", out.stderr, want[c.lang]...)
		})
	}
}

// A plain http:// address to another computer is refused before anything is sent, with
// the sentence and the pointer to the help in the chosen language.
func TestProcessPlainHTTPRefusedInEachLanguage(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "a"})
	want := map[string][]string{
		"fr": {"hoist upload\u00a0: Hoist n’envoie un mot de passe en http:// simple qu’à cet ordinateur", "Tapez «\u00a0hoist upload --help\u00a0»"},
		"ja": {"hoist upload: Hoist が暗号化なしの http:// でパスワードを送るのは、このコンピューター", "使い方は 'hoist upload --help' で確認できます。"},
	}
	for _, c := range languageChoices {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"upload", "--endpoint", "http://s7.example.com/scene7/UploadFile",
				"--user", "me@example.com", "--company", "c|2101", "--dest-folder", "spring", filepath.Join(dir, "a.jpg")}, c.flag...)
			out := spoken(t, c.env, "", args...)
			if out.code != exitUsage {
				t.Fatalf("exit %d, want 2; stderr:\n%s", out.code, out.stderr)
			}
			mustContain(t, "stderr", out.stderr, want[c.lang]...)
		})
	}
}

// `hoist upload --help` and `hoist help upload` print the help in the chosen language, and
// English when the system's locale is none of Hoist's.
func TestProcessHelpInEachLanguage(t *testing.T) {
	want := map[string][]string{
		"fr": {"Utilisation\u00a0: hoist upload [options] PATH...", "Options\u00a0:", "--dest-folder PATH", "Code de sortie\u00a0: 0 tous les fichiers envoyés",
			"--stall-timeout DURATION", "--wait-limit durée", "(par défaut\u00a0: 32)"},
		"ja": {"使い方: hoist upload [フラグ] PATH...", "フラグ:", "--dest-folder PATH", "--stall-timeout DURATION", "--wait-limit 時間", "（既定値: 32）"},
		"en": {"Usage: hoist upload [flags] PATH...", "Flags:", "--dest-folder PATH", "--wait-limit duration", "(default 32)"},
	}
	choices := append(slices.Clone(languageChoices), struct {
		name string
		lang string
		env  map[string]string
		flag []string
	}{"LANG=de_DE.UTF-8", "en", map[string]string{"LANG": "de_DE.UTF-8"}, nil})
	for _, c := range choices {
		for _, args := range [][]string{{"upload", "--help"}, {"help", "upload"}} {
			t.Run(c.name+" "+strings.Join(args, " "), func(t *testing.T) {
				out := spoken(t, c.env, "", append(args, c.flag...)...)
				if out.code != exitOK {
					t.Fatalf("exit %d; stderr:\n%s", out.code, out.stderr)
				}
				mustContain(t, "help", out.stdout, want[c.lang]...)
			})
		}
	}
}

// --json lines are for programs: the same keys, kinds and error texts whatever the
// language, and no sentence translated for people in them.
func TestProcessJSONIsTheSameInEveryLanguage(t *testing.T) {
	r := startSandbox(t)
	r.SetFaults(sandbox.Faults{RefuseFile: "bad.jpg"})
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "a", "bad.jpg": "b"})
	lines := map[string][]map[string]any{}
	for _, lang := range []string{"en", "fr", "ja"} {
		args := append(append([]string{"upload", "--json", "--concurrency", "1", "--dest-folder", "spring"}, scene7Args(r)...), dir)
		out := spoken(t, map[string]string{"HOIST_LANG": lang, "HOIST_PASSWORD": sandbox.DemoPassword}, "", args...)
		if out.code != exitFailed {
			t.Fatalf("%s: exit %d, want 1 (bad.jpg refused); stderr:\n%s", lang, out.code, out.stderr)
		}
		for _, r := range out.stdout {
			if r > unicode.MaxASCII && !strings.ContainsRune("“”’…", r) {
				t.Errorf("%s: the JSON has %q, a translated word:\n%s", lang, r, out.stdout)
				break
			}
		}
		for _, l := range strings.Split(strings.TrimSpace(out.stdout), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("%s: not JSON: %q", lang, l)
			}
			lines[lang] = append(lines[lang], m)
		}
	}
	// Speeds and times differ from run to run; what a program reads must not.
	fixed := func(ms []map[string]any) []string {
		var out []string
		for _, m := range ms {
			if m["kind"] == "FileProgress" {
				continue
			}
			keys := slices.Sorted(maps.Keys(m))
			out = append(out, strings.Join(keys, ",")+" "+m["kind"].(string)+" "+str(m["file"])+" "+str(m["error"]))
		}
		slices.Sort(out)
		return out
	}
	en := fixed(lines["en"])
	if !slices.ContainsFunc(en, func(s string) bool { return strings.Contains(s, "FileFailed") && strings.Contains(s, "bad.jpg") }) {
		t.Fatalf("no FileFailed line for bad.jpg:\n%s", strings.Join(en, "\n"))
	}
	for _, lang := range []string{"fr", "ja"} {
		if got := fixed(lines[lang]); !slices.Equal(got, en) {
			t.Errorf("--json in %s differs from English:\n%s\n\nEnglish:\n%s", lang, strings.Join(got, "\n"), strings.Join(en, "\n"))
		}
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
