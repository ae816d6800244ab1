package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
)

func TestLanguageChoiceIsKeptForTheNextStart(t *testing.T) {
	defer words.Use(words.Use("en"))
	a := test.NewTempApp(t)
	t.Setenv(words.EnvVar, "")
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	box := languageChoice(a.Preferences()).(*fyne.Container)
	var sel *widget.Select
	var note *widget.Label
	for _, o := range test.LaidOutObjects(box) {
		switch o := o.(type) {
		case *widget.Select:
			sel = o
		case *widget.Label:
			if o.Wrapping == fyne.TextWrapWord {
				note = o
			}
		}
	}
	if sel == nil || note == nil {
		t.Fatal("no language list or note")
	}
	if sel.Selected != "System language (English)" {
		t.Errorf("selected %q, want the system's language", sel.Selected)
	}
	sel.SetSelected("日本語")
	if got := a.Preferences().String(PrefLanguage); got != "ja" {
		t.Errorf("preference = %q, want ja", got)
	}
	if want := "次回の起動から Hoist は日本語で表示されます。"; note.Text != want {
		t.Errorf("note = %q, want %q", note.Text, want)
	}
	sel.SetSelected("System language (English)")
	if a.Preferences().String(PrefLanguage) != "" || note.Text != "" {
		t.Errorf("back to the system: preference %q, note %q", a.Preferences().String(PrefLanguage), note.Text)
	}
}

// The language list's width counts a wide character as one em instead of measuring it (so
// that the window does not load the fallback font for 日本語 at start): that must never be
// narrower than the text drawn, or the chosen language would be cut.
func TestChoiceWidthHoldsWideText(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range []string{"日本語", "システムの言語（日本語）", "Langue du système (日本語)", "English", "Français"} {
		if got, drawn := choiceWidth(s), textWidth(s, fyne.TextStyle{}); got < drawn {
			t.Errorf("choiceWidth(%q) = %.1f, narrower than the drawn %.1f", s, got, drawn)
		}
	}
}
