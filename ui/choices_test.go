package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"hoist/uploader"
)

// Every choice of every option has a label of its own within its field, so that a label
// picks exactly one value.
func TestChoiceLabelsAreDistinct(t *testing.T) {
	for _, f := range uploader.Fields {
		if f.Kind != uploader.KindChoice {
			continue
		}
		seen := map[string]string{}
		for _, v := range f.Choices {
			l := ChoiceLabel(f.Path, v)
			if other, ok := seen[l]; ok {
				t.Errorf("%s: %q and %q are both shown as %q", f.Path, other, v, l)
			}
			seen[l] = v
			if got, ok := choiceValue(f, l); !ok || got != v {
				t.Errorf("%s: %q reads back as %q", f.Path, l, got)
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
