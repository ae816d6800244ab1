package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoist/uploader"
)

// The speed limit typed under Sending applies to the engine's limiter at once, refuses
// what it cannot read without changing the limit, and is restored in the next window.
func TestBandwidthSettingAppliesAndPersists(t *testing.T) {
	e := newTestEnv(t)
	d := e.w.d
	d.Bandwidth = uploader.NewBandwidth(0)
	w := New(e.w.App, e.w.App.NewWindow("Hoist"), d)

	test.Type(w.Bandwidth.Entry, "20M")
	if got := d.Bandwidth.Limit(); got != 20<<20 {
		t.Fatalf("limit %d after typing 20M", got)
	}
	w.Bandwidth.Entry.SetText("lots")
	if got := d.Bandwidth.Limit(); got != 20<<20 || !strings.Contains(w.Bandwidth.Hint.Text, "20M or 500k") {
		t.Fatalf("limit %d, hint %q after an unreadable entry", got, w.Bandwidth.Hint.Text)
	}
	w.Bandwidth.Entry.SetText("500k")
	if got := e.w.App.Preferences().String(prefBandwidth); got != "500k" {
		t.Fatalf("saved %q", got)
	}

	d.Bandwidth = uploader.NewBandwidth(0)
	w2 := New(e.w.App, e.w.App.NewWindow("Hoist"), d)
	if w2.Bandwidth.Entry.Text != "500k" || d.Bandwidth.Limit() != 500<<10 {
		t.Fatalf("restored %q, limit %d", w2.Bandwidth.Entry.Text, d.Bandwidth.Limit())
	}
	w2.Bandwidth.Entry.SetText("")
	if d.Bandwidth.Limit() != 0 {
		t.Fatal("clearing the field did not remove the limit")
	}
}
