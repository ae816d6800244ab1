package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// The options form speaks the chosen language: labels, help, section titles and choices
// in it, with the value sent to Scene7 named as it is, and its own sentences when what is
// typed is not a number.
func TestOptionsFormSpeaksFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	cases := []struct {
		lang, overwrite, email, sent, section, check, notNumber string
	}{
		{"fr", "Remplacer les fichiers de même nom", "M’envoyer un e-mail\u00a0: seulement pour les erreurs et avertissements",
			"Envoyé à Scene7 sous la valeur ErrorAndWarning.", "Recadrage · Recadrage manuel", "Activer\u00a0: Accentuation",
			"«\u00a0Gain (0 à 5)\u00a0» doit être un nombre, par exemple 0,5\u00a0; «\u00a0beaucoup\u00a0» n’en est pas un."},
		{"ja", "同じ名前のファイルを置き換える", "メール通知：エラーと警告のみ",
			"Scene7 には ErrorAndWarning として送信されます。", "切り抜き · 手動で切り抜き", "使用する：アンシャープマスク",
			"「量（0〜5）」には 0.5 のような数値を入力してください。「beaucoup」は数値ではありません。"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			words.Use(c.lang)
			test.NewTempApp(t)
			of := NewOptionsForm(uploader.DefaultOptions())
			if got := of.Input("overwrite").(*widget.Check).Text; got != c.overwrite {
				t.Errorf("overwrite box %q, want %q", got, c.overwrite)
			}
			if help := of.fields["overwrite"].box.Objects; !hasLabel(help, words.OptionHelp("overwrite")) || words.OptionHelp("overwrite") == "option.overwrite.help" {
				t.Errorf("overwrite's help is not shown in %s", c.lang)
			}
			email := of.Input("emailSetting").(*widget.Select)
			if email.Selected != ChoiceLabel("emailSetting", "None") || strings.Contains(email.Selected, "None") {
				t.Errorf("default e-mail choice shown as %q", email.Selected)
			}
			email.SetSelected(c.email)
			if got := of.Options().EmailSetting; got != uploader.EmailErrorAndWarning {
				t.Fatalf("choosing %q sends %q", c.email, got)
			}
			if got := of.fields["emailSetting"].sentAs.Text; got != c.sent {
				t.Errorf("under the dropdown %q, want %q", got, c.sent)
			}
			test.Tap(of.Input("manualCropOptions").(*widget.Check))
			if got := of.items["Crop"].Title; got != c.section {
				t.Errorf("Crop section titled %q, want %q", got, c.section)
			}
			amountBlock := of.Input("unsharpMaskOptions").(*widget.Check)
			if amountBlock.Text != c.check {
				t.Errorf("sharpening block %q, want %q", amountBlock.Text, c.check)
			}
			test.Tap(amountBlock)
			amount := of.Input("unsharpMaskOptions.amount").(*numberEntry)
			amount.SetText("")
			test.Type(amount, "beaucoup")
			if got := of.ErrorText("unsharpMaskOptions.amount"); got != c.notNumber {
				t.Errorf("not a number: %q, want %q", got, c.notNumber)
			}
		})
	}
}

// hasLabel reports whether one of objs is a label showing text.
func hasLabel(objs []fyne.CanvasObject, text string) bool {
	for _, o := range objs {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}
