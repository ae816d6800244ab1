package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A screen that places the window itself is handed the size the window took there.
func TestFitScreenHandsTheSizeToPlace(t *testing.T) {
	e := newTestEnv(t)
	var placed []fyne.Size
	s := Screen{Key: "HDMI-1-1920x1080", Work: fyne.NewSize(1920, 1040), Place: func(size fyne.Size) { placed = append(placed, size) }}
	e.w.FitScreen(s)
	if len(placed) != 1 || placed[0] != DefaultSize || e.w.Win.Canvas().Size() != DefaultSize {
		t.Fatalf("placed %v, window %v", placed, e.w.Win.Canvas().Size())
	}
	small := Screen{Key: "VGA-1-1024x640", Work: fyne.NewSize(1024, 640), Place: func(size fyne.Size) { placed = append(placed, size) }}
	e.w.FitScreen(small)
	if got := placed[len(placed)-1]; got != e.w.Win.Canvas().Size() || got.Width > 1024 || got.Height > 640 {
		t.Errorf("on a small screen placed %v, window %v", got, e.w.Win.Canvas().Size())
	}
}
