package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// shownLabels are the labels shown in o, with their place in o.
func shownLabels(o fyne.CanvasObject) map[*widget.Label]fyne.Position {
	out := map[*widget.Label]fyne.Position{}
	eachShown(o, fyne.Position{}, func(c fyne.CanvasObject, at fyne.Position) {
		if l, ok := c.(*widget.Label); ok {
			out[l] = at
		}
	})
	return out
}

// placeIn is where o is shown in in (ok false: not shown).
func placeIn(in, o fyne.CanvasObject) (at fyne.Position, ok bool) {
	eachShown(in, fyne.Position{}, func(c fyne.CanvasObject, p fyne.Position) {
		if c == o {
			at, ok = p, true
		}
	})
	return at, ok
}

// The sentence refusing a proxy with a password shows right under the Proxy field, where
// it is typed: the form is taller than a 640-pixel window, and at its foot (below the CA
// file and the stall timeout) the sentence was out of sight while Save went grey.
// Each field's own problem sits under that field; the user's under User name.
func TestEditorProblemsShowUnderTheirField(t *testing.T) {
	e := newTestEnv(t)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	e.w.Tabs.SelectIndex(tabConnections)
	v := e.w.Connections
	if err := e.cfg.Profiles.Save("", scene7Profile("Office")); err != nil {
		t.Fatal(err)
	}
	v.reload("Office")
	n := v.editor.network
	n.Content.Open(0)
	n.proxy.SetText("http://office:s3cret@proxy.corp:8080")
	v.editor.user.SetText("")
	form := v.editor.Content
	form.Resize(fyne.NewSize(700, form.MinSize().Height))

	under := func(field fyne.CanvasObject, next fyne.CanvasObject, sentence string) {
		t.Helper()
		top, ok := placeIn(form, field)
		bottom, ok2 := placeIn(form, next)
		if !ok || !ok2 {
			t.Fatalf("fields not shown: %v %v", ok, ok2)
		}
		found := false
		for l, at := range shownLabels(form) {
			if !strings.Contains(l.Text, sentence) {
				continue
			}
			found = true
			if at.Y <= top.Y || at.Y >= bottom.Y {
				t.Errorf("%q is at y=%v, not between its field (y=%v) and the next one (y=%v)", sentence, at.Y, top.Y, bottom.Y)
			}
		}
		if !found {
			t.Errorf("%q is not shown", sentence)
		}
	}
	under(n.proxy, n.caFile, words.T("office.proxy.password_connection", words.A{"Proxy": "http://office:xxxxx@proxy.corp:8080"}))
	under(v.editor.user, v.editor.password, words.T("store.profile.type_user", nil))
	if !v.save.Disabled() {
		t.Error("Save is on with a password in the proxy")
	}

	n.proxy.SetText("proxy.corp:8080")
	v.editor.user.SetText("office@example.com")
	if p := v.editor.Problems(); p != "" {
		t.Fatalf("problems left: %q", p)
	}
	for l := range shownLabels(form) {
		if l.Importance == widget.DangerImportance && l.Text == "" {
			t.Error("an empty problem line takes room in the form")
		}
	}
}

// Below Save and Test connection nothing takes room until there is something to say:
// the empty verdict and "took" lines used to hold some 60 pixels there, taken from the
// form above at 640 pixels. After a test they show.
func TestNoEmptyLinesUnderTheConnectionButtons(t *testing.T) {
	e := newTestEnv(t)
	e.w.Win.Resize(fyne.NewSize(1024, 640))
	e.w.Tabs.SelectIndex(tabConnections)
	v := e.w.Connections
	v.reload("Local sandbox")
	for l := range shownLabels(v.actions) {
		if strings.TrimSpace(l.Text) == "" {
			t.Errorf("an empty line is shown under the buttons (%s)", describeObject(l))
		}
	}
	e.remote.verdict = uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "demo@hoist.local", Company: "c|2101",
		Exchange: uploader.Exchange{Operation: "checkLogin", Status: 200, Duration: 420 * time.Millisecond}}
	v.Test()
	for _, l := range []*widget.Label{v.verdict, v.took} {
		if _, ok := placeIn(v.actions, l); !ok || l.Text == "" {
			t.Errorf("%s is not shown after a test", describeObject(l))
		}
	}
	v.reload("Local sandbox (Dr.Sum)")
	if _, ok := placeIn(v.actions, v.verdict); ok {
		t.Error("the last verdict is still shown for another connection")
	}
}

