package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// panelWords are what the Connections and Job log tabs say in one language.
type panelWords struct {
	lang                                  string
	test, save, serverField, staging      string
	saved, took, certificate, sandboxKind string
	levels                                []string
	copied                                string
}

var panelLanguages = []panelWords{
	{lang: "fr", test: "Tester la connexion", save: "Enregistrer", serverField: "Serveur",
		staging: "Scene7 · Japon / Asie-Pacifique · préproduction", saved: "La connexion «\u00a0Marque JP\u00a0» a été enregistrée.",
		took: "Le serveur a répondu en 420 ms.", certificate: "émis par CN=Test CA\n  valable jusqu’au 02/01/2027 03:04",
		sandboxKind: "Bac à sable local sur cet ordinateur (Dr.Sum)",
		levels:      []string{"Tout", "Avertissements et erreurs", "Erreurs seulement"}, copied: " lignes copiées dans le presse-papiers."},
	{lang: "ja", test: "接続をテスト", save: "保存", serverField: "サーバー",
		staging: "Scene7 · 日本・アジア太平洋 · ステージング環境", saved: "接続「Marque JP」を保存しました。",
		took: "サーバーは 420ミリ秒で応答しました。", certificate: "発行者：CN=Test CA\n  有効期限：2027/01/02 03:04",
		sandboxKind: "このコンピューター上のローカルサンドボックス（Dr.Sum）",
		levels:      []string{"すべて", "警告とエラー", "エラーのみ"}, copied: "行をクリップボードにコピーしました。"},
}

// The connection editor renders in French and Japanese: its buttons, fields and the list
// of servers, a server chosen by its translated name, the status after Save, and Test
// connection's answer time and details.
func TestConnectionEditorSpeaksFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	for _, c := range panelLanguages {
		t.Run(c.lang, func(t *testing.T) {
			words.Use(c.lang)
			e := newTestEnv(t)
			v := e.w.Connections
			if v.test.Text != c.test || v.save.Text != c.save {
				t.Errorf("buttons %q, %q; want %q, %q", v.test.Text, v.save.Text, c.test, c.save)
			}
			if !hasLabel(v.editor.box.Objects, c.serverField) {
				t.Errorf("no field named %q in the editor", c.serverField)
			}
			v.newProfile()
			ed := v.editor
			if !strings.Contains(strings.Join(ed.server.Options, "\n"), c.staging) {
				t.Fatalf("servers offered: %q", ed.server.Options)
			}
			ed.server.SetSelected(c.staging)
			ed.name.SetText("Marque JP")
			ed.user.SetText("anna@brand.example")
			ed.company.SetText("c|77")
			if p := ed.Problems(); p != "" {
				t.Fatalf("problems: %q", p)
			}
			if err := v.Save(); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(v.status.Text, c.saved) {
				t.Errorf("status %q, want it to start with %q", v.status.Text, c.saved)
			}
			p, err := e.cfg.Profiles.Get("Marque JP")
			if err != nil || p.Region != uploader.RegionAPAC || !p.Staging {
				t.Fatalf("stored %+v, %v", p, err)
			}

			e.remote.verdict = uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "u", Company: "c|1",
				Exchange: uploader.Exchange{Operation: "checkLogin", URL: "https://x/", Request: "<a/>", Status: 200, Response: "<b/>",
					Duration: 420 * time.Millisecond, TLS: &uploader.CertInfo{Subject: "CN=x", Issuer: "CN=Test CA", NotAfter: time.Date(2027, 1, 2, 3, 4, 0, 0, time.Local)}}}
			v.reload("Local sandbox") // its password is known
			test.Tap(v.test)
			if v.took.Text != c.took {
				t.Errorf("took %q, want %q", v.took.Text, c.took)
			}
			if !strings.Contains(v.details.text, c.certificate) {
				t.Errorf("details lack %q:\n%s", c.certificate, v.details.text)
			}
			v.reload(store.SandboxDrSumProfile)
			if got := v.editor.server.Selected; got != c.sandboxKind {
				t.Errorf("sandbox server shown as %q, want %q", got, c.sandboxKind)
			}
		})
	}
}

// The job log renders in French and Japanese: its level filter filters by position, not
// by English words, and Copy counts the lines in the language.
func TestJobLogSpeaksFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	for _, c := range panelLanguages {
		t.Run(c.lang, func(t *testing.T) {
			words.Use(c.lang)
			l := loggedRefusedUpload(t).w.Log
			if strings.Join(l.level.Options, "|") != strings.Join(c.levels, "|") || l.level.Selected != c.levels[0] {
				t.Errorf("levels %q (chosen %q), want %q", l.level.Options, l.level.Selected, c.levels)
			}
			all := len(l.Shown())
			l.level.SetSelected(c.levels[2])
			if n := len(l.Shown()); n == 0 || n >= all {
				t.Errorf("%q shows %d of %d lines", c.levels[2], n, all)
			}
			for _, en := range l.Shown() {
				if en.Level != session.Error {
					t.Errorf("%q shows %+v", c.levels[2], en)
				}
			}
			l.level.SetSelected(c.levels[0])
			l.clip = func(string) {}
			copyBtn := findButton(l.top, words.T("joblog.copy", nil))
			if copyBtn == nil {
				t.Fatal("no Copy button")
			}
			test.Tap(copyBtn)
			if want := words.Count(all) + c.copied; l.status.Text != want {
				t.Errorf("after Copy: %q, want %q", l.status.Text, want)
			}
		})
	}
}

// findButton is the button showing text in o or inside it, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch o := o.(type) {
	case *widget.Button:
		if o.Text == text {
			return o
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}
