package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// Every choice of every option has a label of its own within its field, in every
// language, so that a label picks exactly one value.
func TestChoiceLabelsAreDistinct(t *testing.T) {
	defer words.Use(words.Current())
	for _, l := range words.Languages {
		words.Use(l.Code)
		for _, f := range uploader.Fields {
			if f.Kind != uploader.KindChoice {
				continue
			}
			seen := map[string]string{}
			for _, v := range f.Choices {
				label := ChoiceLabel(f.Path, v)
				if other, ok := seen[label]; ok {
					t.Errorf("%s, %s: %q and %q are both shown as %q", l.Code, f.Path, other, v, label)
				}
				seen[label] = v
				if got, ok := choiceValue(f, label); !ok || got != v {
					t.Errorf("%s, %s: %q reads back as %q", l.Code, f.Path, label, got)
				}
			}
		}
	}
}

// The dropdown shows words; the value sent is named under it.
func TestEmailChoiceShowsWordsAndTheValueSent(t *testing.T) {
	e := newTestEnv(t)
	s := e.w.Options.Input("emailSetting").(*widget.Select)
	if s.Selected != "E-mail me: never" {
		t.Errorf("default shown as %q", s.Selected)
	}
	s.SetSelected("E-mail me: only errors and warnings")
	if got := e.w.Options.Options().EmailSetting; got != uploader.EmailErrorAndWarning {
		t.Fatalf("sent %q", got)
	}
	if sent := e.w.Options.fields["emailSetting"].sentAs.Text; sent != "Sent to Scene7 as ErrorAndWarning." {
		t.Errorf("under the dropdown: %q", sent)
	}
}
