package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestShortenPathKeepsTheFileName(t *testing.T) {
	fitsIn := func(n int) func(string) bool {
		return func(s string) bool { return utf8.RuneCountInString(s) <= n }
	}
	p := "campaign/spring-2026/hero-banners/landscape/hero-banner-1.jpg"
	for _, c := range []struct {
		room int
		want string
	}{
		{100, p},
		{50, "campaign/spring-2026/…/landscape/hero-banner-1.jpg"},
		{40, "campaign/…/landscape/hero-banner-1.jpg"},
		{30, "campaign/…/hero-banner-1.jpg"},
		{20, "…/hero-banner-1.jpg"},
		{14, "…/hero…r-1.jpg"},
	} {
		got := shortenPath(p, fitsIn(c.room))
		if got != c.want {
			t.Errorf("in %d characters: %q, want %q", c.room, got, c.want)
		}
	}
	if got := shortenPath("a-very-long-file-name.jpeg", fitsIn(12)); got != "a-ve…me.jpeg" {
		t.Errorf("a name alone: %q", got)
	}
}

// In a narrow row the label shows the file name whole and the folders shortened, and the
// whole path stays available.
func TestPathLabelShortensToItsWidth(t *testing.T) {
	test.NewTempApp(t)
	l := newPathLabel()
	p := "campaign/spring-2026/hero-banners/hero-banner-spring-collection-landscape-12.jpg"
	l.SetPath(p)
	l.Resize(fyne.NewSize(1000, 40))
	if l.Text != p {
		t.Errorf("wide: %q", l.Text)
	}
	l.Resize(fyne.NewSize(380, 40))
	if !strings.HasSuffix(l.Text, "/hero-banner-spring-collection-landscape-12.jpg") || !strings.Contains(l.Text, "…") {
		t.Errorf("narrow: %q", l.Text)
	}
	if l.Path() != p {
		t.Errorf("path %q", l.Path())
	}
	if l.MinSize().Width > 100 {
		t.Errorf("the label asks for %v: a long name must not widen the window", l.MinSize().Width)
	}
}