// Save and Test connection stay where they are when a test's verdict appears (and when it
// goes): they were the top line of the block under the form, which grew upwards by the
// verdict's height and moved the button just pressed from under the pointer.
func TestConnectionButtonsStayWhenTheVerdictAppears(t *testing.T) {
	eachLanguage(t, func(t *testing.T, _ string) {
		e := newTestEnv(t)
		e.w.Win.Resize(fyne.NewSize(1024, 640))
		e.w.Tabs.SelectIndex(tabConnections)
		v := e.w.Connections
		v.reload("Local sandbox")
		places := func() map[string]fyne.Position {
			// Laid out again as the window's driver does on the next frames, where a
			// container's content changed its size (the test driver does not): twice, as
			// a wrapped verdict knows its height once it has its width.
			v.Content.Refresh()
			v.Content.Refresh()
			at := map[string]fyne.Position{}
			for name, b := range map[string]*widget.Button{"Save": v.save, "Test connection": v.test, "Forget": v.forget} {
				at[name] = fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			}
			return at
		}
		before := places()
		e.remote.verdict = uploader.Verdict{OK: false, Kind: uploader.VerdictRejected, User: "demo@hoist.local", Company: "c|2101",
			Exchange: uploader.Exchange{Operation: "checkLogin", Status: 200, Duration: 420 * time.Millisecond}}
		v.Test()
		if _, ok := placeIn(v.actions, v.verdict); !ok || v.verdict.Size().Height == 0 {
			t.Fatal("the verdict is not shown")
		}
		for name, at := range places() {
			if at != before[name] {
				t.Errorf("%s moved from %v to %v when the verdict appeared", name, before[name], at)
			}
		}
		v.clearVerdict()
		for name, at := range places() {
			if at != before[name] {
				t.Errorf("%s moved from %v to %v when the verdict went", name, before[name], at)
			}
		}
	})
}

// A New connection, not saved yet, has no saved password: its password field does not
// say "Leave empty to keep the saved password" and Forget saved password is off (it
// answered "The saved password was forgotten" for a password that never was). Once
// saved, both are back.
func TestANewConnectionHasNoSavedPasswordToKeepOrForget(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	if !v.forget.Disabled() {
		t.Error("Forget saved password is on for a connection not saved yet")
	}
	if got, want := v.editor.password.PlaceHolder, words.T("dest.password.placeholder", nil); got != want {
		t.Errorf("password hint %q, want %q", got, want)
	}
	v.editor.name.SetText("Office")
	v.editor.user.SetText("office@example.com")
	v.editor.company.SetText("c|2101")
	v.editor.password.SetText("pw")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	if v.forget.Disabled() {
		t.Error("Forget saved password is off for a saved connection")
	}
	if got, want := v.editor.password.PlaceHolder, words.T("connedit.password.placeholder", nil); got != want {
		t.Errorf("password hint of the saved connection %q, want %q", got, want)
	}
}

// The request preview and a test's details are monospaced, except in a language whose
// words around them are wide characters: in Japanese the "パート" lines of the preview were
// drawn pushed down onto the XML below them, their bottoms cut (logStyle).
func TestExactTextWithJapaneseWordsIsNotMonospaced(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		e.w.Win.Resize(fyne.NewSize(1024, 640))
		v := e.w.Connections
		v.reload("Local sandbox")
		e.remote.verdict = uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "demo@hoist.local", Company: "c|2101",
			Exchange: uploader.Exchange{Operation: "checkLogin", URL: "http://127.0.0.1:9/scene7/services/IpsApiService", Request: "<password>*</password>", Status: 200}}
		v.Test()
		for name, l := range map[string]*widget.Label{"request preview": e.w.Preview.label, "test details": v.details.label} {
			wide := strings.ContainsFunc(l.Text, isWide)
			if l.Text == "" || l.TextStyle.Monospace == wide {
				t.Errorf("%s: monospaced %v with wide characters %v: %q", name, l.TextStyle.Monospace, wide, l.Text)
			}
			if code == "ja" && !wide {
				t.Errorf("%s in Japanese has no Japanese word: %q", name, l.Text)
			}
		}
	})
}

// Upload options has no two sections of the same name: the card with the company handle,
// the job name, links and speed was "Advanced" right under Scene7's own "Advanced" group,
// and "Upload options › Advanced" could mean either.
func TestUploadOptionsSectionsHaveDistinctNames(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		e.w.Tabs.SelectIndex(tabOptions)
		groups := map[string]bool{}
		for _, o := range test.LaidOutObjects(e.w.Options.Content) {
			if a, ok := o.(*widget.Accordion); ok {
				for _, it := range a.Items {
					groups[it.Title] = true
				}
			}
		}
		if len(groups) == 0 {
			t.Fatal("no option groups found")
		}
		cards := 0
		for _, o := range test.LaidOutObjects(e.w.Tabs.Items[tabOptions].Content) {
			if c, ok := o.(*widget.Card); ok {
				cards++
				if groups[c.Title] {
					t.Errorf("the section %q has the name of an option group", c.Title)
				}
			}
		}
		if cards == 0 {
			t.Fatal("no sections found")
		}
	})
}
