package app

import "testing"

// Two screens side by side, as on a laptop with a monitor: the laptop (primary) on the
// left with a top panel, a larger monitor on the right, its top 200 px lower.
var (
	laptop   = monitor{name: "eDP-1", area: rect{0, 0, 1366, 768}, work: rect{0, 28, 1366, 740}}
	external = monitor{name: "HDMI-1", area: rect{1366, 200, 1920, 1080}, work: rect{1366, 200, 1920, 1040}}
	screens  = []monitor{laptop, external}
)

func TestScreenKeyIsNameAndResolution(t *testing.T) {
	if k := laptop.key(); k != "eDP-1-1366x768" {
		t.Errorf("laptop: %q", k)
	}
	if k := external.key(); k != "HDMI-1-1920x1080" {
		t.Errorf("external: %q", k)
	}
}

func TestOpenOn(t *testing.T) {
	none := rect{}
	for _, c := range []struct {
		name     string
		saved    rect
		savedOK  bool
		now      rect
		nowOK    bool
		want     string
		wantKeep bool
	}{
		{name: "closed on the external screen: back there", saved: rect{1500, 300, 1200, 700}, savedOK: true,
			now: rect{100, 100, 800, 600}, nowOK: true, want: "HDMI-1", wantKeep: true},
		{name: "closed on the laptop", saved: rect{50, 60, 1000, 600}, savedOK: true,
			now: rect{1500, 300, 800, 600}, nowOK: true, want: "eDP-1", wantKeep: true},
		{name: "across both: the screen with most of it", saved: rect{1000, 300, 1200, 400}, savedOK: true,
			want: "HDMI-1", wantKeep: true},
		{name: "the external screen is gone: where the window manager put it", saved: rect{3400, 300, 1200, 700}, savedOK: true,
			now: rect{1400, 400, 800, 600}, nowOK: true, want: "HDMI-1"},
		{name: "first start: where the window manager put it", now: rect{1400, 400, 800, 600}, nowOK: true, want: "HDMI-1"},
		{name: "first start on the laptop", now: rect{200, 100, 800, 600}, nowOK: true, want: "eDP-1"},
		{name: "position unknown (Wayland): the primary", want: "eDP-1"},
		{name: "off every screen: the primary", now: rect{-3000, -3000, 800, 600}, nowOK: true, want: "eDP-1"},
		{name: "a saved place not read (bad preference) counts for nothing", saved: none, savedOK: false,
			now: rect{1400, 400, 800, 600}, nowOK: true, want: "HDMI-1"},
	} {
		m, keep := openOn(screens, c.saved, c.savedOK, c.now, c.nowOK)
		if m.name != c.want || keep != c.wantKeep {
			t.Errorf("%s: %s (keep %v), want %s (keep %v)", c.name, m.name, keep, c.want, c.wantKeep)
		}
	}
}

func TestPlaceIn(t *testing.T) {
	work := external.work // 1366,200 1920×1040
	for _, c := range []struct {
		name       string
		x, y, w, h int
		wantX      int
		wantY      int
	}{
		{"inside: unmoved", 1500, 300, 1200, 700, 1500, 300},
		{"past the right edge: moved left", 2500, 300, 1200, 700, 3286 - 1200, 300},
		{"past the bottom (the screen's panel grew)", 1500, 900, 1200, 700, 1500, 1240 - 700},
		{"above the work area", 1500, 100, 1200, 700, 1500, 200},
		{"left of it", 0, 300, 1200, 700, 1366, 300},
		{"larger than the work area: top-left corner", 1500, 300, 2500, 1200, 1366, 200},
	} {
		x, y := placeIn(work, c.x, c.y, c.w, c.h)
		if x != c.wantX || y != c.wantY {
			t.Errorf("%s: %d,%d, want %d,%d", c.name, x, y, c.wantX, c.wantY)
		}
	}
	if x, y := centreIn(laptop.work, 1266, 640); x != 50 || y != 28+50 {
		t.Errorf("centred on the laptop: %d,%d", x, y)
	}
	if x, y := centreIn(external.work, 1280, 800); x != 1366+320 || y != 200+120 {
		t.Errorf("centred on the external screen: %d,%d", x, y)
	}
}

func TestSavedPlaceReadsBack(t *testing.T) {
	r := rect{-1280, 24, 1280, 800} // a screen left of the primary has negative x
	if got, ok := parseRect(r.String()); !ok || got != r {
		t.Errorf("%v read back as %v, %v", r, got, ok)
	}
	for _, bad := range []string{"", "1,2,3", "a,b,c,d", "0,0,0,0", "0,0,-5,10", "1,2,3,4,5"} {
		if _, ok := parseRect(bad); ok {
			t.Errorf("%q was taken for a place", bad)
		}
	}
}

func TestMonitorUnder(t *testing.T) {
	if _, ok := monitorUnder(screens, rect{1366, 0, 500, 200}); ok {
		t.Error("the gap above the external screen was taken for a screen")
	}
	if m, ok := monitorUnder(screens, rect{1300, 250, 200, 100}); !ok || m.name != "HDMI-1" {
		t.Errorf("a window mostly on the external screen: %v, %v", m.name, ok)
	}
	if m, ok := monitorUnder(screens, rect{1300, 250, 100, 100}); !ok || m.name != "eDP-1" {
		t.Errorf("a window mostly on the laptop: %v, %v", m.name, ok)
	}
}
