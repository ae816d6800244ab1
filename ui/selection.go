package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// selection is the set of selected queue rows, chosen as in a file manager: a click
// selects one row, Ctrl (Cmd on macOS) adds or removes one, Shift selects the range from
// the last click.
type selection struct {
	set    map[int]bool
	anchor int // the last row clicked without Shift; -1 when none
	// between lists the rows on screen from lo to hi (queue indices, both included): a
	// Shift range takes only those, not the rows a filter hides in between.
	between func(lo, hi int) []int
}

func newSelection(between func(lo, hi int) []int) selection {
	return selection{set: map[int]bool{}, anchor: -1, between: between}
}

func (s *selection) click(i int, mods fyne.KeyModifier) {
	switch {
	case mods&fyne.KeyModifierShift != 0 && s.anchor >= 0:
		if mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
			clear(s.set)
		}
		for _, j := range s.between(min(i, s.anchor), max(i, s.anchor)) {
			s.set[j] = true
		}
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if s.set[i] {
			delete(s.set, i)
		} else {
			s.set[i] = true
		}
		s.anchor = i
	default:
		clear(s.set)
		s.set[i] = true
		s.anchor = i
	}
}

func (s *selection) has(i int) bool { return s.set[i] }

func (s *selection) rows() []int {
	out := make([]int, 0, len(s.set))
	for i := range s.set {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

func (s *selection) clear() {
	clear(s.set)
	s.anchor = -1
}

// prune forgets rows past the end of a list that has shrunk.
func (s *selection) prune(n int) {
	for i := range s.set {
		if i >= n {
			delete(s.set, i)
		}
	}
	if s.anchor >= n {
		s.anchor = -1
	}
}

// visibleBetween lists the rows the list shows from queue index lo to hi, both included:
// all of them, or with "Show problems only" those that pass the filter.
func (v *QueueView) visibleBetween(lo, hi int) []int {
	if v.ProblemsOnly == nil || !v.ProblemsOnly.Checked {
		out := make([]int, 0, hi-lo+1)
		for j := lo; j <= hi; j++ {
			out = append(out, j)
		}
		return out
	}
	from, _ := slices.BinarySearch(v.shown, lo) // shown is in queue order
	to, found := slices.BinarySearch(v.shown, hi)
	if found {
		to++
	}
	return slices.Clone(v.shown[from:to])
}

// currentModifiers are the keys held down, where the driver can tell (desktops).
func currentModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}
