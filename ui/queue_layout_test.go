package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
)

// A status line shown above the list pushes the list down instead of covering its first row.
func TestQueueStatusDoesNotCoverTheList(t *testing.T) {
	eachLanguage(t, queueStatusDoesNotCoverTheList)
}

func queueStatusDoesNotCoverTheList(t *testing.T, _ string) {
	a := test.NewTempApp(t)
	q := session.New(session.Config{Uploader: noUploads{}})
	v := newQueueView(q, queueActions{})
	w := a.NewWindow("queue")
	w.SetContent(v.Content)
	w.Resize(fyne.NewSize(900, 600))
	if n, _ := q.Add([]string{files(t, map[string]string{"c/a.jpg": "a", "c/b.jpg": "b"}) + "/c"}); n != 2 {
		t.Fatalf("added %d files", n)
	}
	abs := func(o fyne.CanvasObject) fyne.Position { return a.Driver().AbsolutePositionForObject(o) }
	before := abs(v.list).Y
	v.SetStatus(words.N("queue.removed.some_stay", 2, nil)) // long: it may wrap, so its height matters
	top := abs(v.status).Y + v.status.Size().Height
	if abs(v.list).Y < top || abs(v.list).Y <= before {
		t.Fatalf("the list starts at %v, under a status line ending at %v (was %v)", abs(v.list).Y, top, before)
	}
	v.SetStatus("")
	if abs(v.list).Y != before {
		t.Errorf("hiding the status should give the room back: list at %v, want %v", abs(v.list).Y, before)
	}
}
