package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
)

// With "Show problems only", a Shift-click range takes the problems on screen between the
// two clicks, never the finished files the filter hides between them; Remove then takes
// off only those.
func TestShiftRangeTakesOnlyTheRowsOnScreen(t *testing.T) {
	e := newTestEnvWith(t, &countUploads{})
	restoredRows(t, e, session.Failed, session.Done, session.Skipped, session.Done, session.Done, session.Cancelled, session.Done)
	q := e.w.Queue
	test.Tap(q.ProblemsOnly)
	if n := q.list.Length(); n != 3 {
		t.Fatalf("%d rows listed with the filter on, want 3", n)
	}
	q.List().Select(0) // a plain click on the first problem (a.jpg)
	q.Select(q.rowAt(2), fyne.KeyModifierShift)
	if got := q.Selected(); !slices.Equal(got, []int{0, 2, 5}) {
		t.Fatalf("Shift-click selected rows %v, want [0 2 5] (a, c, f: the problems on screen)", got)
	}
	if shown := selectedShown(q); !slices.Equal(shown, []string{"a.jpg", "c.jpg", "f.jpg"}) {
		t.Errorf("rows drawn as selected: %v", shown)
	}

	// Backwards, and added to a selection with Ctrl+Shift: still only what is on screen.
	q.List().Select(2) // f.jpg
	q.Select(q.rowAt(1), fyne.KeyModifierShift)
	if got := q.Selected(); !slices.Equal(got, []int{2, 5}) {
		t.Fatalf("a backwards Shift-click selected %v, want [2 5]", got)
	}

	q.List().Select(0)
	q.Select(q.rowAt(2), fyne.KeyModifierShift)
	chooseRemove(t, q, q.RemoveSelectedItem)
	e.w.ref.flush()
	if got := rels(e.q); !slices.Equal(got, []string{"b.jpg", "d.jpg", "e.jpg", "g.jpg"}) {
		t.Errorf("after Remove the queue holds %v, want the four finished files", got)
	}

	// Filter off: a range is every row again.
	test.Tap(q.ProblemsOnly)
	q.List().Select(0)
	q.Select(3, fyne.KeyModifierShift)
	if got := q.Selected(); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("without the filter Shift-click selected %v", got)
	}
}

func TestVisibleBetween(t *testing.T) {
	for _, c := range []struct {
		shown  []int
		lo, hi int
		want   []int
	}{
		{[]int{0, 2, 5}, 0, 5, []int{0, 2, 5}},
		{[]int{0, 2, 5}, 1, 4, []int{2}},
		{[]int{0, 2, 5}, 3, 4, []int{}},
		{[]int{0, 2, 5}, 2, 2, []int{2}},
		{[]int{1, 3}, 0, 9, []int{1, 3}},
		{nil, 0, 3, []int{}},
	} {
		v := &QueueView{ProblemsOnly: &widget.Check{Checked: true}, shown: c.shown}
		if got := v.visibleBetween(c.lo, c.hi); !slices.Equal(got, c.want) {
			t.Errorf("shown %v, %d..%d: %v, want %v", c.shown, c.lo, c.hi, got, c.want)
		}
	}
	v := &QueueView{}
	if got := v.visibleBetween(2, 4); !slices.Equal(got, []int{2, 3, 4}) {
		t.Errorf("no filter, 2..4: %v", got)
	}
}
