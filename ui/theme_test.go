package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The text of a success, a warning and an error can be read on the window's background
// in both variants, and the white or dark text of a button of that importance on it:
// contrast at least 4.5 to 1 (WCAG AA). Fyne's own light variant has 1.5 for success.
func TestThemeTextIsReadable(t *testing.T) {
	th := Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, c := range []struct{ name, on fyne.ThemeColorName }{
			{theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess},
			{theme.ColorNameWarning, theme.ColorNameForegroundOnWarning},
			{theme.ColorNameError, theme.ColorNameForegroundOnError},
			{theme.ColorNameForeground, theme.ColorNameBackground},
		} {
			fg := th.Color(c.name, v)
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("variant %d: %s on the background: contrast %.2f", v, c.name, r)
			}
			if c.name != theme.ColorNameForeground {
				if r := contrast(th.Color(c.on, v), fg); r < 4.5 {
					t.Errorf("variant %d: %s on %s: contrast %.2f", v, c.on, c.name, r)
				}
			}
		}
	}
	// Everything else is Fyne's.
	if th.Color(theme.ColorNamePrimary, theme.VariantLight) != theme.DefaultTheme().Color(theme.ColorNamePrimary, theme.VariantLight) {
		t.Error("the primary colour changed")
	}
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// The overall bar's text ("0%", "40 %") reads on both of the bar's parts in both variants:
// on the filled part (the primary colour) and on the rest (the primary at half opacity
// over the background, as Fyne draws it). On the light variant Fyne's white read at 2.0
// to 1 on the rest.
func TestProgressBarTextIsReadable(t *testing.T) {
	e := newTestEnv(t)
	box := e.w.Queue.overallBox
	if box == nil || box.Content != e.w.Queue.overall {
		t.Fatal("the overall bar is not drawn with barTheme")
	}
	if _, ok := box.Theme.(barTheme); !ok {
		t.Fatalf("the overall bar's theme is %T", box.Theme)
	}
	th := barTheme{Theme()} // the test app's theme is Fyne's test theme: check the window's own
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fill := color.NRGBAModel.Convert(th.Color(theme.ColorNamePrimary, v)).(color.NRGBA)
		bg := color.NRGBAModel.Convert(th.Color(theme.ColorNameBackground, v)).(color.NRGBA)
		half := func(f, b uint8) uint8 { return uint8((int(f)*int(fill.A/2) + int(b)*(255-int(fill.A/2))) / 255) }
		rest := color.NRGBA{R: half(fill.R, bg.R), G: half(fill.G, bg.G), B: half(fill.B, bg.B), A: 0xff}
		text := th.Color(theme.ColorNameForegroundOnPrimary, v)
		for name, under := range map[string]color.Color{"filled part": fill, "rest": rest} {
			if r := contrast(text, under); r < 4.4 { // Fyne's own white on its primary is 4.47
				t.Errorf("variant %d: the bar's text on its %s: contrast %.2f", v, name, r)
			}
		}
	}
}
