package main

import (
	"slices"
	"strings"
	"testing"

	"hoist/internal/words"
)

func TestLangFlag(t *testing.T) {
	cases := []struct {
		args []string
		lang string
		rest []string
		ok   bool
	}{
		{[]string{"--lang", "fr", "upload", "a"}, "fr", []string{"upload", "a"}, true},
		{[]string{"upload", "a", "-lang=ja"}, "ja", []string{"upload", "a"}, true},
		{[]string{"upload", "--", "--lang", "fr"}, "", []string{"upload", "--", "--lang", "fr"}, true},
		{[]string{"upload", "--lang"}, "", []string{"upload"}, false},
		{[]string{"upload", "--language", "x"}, "", []string{"upload", "--language", "x"}, true},
	}
	for _, c := range cases {
		lang, rest, ok := langFlag(c.args)
		if lang != c.lang || !slices.Equal(rest, c.rest) || ok != c.ok {
			t.Errorf("langFlag(%q) = %q, %q, %v; want %q, %q, %v", c.args, lang, rest, ok, c.lang, c.rest, c.ok)
		}
	}
}

// The help is written in the language asked for with --lang, HOIST_LANG or the system's
// locale, in that order.
func TestHelpInEachLanguage(t *testing.T) {
	defer words.Use(words.Current())
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"LANG=fr", map[string]string{"LANG": "fr_FR.UTF-8"}, []string{"upload", "--help"},
			[]string{"Utilisation\u00a0: hoist upload [options] PATH...", "Envoie des fichiers et des dossiers en une seule tâche", "Options\u00a0:", "--dest-folder PATH", "(par défaut\u00a0: 32)", "Code de sortie\u00a0: 0 tous les fichiers envoyés"}},
		{"LC_ALL=ja", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "fr_FR.UTF-8"}, []string{"help"},
			[]string{"使い方: hoist コマンド [フラグ] [引数]", "ファイルとフォルダーを 1つのジョブとしてアップロードします。", "--lang en|fr|ja"}},
		{"HOIST_LANG over LANG", map[string]string{"HOIST_LANG": "ja", "LANG": "fr_FR.UTF-8"}, []string{"check-login", "-h"},
			[]string{"使い方: hoist check-login [フラグ]", "--password-stdin", "パスワードは --password-stdin、なければ HOIST_PASSWORD"}},
		{"--lang over HOIST_LANG", map[string]string{"HOIST_LANG": "ja"}, []string{"--lang", "fr", "help", "jobs"},
			[]string{"Liste les tâches Scene7 en cours de la société (getActiveJobs).", "--company HANDLE", "HANDLE de la société Scene7"}},
		{"English by default", map[string]string{"LANG": "C.UTF-8"}, []string{"help", "sandbox"},
			[]string{"Usage: hoist sandbox [flags]", "Run the Local sandbox on this computer", "--addr ADDRESS"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := hoist(t, invocation{env: c.env}, c.args...)
			if out.code != exitOK {
				t.Fatalf("exit %d; stderr %s", out.code, out.stderr)
			}
			mustContain(t, c.name, out.stdout, c.want...)
		})
	}
}

func TestUnknownLanguageIsAUsageError(t *testing.T) {
	defer words.Use(words.Current())
	for _, args := range [][]string{{"--lang", "de", "help"}, {"help", "--lang"}} {
		out := hoist(t, invocation{}, args...)
		if out.code != exitUsage || !strings.Contains(out.stderr, "--lang takes en (English), fr (French) or ja (Japanese)") {
			t.Errorf("%q: exit %d, stderr %q", args, out.code, out.stderr)
		}
	}
}

// The sentences people meet most, in French and Japanese: a wrong password and a plain
// http address that would carry the password in clear text.
func TestErrorsInEachLanguage(t *testing.T) {
	defer words.Use(words.Current())
	r := startSandbox(t)
	cases := []struct {
		lang string
		args []string
		want string
	}{
		{"fr", scene7Args(r), "Le nom d’utilisateur ou le mot de passe a été refusé."},
		{"ja", scene7Args(r), "ユーザー名またはパスワードが受け付けられませんでした。"},
		{"fr", []string{"--endpoint", "http://s7.example.com/scene7/UploadFile", "--user", "me@example.com", "--company", "c|2101"}, "Hoist n’envoie un mot de passe en http:// simple qu’à cet ordinateur"},
		{"ja", []string{"--endpoint", "http://s7.example.com/scene7/UploadFile", "--user", "me@example.com", "--company", "c|2101"}, "Hoist が暗号化なしの http:// でパスワードを送るのは、このコンピューター"},
	}
	for _, c := range cases {
		out := hoist(t, invocation{stdin: "Not-The-Password-99\n", env: map[string]string{"HOIST_LANG": c.lang}}, append([]string{"check-login", "--password-stdin"}, c.args...)...)
		if out.code == exitOK {
			t.Fatalf("%s %q: accepted", c.lang, c.args)
		}
		mustContain(t, c.lang, out.stderr, c.want)
	}
}

// A built-in connection is named in the language spoken, as the window names it: the
// French and Japanese sentences said "Local sandbox" where the window says "Bac à sable
// local" and "ローカルサンドボックス". The name the user typed, in any language, is taken.
func TestBuiltinConnectionIsNamedInTheLanguageSpoken(t *testing.T) {
	defer words.Use(words.Current())
	for _, lang := range []string{"en", "fr", "ja"} {
		shown := words.In(lang, "store.builtin.sandbox", nil)
		for _, typed := range []string{"Local sandbox", shown} {
			for _, c := range []struct {
				args []string
				id   string
			}{
				{[]string{"check-login", "--profile", typed}, "cli.problem.sandbox_profile"},
				{[]string{"login", "--profile", typed}, "cli.problem.builtin_profile"},
			} {
				out := hoist(t, invocation{stdin: "x\n", env: map[string]string{"HOIST_LANG": lang}}, c.args...)
				if out.code == exitOK {
					t.Fatalf("%s %q: accepted", lang, c.args)
				}
				want := words.In(lang, c.id, words.A{"Name": shown, "Service": "Scene7"})
				if !strings.Contains(out.stderr, want) {
					t.Errorf("%s %q: stderr lacks %q:\n%s", lang, c.args, want, out.stderr)
				}
			}
		}
	}
}
