package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/uploader"
)

func TestEveryFieldHasAnInput(t *testing.T) {
	of := NewOptionsForm(uploader.DefaultOptions())
	for _, f := range uploader.Fields {
		if of.Input(f.Path) == nil {
			t.Errorf("no input for %s", f.Path)
		}
	}
	if got := len(of.sections.Items); got != len(uploader.Groups)-1 {
		t.Errorf("%d sections, want %d", got, len(uploader.Groups)-1)
	}
}

func TestManualCropAppearsInThePreview(t *testing.T) {
	e := newTestEnv(t)
	of := e.w.Options
	test.Tap(of.Input("manualCropOptions").(*widget.Check))
	for path, v := range map[string]string{"left": "12", "right": "0", "top": "30", "bottom": "4"} {
		entry := of.Input("manualCropOptions." + path).(*numberEntry)
		entry.SetText("")
		test.Type(entry, v)
	}
	// Indented to be read: one element per line, the leaves on their own line.
	want := "    <manualCropOptions>\n      <left>12</left>\n      <right>0</right>\n      <top>30</top>\n      <bottom>4</bottom>\n    </manualCropOptions>\n"
	if got := e.w.Preview.Text(); !strings.Contains(got, want) {
		t.Fatalf("preview lacks %s:\n%s", want, got)
	}
	if got := e.w.Preview.Text(); !strings.Contains(got, "<password>*</password>") || strings.Contains(got, "sandbox</password>") {
		t.Errorf("the preview does not mask the password:\n%s", got)
	}
	if !strings.Contains(of.items["Crop"].Title, "Manual crop") {
		t.Errorf("the Crop section's title %q does not say the manual crop is on", of.items["Crop"].Title)
	}
	// Off again: the block leaves the request.
	test.Tap(of.Input("manualCropOptions").(*widget.Check))
	if strings.Contains(e.w.Preview.Text(), "manualCropOptions") {
		t.Error("manual crop still in the preview after switching it off")
	}
}

func TestInvalidValueShowsAnInlineErrorAndDisablesUpload(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a"})
	e.w.Drop(fileURIs(filepath.Join(dir, "a.jpg")))
	if e.w.Queue.Upload.Disabled() {
		t.Fatalf("Upload disabled before any error: %q", e.w.Queue.blocker.Text)
	}
	of := e.w.Options
	test.Tap(of.Input("unsharpMaskOptions").(*widget.Check))
	amount := of.Input("unsharpMaskOptions.amount").(*numberEntry)
	cases := []struct{ typed, want string }{
		{"7", "Amount (0 to 5) must be between 0 and 5; it is 7."},
		{"lots", `Amount (0 to 5) must be a number, such as 0.5; "lots" is not.`},
		{"", "Enter a number for Amount (0 to 5)."},
	}
	for _, c := range cases {
		amount.SetText("")
		test.Type(amount, c.typed)
		if got := of.ErrorText("unsharpMaskOptions.amount"); got != c.want {
			t.Errorf("typed %q: error %q, want %q", c.typed, got, c.want)
		}
		if !e.w.Queue.Upload.Disabled() {
			t.Errorf("typed %q: Upload stays enabled", c.typed)
		}
		if !strings.Contains(e.w.Queue.blocker.Text, c.want) {
			t.Errorf("typed %q: the queue says %q", c.typed, e.w.Queue.blocker.Text)
		}
	}
	test.Type(amount, "1,5") // a decimal comma is read as a point
	if got := of.ErrorText("unsharpMaskOptions.amount"); got != "" {
		t.Errorf("valid value still shows %q", got)
	}
	if e.w.Queue.Upload.Disabled() {
		t.Errorf("Upload disabled after the fix: %q", e.w.Queue.blocker.Text)
	}
	if !strings.Contains(e.w.Preview.Text(), "<amount>1.5</amount>") {
		t.Error("the preview lacks the amount")
	}
	// An error inside a block that is switched off no longer counts.
	amount.SetText("9")
	test.Tap(of.Input("unsharpMaskOptions").(*widget.Check))
	if !of.Valid() || e.w.Queue.Upload.Disabled() {
		t.Errorf("an option that is off still blocks: %v", of.Problems())
	}
}

func TestDrSumShowsOnlyOverwrite(t *testing.T) {
	e := newTestEnv(t)
	e.w.Dest.reload("Local sandbox (Dr.Sum)")
	of := e.w.Options
	if of.sections.Visible() || of.fields["readyForPublish"].box.Visible() || !of.fields["overwrite"].box.Visible() {
		t.Fatal("Dr.Sum shows Scene7 options")
	}
	if e.w.Dest.coBox.Visible() {
		t.Error("Dr.Sum asks for a company handle")
	}
	got := e.w.Preview.Text()
	if !strings.Contains(got, `field "dest_dir"   /filer/campaign`) || !strings.Contains(got, "base64(apiuser01:*)") {
		t.Errorf("Dr.Sum preview:\n%s", got)
	}
}
