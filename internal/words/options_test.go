package words

import (
	"testing"

	"hoist/uploader"
)

// Every upload option has a label and a help text in every language, every group a
// title, and every allowed value of a choice words of its own: an option added to
// uploader.Fields without its words fails here.
func TestEveryOptionHasItsWords(t *testing.T) {
	has := func(code, id string) bool { return In(code, id, nil) != id }
	for _, l := range Languages {
		for _, f := range uploader.Fields {
			for _, id := range []string{"option." + f.Path + ".label", "option." + f.Path + ".help"} {
				if !has(l.Code, id) {
					t.Errorf("%s: no %s in options.%s.json", f.Path, id, l.Code)
				}
			}
			for _, v := range f.Choices {
				if !has(l.Code, "option.choice."+f.Path+"."+v) && !has(l.Code, "option.value."+v) {
					t.Errorf("%s: the value %s has no words in options.%s.json (option.choice.%s.%s or option.value.%s)", f.Path, v, l.Code, f.Path, v, v)
				}
			}
		}
		for _, g := range uploader.Groups {
			if !has(l.Code, "option.group."+g) {
				t.Errorf("group %s: no option.group.%s in options.%s.json", g, g, l.Code)
			}
		}
	}
}

func TestOptionWordsFollowTheLanguage(t *testing.T) {
	defer Use(Use("fr"))
	if got, want := OptionLabel("overwrite"), "Remplacer les fichiers de même nom"; got != want {
		t.Errorf("label = %q, want %q", got, want)
	}
	if got, want := OptionChoice("emailSetting", "ErrorAndWarning"), "M’envoyer un e-mail\u00a0: seulement pour les erreurs et avertissements"; got != want {
		t.Errorf("own choice = %q, want %q", got, want)
	}
	Use("ja")
	if got, want := OptionChoice("autoColorCropOptions.corner", "UpperLeft"), "左上"; got != want {
		t.Errorf("shared choice = %q, want %q", got, want)
	}
	if got, want := OptionGroup("BackgroundKnockout"), "背景を削除"; got != want {
		t.Errorf("group = %q, want %q", got, want)
	}
	// A value without words is shown as it is sent, never hidden.
	if got := OptionChoice("inDesignOptions.process", "SomethingNew"); got != "SomethingNew" {
		t.Errorf("unknown value = %q", got)
	}
}
